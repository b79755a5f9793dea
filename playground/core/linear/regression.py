"""The notes' first example: learn y = 2x with one ``nn.Linear(1, 1)``.

x = [1, 2, 3], y = [2, 4, 6], MSE loss, SGD with lr 0.01, 1000 full-batch steps.
Where w and b end up after 900 steps depends on the random initial weights;
the notes report w ≈ 1.91, b ≈ 0.20. ``NOTES_SEED`` = 29 (the weights of
``torch.manual_seed(29); nn.Linear(1, 1)``) starts from w ≈ −0.75, b ≈ 0.87 and reaches w ≈ 1.912,
b ≈ 0.200 after 900 steps: the closest of seeds 0–99 to the notes' numbers.

``LinearRegressionJob`` is a job for ``core.training.loop.run_loop`` (the GUI runs it in a
LoopThread like the Curve lab). It records the whole (w, b, loss) trajectory;
``snapshot()`` hands over only the part not sent before.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import math

import numpy as np

from playground.core.training.commands import CommandJob
from playground.core.config import num
from playground.core.text import user_text

X_DATA = (1.0, 2.0, 3.0)
Y_DATA = (2.0, 4.0, 6.0)
NOTES_SEED = 29


@dataclass(frozen=True)
class LinearSetup:
    lr: float = num(0.01, 1e-4, 1.0)
    max_steps: int = num(1000, 1, 1_000_000, kind=int, advanced=True)
    seed: int = num(NOTES_SEED, 0, 2**31 - 1, kind=int, advanced=True)


def notes_setup() -> LinearSetup:
    return LinearSetup(lr=0.01, max_steps=1000, seed=NOTES_SEED)


def loss_surface(w: np.ndarray, b: np.ndarray) -> np.ndarray:
    """MSE of y = w·x + b on the notes' data, for arrays of w and b (broadcast)."""
    x = np.asarray(X_DATA).reshape((-1,) + (1,) * np.ndim(w))
    y = np.asarray(Y_DATA).reshape(x.shape)
    return ((w * x + b - y) ** 2).mean(axis=0)


def optimum() -> tuple[float, float]:
    """The least-squares solution (w, b) = (2, 0)."""
    w, b = np.polyfit(X_DATA, Y_DATA, 1)
    return float(w), float(b)


def initial_model(seed: int):
    """``nn.Linear(1, 1)`` with exactly the weights ``torch.manual_seed(seed); nn.Linear(1, 1)`` gives.

    It draws from its own generator instead of the global one: other labs' workers
    seed and build their models at the same time (at start-up), and two threads
    sharing torch's global generator would get each other's random numbers.
    nn.Linear's default init for one input is w, b ~ U(−1, 1) (bound 1/√fan_in),
    drawn weight first, then bias.
    """
    import torch
    from torch.nn.utils import skip_init

    generator = torch.Generator().manual_seed(seed)
    model = skip_init(torch.nn.Linear, 1, 1)  # no draws from the global generator
    with torch.no_grad():
        model.weight.uniform_(-1.0, 1.0, generator=generator)
        model.bias.uniform_(-1.0, 1.0, generator=generator)
    return model


