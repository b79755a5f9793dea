"""Unexpected exceptions (GUI thread, plain threads, workers) → one dialog; the app keeps running."""

import sys
import threading

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication

from playground.core.desktop import logfile
from playground.ui import crash_report


@pytest.fixture
def reporter(qapp, tmp_path, monkeypatch):
    monkeypatch.setattr(crash_report, "_reporter", None)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    logfile.setup_logging(tmp_path)
    installed = crash_report.install(qapp)
    yield installed
    logfile.remove_listener(installed.listener)
    if installed.dialog is not None:
        installed.dialog.close()
    for handler in list(logfile.logger.handlers):
        logfile.logger.removeHandler(handler)
        handler.close()


def _dialog_shows(reporter, text):
    return lambda: reporter.dialog is not None and reporter.dialog.isVisible() and text in reporter.dialog.details.toPlainText()


def test_gui_thread_exception_shows_dialog_with_copy_and_log_location(qtbot, reporter, tmp_path):
    def buggy_slot():
        raise KeyError("missing-piece")

    QTimer.singleShot(0, buggy_slot)
    qtbot.waitUntil(_dialog_shows(reporter, "missing-piece"), timeout=60_000)
    dialog = reporter.dialog
    assert str(tmp_path) in dialog.log_label.text()
    qtbot.mouseClick(dialog.copy_button, Qt.LeftButton)
    assert "KeyError" in QGuiApplication.clipboard().text() and "buggy_slot" in QGuiApplication.clipboard().text()
    assert "missing-piece" in (tmp_path / logfile.LOG_NAME).read_text(encoding="utf-8")
    # The app keeps running: a second error lands in the same dialog.
    QTimer.singleShot(0, lambda: 1 / 0)
    qtbot.waitUntil(_dialog_shows(reporter, "ZeroDivisionError"), timeout=60_000)
    assert reporter.dialog is dialog and len(dialog.reports) == 2


def test_plain_thread_exception_shows_dialog(qtbot, reporter):
    def work():
        raise AttributeError("thread-bug")

    thread = threading.Thread(target=work, name="helper")
    thread.start()
    thread.join(60)
    qtbot.waitUntil(_dialog_shows(reporter, "thread-bug"), timeout=60_000)
    assert "in thread helper" in reporter.dialog.details.toPlainText()


def _failing_job(exc):
    def make():
        raise exc
    return make


@pytest.mark.parametrize("exc, dialog", [(TypeError("worker-bug"), True), (ValueError("bad input"), False)])
def test_worker_bug_gets_dialog_but_bad_input_only_its_message(qtbot, reporter, exc, dialog):
    from playground.workers.loop_thread import LoopThread

    failures = []
    loop = LoopThread(_failing_job(exc), name="test-training")
    loop.failed.connect(failures.append)
    loop.start()
    try:
        qtbot.waitUntil(lambda: bool(failures), timeout=60_000)
    finally:
        loop.stop()
    assert str(exc) in failures[0].detail()  # the lab's message path is unchanged (a WorkerError)
    if dialog:
        qtbot.waitUntil(_dialog_shows(reporter, "worker-bug"), timeout=60_000)
        assert "test-training worker" in reporter.dialog.details.toPlainText()
    else:
        # A report would have been queued before ``failed`` (same thread, same order): none came.
        assert reporter.dialog is None
