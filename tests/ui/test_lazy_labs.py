"""Labs are built when their tab is first opened: start-up builds only the tab shown first."""

from dataclasses import replace

from PySide6.QtCore import Qt

from playground.core.gradient_descent.descent import GDConfig
from playground.ui.lab_base import Lab
from playground.ui.settings import Settings


def test_only_the_first_tab_is_built_at_start_and_a_tab_builds_its_lab_when_opened(qtbot, window):
    assert list(window.labs.built()) == ["curve"]
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles == [cls.tab_title() for cls in window.labs.classes.values()] and all(titles)
    index = list(window.labs).index("linear")
    qtbot.mouseClick(window.tabs.tabBar(), Qt.LeftButton, pos=window.tabs.tabBar().tabRect(index).center())
    linear = window.tabs.currentWidget()
    assert isinstance(linear, Lab) and linear.key == "linear" and window.labs.is_built("linear")
    assert window.tabs.tabText(index) == titles[index] and linear.status_label.isVisible()
    assert not window.curve_lab.status_label.isVisible()
    qtbot.waitUntil(linear.is_ready, timeout=60_000)  # its worker started when its tab was shown
    assert set(window.labs.built()) == {"curve", "linear"}


def test_remembered_settings_of_a_lab_reach_it_when_it_is_built(qtbot, window, classroom_env):
    settings = Settings()
    settings.set_lab_state("gd", {"config": {"function": "x4", "start_x": 1.5, "lr": 0.02}})
    settings.sync()
    assert window.classroom.restore_settings() == []
    assert not window.labs.is_built("gd")
    gd = window.show_lab("gd")
    assert (gd.config().function, gd.config().start_x, gd.config().lr) == ("x4", 1.5, 0.02)
    assert isinstance(gd.config(), GDConfig)


def test_a_lab_built_in_presentation_mode_presents_and_comes_back(qtbot, window, classroom_env):
    qtbot.keyClick(window, Qt.Key_F11)
    assert window.isFullScreen() and not window.labs.is_built("classify")
    classify = window.show_lab("classify")
    assert classify.controls.editor("seed").isHidden() and classify.controls.editor("activation").isVisible()
    qtbot.keyClick(window, Qt.Key_Escape)
    assert not window.isFullScreen() and classify.controls.editor("seed").isVisible()


def test_closing_saves_the_built_labs_and_keeps_what_the_others_had(qtbot, window, classroom_env):
    settings = Settings()
    settings.set_lab_state("sweep", {"config": {"max_steps": 123}})
    settings.sync()
    window.curve_lab.set_config(replace(window.curve_lab.config(), hidden_width=17))
    window.classroom.save_settings()
    settings = Settings()
    assert settings.lab_state("curve")["config"]["hidden_width"] == 17
    assert settings.lab_state("sweep") == {"config": {"max_steps": 123}}  # never opened: untouched
    assert not window.labs.is_built("sweep")


def test_f11_before_the_mnist_tab_was_ever_opened_keeps_its_training_side(qtbot, window, classroom_env):
    """Issue 13, fault 3: presentation mode first, then the MNIST tab, then Esc: both sides are there."""
    qtbot.keyClick(window, Qt.Key_F11)
    mnist = window.show_lab("mnist")
    qtbot.waitUntil(lambda: min(mnist.splitter.sizes()) > 100, timeout=60_000)
    qtbot.keyClick(window, Qt.Key_Escape)
    assert not window.isFullScreen()
    qtbot.waitUntil(lambda: mnist.side_tabs.width() > 200 and mnist.drawing.width() > 200, timeout=60_000)
