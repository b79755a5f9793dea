"""Gradient descent on small functions of one or two variables (the notes' "minimum of y = x²").

Pure numpy and tiny: one step is a few microseconds, so the GD lab steps it
from a QTimer on the GUI thread for its animation. It also has the job
interface of ``core.training.loop.run_loop`` (``step``/``snapshot``/``done``), so the
CLI or tests can drive it with the shared loop.

Update rule (the same as ``torch.optim.SGD`` with momentum μ)::

    v ← μ·v + ∇f(x)
    x ← x − lr·v

With μ = 0 this is plain gradient descent, x_{k+1} = x_k − lr·f′(x_k); on
f = x² that is x_{k+1} = (1 − 2·lr)·x_k, which shrinks for 0 < lr < 1 and
grows (diverges) for lr > 1.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Callable

import numpy as np

from playground.core.config import choice, num
from playground.core.text import user_text


@dataclass(frozen=True)
class GDFunction:
    key: str
    label: str                      # plain text formula
    dims: int                       # 1 or 2
    f: Callable[[np.ndarray], float]
    grad: Callable[[np.ndarray], np.ndarray]
    view: tuple[float, float]       # default x (and y) plotting range
    minima: tuple[tuple[float, ...], ...]
    default_start: tuple[float, ...]


FUNCTIONS: dict[str, GDFunction] = {
    "x2": GDFunction("x2", "f(x) = x²", 1, lambda p: float(p[0] ** 2), lambda p: np.array([2.0 * p[0]]),
                     (-6.0, 6.0), ((0.0,),), (5.0,)),
    "x4": GDFunction("x4", "f(x) = x⁴ − 3x²", 1, lambda p: float(p[0] ** 4 - 3.0 * p[0] ** 2),
                     lambda p: np.array([4.0 * p[0] ** 3 - 6.0 * p[0]]),
                     (-2.5, 2.5), ((-math.sqrt(1.5),), (math.sqrt(1.5),)), (0.5,)),
    "bowl": GDFunction("bowl", "f(x, y) = x² + 4y²", 2, lambda p: float(p[0] ** 2 + 4.0 * p[1] ** 2),
                       lambda p: np.array([2.0 * p[0], 8.0 * p[1]]), (-6.0, 6.0), ((0.0, 0.0),), (5.0, 3.0)),
}

DIVERGED_ABS = 1e8       # |x| beyond this: stop, the run has diverged
CONVERGED_GRAD = 1e-6    # |gradient| below this: nothing left to do


@dataclass
class GDRecord:
    step: int
    x: np.ndarray        # position before the step
    grad: np.ndarray     # gradient at x
    new_x: np.ndarray    # position after the step
    f: float             # f(x) before the step


@dataclass
class GDSetup:
    function: str = "x2"
    start: tuple[float, ...] = (5.0,)
    lr: float = 0.1
    momentum: float = 0.0
    max_steps: int = 200

    def fn(self) -> GDFunction:
        return FUNCTIONS[self.function]


def notes_setup() -> GDSetup:
    """The notes' example: minimum of y = x² from x = 5 with lr 0.1."""
    return GDSetup("x2", (5.0,), 0.1, 0.0, 200)


@dataclass(frozen=True)
class GDConfig:
    """The GD lab's settings, as sessions and remembered settings hold them (validated per value)."""

    function: str = choice("x2", lambda: FUNCTIONS)
    start_x: float = num(5.0, -10.0, 10.0)
    start_y: float = num(3.0, -10.0, 10.0)   # used by 2-D functions only
    lr: float = num(0.1, 0.0001, 3.0)
    momentum: float = num(0.0, 0.0, 0.99, advanced=True)  # a second lesson: hidden in presentation mode
    pace: int = num(10, 0, 1000, kind=int)   # animation steps per second; 0 = as fast as it can

    def setup(self, max_steps: int = 200) -> GDSetup:
        start = (self.start_x, self.start_y)[:FUNCTIONS[self.function].dims]
        return GDSetup(self.function, start, self.lr, self.momentum, max_steps)


# A saved walk is replayed from its start (deterministic: the same float64 steps); this bounds the replay.
MAX_SAVED_STEPS = 20_000


