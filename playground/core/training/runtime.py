"""Torch settings for a desktop app that shares the machine with its own GUI."""

from __future__ import annotations

import os


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
