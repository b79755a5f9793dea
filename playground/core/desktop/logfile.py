"""The log file, and one place where unexpected exceptions (bugs) are reported.

A rotating log (``nn-playground.log``, 1 MB × 3 old files) lives in the user's data folder
(``core.paths.user_data_dir``). ``report_unexpected`` logs a traceback and tells the listeners
(the GUI's crash dialog registers one); it is called from ``sys.excepthook``,
``threading.excepthook`` and a worker's failure path, on whatever thread the exception happened.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
import threading
import traceback
from pathlib import Path
from typing import Callable

from playground.core.errors import DatasetError
from playground.core.persistence.model_io import ModelFileError
from playground.core.paths import user_data_dir

LOG_NAME = "nn-playground.log"
MAX_BYTES = 1_000_000
BACKUPS = 3
logger = logging.getLogger("playground")

# Errors that come from what the user gave (a file, an expression, a setting) or from the machine
# (disk, memory): shown as messages where they happen, never as a crash report.
EXPECTED_ERRORS = (ValueError, DatasetError, ModelFileError, OSError, MemoryError)

_log_path: Path | None = None
_listeners: list[Callable[[str], None]] = []
_lock = threading.Lock()


def setup_logging(folder: Path | None = None) -> Path | None:
    """Log to the rotating file (and to stderr when there is one); the file's path, or None if it cannot be written."""
    global _log_path
    logger.setLevel(logging.INFO)
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
        handler.close()
    formatter = logging.Formatter("%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s")
    _log_path = None
    try:
        folder = user_data_dir() if folder is None else folder
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(folder / LOG_NAME, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                                       encoding="utf-8")
        handler.setFormatter(formatter)
        logger.addHandler(handler)
        _log_path = folder / LOG_NAME
    except OSError:
        pass  # a read-only home: the app still runs, the crash dialog says there is no log
    if sys.stderr is not None:  # None in a Windows GUI script (pythonw)
        stream = logging.StreamHandler(sys.stderr)
        stream.setFormatter(formatter)
        stream.setLevel(logging.WARNING)
        logger.addHandler(stream)
    return _log_path


def log_path() -> Path | None:
    return _log_path


def add_listener(listener: Callable[[str], None]) -> None:
    """``listener(details)`` is called for every unexpected exception, on the thread where it happened."""
    with _lock:
        _listeners.append(listener)


def remove_listener(listener: Callable[[str], None]) -> None:
    with _lock:
        if listener in _listeners:
            _listeners.remove(listener)


def is_expected(exc: BaseException) -> bool:
    return isinstance(exc, EXPECTED_ERRORS)


def report_unexpected(exc: BaseException, where: str = "") -> str:
    """Log ``exc`` with its traceback and tell the listeners; returns the details (for "Copy details")."""
    import playground

    trace = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    details = (f"NN Playground {playground.__version__}, Python {sys.version.split()[0]}, {sys.platform}\n"
               f"{where or 'unexpected error'} (thread {threading.current_thread().name}):\n{trace}")
    logger.error("unexpected exception %s\n%s", where, trace.rstrip())
    with _lock:
        listeners = list(_listeners)
    for listener in listeners:
        try:
            listener(details)
        except Exception:  # a broken listener must not hide the original error
            logger.exception("crash listener failed")
    return details
