"""``nn-playground bench SUITE``: each suite is a module with ``run(seconds) -> dict``."""

from __future__ import annotations

import importlib
import json
import os
import tempfile

# Adding a suite is one line here.
SUITES = {
    "curve": "playground.bench.curve",
    "classify": "playground.bench.classify",
    "sweep": "playground.bench.sweep",
    "mnist": "playground.bench.mnist",
}


def run_bench(suite: str, seconds: float = 8.0) -> int:
    if suite not in SUITES:
        print(f"unknown benchmark {suite!r}; choose one of: {', '.join(SUITES)}")
        return 2
    use_fresh_settings()
    result = importlib.import_module(SUITES[suite]).run(seconds=seconds)
    print(json.dumps(result, indent=2))
    return 0


def use_fresh_settings() -> None:
    """Measure a new user's app: fresh settings (no remembered tab, language or mode),
    also for the start-up probe's child process, and never touch the user's own."""
    os.environ["NN_PLAYGROUND_SETTINGS"] = os.path.join(tempfile.mkdtemp(prefix="nnplay-bench-"), "settings.ini")


def run_soak(minutes: float, warmup_minutes: float | None = None, trace: bool = False) -> int:
    """``nn-playground soak``: memory growth of the Curve lab training for ``minutes``, as JSON."""
    from playground.bench.soak import run

    use_fresh_settings()
    print(json.dumps(run(minutes, warmup_minutes, trace), indent=2), flush=True)
    return 0
