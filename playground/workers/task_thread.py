"""Run one core function on a QThread (loading a dataset or model files) and report its result.

The one-shot sibling of LoopThread: ``done(result)`` or ``failed(WorkerError)`` arrives on the GUI
thread; the function never touches a widget. ``stop()`` joins the thread (the function is short and
cannot be interrupted; the owner calls it from ``shutdown()``).
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QObject, QThread, Signal, Slot

from playground.core.training.commands import WorkerError
from playground.workers.loop_thread import join_thread


class _TaskWorker(QObject):
    done = Signal(object)
    failed = Signal(object)  # WorkerError

    def __init__(self, fn: Callable[[], Any]) -> None:
        super().__init__()
        self._fn = fn

    @Slot()
    def run(self) -> None:
        try:
            result = self._fn()
        except Exception as exc:  # an exception must never die silently in a thread
            self.failed.emit(WorkerError.from_exception(exc))
        else:
            self.done.emit(result)
        finally:
            self._fn = None  # nothing the function built stays referenced by the thread
            self.thread().quit()


class TaskThread(QObject):
    """``fn()`` on its own QThread, started by ``start()``; ``done``/``failed`` on the GUI thread."""

    done = Signal(object)
    failed = Signal(object)  # WorkerError

    def __init__(self, fn: Callable[[], Any], parent: QObject | None = None, *, name: str = "task") -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName(name)
        self._worker = _TaskWorker(fn)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.done.connect(self.done)
        self._worker.failed.connect(self.failed)

    def start(self) -> None:
        self._thread.start()

    def is_running(self) -> bool:
        return self._thread.isRunning()

    def stop(self, timeout_ms: int = 30_000) -> bool:
        """Wait for the function to end and the thread to finish; True when it has."""
        return join_thread(self._thread, self, timeout_ms)
