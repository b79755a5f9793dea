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
    # Measure a new user's app: fresh settings (no remembered tab, language or mode),
    # also for the start-up probe's child process, and never touch the user's own.
    os.environ["NN_PLAYGROUND_SETTINGS"] = os.path.join(tempfile.mkdtemp(prefix="nnplay-bench-"), "settings.ini")
    result = importlib.import_module(SUITES[suite]).run(seconds=seconds)
    print(json.dumps(result, indent=2))
    return 0
