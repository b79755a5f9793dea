"""Mini-batches for the small in-memory datasets of the labs."""

from __future__ import annotations


class MinibatchSampler:
    """Index slices of a fresh seeded permutation for each pass over the data.

    The same seed gives the same batches, step for step (the exported scripts
    repeat this order). ``indices`` returns None for a full batch.
    """

    def __init__(self, seed: int, device) -> None:
        import torch

        self._generator = torch.Generator().manual_seed(seed)
        self._device = device
        self.restart()

    def restart(self) -> None:
        """Drop the current permutation (the data changed); the generator goes on."""
        self._order = None
        self._cursor = 0

    def indices(self, n: int, size: int):
        if size <= 0 or size >= n:
            return None
        import torch

        if self._order is None or self._cursor + size > n:
            self._order = torch.randperm(n, generator=self._generator).to(self._device)
            self._cursor = 0
        idx = self._order[self._cursor:self._cursor + size]
        self._cursor += size
        return idx
