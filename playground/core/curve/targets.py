"""Target functions the Curve lab can fit."""

from __future__ import annotations

from typing import Callable

import numpy as np

from playground.core.expression import parse_expression
from playground.core.training.registry import Registry

CUSTOM = "custom"

TARGETS: Registry[Callable[[np.ndarray], np.ndarray]] = Registry("target")
TARGETS.register("x^2", lambda x: x**2, "y = x², the notes' example")
TARGETS.register("x^3", lambda x: x**3, "y = x³")
TARGETS.register("sin", np.sin, "y = sin x")
TARGETS.register("abs", np.abs, "y = |x|")
TARGETS.register("step", lambda x: np.where(x >= 0, 1.0, 0.0), "y = 1 for x ≥ 0, else 0")


def target_function(name: str, expression: str = "") -> Callable[[np.ndarray], np.ndarray]:
    """The numpy function for a target; ``custom`` parses ``expression`` (may raise ExpressionError)."""
    if name == CUSTOM:
        return parse_expression(expression)
    return TARGETS.get(name).factory