@dataclass
class GradientDescent:
    """The state of one descent; ``step()`` returns f at the point *before* the step (like a loss)."""

    setup: GDSetup = field(default_factory=notes_setup)
    generation: int = 0

    def __post_init__(self) -> None:
        self.reset()

    def reset(self, setup: GDSetup | None = None) -> None:
        if setup is not None:
            self.setup = setup
        fn = self.setup.fn()
        start = tuple(self.setup.start) + (0.0,) * (fn.dims - len(self.setup.start))
        self.x = np.array(start[:fn.dims], dtype=np.float64)
        self.velocity = np.zeros(fn.dims)
        self.step_count = 0
        self.history: list[GDRecord] = []
        self.path: list[np.ndarray] = [self.x.copy()]
        self.generation += 1

    @property
    def function(self) -> GDFunction:
        return self.setup.fn()

    def value(self, x: np.ndarray | None = None) -> float:
        return self.function.f(self.x if x is None else x)

    def gradient(self, x: np.ndarray | None = None) -> np.ndarray:
        return self.function.grad(self.x if x is None else x)

    def step(self) -> float:
        fn = self.function
        x = self.x
        with np.errstate(all="ignore"):
            g = fn.grad(x)
            value = fn.f(x)
            self.velocity = self.setup.momentum * self.velocity + g
            new_x = x - self.setup.lr * self.velocity
        self.history.append(GDRecord(self.step_count + 1, x.copy(), g, new_x.copy(), value))
        self.x = new_x
        self.path.append(new_x.copy())
        self.step_count += 1
        return value

    # -- state ----------------------------------------------------------------
    def diverged(self) -> bool:
        return not np.isfinite(self.x).all() or float(np.abs(self.x).max()) > DIVERGED_ABS

    def diverging(self, window: int = 4) -> bool:
        """|x − nearest minimum| grew on each of the last ``window`` steps: every step overshoots further."""
        if self.diverged():
            return True
        if len(self.path) <= window:
            return False
        distances = [self.distance_to_minimum(p) for p in self.path[-window - 1:]]
        return all(b > a for a, b in zip(distances, distances[1:]))

    def converged(self, tol: float = 0.01) -> bool:
        """Within ``tol`` of a minimum (the notes' |x| < 0.01)."""
        return self.distance_to_minimum(self.x) < tol

    def nearest_minimum(self) -> tuple[float, ...]:
        return min(self.function.minima, key=lambda m: float(np.linalg.norm(self.x - np.asarray(m))))

    def distance_to_minimum(self, p: np.ndarray) -> float:
        with np.errstate(all="ignore"):
            return min(float(np.linalg.norm(p - np.asarray(m))) for m in self.function.minima)

    def done(self) -> bool:
        if self.step_count >= self.setup.max_steps or self.diverged():
            return True
        with np.errstate(all="ignore"):
            return max(float(np.abs(self.gradient()).max()), float(np.abs(self.velocity).max())) < CONVERGED_GRAD

    def snapshot(self) -> dict[str, Any]:
        return {"x": self.x.copy(), "f": self.value(), "step": self.step_count}

    def walk(self, steps: int) -> None:
        """Step until ``steps`` steps are taken or the point has run off (the lab's Step button does the same)."""
        while self.step_count < steps and not self.diverged():
            self.step()

    def first_converged(self, tol: float) -> int | None:
        """The first step after which the point was within ``tol`` of a minimum (0: it started there)."""
        for k, p in enumerate(self.path):
            if self.distance_to_minimum(p) < tol:
                return k
        return None


def saved_walk_problems(config: GDConfig, x, step: int | None, loss_history=None) -> list[str]:
    """Does a saved walk follow from ``config``? It must end at ``x`` after ``step`` steps, with
    ``loss_history`` (if saved) holding f before each step. Sessions store the walk this way: the
    path itself is replayed from the start, so a file cannot show a path its settings never take."""
    step = int(step or 0)
    if step > MAX_SAVED_STEPS:
        return [user_text("the walk has {n} steps; at most {most} can be opened", n=step, most=MAX_SAVED_STEPS)]
    gd = GradientDescent(config.setup())
    gd.walk(step)
    x = np.asarray(x, dtype=np.float64).reshape(-1)
    if gd.step_count != step or x.shape != gd.x.shape or not np.allclose(x, gd.x, rtol=1e-9, atol=1e-12):
        return [user_text("the saved point is not where {n} steps from the start lead (was the file edited?)", n=step)]
    if loss_history is not None:
        saved = np.asarray(loss_history, dtype=np.float32).reshape(-1)
        replayed = np.array([r.f for r in gd.history], dtype=np.float32)
        if saved.shape != replayed.shape or not np.allclose(saved, replayed, rtol=1e-5, equal_nan=True):
            return [user_text("the saved values of f do not match the walk's {n} steps", n=step)]
    return []


def gd_weight_problems(config: GDConfig, state: dict[str, Any]) -> list[str]:
    """A GD session's "weights" are the current point: {"x": a tensor of the function's 1 or 2 coordinates}."""
    dims = FUNCTIONS[config.function].dims
    if set(state) != {"x"}:
        return [user_text("weights: expected just 'x', the current point")]
    if tuple(state["x"].shape) != (dims,):
        return [user_text("weights: x must hold {n} coordinate(s) for {function}", n=dims, function=config.function)]
    return []


def closed_form_x2(x0: float, lr: float, k: int) -> float:
    """x after k plain GD steps on f = x²: (1 − 2·lr)^k · x0."""
    return (1.0 - 2.0 * lr) ** k * x0


def run(setup: GDSetup, steps: int | None = None) -> GradientDescent:
    """Take ``steps`` steps (default: until done) and return the descent."""
    gd = GradientDescent(setup)
    limit = setup.max_steps if steps is None else steps
    while gd.step_count < limit and not gd.diverged():
        gd.step()
    return gd


def steps_to_converge(setup: GDSetup, tol: float = 0.01) -> int | None:
    gd = GradientDescent(setup)
    while gd.step_count < setup.max_steps and not gd.diverged():
        if gd.converged(tol):
            return gd.step_count
        gd.step()
    return gd.step_count if gd.converged(tol) else None
