"""Typed commands from the UI to a job, and the error a worker reports.

The GUI thread sends a command with ``RunControl.send(command)``; the loop hands it to
``job.handle(command)`` on the worker thread between two steps. A command is a small frozen
dataclass, so what the UI may ask of a job is declared here, in one place, instead of closures
that set a job's attributes.
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass
from typing import Any, Callable


@dataclass(frozen=True)
class ApplyConfig:
    """Switch to ``config``; settings that can change live keep the weights."""
    config: Any


@dataclass(frozen=True)
class Reset:
    """Fresh weights from the seed, back to step 0 (with ``config`` if given)."""
    config: Any = None


@dataclass(frozen=True)
class Restore:
    """Go on from saved training: ``job.restore(config, *saved)``."""
    config: Any
    saved: tuple = ()


@dataclass(frozen=True)
class Walk:
    """Start again from ``setup`` and take ``steps`` steps at once (a gradient-descent session's walk)."""
    setup: Any
    steps: int


@dataclass(frozen=True)
class SetDrawnPoints:
    points: Any   # (n, 2) float32
    labels: Any   # (n,) int64


@dataclass(frozen=True)
class WantDetails:
    """Add the per-neuron details to the reports (and the curve of ``unit``, (layer, unit) or None)."""
    on: bool
    unit: tuple[int, int] | None = None


@dataclass(frozen=True)
class WantWeights:
    """Add the weight matrices (the network diagram) to the reports."""
    on: bool


@dataclass(frozen=True)
class SetBackground:
    """The plot background the job's heatmaps are blended for."""
    rgb: tuple[int, int, int]


@dataclass(frozen=True)
class CallOnJob:
    """Run ``fn(job)``: a synchronous read (LoopThread.call) or a rebuild that answers the caller."""
    fn: Callable[[Any], Any]


class CommandJob:
    """The commands every job understands; a job with more overrides ``handle`` and calls this one last."""

    def handle(self, command) -> None:
        if isinstance(command, CallOnJob):
            command.fn(self)
        elif isinstance(command, ApplyConfig):
            self.apply(command.config)
        elif isinstance(command, Reset):
            self.reset(command.config)
        elif isinstance(command, Restore):
            self.restore(command.config, *command.saved)
        else:
            raise TypeError(f"{type(self).__name__} cannot handle {type(command).__name__}")


def deliver(job, command) -> None:
    """``job.handle(command)``; a job without ``handle`` (a test's stub) still runs CallOnJob."""
    handle = getattr(job, "handle", None)
    if handle is not None:
        handle(command)
    elif isinstance(command, CallOnJob):
        command.fn(job)
    else:
        raise TypeError(f"{type(job).__name__} cannot handle {type(command).__name__}")


@dataclass(frozen=True)
class WorkerError:
    """An exception raised on a worker thread, as the UI receives it: shown by ``message``
    (``ui.i18n.core_text`` translates it), logged with ``traceback``."""
    type_name: str
    message: str
    traceback: str

    @classmethod
    def from_exception(cls, exc: BaseException) -> "WorkerError":
        # Not the exception itself: its frames would keep the job (and its tensors) alive.
        # str() keeps a core Text message, so the UI can still translate it.
        return cls(type(exc).__name__, str(exc),
                   "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))

    def detail(self) -> str:
        """One line: "ValueError: bad value", as ``traceback.format_exception_only`` writes it."""
        return f"{self.type_name}: {self.message}" if str(self.message) else self.type_name
