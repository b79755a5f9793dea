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
    garbage collector paused, then collect once.

    Each import creates hundreds of thousands of long-lived objects; while they pile up the collector keeps
    walking all of them, and everything the window has made too: 0.6-0.9 s of the two imports in the app,
    against one full collection (~0.3 s) at the end. The collection keeps later ones short (everything
    is old by then) and frees the imports' own garbage. The pause is process-wide and short (~2 s)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
            gc.collect()


def first_import_of(module: str):
    """``gc_paused_for_imports()`` while ``module`` has not been imported yet; else nothing."""
    return gc_paused_for_imports() if module not in sys.modules else nullcontext()
