"""Fine-tune an MNIST-lab model on the user's own digits, as a job for core.training.loop.run_loop.

Each minibatch mixes PERSONAL_PER_BATCH of the user's examples (drawn with replacement:
there are few) with bundled training images, so the network learns the user's hand
without forgetting MNIST; both get the training augmentation (small shifts, rotations,
thickness). Every HELD_OUT_EVERY-th example of each digit (core.mnist.collection) is never
trained on: accuracy on those, and on the dataset's test split, is measured before the
first step and after the last — the "before / after" the lab shows.

Thread safety as in core.mnist.job: the job owns its own model (built from a copy of the
weights it was given); ``weights`` is a CPU copy published when it finishes.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

import numpy as np

from playground.core.mnist.collection import DigitCollection
from playground.core.mnist.data import DigitDataset, load_bundled, to_tensors
from playground.core.mnist.job import augment_batch, evaluate
from playground.core.mnist.models import build_model
from playground.core.text import user_text


@dataclass(frozen=True)
class FineTuneConfig:
    steps: int = 200
    batch_size: int = 64
    personal_per_batch: int = 12
    lr: float = 3e-4
    seed: int = 0
    augment: bool = True


class FineTuneError(ValueError):
    pass


def _scores(model, personal_x, personal_y, test_x, test_y) -> dict:
    held = evaluate(model, personal_x, personal_y)[1] if len(personal_y) else None
    return {"personal": held, "test": evaluate(model, test_x, test_y)[1]}


class FineTuneJob:
    def __init__(self, spec: dict, state_dict: dict, collection: DigitCollection, *, mean: float, std: float,
                 dataset: DigitDataset | None = None, config: FineTuneConfig = FineTuneConfig(),
                 metadata: dict | None = None) -> None:
        import torch

        train_idx, held_idx = collection.split()
        if len(train_idx) == 0:
            raise FineTuneError(user_text("Collect some digits first: fine-tuning needs examples of your own "
                                          "handwriting (every {n}th of each digit is kept aside to test on).",
                                          n=4))
        self.config, self.spec, self.mean, self.std = config, spec, mean, std
        self.dataset = dataset if dataset is not None else load_bundled()
        tensors = to_tensors(self.dataset)
        self.train_x, self.train_y, self.test_x, self.test_y = tensors
        own_x = torch.from_numpy(((collection.images / 255.0 - mean) / std).astype(np.float32)).unsqueeze(1)
        own_y = torch.from_numpy(collection.labels.astype(np.int64))
        self.own_x, self.own_y = own_x[train_idx], own_y[train_idx]
        self.held_x, self.held_y = own_x[held_idx], own_y[held_idx]
        self.model = build_model(spec)
        self.model.load_state_dict({k: v.detach().clone() for k, v in state_dict.items()})
        self.model.train()
        self.optimizer = torch.optim.Adam(self.model.parameters(), lr=config.lr)
        self.loss_fn = torch.nn.CrossEntropyLoss()
        self.generator = torch.Generator().manual_seed(config.seed)
        self.metadata_in = dict(metadata or {})
        self.generation = 0
        self.step_count = 0
        self.total_steps = config.steps
        self.before = _scores(self.model, self.held_x, self.held_y, self.test_x, self.test_y)
        self.after: dict | None = None
        self.weights: dict | None = None
        self._started_at: float | None = None
        self.personal_count, self.held_out_count = len(train_idx), len(held_idx)

    def step(self) -> float:
        import torch

        if self._started_at is None:
            self._started_at = time.perf_counter()
        c = self.config
        own = torch.randint(len(self.own_y), (c.personal_per_batch,), generator=self.generator)
        base = torch.randint(len(self.train_y), (c.batch_size - c.personal_per_batch,), generator=self.generator)
        x = torch.cat([self.own_x[own], self.train_x[base]])
        y = torch.cat([self.own_y[own], self.train_y[base]])
        if c.augment:
            x = augment_batch(x, self.generator, self.mean, self.std)
        self.optimizer.zero_grad(set_to_none=True)
        loss = self.loss_fn(self.model(x), y)
        loss.backward()
        self.optimizer.step()
        self.step_count += 1
        if self.done():
            self._finish()
        return float(loss.detach())

    def done(self) -> bool:
        return self.step_count >= self.total_steps

    def _finish(self) -> None:
        self.model.eval()
        self.after = _scores(self.model, self.held_x, self.held_y, self.test_x, self.test_y)
        self.weights = {k: v.detach().to("cpu", copy=True) for k, v in self.model.state_dict().items()}

    def snapshot(self) -> dict[str, Any]:
        elapsed = (time.perf_counter() - self._started_at) if self._started_at else 0.0
        return {"total_steps": self.total_steps, "elapsed_s": elapsed, "before": self.before, "after": self.after,
                "weights": self.weights, "spec": self.spec, "personal": self.personal_count,
                "held_out": self.held_out_count}

    def metadata(self) -> dict:
        """The model file's metadata: the original's, with the fine-tuning and its accuracies."""
        meta = dict(self.metadata_in)
        meta.update({"dataset": self.dataset.name, "mean": self.mean, "std": self.std,
                     "test_accuracy": (self.after or self.before)["test"],
                     "fine_tuned": {"personal_examples": self.personal_count, "held_out": self.held_out_count,
                                    "steps": self.step_count, "before": self.before, "after": self.after}})
        return meta

    def save(self, path) -> None:
        from playground.core.persistence.model_io import save_model

        save_model(path, self.spec, self.model.state_dict(), self.metadata())
