"""``nn-playground bench SUITE``: each suite is a module with ``run(seconds) -> dict``."""

from __future__ import annotations

import importlib
import json

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
    result = importlib.import_module(SUITES[suite]).run(seconds=seconds)
    print(json.dumps(result, indent=2))
    return 0
