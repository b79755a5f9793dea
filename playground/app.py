"""Start the desktop app: the window first, torch afterwards (in the worker thread)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

import playground
from playground.core.paths import icon_path
from playground.ui import theme


def create_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("NN Playground")
    app.setOrganizationName("NN Playground")
    app.setDesktopFileName("nn-playground")  # Wayland/X11 match the window to the installed .desktop entry
    app.setWindowIcon(QIcon(str(icon_path())))  # every window, the taskbar, the About box
    theme.apply_palette(app, dark=True)
    theme.configure_plots(dark=True)
    return app


def run_gui(argv: list[str] | None = None, on_window=None, session: str | None = None) -> int:
    """The app until its window closes; ``session``: a .nnplay file to open once the window is up
    (a bad file gets the usual message box, and the app starts as usual)."""
    from playground.core.training.runtime import gc_paused_for_imports

    with gc_paused_for_imports():  # the window's ~90,000 objects live as long as it does (~20 ms of collections)
        window = _build_window(argv, on_window)
        window.show()  # builds the first tab's lab
    app = QApplication.instance()
    QTimer.singleShot(0, window.start_backends)  # after the first paint
    if session:
        QTimer.singleShot(0, lambda: window.classroom.open_session(session))
    try:
        return app.exec()
    finally:
        from playground.ui import crash_report

        crash_report.uninstall()


def _build_window(argv: list[str] | None, on_window):
    app = create_app(argv)
    from playground.core.desktop.logfile import logger, setup_logging
    from playground.ui import crash_report

    setup_logging()
    crash_report.install(app)  # a bug gets a dialog and a log entry; the app keeps running
    logger.info("NN Playground %s starting", playground.__version__)
    from playground.ui import classroom  # pyqtgraph loads here, after QApplication
    from playground.ui.main_window import MainWindow

    classroom.startup(app)  # saved (or system) language and theme, before any widget exists
    window = MainWindow()
    window.classroom.restore_settings()  # geometry, tab, each lab's last config
    app.aboutToQuit.connect(window.shutdown)
    if on_window is not None:
        on_window(window)
    return window
