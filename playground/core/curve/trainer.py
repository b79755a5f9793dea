"""The Curve-lab model and its optimisation step, independent of any UI."""

from __future__ import annotations

import math

import numpy as np
import torch

from playground.core.training.components import LOSSES
from playground.core.curve.config import CurveConfig
from playground.core.curve.data import CurveData, make_curve_data
from playground.core.training.live_job import LiveConfigJob
from playground.core.training.models import build_mlp
from playground.core.training.batching import MinibatchSampler
from playground.core.training.seeding import seeded


class CurveTrainer(LiveConfigJob):
    """Owns data, model, loss and optimizer for one CurveConfig.

    ``apply`` takes a new config: learning rate, optimizer, loss and batch
    size change in place and keep the weights; anything else rebuilds.
    """

    def __init__(self, config: CurveConfig) -> None:
        self.generation = 0  # bumped on every rebuild, so observers can clear their history
        self._build(config)

    # -- building ---------------------------------------------------------
    def _build(self, config: CurveConfig) -> None:
        self.config = config
        self.device = torch.device(config.device)
        self.data: CurveData = make_curve_data(config)
        with seeded(config.seed):
            self.model = build_mlp(1, 1, config.hidden_width, config.depth, config.activation).to(self.device)
        self._batches = MinibatchSampler(config.seed, self.device)
        self._to_tensors()
        self.loss_fn = LOSSES.create(config.loss)
        self._optimizer = None  # built on first use: see ``optimizer``
        self.step_count = 0
        self.generation += 1

    def _to_tensors(self) -> None:
        def col(a: np.ndarray) -> torch.Tensor:
            return torch.from_numpy(np.ascontiguousarray(a)).reshape(-1, 1).to(self.device)

        d = self.data
        self.x_train, self.y_train = col(d.x_train), col(d.y_train)
        self.x_test, self.y_test = col(d.x_test), col(d.y_test)
        self.x_plot = col(d.x_plot)

    def _weight_decay(self, config: CurveConfig) -> float:
        return config.weight_decay

    def _apply_live(self, old: CurveConfig, new: CurveConfig) -> None:
        if new.loss != old.loss:
            self.loss_fn = LOSSES.create(new.loss)

    # -- training -----------------------------------------------------------
    def _next_batch(self) -> tuple[torch.Tensor, torch.Tensor]:
        idx = self._batches.indices(self.x_train.shape[0], self.config.batch_size)
        return (self.x_train, self.y_train) if idx is None else (self.x_train[idx], self.y_train[idx])

    def step(self) -> float:
        """One optimizer step on one batch; returns that batch's loss before the step."""
        x, y = self._next_batch()
        self.optimizer.zero_grad(set_to_none=True)
        loss = self.loss_fn(self.model(x), y)
        loss.backward()
        self.optimizer.step()
        self.step_count += 1
        return loss.item()

    @torch.no_grad()
    def train_loss(self) -> float:
        return self.loss_fn(self.model(self.x_train), self.y_train).item()

    @torch.no_grad()
    def test_loss(self) -> float:
        if self.x_test.shape[0] == 0:
            return math.nan
        return self.loss_fn(self.model(self.x_test), self.y_test).item()

    @torch.no_grad()
    def fit_curve(self) -> np.ndarray:
        """The network's output on the plot's x grid (wider than the data)."""
        return self.model(self.x_plot).reshape(-1).cpu().numpy()

    @torch.no_grad()
    def predict(self, x: np.ndarray) -> np.ndarray:
        xt = torch.as_tensor(np.asarray(x, dtype=np.float32)).reshape(-1, 1).to(self.device)
        return self.model(xt).reshape(-1).cpu().numpy()
