import pytest


@pytest.fixture(scope="session")
def app_theme(qapp):
    from playground.app import create_app

    return create_app()


@pytest.fixture
def window(qtbot, app_theme):
    """The real main window, shown, with its Curve-lab worker started and ready."""
    from playground.ui.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    win.start_backends()
    qtbot.waitUntil(win.curve_lab.is_ready, timeout=60_000)
    yield win
    # addWidget keeps only a weak reference: join the threads here, or the next test inherits them.
    win.shutdown()


@pytest.fixture
def classroom_env(monkeypatch, tmp_path):
    """A fresh settings file for this test; language, theme and presentation mode put back afterwards."""
    path = tmp_path / "settings.ini"
    monkeypatch.setenv("NN_PLAYGROUND_SETTINGS", str(path))
    yield path
    from playground.ui import appearance, i18n

    i18n.manager().font_check = i18n.has_cjk_font
    i18n.manager().set_language("en")
    appearance.apply_theme(None, dark=True)
