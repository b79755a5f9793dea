"""One MNIST training run as a job for :func:`playground.core.training.loop.run_loop`.

Data are turned into tensors once; each ``step()`` trains on one minibatch that is
a slice of those tensors (a fresh permutation per epoch). Train and test accuracy
are computed once per epoch, at the epoch's end, never per snapshot.

Thread safety: the job lives on the worker thread and mutates its model. At each
epoch end (and when it finishes) it puts a *CPU copy* of the state_dict in
``self.weights`` with a new ``weights_version``; snapshots hand that copy to the
GUI, which loads it into its own model instance for the drawing canvas. The GUI
never touches the job's model.
"""

from __future__ import annotations

import time
from typing import Any

import numpy as np

from playground.core.training.commands import CommandJob
from playground.core.training.components import OPTIMIZERS
from playground.core.training.eta import EtaEstimator
from playground.core.mnist.config import MnistConfig
from playground.core.mnist.data import DigitDataset, load_bundled, to_tensors
from playground.core.mnist.models import build_model
from playground.core.training.seeding import seeded

EVAL_BATCH = 1000
EVAL_PROBE = 128  # test images timed after the first step: what an epoch-end evaluation will cost


def augment_batch(x, generator, mean: float, std: float):
    """Random small shifts, rotations, scale and stroke thickness on a normalised batch (N,1,28,28)."""
    import math

    import torch
    import torch.nn.functional as F

    n = x.shape[0]
    raw = x * std + mean  # back to [0, 1] so padding with 0 is background
    angle = (torch.rand(n, generator=generator) * 2 - 1) * math.radians(15)
    scale = 1 + (torch.rand(n, generator=generator) * 2 - 1) * 0.15
    shift = (torch.rand(n, 2, generator=generator) * 2 - 1) * (2.5 / 14)  # ±2.5 px
    cos, sin = torch.cos(angle) / scale, torch.sin(angle) / scale
    theta = torch.stack([torch.stack([cos, -sin, shift[:, 0]], 1), torch.stack([sin, cos, shift[:, 1]], 1)], 1)
    grid = F.affine_grid(theta.to(x.device), list(x.shape), align_corners=False)
    raw = F.grid_sample(raw, grid, align_corners=False, padding_mode="zeros")
    pick = torch.rand(n, generator=generator).to(x.device)
    thick = F.max_pool2d(raw, 3, 1, 1)
    thin = -F.max_pool2d(-raw, 3, 1, 1)
    raw = torch.where((pick < 0.3).view(n, 1, 1, 1), thick, raw)
    raw = torch.where((pick > 0.9).view(n, 1, 1, 1), 0.5 * (raw + thin), raw)
    return (raw - mean) / std


def evaluate(model, x, y=None, batch: int = EVAL_BATCH):
    """Softmax probabilities (N, 10) as numpy, and the accuracy when labels are given."""
    import torch

    was_training = model.training
    model.eval()
    out = []
    with torch.inference_mode():
        for i in range(0, len(x), batch):
            out.append(torch.softmax(model(x[i:i + batch]), dim=1).float().cpu())
    model.train(was_training)
    probs = torch.cat(out).numpy() if out else np.zeros((0, 10), np.float32)
    if y is None:
        return probs, None
    labels = y.cpu().numpy() if hasattr(y, "cpu") else np.asarray(y)
    acc = float((probs.argmax(1) == labels).mean()) if len(labels) else float("nan")
    return probs, acc


def confusion_matrix(labels: np.ndarray, predicted: np.ndarray, classes: int = 10) -> np.ndarray:
    """counts[true, predicted]."""
    return np.bincount(labels.astype(np.int64) * classes + predicted.astype(np.int64),
                       minlength=classes * classes).reshape(classes, classes)


