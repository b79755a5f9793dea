"""The settings panels are ConfigForms: a value between two slider (or list) stops, set by a session, a
preset or a sweep cell, stays exactly as it is when the user changes another control."""

from dataclasses import fields, replace

from PySide6.QtCore import Qt

from playground.core.training.commands import CallOnJob
from playground.ui.widgets.config_form import ComboEditor, ConfigForm
from playground.ui.widgets.value_slider import ValueSlider
from tests.ui.helpers import choose


def _between_stops(f, current):
    """A valid value of field ``f`` strictly between two of its stops (and not ``current``)."""
    stops = sorted(f.metadata["stops"])
    lo, hi = f.metadata["range"]
    for a, b in zip(stops, stops[1:]):
        value = (a * b) ** 0.5 if f.metadata.get("log") and a > 0 else (a + b) / 2
        if f.metadata.get("kind") is int:
            value = int(round(value))
        if a < value < b and lo <= value <= hi and value != current:
            return value
    return None


def _stepped_fields(form: ConfigForm):
    return [f for f in fields(form.config_type)
            if "stops" in f.metadata and isinstance(form.editor(f.name), (ValueSlider, ComboEditor))]


def _other_choice(form: ConfigForm):
    """A choice field and a value it does not have now (changed through its combo box, as a user would)."""
    for f in fields(form.config_type):
        editor = form.editors.get(f.name)
        if "choices" in f.metadata and isinstance(editor, ComboEditor) and editor.isEnabled():
            for value in f.metadata["choices"]():
                if value != getattr(form.config(), f.name) and editor.findData(value) >= 0:
                    return f.name, value
    raise AssertionError("no choice field to change")


def test_every_stepped_field_of_every_lab_keeps_a_value_between_stops(qtbot, window):
    forms = {key: lab.controls for key, lab in window.labs.items()
             if isinstance(getattr(lab, "controls", None), ConfigForm) and _stepped_fields(lab.controls)}
    assert {"curve", "classify", "mnist"} <= set(forms)
    for key, form in forms.items():
        lab = window.labs[key]
        window.tabs.setCurrentWidget(lab)
        stepped = _stepped_fields(form)
        wanted = {f.name: _between_stops(f, getattr(form.config(), f.name)) for f in stepped}
        wanted = {name: value for name, value in wanted.items() if value is not None}
        lab.set_config(replace(lab.config(), **wanted))
        for name, value in wanted.items():
            assert form.editor(name).value() == value, (key, name)
        name, value = _other_choice(form)
        choose(qtbot, form.editor(name), value)  # the user changes another setting
        config = lab.config()
        assert getattr(config, name) == value, (key, name)
        kept = {n: getattr(config, n) for n in wanted}
        assert kept == wanted, key


def test_curve_lab_trains_with_a_learning_rate_between_slider_stops(qtbot, window):
    lab = window.curve_lab
    lab.set_config(replace(lab.config(), lr=0.003))
    choose(qtbot, lab.controls.editor("activation"), "Tanh")  # another control: the network restarts
    assert lab.config().lr == 0.003 and lab.config().activation == "Tanh"
    assert lab.controls.editor("lr").label.text() == "0.003"
    qtbot.mouseClick(lab.transport.step_button, Qt.LeftButton)
    seen = []
    lab.send(CallOnJob(lambda job: seen.append((job.config.lr, job.optimizer.param_groups[0]["lr"]))))
    qtbot.waitUntil(lambda: bool(seen), timeout=60_000)
    assert seen[0] == (0.003, 0.003)
    # Moving the slider picks a stop again.
    slider = lab.controls.editor("lr").slider
    slider.setValue(slider.value() + 1)
    assert lab.config().lr != 0.003 and lab.config().lr == lab.controls.editor("lr").value()



def test_every_form_row_is_labelled_and_explained_in_both_languages(qtbot, window):
    """Labels come from the shared FieldTexts unless a form says otherwise: none may be left blank."""
    from playground.ui.i18n import CHINESE, ENGLISH, manager
    forms = {key: lab.controls for key, lab in window.labs.items()
             if isinstance(getattr(lab, "controls", None), ConfigForm)}
    assert {"curve", "classify", "mnist", "gd", "linear"} <= set(forms)
    shown = {key: {name: label for name, label in form.labels.items() if label.parentWidget() is not None}
             for key, form in forms.items()}  # a spanning editor labels itself
    english = {key: {name: label.text() for name, label in labels.items()} for key, labels in shown.items()}
    for key, labels in shown.items():
        for name, label in labels.items():
            assert label.text() and forms[key].editor(name).toolTip(), (key, name)
        for group_key, group in forms[key].groups.items():
            assert group.title(), (key, group_key)
    assert manager().set_language(CHINESE) == CHINESE
    try:
        qtbot.waitUntil(lambda: shown["curve"]["lr"].text() != english["curve"]["lr"], timeout=60_000)
        for key, labels in shown.items():
            for name, label in labels.items():
                assert label.text() and (label.text() != english[key][name] or name == "expression"), (key, name)
    finally:
        manager().set_language(ENGLISH)
