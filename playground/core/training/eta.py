"""Time left in a run of steps with evaluations between them, from what was measured.

A run's time is its training steps plus its evaluations (an MNIST epoch's end: accuracy on the whole training
and test sets, which for a CNN takes longer than the epoch's training). Estimating from the steps alone said
11 s for a 20 s run. Here:

- a step's cost is the mean of the recent steps, each from the end of the step before it (the loop's own work
  between steps counts) — except gaps longer than ``pause_gap``, which are pauses, and the first step, which
  pays for warming up;
- an evaluation's cost is the last one measured, or before the first one, a guess the job makes (a small
  timed evaluation).
"""

from __future__ import annotations

import time
from collections import deque
from typing import Callable

PAUSE_GAP_S = 0.5     # a longer wait between two steps is a pause (or a slow machine's hiccup), not work
RECENT_STEPS = 100    # steps in the running mean: follows a machine that gets busier or freer


class EtaEstimator:
    def __init__(self, total_steps: int, total_evaluations: int, *, pause_gap: float = PAUSE_GAP_S,
                 clock: Callable[[], float] = time.perf_counter) -> None:
        self.total_steps = total_steps
        self.total_evaluations = total_evaluations
        self.pause_gap = pause_gap
        self.clock = clock
        self.steps = 0
        self.evaluations = 0
        self.active_s = 0.0                 # time spent working (steps, evaluations, the loop between steps)
        self._recent: deque[float] = deque(maxlen=RECENT_STEPS)
        self._eval_s: float | None = None   # the last evaluation's duration
        self._eval_guess_s: float | None = None
        self._began: float | None = None
        self._last_end: float | None = None

    def begin_step(self) -> None:
        now = self.clock()
        gap = 0.0 if self._last_end is None else now - self._last_end
        self._began = now - (gap if gap <= self.pause_gap else 0.0)

    def end_step(self) -> None:
        """A training step is done (call before its evaluation, if it ends an epoch)."""
        now = self.clock()
        if self._began is None:  # end without begin: count nothing
            self._last_end = now
            return
        seconds = now - self._began
        if self.steps > 0:  # the first step warms up (allocations, lazy imports): not typical
            self._recent.append(seconds)
        self.steps += 1
        self.active_s += seconds
        self._last_end = now
        self._began = None

    def end_evaluation(self) -> None:
        """The evaluation that followed the last step is done."""
        now = self.clock()
        start = self._last_end if self._last_end is not None else now
        self._eval_s = now - start
        self.evaluations += 1
        self.active_s += self._eval_s
        self._last_end = now

    def guess_evaluation(self, seconds: float) -> None:
        """What an evaluation will probably take, until one has been measured."""
        self._eval_guess_s = max(0.0, float(seconds))

    def step_s(self) -> float | None:
        """Seconds per step, recently; None before two steps."""
        return sum(self._recent) / len(self._recent) if self._recent else None

    def eta(self) -> float | None:
        """Seconds left; None while there is nothing to go on."""
        step_s = self.step_s()
        if step_s is None:
            return None
        eval_s = self._eval_s if self._eval_s is not None else (self._eval_guess_s or 0.0)
        steps_left = max(0, self.total_steps - self.steps)
        evaluations_left = max(0, self.total_evaluations - self.evaluations)
        return steps_left * step_s + evaluations_left * eval_s
