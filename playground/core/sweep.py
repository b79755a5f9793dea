"""Many Curve-lab models trained together, as one batched computation.

Models that share a shape, activation, loss, optimizer and data form a *group*:
their weights are stacked into tensors with a leading model axis and every
layer is one ``torch.baddbmm``; the optimizer update is written out in batched
form with one learning rate per model. Each model starts from exactly the
weights that ``CurveTrainer`` builds for the same config (same seed), and the
per-model losses follow the single-model loop (a test checks 1e-5 relative for
SGD and Adam).

``SweepJob`` is a job for ``core.loop.run_loop``: ``step()`` trains every model
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

from .batching import MinibatchSampler
from .commands import CommandJob
from .components import ACTIVATIONS
from .curve_config import CurveConfig
from .curve_data import CurveData, make_curve_data
from .models import build_mlp, linear_layers
from .seeding import seeded
from .sweep_config import SweepSpec

# Hyperparameters of torch's optimizers that the batched update reproduces.
ADAM_BETAS, ADAM_EPS = (0.9, 0.999), 1e-8
RMSPROP_ALPHA, RMSPROP_EPS = 0.99, 1e-8
ADAGRAD_EPS = 1e-10
HUBER_DELTA = 1.0


def _group_key(config: CurveConfig) -> tuple:
    """Configs with equal keys train in one batch: they differ only in learning rate, width and initial weights."""
    seed_matters = config.noise > 0 or config.test_fraction > 0 or config.batch_size > 0
    shared = replace(config, lr=0.0, hidden_width=1, seed=config.seed if seed_matters else 0)
    return tuple(getattr(shared, name) for name in config.__dataclass_fields__)


def _elementwise_loss(name: str, pred: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    if name == "MSE":
        return (pred - target).square()
    if name == "L1":
        return (pred - target).abs()
    if name == "Huber":
        return F.huber_loss(pred, target, reduction="none", delta=HUBER_DELTA)
    raise ValueError(f"unknown loss {name!r}")


def _mse_grad(diff: torch.Tensor, n: int):
    return diff.square().mean(dim=(1, 2)), diff * (2.0 / n)


def _l1_grad(diff: torch.Tensor, n: int):
    return diff.abs().mean(dim=(1, 2)), diff.sign() / n


def _huber_grad(diff: torch.Tensor, n: int):
    a = diff.abs()
    loss = torch.where(a <= HUBER_DELTA, 0.5 * diff.square(), HUBER_DELTA * (a - 0.5 * HUBER_DELTA))
    return loss.mean(dim=(1, 2)), diff.clamp(-HUBER_DELTA, HUBER_DELTA) / n


# loss name → f(pred − target, N) → (per-model mean loss, d loss / d pred)
_LOSS_GRADS = {"MSE": _mse_grad, "L1": _l1_grad, "Huber": _huber_grad}
# activation name → d loss / d z from (d loss / d f(z), z, f(z)), as torch's own backward computes it
_DERIVATIVES = {
    "ReLU": lambda g, z, a: torch.ops.aten.threshold_backward(g, a, 0),
    "LeakyReLU": lambda g, z, a: torch.where(z > 0, g, g * 0.01),
    "Tanh": lambda g, z, a: g * (1 - a * a),
    "Sigmoid": lambda g, z, a: g * ((1 - a) * a),
    "Identity": lambda g, z, a: g,
}


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
        self.m = len(configs)
        per_model = []
        for i, config in enumerate(configs):  # the very weights CurveTrainer would start from
            with seeded(config.seed):
                model = build_mlp(1, 1, config.hidden_width, config.depth, config.activation)
            if weights is not None and weights[i]:
                model.load_state_dict(weights[i])
            per_model.append(linear_layers(model))
        # All of a model's weights and biases live in one row of ``flat`` (M, P), so the optimizer
        # update is a handful of whole-tensor ops. Narrower models are padded with zero units up to
        # the group's widest one; a fixed mask keeps those gradients, so those weights, at zero.
        width = max(c.hidden_width for c in configs)
        sizes = [1] + [width] * first.depth + [1]
        self.layout: list[tuple[int, int, int, int]] = []  # (weight offset, in, out, bias offset)
        offset = 0
        for fan_in, fan_out in zip(sizes[:-1], sizes[1:]):
            self.layout.append((offset, fan_in, fan_out, offset + fan_in * fan_out))
            offset += fan_in * fan_out + fan_out
        flat = torch.zeros(self.m, offset)
        mask = torch.zeros(self.m, offset, dtype=torch.bool)
        for i, layers in enumerate(per_model):
            for (w_off, fan_in, fan_out, b_off), linear in zip(self.layout, layers):
                out_features, in_features = linear.weight.shape  # the real layer, (out, in) as in nn.Linear
                w = flat[i, w_off:b_off].view(fan_in, fan_out)
                w[:in_features, :out_features] = linear.weight.detach().t()
                flat[i, b_off:b_off + out_features] = linear.bias.detach()
                mask[i, w_off:b_off].view(fan_in, fan_out)[:in_features, :out_features] = True
                mask[i, b_off:b_off + out_features] = True
        if weights is not None:
            flat[[i for i, saved in enumerate(weights) if not saved]] = math.nan  # diverged when saved
        self.flat = flat.to(self.device).requires_grad_()
        self.mask = None if bool(mask.all()) else mask.to(self.device, torch.float32)
        self.lr = torch.tensor([c.lr for c in configs], dtype=torch.float32, device=self.device).reshape(-1, 1)
        self.state: dict[str, torch.Tensor] = {}
        self.opt_step = 0

        def col(a: np.ndarray) -> torch.Tensor:
            return torch.from_numpy(np.ascontiguousarray(a)).reshape(1, -1, 1).to(self.device)

        d = self.data
        self.x_train, self.y_train = col(d.x_train), col(d.y_train)
        self.x_test, self.y_test = col(d.x_test), col(d.y_test)
        self.x_plot = col(d.x_plot)
        self._batches = MinibatchSampler(first.seed, self.device)

    # -- forward ------------------------------------------------------------
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """x: (1, N, 1) shared by all models → (M, N, 1)."""
        h = x.expand(self.m, -1, -1)
        last = len(self.layout) - 1
        for i, (w_off, fan_in, fan_out, b_off) in enumerate(self.layout):
            w = self.flat[:, w_off:b_off].view(self.m, fan_in, fan_out)
            b = self.flat[:, b_off:b_off + fan_out].view(self.m, 1, fan_out)
            # One input feature or one output: broadcasts (cheaper than degenerate bmms).
            if i == 0:
                h = torch.addcmul(b, h, w)
            elif fan_out == 1:
                h = (h * w.transpose(1, 2)).sum(dim=2, keepdim=True) + b
            else:
                h = torch.baddbmm(b, h, w)
            if i < last:
                h = self.activation(h)
        return h

    def losses(self, x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
        """Each model's mean loss on (x, y): shape (M,)."""
        return _elementwise_loss(self.config.loss, self.forward(x), y.expand(self.m, -1, -1)).mean(dim=(1, 2))

    def _next_batch(self) -> tuple[torch.Tensor, torch.Tensor]:
        idx = self._batches.indices(self.x_train.shape[1], self.config.batch_size)
        return (self.x_train, self.y_train) if idx is None else (self.x_train[:, idx], self.y_train[:, idx])

    # -- training -------------------------------------------------------------
    def step(self) -> torch.Tensor:
        """One optimizer step for every model; returns each model's loss before the step (M,)."""
        x, y = self._next_batch()
        if self.config.activation in _DERIVATIVES and self.config.loss in _LOSS_GRADS:
            with torch.no_grad():
                losses, self.flat.grad = self._manual_backward(x, y)
        else:
            self.flat.grad = None
            losses = self.losses(x, y)
            # The models are independent, so the gradient of the sum is each model's own gradient.
            losses.sum().backward()
        with torch.no_grad():
            if self.mask is not None:
                self.flat.grad.mul_(self.mask)
            self._update()
        return losses.detach()

    def _manual_backward(self, x: torch.Tensor, y: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """Losses (M,) and the flat gradient, by the chain rule written out: the same products
        autograd would compute, without its per-node bookkeeping (most of a small step's time)."""
        m, n = self.m, x.shape[1]
        flat = self.flat.detach()
        derivative = _DERIVATIVES[self.config.activation]
        h = x.expand(m, -1, -1)
        inputs, pre = [], []
        last = len(self.layout) - 1
        for i, (w_off, fan_in, fan_out, b_off) in enumerate(self.layout):
            w = flat[:, w_off:b_off].view(m, fan_in, fan_out)
            b = flat[:, b_off:b_off + fan_out].view(m, 1, fan_out)
            inputs.append(h)
            if i == 0:
                z = torch.addcmul(b, h, w)
            elif fan_out == 1:  # a product with one column: a broadcast and a sum beat a degenerate bmm
                z = (h * w.transpose(1, 2)).sum(dim=2, keepdim=True).add_(b)
            else:
                z = torch.baddbmm(b, h, w)
            if i < last:
                pre.append(z)
                h = self.activation(z)
            else:
                h = z
        diff = h - y.expand(m, -1, -1)
        losses, dz = _LOSS_GRADS[self.config.loss](diff, n)
        grads: list[torch.Tensor] = []
        for i in range(last, -1, -1):
            w_off, fan_in, fan_out, b_off = self.layout[i]
            h_in = inputs[i]
            gb = dz.sum(dim=1)
            if i == 0 or fan_out == 1:  # one input or one output: broadcasts, not degenerate bmms
                gw = (h_in * dz).sum(dim=1)
            else:
                gw = torch.bmm(h_in.transpose(1, 2), dz)
            grads += [gb.reshape(m, -1), gw.reshape(m, -1)]
            if i > 0:
                w = flat[:, w_off:b_off].view(m, fan_in, fan_out)
                dh = dz * w.transpose(1, 2) if fan_out == 1 else torch.bmm(dz, w.transpose(1, 2))
                dz = derivative(dh, pre[i - 1], inputs[i])
        return losses, torch.cat(grads[::-1], dim=1)

    def _update(self) -> None:
        c = self.config
        self.opt_step += 1
        t = self.opt_step
        p, state = self.flat, self.state
        g = p.grad
        if c.weight_decay:
            g = g.add(p, alpha=c.weight_decay)
        if c.optimizer == "SGD":
            p.sub_(self.lr * g)
        elif c.optimizer == "SGD + momentum":
            buf = state.get("momentum")
            if buf is None:
                buf = state["momentum"] = g.clone()
            else:
                buf.mul_(c.momentum).add_(g)
            p.sub_(self.lr * buf)
        elif c.optimizer == "Adam":
            beta1, beta2 = ADAM_BETAS
            if not state:
                state["m"], state["v"] = torch.zeros_like(p), torch.zeros_like(p)
            m, v = state["m"], state["v"]
            m.lerp_(g, 1 - beta1)
            v.mul_(beta2).addcmul_(g, g, value=1 - beta2)
            bias1, bias2 = 1 - beta1 ** t, 1 - beta2 ** t
            denom = (v.sqrt() / math.sqrt(bias2)).add_(ADAM_EPS)
            p.sub_((self.lr / bias1) * m / denom)
        elif c.optimizer == "RMSprop":
            if not state:
                state["v"] = torch.zeros_like(p)
            v = state["v"]
            v.mul_(RMSPROP_ALPHA).addcmul_(g, g, value=1 - RMSPROP_ALPHA)
            p.sub_(self.lr * g / v.sqrt().add_(RMSPROP_EPS))
        elif c.optimizer == "Adagrad":
            if not state:
                state["sum"] = torch.zeros_like(p)
            s = state["sum"]
            s.addcmul_(g, g, value=1.0)
            p.sub_(self.lr * g / s.sqrt().add_(ADAGRAD_EPS))
        else:
            raise ValueError(f"unknown optimizer {c.optimizer!r}")

    @torch.no_grad()
    def model_weights(self, i: int) -> dict[str, torch.Tensor]:
        """Model ``i``'s weights as the state_dict of its own network (padding units dropped)."""
        config = self.configs[i]
        model = build_mlp(1, 1, config.hidden_width, config.depth, config.activation)
        row = self.flat[i].detach().cpu()
        for (w_off, fan_in, fan_out, b_off), linear in zip(self.layout, linear_layers(model)):
            out_features, in_features = linear.weight.shape
            linear.weight.copy_(row[w_off:b_off].view(fan_in, fan_out)[:in_features, :out_features].t())
            linear.bias.copy_(row[b_off:b_off + out_features])
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


@dataclass
class SavedSweep:
    """A sweep's results as a session keeps them: every run's weights, the step, the loss histories."""

    weights: list[dict[str, Any]]    # one state_dict per run, in the spec's order ({} for a diverged run)
    step: int
    history: np.ndarray | None      # (step, runs) float32, or None (not kept)


class SweepJob(CommandJob):
    """Every combination of a SweepSpec, trained together; a job for ``run_loop``."""

    def __init__(self, spec: SweepSpec, saved: "SavedSweep | None" = None) -> None:
        self.generation = 0
        self.build(spec, saved)

    def build(self, spec: SweepSpec, saved: "SavedSweep | None" = None) -> None:
        """A fresh sweep, or (``saved``) one that goes on from saved weights, step and loss histories."""
        self.spec = spec
        self.configs = spec.configs()
        by_key: dict[tuple, list[int]] = {}
        for i, config in enumerate(self.configs):
            by_key.setdefault(_group_key(config), []).append(i)
        weights = saved.weights if saved is not None else None
        self.groups = [BatchedGroup([self.configs[i] for i in idx], idx,
                                    None if weights is None else [weights[i] for i in idx])
                       for idx in by_key.values()]
        self.data = self.groups[0].data
        self.step_count = 0 if saved is None else saved.step
        # Every model's loss at every step; np.empty only commits the pages that get written.
        self._history = np.empty((max(spec.steps, self.step_count), len(self.configs)), dtype=np.float32)
        self._recorded = 0  # rows of _history filled (fewer than step_count when saved without histories)
        if saved is not None and saved.history is not None:
            self._recorded = len(saved.history)
            self._history[:self._recorded] = saved.history
        self.generation += 1

    def reset(self, spec: SweepSpec | None = None) -> None:
        self.build(spec or self.spec)

    def done(self) -> bool:
        return self.step_count >= self.spec.steps  # the loop pauses there; Play does not go beyond

    def step(self) -> float:
        losses = torch.empty(len(self.configs))
        for group in self.groups:
            losses[group.indices] = group.step().to("cpu", torch.float32)
        if self._recorded == len(self._history):  # stepped past the limit (by hand): make room
            self._history = np.concatenate([self._history, np.empty_like(self._history[:max(1, len(self._history))])])
        self._history[self._recorded] = losses.numpy()
        self._recorded += 1
        self.step_count += 1
        finite = losses[torch.isfinite(losses)]
        # The loop pauses on a non-finite loss: only when every model has diverged.
        return float(finite.mean()) if finite.numel() else math.nan

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
    from .loop import run_loop
    from .run_control import RunControl

    job = SweepJob(spec)
    run_loop(job, RunControl(paused=False), lambda _p: None, stop_when_done=True)
    return job
