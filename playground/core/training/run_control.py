"""Thread-safe switches that a training loop checks between steps.

The GUI thread calls pause/resume/step/stop/send; the loop thread calls
``next_action`` and ``take_commands`` (and hands each command to ``job.handle``, see
core/training/commands.py). Nothing here knows about Qt.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from enum import Enum
from typing import Any, Callable

from playground.core.training.commands import CallOnJob


class Action(Enum):
    STEP = "step"          # run one training step
    COMMANDS = "commands"  # apply posted commands first (take_commands)
    PAUSED = "paused"      # a pause arrived while the loop was waiting (e.g. pacing): report it, then ask again
    STOP = "stop"


class RunControl:
    def __init__(self, *, paused: bool = True) -> None:
        self._cond = threading.Condition()
        self._stopped = False
        self._paused = paused
        self._pause_told = True  # whether next_action has told the loop about the current pause
        self._single_steps = 0
        self._commands: deque[Any] = deque()  # typed commands (core/training/commands.py)
        self._min_step_interval = 0.0  # seconds between steps; 0 = full speed

    # -- called from any thread ---------------------------------------------
    def stop(self) -> None:
        with self._cond:
            self._stopped = True
            self._cond.notify_all()

    def pause(self) -> None:
        with self._cond:
            self._paused = True
            self._pause_told = False
            self._single_steps = 0
            self._cond.notify_all()  # a loop waiting out a slow pace reports the pause now

    def resume(self) -> None:
        with self._cond:
            self._paused = False
            self._cond.notify_all()

    def request_step(self, count: int = 1) -> None:
        """Run ``count`` more steps while paused (the "single step" button)."""
        with self._cond:
            self._single_steps += count
            self._cond.notify_all()

    def send(self, command: Any) -> None:
        """Hand ``command`` (core/training/commands.py) to ``job.handle`` on the loop's thread before its next step."""
        with self._cond:
            self._commands.append(command)
            self._cond.notify_all()

    def post(self, fn: Callable[[Any], None]) -> None:
        """Run ``fn(job)`` on the loop's thread before its next step (tests, scripts: labs send commands)."""
        self.send(CallOnJob(fn))

    def set_steps_per_second(self, rate: float | None) -> None:
        """Limit the pace for demonstrations; None or 0 means as fast as possible."""
        with self._cond:
            self._min_step_interval = 1.0 / rate if rate else 0.0
            self._cond.notify_all()

    @property
    def stopped(self) -> bool:
        return self._stopped

    @property
    def paused(self) -> bool:
        return self._paused

    # -- called from the loop's thread -------------------------------------
    def take_commands(self) -> list[Any]:
        with self._cond:
            commands = list(self._commands)
            self._commands.clear()
            return commands

    def next_action(self, last_step_at: float | None = None) -> Action:
        """Block while paused (or while pacing a slow demo) until there is work.

        Posted commands come first, paused or not, so settings changed while
        paused are applied at once; single steps are counted down here.
        """
        with self._cond:
            while True:
                if self._stopped:
                    return Action.STOP
                if self._commands:
                    return Action.COMMANDS
                if self._paused and self._single_steps == 0:
                    if not self._pause_told:
                        self._pause_told = True
                        return Action.PAUSED
                    self._cond.wait()
                    continue
                if self._paused:
                    self._single_steps -= 1
                    return Action.STEP
                if self._min_step_interval and last_step_at is not None:
                    remaining = last_step_at + self._min_step_interval - time.perf_counter()
                    if remaining > 0:
                        self._cond.wait(remaining)
                        continue
                return Action.STEP
