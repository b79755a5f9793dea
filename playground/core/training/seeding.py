"""Seeded model initialisation that other threads cannot disturb.

torch.manual_seed sets one generator for the whole process. Two labs building
their models at the same moment on different worker threads would interleave
their draws and get weights that depend on timing. ``seeded(seed)`` holds a
lock and a forked RNG state, so inside it the draws are exactly those of a
fresh ``torch.manual_seed(seed)`` (as in an exported script), and outside it
the global generator is left as it was.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager

_lock = threading.Lock()


@contextmanager
def seeded(seed: int):
    import torch

    with _lock, torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        yield
