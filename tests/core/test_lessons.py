from playground.core.curve.config import CurveConfig, notes_preset
from playground.core.gradient_descent.descent import GDSetup, notes_setup as gd_notes
from playground.core.lessons.catalog import LESSONS, lesson, typed_settings
from playground.core.linear.regression import LinearSetup, notes_setup as linear_notes


def test_lessons_carry_the_notes_exact_settings():
    settings, problems = typed_settings(lesson("curve_x2"))
    assert problems == [] and isinstance(settings, CurveConfig) and settings == notes_preset()
    settings, problems = typed_settings(lesson("linear_y2x"))
    assert problems == [] and settings == linear_notes() == LinearSetup(lr=0.01, max_steps=1000, seed=29)
    settings, problems = typed_settings(lesson("gd_x2"))
    assert problems == [] and isinstance(settings, GDSetup)
    assert (settings.function, settings.start, settings.lr, settings.momentum) == ("x2", (5.0,), 0.1, 0.0)
    assert (settings.function, settings.start, settings.lr) == (gd_notes().function, gd_notes().start, gd_notes().lr)


def test_every_lesson_explains_in_english_and_chinese():
    assert [item.key for item in LESSONS] == ["linear_y2x", "curve_x2", "gd_x2", "mnist_mlp", "mnist_cnn",
                                          "autograd_quadratic", "autograd_neuron"]
    for item in LESSONS:
        for language in ("en", "zh"):
            assert item.title_in(language) and len(item.text_in(language)) > 40
        assert "Watch" in item.text["en"] and "Try next" in item.text["en"]
        assert "观察" in item.text["zh"] and "接下来" in item.text["zh"]
        assert item.title_in("fr") == item.title["en"]  # unknown language: English


def test_lesson_html_has_no_bare_less_than():
    import re

    for item in LESSONS:
        for text in item.text.values():
            assert not re.search(r"<(?![/a-z])", text), item.key  # a bare '<' would swallow the rest of the text
