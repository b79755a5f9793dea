"""Torch settings for a desktop app that shares the machine with its own GUI."""

from __future__ import annotations

import gc
import os
import sys
from contextlib import contextmanager, nullcontext


def configure_torch() -> int:
    """Leave one core to the GUI thread: torch gets min(4, cores - 1) threads, at least 1.

    The networks here are tiny: a second intra-op thread gains little and, on a
    2-core machine, fights the GUI thread (and slows steps 10-100x when another
    process is busy). In this build the setting belongs to the calling thread,
    so every worker calls this before it trains. Returns the thread count.
    """
    import torch

    torch.set_num_threads(max(1, min(4, (os.cpu_count() or 2) - 1)))
    return torch.get_num_threads()


@contextmanager
def gc_paused_for_imports():
    """Run torch's one-off imports (torch itself; the first optimizer's torch._dynamo) with the cyclic
    garbage collector paused, then freeze what exists (``gc.freeze``): no later collection walks it again.

    Each import makes hundreds of thousands of objects that live as long as the app; while they pile up
    the collector walks all of them again and again, and everything the window has made too: 0.6-0.9 s of
    the two imports in the app. A full collection afterwards would still cost ~0.3 s each time (a stall of
    the window too); frozen, they cost nothing, and later collections (while training) stay short. What
    the freeze keeps for good is the imports' own cyclic garbage, ~9,000 objects (~7 MB), once. The app's
    jobs hold no reference cycles (a rebuilt model is freed at once), so nothing frozen leaks later. The
    pause is process-wide and short (~2 s)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.freeze()
            gc.enable()


def first_import_of(module: str):
    """``gc_paused_for_imports()`` while ``module`` has not been imported yet; else nothing."""
    return gc_paused_for_imports() if module not in sys.modules else nullcontext()
