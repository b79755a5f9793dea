"""Settings: restored on the next start; a file edited into nonsense falls back to defaults per value."""

from dataclasses import replace

from PySide6.QtCore import QByteArray, Qt

from playground.core.curve.config import CurveConfig
from playground.ui import appearance, classroom, i18n
from playground.ui.main_window import MainWindow
from playground.ui.settings import Settings
from tests.ui.helpers import choose


def _new_window(qtbot):
    win = MainWindow()
    qtbot.addWidget(win)
    return win


def test_window_tab_theme_language_and_lab_config_come_back(qtbot, window, classroom_env):
    lab = window.curve_lab
    choose(qtbot, lab.controls.editor("activation"), "Tanh")
    lab.controls.editor("hidden_width").slider.setFocus()
    for _ in range(5):
        qtbot.keyClick(lab.controls.editor("hidden_width").slider, Qt.Key_Right)
    window.classroom.light_action.trigger()
    window.classroom.language_actions["zh"].trigger()
    window.tabs.setCurrentIndex(window.tabs.count() - 1)
    last_tab = window.tabs.currentWidget()
    window.resize(760, 540)
    geometry = window.saveGeometry()
    expected = lab.config()
    window.close()  # saves

    # Next start: startup() before the window, restore_settings() after it (as run_gui does).
    i18n.manager().set_language("en")
    appearance.apply_theme(None, dark=True)
    classroom.startup()
    assert i18n.manager().language() == "zh"
    assert not appearance.is_dark()
    win = _new_window(qtbot)
    problems = win.classroom.restore_settings()
    assert problems == []
    assert win.curve_lab.config() == expected
    assert win.curve_lab.controls.editor("activation").currentData() == "Tanh"
    assert win.curve_lab.controls.editor("hidden_width").value() == expected.hidden_width == 15
    assert type(win.tabs.currentWidget()) is type(last_tab)
    # The geometry came back (restoreGeometry accepted it: no problem reported). Sizes themselves are clamped
    # to the 800 × 600 offscreen screen, so they are not compared here.
    assert Settings().geometry() == geometry
    assert win.classroom.light_action.isChecked() and win.classroom.language_actions["zh"].isChecked()


NONSENSE = r"""[ui]
theme=purple
language=42

[window]
geometry=not a geometry
tab=no-such-tab

[labs]
curve="{\"config\": {\"lr\": \"fast\", \"hidden_width\": 9999, \"activation\": \"Nope\", \"depth\": 3, \"noise\": -1, \"bogus\": 1, \"seed\": true}}"
gd="[1, 2"
linear=17

[files]
recent=not a list
last_folder=/no/such/folder
"""


def test_a_settings_file_edited_into_nonsense_falls_back_per_value(qtbot, classroom_env):
    classroom_env.write_text(NONSENSE, encoding="utf-8")
    settings = Settings()
    assert settings.theme() == "dark"
    assert settings.language() is None
    assert settings.geometry() is None
    assert settings.recent_files() == []
    assert settings.lab_state("gd") is None and settings.lab_state("linear") is None
    config = settings.lab_config("curve", CurveConfig)
    # The one good value is kept; every bad one is the default.
    assert config == replace(CurveConfig(), depth=3)
    assert len(settings.problems) >= 8

    classroom.startup()  # never raises; defaults
    assert appearance.is_dark() and i18n.manager().language() == i18n.system_language()
    win = _new_window(qtbot)
    problems = win.classroom.restore_settings()
    assert win.curve_lab.config() == replace(CurveConfig(), depth=3)
    assert win.curve_lab.controls.editor("depth").value() == 3
    assert win.tabs.currentIndex() == 0
    assert any("hidden_width" in p for p in problems) and any("window/tab" in p for p in problems)
    assert "invalid" in win.statusBar().currentMessage()


def test_binary_garbage_settings_file_does_not_crash(qtbot, classroom_env):
    classroom_env.write_bytes(bytes(range(256)) * 20)
    classroom.startup()
    win = _new_window(qtbot)
    win.classroom.restore_settings()
    assert win.curve_lab.config() == CurveConfig()
    win.close()  # and saving over it works
    assert Settings().lab_config("curve", CurveConfig) == CurveConfig()


def test_wrong_types_from_qsettings_are_rejected(classroom_env):
    settings = Settings()
    settings.qsettings.setValue("ui/theme", 3)
    settings.qsettings.setValue("window/geometry", "text")
    settings.qsettings.setValue("window/tab", ["a", "b"])
    settings.qsettings.setValue("labs/curve", QByteArray(b"\x00\x01"))
    settings.qsettings.setValue("files/recent", ["/a.nnplay", 5, None])
    assert settings.theme() == "dark"
    assert settings.geometry() is None
    assert settings.current_tab() is None
    assert settings.lab_state("curve") is None
    assert settings.recent_files() == ["/a.nnplay"]
