"""Loss histories that stay bounded however long training runs, and hand plots few points.

A classroom leaves the app training for an hour (millions of steps): every step is kept
exactly until ``capacity`` values are stored, then neighbouring values are averaged in pairs
(each stored value then stands for 2, 4, 8 … steps), so memory never grows past ``capacity``.
"""

from __future__ import annotations

import numpy as np


class LossHistory:
    def __init__(self, capacity: int = 1 << 19) -> None:
        self.capacity = max(2, int(capacity)) & ~1  # even, so that pairs always merge
        self._values = np.empty(min(4096, self.capacity), dtype=np.float32)
        self._stored = 0      # values in _values
        self._size = 0        # steps recorded
        self.bucket = 1       # steps per stored value (a power of two)
        self._partial = np.empty(0, dtype=np.float32)  # steps not yet making up a whole bucket
        self._last: float | None = None

    def __len__(self) -> int:
        return self._size

    def clear(self) -> None:
        self._stored = self._size = 0
        self.bucket = 1
        self._partial = np.empty(0, dtype=np.float32)
        self._last = None

    def is_exact(self) -> bool:
        """True while every step's loss is kept (``values()`` holds one value per step)."""
        return self.bucket == 1

    def extend(self, values: np.ndarray) -> None:
        values = np.asarray(values, dtype=np.float32).reshape(-1)
        if not values.size:
            return
        self._size += values.size
        self._last = float(values[-1])
        pending = np.concatenate([self._partial, values]) if self._partial.size else values
        while pending.size >= self.bucket:
            if self._stored == self.capacity:
                self._halve()
                continue
            take = min(pending.size // self.bucket, self.capacity - self._stored)
            chunk, pending = pending[: take * self.bucket], pending[take * self.bucket:]
            self._store(chunk if self.bucket == 1 else
                        chunk.reshape(-1, self.bucket).mean(axis=1, dtype=np.float64).astype(np.float32))
        self._partial = pending.copy()

    def load(self, values: np.ndarray, steps: int | None = None) -> None:
        """Replace the history with saved ``values()`` of a run of ``steps`` steps (one per step when
        ``steps`` is None or no more than their number; else each stood for a power-of-two bucket)."""
        values = np.asarray(values, dtype=np.float32).reshape(-1)
        self.clear()
        if steps is None or steps <= values.size or not values.size:
            self.extend(values)
            return
        bucket = 1 << max(0, round(np.log2(steps / values.size)))
        values = values[: self.capacity]
        self._values = values.copy()
        self._stored, self.bucket, self._size = values.size, bucket, steps
        self._last = float(values[-1])

    def _store(self, means: np.ndarray) -> None:
        need = self._stored + means.size
        if need > self._values.size:
            grown = np.empty(min(self.capacity, max(need, 2 * self._values.size)), dtype=np.float32)
            grown[: self._stored] = self._values[: self._stored]
            self._values = grown
        self._values[self._stored:need] = means
        self._stored = need

    def _halve(self) -> None:
        pairs = self._values[: self._stored].reshape(-1, 2)
        self._values[: self._stored // 2] = pairs.mean(axis=1, dtype=np.float64)
        self._stored //= 2
        self.bucket *= 2

    def values(self) -> np.ndarray:
        """One value per step while ``is_exact()``; after that, one mean per ``bucket`` steps."""
        if self.is_exact():
            return np.concatenate([self._values[: self._stored], self._partial])
        tail = [self._partial.mean(dtype=np.float64)] if self._partial.size else []
        return np.concatenate([self._values[: self._stored], np.asarray(tail, dtype=np.float32)])

    def steps(self) -> np.ndarray:
        """The step (1-based; a bucket's centre) each of ``values()`` stands for."""
        full = (np.arange(self._stored, dtype=np.float64) * self.bucket) + (self.bucket + 1) / 2
        if not self._partial.size:
            return full
        done = self._stored * self.bucket
        if self.is_exact():
            return np.concatenate([full, done + 1 + np.arange(self._partial.size, dtype=np.float64)])
        return np.append(full, done + (self._partial.size + 1) / 2)

    def last(self) -> float | None:
        return self._last

    def decimated(self, max_points: int = 1500) -> tuple[np.ndarray, np.ndarray]:
        """(steps, losses) with at most ``max_points`` points; each point is a group's mean.

        Called several times a second while training: only the output is allocated (large
        temporaries at that rate fragment the heap, and memory creeps up for an hour)."""
        n = self._stored
        group = max(1, -(-(n + 1) // max(1, max_points - 1)))
        usable = (n // group) * group
        means = self._values[:usable].reshape(-1, group).mean(axis=1, dtype=np.float64)
        span = group * self.bucket
        steps = np.arange(means.size, dtype=np.float64) * span + (span + 1) / 2
        rest = self._values[usable:n]
        if rest.size or self._partial.size:  # the newest steps: one more point
            first = usable * self.bucket + 1
            count = rest.size * self.bucket + self._partial.size
            total = float(rest.sum(dtype=np.float64)) * self.bucket + float(self._partial.sum(dtype=np.float64))
            steps = np.append(steps, first + (count - 1) / 2)
            means = np.append(means, total / count)
        return steps, means


class SampledSeries:
    """(step, value) samples, e.g. a test loss measured at each report: every other one is dropped
    whenever more than ``capacity`` are held, so an hour of reports stays small."""

    def __init__(self, capacity: int = 8192) -> None:
        self.capacity = capacity
        self._steps = np.empty(capacity + 1, dtype=np.int64)
        self._values = np.empty(capacity + 1, dtype=np.float64)
        self._size = 0
        self._stride = 1
        self._seen = 0

    def __len__(self) -> int:
        return self._size

    def clear(self) -> None:
        self._size = self._seen = 0
        self._stride = 1

    def last_step(self) -> int | None:
        return int(self._steps[self._size - 1]) if self._size else None

    def append(self, step: int, value: float) -> None:
        self._seen += 1
        if (self._seen - 1) % self._stride:
            return
        self._steps[self._size], self._values[self._size] = step, value
        self._size += 1
        if self._size > self.capacity:
            keep = slice(0, self._size, 2)
            kept = self._steps[keep].size
            self._steps[:kept], self._values[:kept] = self._steps[keep].copy(), self._values[keep].copy()
            self._size = kept
            self._stride *= 2

    @property
    def steps(self) -> np.ndarray:
        return self._steps[: self._size]

    @property
    def values(self) -> np.ndarray:
        return self._values[: self._size]
