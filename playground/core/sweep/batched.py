"""Many Curve-lab models trained together, as one batched computation.

Models that share a shape, activation, loss, optimizer and data form a *group*:
their weights are stacked into tensors with a leading model axis, and the step
(forward, hand-written backward, optimizer update with one learning rate per
model) is the lean batched one of ``sweep_step.py``. Each model starts from exactly the
weights that ``CurveTrainer`` builds for the same config (same seed), and the
per-model losses follow the single-model loop (a test checks 1e-5 relative for
SGD and Adam).

``SweepJob`` is a job for ``core.training.loop.run_loop``: ``step()`` trains every model
one step and returns the mean of the finite losses (a diverging model is
reported per model and never pauses the whole sweep).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import torch
import torch.nn.functional as F

from playground.core.training.batching import MinibatchSampler
from playground.core.training.commands import CommandJob
from playground.core.training.components import ACTIVATIONS
from playground.core.curve.config import CurveConfig
from playground.core.curve.data import CurveData, make_curve_data
from playground.core.training.models import build_mlp, linear_layers
from playground.core.training.seeding import seeded
from playground.core.sweep.config import SweepSpec
from playground.core.sweep.step import HUBER_DELTA, BatchedOptimizer, BatchedStep, Layers


def _group_key(config: CurveConfig) -> tuple:
    """Configs with equal keys train in one batch: they differ only in learning rate, width and initial weights."""
    seed_matters = config.noise > 0 or config.test_fraction > 0 or config.batch_size > 0
    shared = replace(config, lr=0.0, hidden_width=1, seed=config.seed if seed_matters else 0)
    return tuple(getattr(shared, name) for name in config.__dataclass_fields__)


class BatchedGroup:
    """M models of one depth, activation, loss and optimizer, stacked along a leading model axis."""

    def __init__(self, configs: list[CurveConfig], indices: list[int],
                 weights: list[dict[str, Any]] | None = None) -> None:
        """``weights``: per model, a saved state_dict to start from instead of the seeded initial weights;
        an empty one marks a model that had diverged (its weights were not finite, so not saved)."""
        self.configs, self.indices = configs, indices
        first = configs[0]
        self.config = first
        self.data: CurveData = make_curve_data(first)
        self.device = torch.device(first.device)
        self.activation = ACTIVATIONS.create(first.activation)
        self.m = m = len(configs)
        # All weights and biases live in one flat vector, viewed per layer as stacked tensors (sweep_step.Layers).
        # Narrower models are padded with zero units up to the group's widest one; a fixed mask keeps those
        # gradients, so those weights, at zero.
        width = max(c.hidden_width for c in configs)
        params, mask = torch.zeros(Layers.size(m, width, first.depth)), torch.zeros(Layers.size(m, width, first.depth))
        layers, kept = Layers(params, m, width, first.depth), Layers(mask, m, width, first.depth)
        for i, config in enumerate(configs):  # the very weights CurveTrainer would start from
            with seeded(config.seed):
                model = build_mlp(1, 1, config.hidden_width, config.depth, config.activation)
            if weights is not None and weights[i]:
                model.load_state_dict(weights[i])
            for k, linear in enumerate(linear_layers(model)):
                out_features, in_features = linear.weight.shape  # the real layer, (out, in) as in nn.Linear
                layers.weights[k][i, :in_features, :out_features] = linear.weight.detach().t()
                layers.biases[k][i, 0, :out_features] = linear.bias.detach()
                kept.weights[k][i, :in_features, :out_features] = 1.0
                kept.biases[k][i, 0, :out_features] = 1.0
        if weights is not None:
            diverged = [i for i, saved in enumerate(weights) if not saved]  # weights not finite when saved
            for block in layers.blocks:
                block[diverged] = math.nan
        params = params.to(self.device)
        self.layers = Layers(params, m, width, first.depth)
        self.grads = Layers(torch.zeros_like(params), m, width, first.depth)
        lr = layers.per_model(torch.tensor([c.lr for c in configs], dtype=torch.float32))
        self.optimizer = BatchedOptimizer(params, self.grads.flat, lr.to(self.device),
                                          None if bool(mask.all()) else mask.to(self.device),
                                          first.optimizer, first.momentum, first.weight_decay)

        def col(a: np.ndarray) -> torch.Tensor:
            return torch.from_numpy(np.ascontiguousarray(a)).reshape(1, -1, 1).to(self.device)

        d = self.data
        self.x_train, self.y_train = col(d.x_train), col(d.y_train)
        self.x_test, self.y_test = col(d.x_test), col(d.y_test)
        self.x_plot = col(d.x_plot)
        self._batches = MinibatchSampler(first.seed, self.device)
        self._step: BatchedStep | None = None  # buffers for one batch size, made on the first step
        self.last_losses = torch.empty(m, device=self.device)

    # -- forward (evaluation) ----------------------------------------------------
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """x: (1, N, 1) shared by all models → (M, N, 1)."""
        w, b = self.layers.weights, self.layers.biases
        h = torch.addcmul(b[0], x, w[0])
        for k in range(1, len(w) - 1):
            h = torch.baddbmm(b[k], self.activation(h), w[k])
        # The output as a row (M, 1, N): as fast as in the step (see BatchedStep).
        return torch.baddbmm(b[-1], w[-1].transpose(1, 2), self.activation(h).transpose(1, 2)).transpose(1, 2)

    def losses(self, x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
        """Each model's mean loss on (x, y): shape (M,)."""
        return _elementwise_loss(self.config.loss, self.forward(x), y.expand(self.m, -1, -1)).mean(dim=(1, 2))

    def _next_batch(self) -> tuple[torch.Tensor, torch.Tensor]:
        idx = self._batches.indices(self.x_train.shape[1], self.config.batch_size)
        return (self.x_train, self.y_train) if idx is None else (self.x_train[:, idx], self.y_train[:, idx])

    # -- training -------------------------------------------------------------
    @torch.no_grad()
    def step(self) -> torch.Tensor:
        """One optimizer step for every model; returns each model's loss before the step (M,), a buffer
        that the next step overwrites."""
        x, y = self._next_batch()
        if self._step is None or self._step.n != x.shape[1]:
            self._step = BatchedStep(self.layers, self.grads, self.config.activation, self.config.loss, x.shape[1])
        self._step(x, y, self.last_losses)
        self.optimizer.step()
        return self.last_losses

    @torch.no_grad()
    def model_weights(self, i: int) -> dict[str, torch.Tensor]:
        """Model ``i``'s weights as the state_dict of its own network (padding units dropped)."""
        config = self.configs[i]
        model = build_mlp(1, 1, config.hidden_width, config.depth, config.activation)
        for k, linear in enumerate(linear_layers(model)):
            out_features, in_features = linear.weight.shape
            linear.weight.copy_(self.layers.weights[k][i, :in_features, :out_features].t())
            linear.bias.copy_(self.layers.biases[k][i, 0, :out_features])
        return {name: tensor.clone() for name, tensor in model.state_dict().items()}

    @torch.no_grad()
    def train_losses(self) -> torch.Tensor:
        return self.losses(self.x_train, self.y_train)

    @torch.no_grad()
    def test_losses(self) -> torch.Tensor | None:
        if self.x_test.shape[1] == 0:
            return None
        return self.losses(self.x_test, self.y_test)

    @torch.no_grad()
    def fits(self) -> torch.Tensor:
        """(M, PLOT_POINTS): each model's output on the plot's x grid."""
        return self.forward(self.x_plot).reshape(self.m, -1)


