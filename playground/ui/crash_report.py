"""One dialog for unexpected exceptions (bugs): a short apology, "Copy details", where the log is.

``install(app)`` routes ``sys.excepthook`` (the GUI thread: PySide6 hands exceptions from slots and
event handlers to it), ``threading.excepthook`` (plain threads) and the workers' failure path
(``core.desktop.logfile.report_unexpected``) here. The app keeps running. While the dialog is open, further
reports are added to it instead of opening more dialogs.
"""

from __future__ import annotations

import sys
import threading

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QApplication, QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QPushButton,
                               QVBoxLayout, QWidget)

from playground.core.desktop import logfile


class CrashDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reports: list[str] = []
        self.setWindowTitle(self.tr("NN Playground: something went wrong"))
        self.apology = QLabel(self.tr("Sorry, NN Playground ran into a problem it did not expect. "
                                      "You can keep working; if something looks wrong, save your session "
                                      "and restart the app."))
        self.apology.setWordWrap(True)
        path = logfile.log_path()
        self.log_label = QLabel(self.tr("The details are in the log file: {path}").format(path=path) if path
                                else self.tr("No log file could be written; copy the details to keep them."))
        self.log_label.setWordWrap(True)
        self.log_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setMinimumHeight(160)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        self.copy_button = QPushButton(self.tr("Copy details"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        for widget in (self.apology, self.log_label, self.details, buttons):
            layout.addWidget(widget)
        self.resize(640, 420)

    def add_report(self, details: str) -> None:
        self.reports.append(details)
        self.details.setPlainText("\n".join(self.reports))

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())


class CrashReporter(QObject):
    """Lives on the GUI thread; ``reported`` is emitted from any thread and queued to it."""

    reported = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.dialog: CrashDialog | None = None
        self.reported.connect(self._show, Qt.QueuedConnection)

    def listener(self, details: str) -> None:
        self.reported.emit(details)

    @Slot(str)
    def _show(self, details: str) -> None:
        if self.dialog is None or not self.dialog.isVisible():
            self.dialog = CrashDialog(QApplication.activeWindow())
            self.dialog.setAttribute(Qt.WA_DeleteOnClose, False)
        self.dialog.add_report(details)
        self.dialog.show()  # not exec(): the app keeps running behind it
        self.dialog.raise_()


_reporter: CrashReporter | None = None
_saved_hooks = (sys.excepthook, threading.excepthook)


def install(app: QApplication) -> CrashReporter:
    """Route unexpected exceptions to the log and the dialog (once per app)."""
    global _reporter
    if _reporter is not None:
        return _reporter
    global _saved_hooks
    _saved_hooks = (sys.excepthook, threading.excepthook)
    _reporter = CrashReporter(app)
    logfile.add_listener(_reporter.listener)

    def excepthook(exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        logfile.report_unexpected(exc.with_traceback(tb), where="on the GUI thread")

    def thread_excepthook(args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit or args.exc_value is None:
            return
        name = args.thread.name if args.thread is not None else "?"
        logfile.report_unexpected(args.exc_value.with_traceback(args.exc_traceback), where=f"in thread {name}")

    sys.excepthook = excepthook
    threading.excepthook = thread_excepthook
    return _reporter


def uninstall() -> None:
    """Put the hooks back as they were (the app has ended; tests start the app several times)."""
    global _reporter
    if _reporter is None:
        return
    logfile.remove_listener(_reporter.listener)
    sys.excepthook, threading.excepthook = _saved_hooks
    _reporter = None