class MnistJob(CommandJob):
    def __init__(self, config: MnistConfig, dataset: DigitDataset | None = None, *, augment: bool = False) -> None:
        import torch

        self.config = config
        self.dataset = dataset if dataset is not None else load_bundled()
        self.device = torch.device(config.device)
        tensors = to_tensors(self.dataset, self.device)
        limit = config.train_limit or len(tensors.train_y)
        self.train_x, self.train_y = tensors.train_x[:limit], tensors.train_y[:limit]
        self.test_x, self.test_y = tensors.test_x, tensors.test_y
        self.augment = augment
        self.spec = config.arch_spec()
        with seeded(config.seed):
            self.model = build_model(self.spec).to(self.device)
        self.optimizer = OPTIMIZERS.create(config.optimizer, self.model.parameters(), config.lr, 0.9, 0.0)
        self.loss_fn = torch.nn.CrossEntropyLoss()
        self.generator = torch.Generator().manual_seed(config.seed)
        self.batch_size = config.batch_size
        self.batches_per_epoch = max(1, -(-len(self.train_y) // self.batch_size))
        self.total_steps = self.batches_per_epoch * config.epochs
        self.generation = 0
        self.step_count = 0
        self.epoch = 0              # completed epochs
        self.batch_index = 0        # within the current epoch
        self._order = None
        self.train_acc: list[float] = []
        self.test_acc: list[float] = []
        self.weights: dict | None = None
        self.weights_version = 0
        self.results: dict | None = None  # confusion matrix etc., once finished
        self.eta = EtaEstimator(self.total_steps, config.epochs)  # one evaluation per epoch
        self._publish_weights()     # the untrained model, so the canvas can show it

    # -- the job protocol ------------------------------------------------------
    def step(self) -> float:
        import torch

        self.eta.begin_step()
        if self.batch_index == 0:
            self._order = torch.randperm(len(self.train_y), generator=self.generator).to(self.device)
        start = self.batch_index * self.batch_size
        index = self._order[start:start + self.batch_size]
        x, y = self.train_x[index], self.train_y[index]
        if self.augment:
            x = augment_batch(x, self.generator, self.dataset.mean, self.dataset.std)
        self.optimizer.zero_grad(set_to_none=True)
        loss = self.loss_fn(self.model(x), y)
        loss.backward()
        self.optimizer.step()
        self.step_count += 1
        self.batch_index += 1
        value = float(loss.detach())
        if self.step_count == 1:
            self._probe_evaluation()  # part of the first step, which the estimate leaves out as a warm-up
        self.eta.end_step()
        if self.batch_index >= self.batches_per_epoch:
            self._end_epoch()
            self.eta.end_evaluation()
        return value

    def done(self) -> bool:
        return self.step_count >= self.total_steps

    def snapshot(self) -> dict[str, Any]:
        """Cheap: numbers, lists and references to already-made copies (no tensor work)."""
        return {
            "epoch": self.epoch, "epochs": self.config.epochs, "batch": self.batch_index,
            "batches_per_epoch": self.batches_per_epoch, "total_steps": self.total_steps,
            "elapsed_s": self.eta.active_s, "eta_s": self.eta.eta(),  # pauses not counted
            "train_acc": list(self.train_acc), "test_acc": list(self.test_acc),
            "weights": self.weights, "weights_version": self.weights_version, "spec": self.spec,
            "results": self.results,
        }

    # -- epoch ends ------------------------------------------------------------
    def _probe_evaluation(self) -> None:
        """Time a small evaluation once, so that the first epoch's ETA includes its evaluations (for a CNN they
        take longer than the epoch's training)."""
        probe = self.test_x[:EVAL_PROBE]
        if not len(probe):
            return
        start = time.perf_counter()
        evaluate(self.model, probe)
        per_image = (time.perf_counter() - start) / len(probe)
        self.eta.guess_evaluation(per_image * (len(self.train_y) + len(self.test_y)))

    def _end_epoch(self) -> None:
        self.epoch += 1
        self.batch_index = 0
        _, train_acc = evaluate(self.model, self.train_x, self.train_y)
        probs, test_acc = evaluate(self.model, self.test_x, self.test_y)
        self.train_acc.append(train_acc)
        self.test_acc.append(test_acc)
        self._publish_weights()
        if self.done():
            labels = self.test_y.cpu().numpy()
            predicted = probs.argmax(1)
            self.results = {
                "probs": probs, "labels": labels, "predicted": predicted,
                "confusion": confusion_matrix(labels, predicted),
                "test_acc": test_acc, "train_acc": train_acc,
            }

    def _publish_weights(self) -> None:
        # A fresh dict of CPU copies each time: the GUI may hold the previous one.
        self.weights = {k: v.detach().to("cpu", copy=True) for k, v in self.model.state_dict().items()}
        self.weights_version += 1

    def metadata(self) -> dict:
        return {"dataset": self.dataset.name, "test_accuracy": self.test_acc[-1] if self.test_acc else None,
                "train_accuracy": self.train_acc[-1] if self.train_acc else None,
                "epochs": self.epoch, "config": {k: getattr(self.config, k) for k in
                                                 ("arch", "optimizer", "lr", "batch_size", "epochs", "seed")},
                "mean": self.dataset.mean, "std": self.dataset.std,
                "class_names": list(self.dataset.class_names)}