def _elementwise_loss(name: str, pred: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    if name == "MSE":
        return (pred - target).square()
    if name == "L1":
        return (pred - target).abs()
    if name == "Huber":
        return F.huber_loss(pred, target, reduction="none", delta=HUBER_DELTA)
    raise ValueError(f"unknown loss {name!r}")


@dataclass
class SavedSweep:
    """A sweep's results as a session keeps them: every run's weights, the step, the loss histories."""

    weights: list[dict[str, Any]]    # one state_dict per run, in the spec's order ({} for a diverged run)
    step: int
    history: np.ndarray | None      # (step, runs) float32, or None (not kept)


def usable_device(name: str) -> str:
    """``name`` if torch can train there, else the CPU (a session saved on a machine with a GPU)."""
    if name.startswith("cuda") and torch.cuda.is_available():
        index = torch.device(name).index
        if index is None or index < torch.cuda.device_count():
            return name
    return "cpu"


class SweepJob(CommandJob):
    """Every combination of a SweepSpec, trained together; a job for ``run_loop``."""

    def __init__(self, spec: SweepSpec, saved: "SavedSweep | None" = None) -> None:
        self.generation = 0
        self.build(spec, saved)

    def build(self, spec: SweepSpec, saved: "SavedSweep | None" = None) -> None:
        """A fresh sweep, or (``saved``) one that goes on from saved weights, step and loss histories."""
        self.spec = spec
        self.device = usable_device(spec.base.device)
        self.configs = [replace(config, device=self.device) for config in spec.configs()]
        by_key: dict[tuple, list[int]] = {}
        for i, config in enumerate(self.configs):
            by_key.setdefault(_group_key(config), []).append(i)
        weights = saved.weights if saved is not None else None
        self.groups = [BatchedGroup([self.configs[i] for i in idx], idx,
                                    None if weights is None else [weights[i] for i in idx])
                       for idx in by_key.values()]
        self.data = self.groups[0].data
        # Every step's losses land in one preallocated tensor (a numpy view of it fills the history row).
        self._losses = torch.empty(len(self.configs))
        self._losses_np = self._losses.numpy()
        self._places = [self._place(group.indices) for group in self.groups]
        self.step_count = 0 if saved is None else saved.step
        # Every model's loss at every step; np.empty only commits the pages that get written.
        self._history = np.empty((max(spec.steps, self.step_count), len(self.configs)), dtype=np.float32)
        self._recorded = 0  # rows of _history filled (fewer than step_count when saved without histories)
        if saved is not None and saved.history is not None:
            self._recorded = len(saved.history)
            self._history[:self._recorded] = saved.history
        self.generation += 1

    def _place(self, indices: list[int]):
        """A function that copies a group's losses into their runs' places in ``_losses``."""
        first = indices[0]
        if indices == list(range(first, first + len(indices))):
            return self._losses[first:first + len(indices)].copy_
        index = torch.tensor(indices)
        return lambda losses: self._losses.index_copy_(0, index, losses.cpu())

    def reset(self, spec: SweepSpec | None = None) -> None:
        self.build(spec or self.spec)

    def done(self) -> bool:
        return self.step_count >= self.spec.steps  # the loop pauses there; Play does not go beyond

    def step(self) -> float:
        for group, place in zip(self.groups, self._places):
            place(group.step())  # into self._losses: a copy of M numbers (from the device, if on a GPU)
        if self._recorded == len(self._history):  # stepped past the limit (by hand): make room
            self._history = np.concatenate([self._history, np.empty_like(self._history[:max(1, len(self._history))])])
        row = self._history[self._recorded]
        row[:] = self._losses_np
        self._recorded += 1
        self.step_count += 1
        total = float(row.sum(dtype=np.float64))
        if math.isfinite(total):
            return total / len(row)
        finite = row[np.isfinite(row)]
        # The loop pauses on a non-finite loss: only when every model has diverged.
        return float(finite.mean(dtype=np.float64)) if finite.size else math.nan

    def loss_history(self) -> np.ndarray:
        """(steps, models): every model's training loss at every step (before that step's update).
        Fewer rows than ``step_count`` only for a sweep restored from a session saved without them."""
        return self._history[:self._recorded].copy()

    def saved(self) -> "SavedSweep":
        """Everything needed to show this sweep again later (called on the worker thread).
        A diverged model's weights are not finite: it is saved without weights (an empty dict)."""
        weights: list[dict[str, torch.Tensor]] = [{} for _ in self.configs]
        for group in self.groups:
            for j, index in enumerate(group.indices):
                model = group.model_weights(j)
                if all(bool(torch.isfinite(t).all()) for t in model.values()):
                    weights[index] = model
        history = self.loss_history() if self._recorded == self.step_count else None
        return SavedSweep(weights, self.step_count, history)

    def _gather(self, per_group) -> np.ndarray:
        out = np.full(len(self.configs), np.nan, dtype=np.float64)
        for group in self.groups:
            values = per_group(group)
            if values is not None:
                out[group.indices] = values.cpu().numpy()
        return out

    def train_losses(self) -> np.ndarray:
        return self._gather(BatchedGroup.train_losses)

    def test_losses(self) -> np.ndarray:
        return self._gather(BatchedGroup.test_losses)

    def fits(self) -> np.ndarray:
        out = np.empty((len(self.configs), self.data.x_plot.size), dtype=np.float32)
        for group in self.groups:
            out[group.indices] = group.fits().cpu().numpy()
        return out

    def snapshot(self) -> dict[str, Any]:
        train = self.train_losses()
        return {
            "fits": self.fits(),
            "train_loss": train,
            "test_loss": self.test_losses(),
            "diverged": ~np.isfinite(train),
            "configs": self.configs,
            "spec": self.spec,
            "data": self.data,
            "groups": len(self.groups),
        }


def train_sweep(spec: SweepSpec) -> SweepJob:
    """Train a whole sweep without any UI (tests, CLI, benchmarks)."""
    from playground.core.training.loop import run_loop
    from playground.core.training.run_control import RunControl

    job = SweepJob(spec)
    run_loop(job, RunControl(paused=False), lambda _p: None, stop_when_done=True)
    return job
