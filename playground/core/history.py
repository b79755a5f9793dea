"""A growing loss history that hands plots a bounded number of points."""

from __future__ import annotations

import numpy as np


class LossHistory:
    def __init__(self, capacity: int = 4096) -> None:
        self._values = np.empty(capacity, dtype=np.float32)
        self._size = 0

    def __len__(self) -> int:
        return self._size

    def clear(self) -> None:
        self._size = 0

    def extend(self, values: np.ndarray) -> None:
        values = np.asarray(values, dtype=np.float32).reshape(-1)
        need = self._size + values.size
        if need > self._values.size:
            grown = np.empty(max(need, 2 * self._values.size), dtype=np.float32)
            grown[: self._size] = self._values[: self._size]
            self._values = grown
        self._values[self._size:need] = values
        self._size = need

    def values(self) -> np.ndarray:
        return self._values[: self._size]

    def last(self) -> float | None:
        return float(self._values[self._size - 1]) if self._size else None

    def decimated(self, max_points: int = 1500) -> tuple[np.ndarray, np.ndarray]:
        """(steps, losses) with at most ``max_points`` points; each point is a bucket's mean."""
        n = self._size
        steps = np.arange(1, n + 1, dtype=np.float64)
        if n <= max_points:
            return steps, self._values[:n].astype(np.float64)
        bucket = -(-n // max_points)
        usable = (n // bucket) * bucket
        means = self._values[:usable].reshape(-1, bucket).mean(axis=1, dtype=np.float64)
        centres = steps[:usable].reshape(-1, bucket).mean(axis=1)
        return centres, means