class LinearRegressionJob(CommandJob):
    def __init__(self, setup: LinearSetup | None = None) -> None:
        self.generation = 0
        self.reset(setup or notes_setup())

    def reset(self, setup: LinearSetup | None = None) -> None:
        import torch

        self.setup = setup or self.setup
        self.model = initial_model(self.setup.seed)
        self.x = torch.tensor(X_DATA).reshape(-1, 1)
        self.y = torch.tensor(Y_DATA).reshape(-1, 1)
        self.loss_fn = torch.nn.MSELoss()
        self.optimizer = torch.optim.SGD(self.model.parameters(), lr=self.setup.lr)
        self.step_count = 0
        w, b = self.weights()
        # trajectory[i] = (w, b, loss) after i steps; the loss is that of (w, b)
        self.trajectory: list[tuple[float, float, float]] = [(w, b, float(loss_surface(w, b)))]
        self._sent = 0
        self.generation += 1

    def restore(self, setup: LinearSetup, weights: dict[str, Any], step: int = 0, loss_history=None) -> None:
        """Continue from a session's w and b after ``step`` steps. The loss of each earlier step comes
        from ``loss_history`` (one per step; see ``training_state``); earlier w and b were not saved (NaN)."""
        import torch

        self.reset(setup)
        with torch.no_grad():
            self.model.weight.copy_(weights["weight"].reshape(1, 1))
            self.model.bias.copy_(weights["bias"].reshape(1))
        self.step_count = int(step)
        losses = np.full(self.step_count, np.nan) if loss_history is None else np.asarray(loss_history, np.float64)
        w, b = self.weights()
        self.trajectory = [(math.nan, math.nan, float(v)) for v in losses] + [(w, b, float(loss_surface(w, b)))]

    def training_state(self) -> tuple[dict[str, Any], int, np.ndarray]:
        """Copies of the weights, the step count and the loss of each step (the loss ``step()`` returned,
        i.e. that of w and b before the step: ``trajectory[k - 1]`` for step k)."""
        weights = {name: t.detach().clone() for name, t in self.model.state_dict().items()}
        losses = np.array([row[2] for row in self.trajectory[:-1]], dtype=np.float64)
        return weights, self.step_count, losses

    def apply(self, setup: LinearSetup) -> None:
        """A new learning rate or step limit applies at once; a new seed restarts."""
        if setup.seed != self.setup.seed:
            self.reset(setup)
            return
        self.setup = setup
        for group in self.optimizer.param_groups:
            group["lr"] = setup.lr

    def weights(self) -> tuple[float, float]:
        return float(self.model.weight.item()), float(self.model.bias.item())

    def step(self) -> float:
        self.optimizer.zero_grad()
        loss = self.loss_fn(self.model(self.x), self.y)
        loss.backward()
        self.optimizer.step()
        self.step_count += 1
        w, b = self.weights()
        self.trajectory.append((w, b, float(loss_surface(w, b))))
        return loss.item()

    def done(self) -> bool:
        return self.step_count == self.setup.max_steps

    def snapshot(self) -> dict[str, Any]:
        new = np.asarray(self.trajectory[self._sent:], dtype=np.float64).reshape(-1, 3)
        first = self._sent
        self._sent = len(self.trajectory)
        w, b = self.weights()
        return {"first": first, "trajectory": new, "w": w, "b": b, "setup": self.setup}


# -- sessions ---------------------------------------------------------------------------
WEIGHT_SHAPES = {"weight": (1, 1), "bias": (1,)}   # nn.Linear(1, 1)'s state_dict
MAX_SAVED_STEPS = 2_000_000                        # one trajectory row per step is kept in memory


def weight_problems(config: LinearSetup, state: dict[str, Any]) -> list[str]:
    """Are these the weights of nn.Linear(1, 1)?"""
    if set(state) != set(WEIGHT_SHAPES):
        return [user_text("weights: expected 'weight' and 'bias' of nn.Linear(1, 1)")]
    return [user_text("weights: {name} has shape {shape}, expected {expected}", name=name,
                      shape=str(tuple(state[name].shape)), expected=str(shape))
            for name, shape in WEIGHT_SHAPES.items() if tuple(state[name].shape) != shape]


def saved_training_problems(step: int | None, loss_history) -> list[str]:
    """A saved run: at most MAX_SAVED_STEPS steps, and (if saved) one loss per step."""
    step = int(step or 0)
    if step > MAX_SAVED_STEPS:
        return [user_text("the run has {n} steps; at most {most} can be opened", n=step, most=MAX_SAVED_STEPS)]
    if loss_history is not None and len(loss_history) != step:
        return [user_text("the loss history has {n} values, but the run has {step} steps",
                          n=len(loss_history), step=step)]
    return []


def train(setup: LinearSetup | None = None, steps: int | None = None) -> LinearRegressionJob:
    """Run without any UI; returns the job with its full trajectory."""
    job = LinearRegressionJob(setup)
    for _ in range(job.setup.max_steps if steps is None else steps):
        job.step()
    return job
