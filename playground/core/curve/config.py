"""The configuration of one Curve-lab experiment, and the notes' preset."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from playground.core.training.components import ACTIVATIONS, LOSSES
from playground.core.training.fields import (batch_size_field, device_field, device_problems, lr_field,
                                             momentum_field, optimizer_field)
from playground.core.config import choice, num, text
from playground.core.expression import ExpressionError, parse_expression
from playground.core.curve.targets import CUSTOM, TARGETS
from playground.core.text import exception_text, user_text

# Larger target values overflow float32 losses (their squares) and diverge at once, whatever the learning rate.
MAX_TARGET = 1e9

# Fields whose change can be applied to a running model without losing its weights.
LIVE_FIELDS = frozenset({"lr", "optimizer", "loss", "momentum", "weight_decay", "batch_size", "max_steps"})


@dataclass(frozen=True)
class CurveConfig:
    # data
    target: str = choice("x^2", lambda: TARGETS.names() + [CUSTOM])
    expression: str = text("")
    x_min: float = num(-3.0, -100.0, 100.0)
    x_max: float = num(3.0, -100.0, 100.0)
    n_points: int = num(100, 2, 5000, kind=int, stops=(10, 20, 30, 50, 75, 100, 150, 200, 300, 500, 1000))
    noise: float = num(0.0, 0.0, 10.0, stops=(0.0, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1.0, 1.5, 2.0))
    test_fraction: float = num(0.2, 0.0, 0.9, stops=[round(0.05 * i, 2) for i in range(11)], advanced=True)
    # model
    activation: str = choice("ReLU", ACTIVATIONS.names)
    hidden_width: int = num(10, 1, 256, kind=int, stops=range(1, 257))
    depth: int = num(1, 1, 4, kind=int, stops=(1, 2, 3, 4))
    # training
    loss: str = choice("MSE", LOSSES.names)
    optimizer: str = optimizer_field()
    lr: float = lr_field(0.01)
    momentum: float = momentum_field()
    batch_size: int = batch_size_field(0, (0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512))
    weight_decay: float = num(0.0, 0.0, 1.0)
    seed: int = num(0, 0, 2**31 - 1, kind=int, advanced=True)
    device: str = device_field()
    max_steps: int = num(0, 0, 10_000_000, kind=int, advanced=True)  # 0 = until paused

    def problems(self) -> list[tuple[str, str]]:
        found = []
        if self.x_min >= self.x_max:
            found.append(("x_max", user_text("the x range is empty (x_min must be below x_max)")))
        if self.target == CUSTOM:  # problems of the expression are the expression field's
            problem = self.expression_problem()
            if problem is not None:
                found.append(("expression", problem))
        return found + device_problems(self.device)

    def expression_problem(self):
        """Why the custom expression cannot be a target here (None if it can)."""
        try:
            fn = parse_expression(self.expression)
        except ExpressionError as exc:
            return user_text("the custom expression is invalid: {problem}", problem=exception_text(exc))
        if self.x_min >= self.x_max:
            return None
        y = fn(self.sample_x())
        if not np.isfinite(y).all():
            return user_text("the custom expression is undefined (NaN or infinite) somewhere in the x range")
        largest = float(np.abs(y).max())
        if largest > MAX_TARGET:  # float32 training would overflow: not a learning-rate problem
            return user_text("the target's values are too large (up to {value}); keep them within ±{most}, "
                             "e.g. by dividing the expression or narrowing the x range",
                             value=f"{largest:.3g}", most=f"{MAX_TARGET:,.0f}")
        return None

    def sample_x(self) -> np.ndarray:
        return np.linspace(self.x_min, self.x_max, self.n_points, dtype=np.float32)

    def live_changes(self, other: "CurveConfig") -> tuple[set[str], set[str]]:
        """Fields that differ from ``other``, split into (live, needs restart)."""
        changed = {name for name in self.__dataclass_fields__ if getattr(self, name) != getattr(other, name)}
        return changed & LIVE_FIELDS, changed - LIVE_FIELDS


def notes_preset() -> CurveConfig:
    """The notes' example: y = x² on 100 points in [-3, 3], 1-10-1 ReLU, Adam lr 0.01, 2000 full-batch steps."""
    return CurveConfig(target="x^2", x_min=-3.0, x_max=3.0, n_points=100, noise=0.0, test_fraction=0.0,
                       activation="ReLU", hidden_width=10, depth=1, loss="MSE", optimizer="Adam",
                       lr=0.01, batch_size=0, seed=0, max_steps=2000)

