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
