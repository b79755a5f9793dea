"""Run a core job in a QThread and hand its progress to the GUI thread.

The worker never touches a widget: it only emits ``progress`` (batched by the
core loop, about 30 a second) and ``failed`` (a core.training.commands.WorkerError). Stopping is cooperative: the
RunControl flag is set, the thread's event loop is quit, and the owner waits.
"""

from __future__ import annotations

import threading
from contextlib import nullcontext
from typing import Any, Callable

from PySide6.QtCore import QObject, QThread, Signal, Slot

from playground.core.desktop.logfile import is_expected, report_unexpected
from playground.core.training.commands import CallOnJob, WorkerError
from playground.core.training.loop import REPORT_INTERVAL, Progress, SteppingJob, run_loop
from playground.core.training.run_control import RunControl
from playground.core.training.runtime import configure_torch, first_import_of


class _LoopWorker(QObject):
    progress = Signal(object)
    failed = Signal(object)  # WorkerError

    def __init__(self, make_job: Callable[[], SteppingJob], control: RunControl, interval: float,
                 uses_torch: bool) -> None:
        super().__init__()
        self._make_job = make_job
        self._control = control
        self._interval = interval
        self.job: SteppingJob | None = None  # set on the worker thread once built (benchmarks read its step_count)
        self._uses_torch = uses_torch

    @Slot()
    def run(self) -> None:
        try:
            # torch and the job's modules load here; a numpy-only job (the GD walk) imports no torch
            with first_import_of("torch") if self._uses_torch else nullcontext():
                if self._uses_torch:
                    configure_torch()
                job = self.job = self._make_job()
            run_loop(job, self._control, self.progress.emit, interval=self._interval)
        except Exception as exc:  # an exception must never die silently in a thread
            if not is_expected(exc):  # a bug, not bad input: logged with its traceback, and the crash dialog
                report_unexpected(exc, where=f"in the {QThread.currentThread().objectName()} worker")
            self.failed.emit(WorkerError.from_exception(exc))
            self._control.stop()


class LoopThread(QObject):
    """Owns one worker thread for one job; lives on the GUI thread.

    ``progress`` and ``failed`` are re-emitted on the GUI thread. ``control``
    is the RunControl to pause, resume, step and post commands through.
    """

    progress = Signal(object)
    failed = Signal(object)  # WorkerError

    def __init__(self, make_job: Callable[[], SteppingJob], parent: QObject | None = None, *,
                 interval: float = REPORT_INTERVAL, name: str = "training", uses_torch: bool = True) -> None:
        super().__init__(parent)
        self.control = RunControl(paused=True)
        self._thread = QThread()
        self._thread.setObjectName(name)
        self._worker = _LoopWorker(make_job, self.control, interval, uses_torch)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progress.connect(self._forward_progress)
        self._worker.failed.connect(self.failed)

    @Slot(object)
    def _forward_progress(self, progress: Progress) -> None:
        if not self.control.stopped:
            self.progress.emit(progress)

    def start(self) -> None:
        self._thread.start()

    @property
    def job(self) -> SteppingJob | None:
        """The job, once the worker has built it; owned by the worker thread (read, never call)."""
        return self._worker.job

    def is_running(self) -> bool:
        return self._thread.isRunning()

    def call(self, fn: Callable[[Any], Any], timeout_s: float = 10.0) -> Any | None:
        """``fn(job)`` run on the worker thread between two steps (paused or not); its result, or None
        when the loop has stopped or did not answer in time. The GUI thread waits: keep ``fn`` short."""
        if self.control.stopped:
            return None
        got: list = []
        done = threading.Event()

        def run(job) -> None:
            try:
                got.append(fn(job))
            finally:
                done.set()

        self.control.send(CallOnJob(run))
        return got[0] if done.wait(timeout_s) and got else None

    def stop(self, timeout_ms: int = 30_000) -> bool:
        """Stop the loop and join the thread; True when it has ended.

        A step or a warm-up in progress finishes first (they are short). If the
        thread still runs after the timeout, it is kept referenced so that Qt
        never destroys a running QThread (which would abort the process).
        """
        self.control.stop()
        return join_thread(self._thread, self, timeout_ms)


def join_thread(thread: QThread, owner: QObject, timeout_ms: int) -> bool:
    """Quit ``thread``'s event loop and wait for it; True when it has ended. A thread still running after
    the timeout stays referenced (with its ``owner``) so that Qt never destroys a running QThread."""
    thread.quit()
    if thread.isRunning() and not thread.wait(timeout_ms):
        _unfinished.append(owner)
        return False
    return True


# Threads that did not stop in time: kept alive until they end, never destroyed running.
_unfinished: list[QObject] = []
