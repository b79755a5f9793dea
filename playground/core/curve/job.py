"""The Curve lab's job for the shared training loop."""

from __future__ import annotations

import math
from typing import Any

from playground.core.training.commands import WantDetails
from playground.core.curve.config import CurveConfig
from playground.core.curve.trainer import CurveTrainer


class CurveJob(CurveTrainer):
    """A CurveTrainer that the loop can step and report on."""

    # Set by a WantDetails command (teaching views): add model details to snapshots.
    want_details = False
    selected_unit: tuple[int, int] | None = None

    def handle(self, command) -> None:
        if isinstance(command, WantDetails):
            self.want_details, self.selected_unit = command.on, command.unit
        else:
            super().handle(command)

    def done(self) -> bool:
        return self.config.max_steps > 0 and self.step_count == self.config.max_steps

    def snapshot(self) -> dict[str, Any]:
        test = self.test_loss()
        return {
            "fit": self.fit_curve(),
            "test_loss": None if math.isnan(test) else test,
            "config": self.config,
            "data": self.data,
            **({"details": self.details()} if self.want_details else {}),
        }

    def details(self) -> dict[str, Any]:
        from playground.core.curve.contributions import model_details

        return model_details(self.model, self.x_plot, self.x_train, self.config.activation, self.selected_unit)


def train_curve(config: CurveConfig, steps: int | None = None) -> tuple[CurveJob, list[float]]:
    """Train without any UI (CLI, tests, benchmarks): returns the job and each step's loss."""
    from playground.core.training.loop import run_loop
    from playground.core.training.run_control import RunControl
    from dataclasses import replace

    if steps is not None:
        config = replace(config, max_steps=steps)
    if config.max_steps <= 0:
        raise ValueError("train_curve needs a step limit")
    job = CurveJob(config)
    control = RunControl(paused=False)
    history: list[float] = []
    run_loop(job, control, lambda p: history.extend(p.losses.tolist()), stop_when_done=True)
    return job, history
