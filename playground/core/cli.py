"""Command-line training, sharing the GUI's loop."""

from __future__ import annotations

import json
import time

from playground.core.curve.job import train_curve
from playground.core.curve.presets import PRESETS


def fit_preset(name: str, steps: int | None = None) -> int:
    if name not in PRESETS:
        print(f"unknown preset {name!r}; choose one of: {', '.join(PRESETS)}")
        return 2
    start = time.perf_counter()
    job, losses = train_curve(PRESETS[name], steps)
    elapsed = time.perf_counter() - start
    print(json.dumps({"preset": name, "steps": job.step_count, "final_train_loss": job.train_loss(),
                      "seconds": round(elapsed, 3)}, indent=2))
    return 0
