"""The gradient-descent walk as a job for run_loop: the GD lab's worker steps it at the chosen pace.

A step takes microseconds, so the pace (RunControl.set_steps_per_second) is what animates the walk.
Each report carries the steps taken since the previous one (``records``), so the lab's table and path
get every step even when several fall between two reports.
"""

from __future__ import annotations

from typing import Any

from playground.core.training.commands import CommandJob, Walk
from playground.core.gradient_descent.descent import GDSetup, GradientDescent


class GDJob(CommandJob):
    def __init__(self, setup: GDSetup, walked: int = 0) -> None:
        self.gd = GradientDescent(setup)
        self.gd.walk(walked)  # a walk the lab had already shown (a session opened before its tab)
        self._sent = 0        # records already sent in a snapshot

    @property
    def generation(self) -> int:
        return self.gd.generation

    @property
    def step_count(self) -> int:
        return self.gd.step_count

    def step(self) -> float:
        return self.gd.step()

    def done(self) -> bool:
        return self.gd.done()

    def reset(self, setup: GDSetup | None = None) -> None:
        self.gd.reset(setup)
        self._sent = 0

    def handle(self, command) -> None:
        if isinstance(command, Walk):
            self.reset(command.setup)
            self.gd.walk(command.steps)
        else:
            super().handle(command)

    def snapshot(self) -> dict[str, Any]:
        gd = self.gd
        records, self._sent = gd.history[self._sent:], len(gd.history)
        return {"setup": gd.setup, "records": records, "x": gd.x.copy(), "velocity": gd.velocity.copy()}
