"""The Classification lab's job for the shared training loop (core.training.loop.run_loop).

Two classes: one output and a sigmoid (binary cross-entropy); more: one output
per class and a softmax (cross-entropy). Snapshots carry the decision-region
heatmap as a ready-to-show RGBA image, computed here on the worker thread.
"""

from __future__ import annotations

import math
import time
from dataclasses import replace
from typing import Any

import numpy as np
import torch

from playground.core.training.commands import SetBackground, SetDrawnPoints, WantWeights
from playground.core.classify.config import ClassifyConfig, build_classifier
from playground.core.classify.data import CLASS_COLORS, DRAW, HEATMAP_SIZE, ClassifyData, feature_matrix, grid_points, make_data, split
from playground.core.training.batching import MinibatchSampler
from playground.core.training.live_job import LiveConfigJob

NEURON_TILE = 24        # each neuron's small heatmap: NEURON_TILE² grid points
NEURON_GAP = 4
NEURON_INTERVAL_S = 0.2  # neuron heatmaps are computed at most 5 times a second

NEGATIVE, POSITIVE = (8, 119, 189), (245, 147, 34)  # neuron heatmaps: blue below zero, orange above
DARK_BACKGROUND = (30, 31, 34)


class ClassifyJob(LiveConfigJob):
    want_neurons = True
    want_weights = False               # add the weight matrices (network diagram) to the 5 Hz snapshots (WantWeights)
    background = DARK_BACKGROUND       # the plot's background colour: low confidence fades to it

    def __init__(self, config: ClassifyConfig, drawn: tuple[np.ndarray, np.ndarray] | None = None) -> None:
        self.generation = 0
        self.data_version = 0
        self.drawn = drawn if drawn is not None else (np.zeros((0, 2), np.float32), np.zeros(0, np.int64))
        self._grid = grid_points(HEATMAP_SIZE)
        self._tile_grid = grid_points(NEURON_TILE)
        self._last_neurons = -math.inf
        self._last_loss = 0.0
        self._build(config)

    # -- building ---------------------------------------------------------------
    def _build(self, config: ClassifyConfig) -> None:
        self.config = config
        self.device = torch.device(config.device)
        torch.manual_seed(config.seed)
        self.model = build_classifier(config).to(self.device)
        self._weights = [m.weight for m in self.model if isinstance(m, torch.nn.Linear)]
        self.loss_fn = torch.nn.BCEWithLogitsLoss() if config.n_classes == 2 else torch.nn.CrossEntropyLoss()
        self._batches = MinibatchSampler(config.seed, self.device)
        self.grid_inputs = self._inputs(self._grid)
        self.tile_inputs = self._inputs(self._tile_grid)
        self._set_data(self._make_data())
        self._optimizer = None  # built on first use (LiveConfigJob.optimizer)
        self.step_count = 0
        self._last_neurons = -math.inf
        self.generation += 1

    def _make_data(self) -> ClassifyData:
        c = self.config
        if c.dataset == DRAW:
            return split(self.drawn[0], self.drawn[1], c.n_classes, c.test_fraction, c.seed)
        return make_data(c)

    def _inputs(self, points: np.ndarray) -> torch.Tensor:
        return torch.from_numpy(feature_matrix(points, self.config.features)).to(self.device)

    def _set_data(self, data: ClassifyData) -> None:
        self.data = data
        self.x_train, self.x_test = self._inputs(data.x_train), self._inputs(data.x_test)
        self.y_train = torch.from_numpy(data.y_train).to(self.device)
        self.y_test = torch.from_numpy(data.y_test).to(self.device)
        self._batches.restart()
        self.data_version += 1

    def set_drawn_points(self, points: np.ndarray, labels: np.ndarray) -> None:
        """The user's own points; in "draw" mode they replace the data and the weights are kept."""
        self.drawn = _own_copy(points, labels)
        if self.config.dataset == DRAW:
            self._set_data(self._make_data())

    def handle(self, command) -> None:
        if isinstance(command, SetDrawnPoints):
            self.set_drawn_points(command.points, command.labels)
        elif isinstance(command, SetBackground):
            self.set_background(command.rgb)
        elif isinstance(command, WantWeights):
            self.want_weights = command.on
        else:
            super().handle(command)

    def set_background(self, rgb: tuple[int, int, int]) -> None:
        """The theme changed: the next snapshot's heatmaps fade to this colour (neurons included)."""
        self.background = tuple(rgb)
        self._last_neurons = -math.inf

    def restore(self, config: ClassifyConfig, drawn: tuple[np.ndarray, np.ndarray], weights=None, step=None,
                optimizer=None, notes: list | None = None) -> int:
        """Rebuild for a saved session: its config and drawn points, and if given its weights, step and
        optimizer state (why that state was skipped goes into ``notes``); returns the new generation."""
        from playground.core.training.live_job import load_into_job  # works for any job with reset(), model, step_count, optimizer

        self.drawn = _own_copy(*drawn)
        return load_into_job(self, config, weights, step, optimizer, notes)

    # -- training -----------------------------------------------------------------
    def done(self) -> bool:
        if self.x_train.shape[0] == 0:
            return True  # nothing to learn from (all drawn points removed): the loop pauses
        return self.config.max_steps > 0 and self.step_count >= self.config.max_steps

    def _next_batch(self) -> tuple[torch.Tensor, torch.Tensor]:
        idx = self._batches.indices(self.x_train.shape[0], self.config.batch_size)
        return (self.x_train, self.y_train) if idx is None else (self.x_train[idx], self.y_train[idx])

    def _data_loss(self, logits: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
        if logits.shape[1] == 1:
            return self.loss_fn(logits[:, 0], y.to(logits.dtype))
        return self.loss_fn(logits, y)

    def _penalty(self) -> torch.Tensor | None:
        c = self.config
        if c.regularization == "none" or c.reg_rate == 0:
            return None
        if c.regularization == "L1":
            return c.reg_rate * sum(w.abs().sum() for w in self._weights)
        return c.reg_rate * sum((w * w).sum() for w in self._weights)

    def step(self) -> float:
        """One optimizer step on one minibatch; returns its cross-entropy (without the penalty)."""
        if self.x_train.shape[0] == 0:
            time.sleep(0.01)
            return self._last_loss
        x, y = self._next_batch()
        self.optimizer.zero_grad(set_to_none=True)
        loss = self._data_loss(self.model(x), y)
        penalty = self._penalty()
        (loss if penalty is None else loss + penalty).backward()
        self.optimizer.step()
        self.step_count += 1
        self._last_loss = loss.item()
        return self._last_loss

    # -- evaluation (no_grad) -------------------------------------------------------
    @torch.no_grad()
    def _probabilities(self, x: torch.Tensor) -> torch.Tensor:
        logits = self.model(x)
        if logits.shape[1] == 1:
            p = torch.sigmoid(logits[:, 0])
            return torch.stack([1 - p, p], dim=1)
        return torch.softmax(logits, dim=1)

    @torch.no_grad()
    def evaluate(self, x: torch.Tensor, y: torch.Tensor) -> tuple[float | None, float | None]:
        """(loss, accuracy) on a set; (None, None) when it is empty."""
        if x.shape[0] == 0:
            return None, None
        logits = self.model(x)
        loss = self._data_loss(logits, y).item()
        predicted = (logits[:, 0] > 0).long() if logits.shape[1] == 1 else logits.argmax(dim=1)
        return loss, (predicted == y).float().mean().item()

    def predict(self, points: np.ndarray) -> np.ndarray:
        """Predicted class of each (x1, x2) point."""
        probabilities = self._probabilities(self._inputs(np.asarray(points, np.float32).reshape(-1, 2)))
        return probabilities.argmax(dim=1).cpu().numpy()

    @torch.no_grad()
    def heatmap(self) -> np.ndarray:
        """(HEATMAP_SIZE, HEATMAP_SIZE, 4) uint8 RGBA, row 0 at the bottom (y = -DOMAIN):
        hue = predicted class, strength = confidence (from chance level to certain)."""
        probabilities = self._probabilities(self.grid_inputs)
        confidence, predicted = probabilities.max(dim=1)
        k = probabilities.shape[1]
        strength = ((confidence - 1 / k) * (k / (k - 1))).clamp(0, 1)
        palette = torch.tensor(CLASS_COLORS[:k], dtype=torch.float32, device=self.device)
        background = torch.tensor(self.background, dtype=torch.float32, device=self.device)
        mix = (0.12 + 0.6 * strength).unsqueeze(1)
        rgb = background + (palette[predicted] - background) * mix
        image = torch.empty((rgb.shape[0], 4), dtype=torch.uint8)
        image[:, :3] = rgb.round().to(torch.uint8).cpu()
        image[:, 3] = 255
        return image.reshape(HEATMAP_SIZE, HEATMAP_SIZE, 4).numpy()

    @torch.no_grad()
    def neuron_activations(self) -> list[np.ndarray]:
        """Per column (the input features, then each hidden layer): (units, NEURON_TILE²) outputs."""
        h = self.tile_inputs
        columns = [h.T.cpu().numpy()]
        for module in self.model[:-1]:
            h = module(h)
            if not isinstance(module, torch.nn.Linear):
                columns.append(h.T.cpu().numpy())
        return columns

    def neuron_mosaic(self) -> np.ndarray:
        """One RGBA image (row 0 at the top) of every feature's and hidden neuron's response over
        the plane: a column per layer, a tile per unit; blue < 0 < orange, scaled per unit."""
        columns = self.neuron_activations()
        rows = max(len(c) for c in columns)
        pitch = NEURON_TILE + NEURON_GAP
        height, width = rows * pitch - NEURON_GAP, len(columns) * pitch - NEURON_GAP
        image = np.zeros((height, width, 4), np.uint8)
        background = np.asarray(self.background, np.float32)
        negative, positive = np.asarray(NEGATIVE, np.float32), np.asarray(POSITIVE, np.float32)
        for ci, values in enumerate(columns):
            scale = np.abs(values).max(axis=1, keepdims=True)
            a = values / np.where(scale > 1e-12, scale, 1.0)              # (units, tile²) in [-1, 1]
            colour = np.where(a[..., None] >= 0, positive, negative)
            rgb = background + (colour - background) * np.abs(a)[..., None]
            tiles = rgb.reshape(len(values), NEURON_TILE, NEURON_TILE, 3)[:, ::-1]  # y up
            for ui, tile in enumerate(tiles):
                y0, x0 = ui * pitch, ci * pitch
                image[y0:y0 + NEURON_TILE, x0:x0 + NEURON_TILE, :3] = tile.round().astype(np.uint8)
                image[y0:y0 + NEURON_TILE, x0:x0 + NEURON_TILE, 3] = 255
        return image

    def snapshot(self) -> dict[str, Any]:
        train_loss, train_acc = self.evaluate(self.x_train, self.y_train)
        test_loss, test_acc = self.evaluate(self.x_test, self.y_test)
        snap = {
            "heatmap": self.heatmap(),
            "train_loss": train_loss, "train_acc": train_acc,
            "test_loss": test_loss, "test_acc": test_acc,
            "config": self.config,
            "data": self.data,
            "data_version": self.data_version,
            "trainable": self._optimizer is not None,
        }
        now = time.perf_counter()
        if self.want_neurons and now - self._last_neurons >= NEURON_INTERVAL_S:
            self._last_neurons = now
            snap["neurons"] = self.neuron_mosaic()
            snap["neuron_layout"] = [len(self.config.features), *self.config.hidden]
            if self.want_weights:
                snap["weights"] = self.weights()
        return snap

    @torch.no_grad()
    def weights(self) -> list[tuple[np.ndarray, np.ndarray]]:
        """(W, b) of every Linear layer, W of shape (out, in), as numpy copies."""
        return [(m.weight.cpu().numpy().copy(), m.bias.cpu().numpy().copy())
                for m in self.model if isinstance(m, torch.nn.Linear)]


def _own_copy(points, labels) -> tuple[np.ndarray, np.ndarray]:
    """Drawn points as the job keeps them: its own (n, 2) float32 and (n,) int64 arrays."""
    return np.asarray(points, np.float32).reshape(-1, 2).copy(), np.asarray(labels, np.int64).reshape(-1).copy()


def train_classifier(config: ClassifyConfig, steps: int | None = None) -> ClassifyJob:
    """Train without any UI (tests, benchmarks) through the shared loop; returns the job."""
    from playground.core.training.loop import run_loop
    from playground.core.training.run_control import RunControl

    if steps is not None:
        config = replace(config, max_steps=steps)
    if config.max_steps <= 0:
        raise ValueError("train_classifier needs a step limit")
    job = ClassifyJob(config)
    job.want_neurons = False
    run_loop(job, RunControl(paused=False), lambda _p: None, stop_when_done=True)
    return job
