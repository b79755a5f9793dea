"""``nn-playground bench sweep``: a batched sweep against the same runs one after another.

Two width × learning-rate grids of 1-hidden-layer nets on the notes' y = x²
preset (Adam, full batch): 4 × 4 (16 runs) and 8 × 8 (64 runs). Batched and
sequential phases alternate in one process and the median of the per-round
ratios is reported, so slow drifts in the machine's load hit both sides alike.
Also: the time from "Run sweep" to the first live update of the small
multiples (torch already loaded, as it is once any lab has started).
"""

from __future__ import annotations

import statistics
import time
from dataclasses import replace

GRIDS = {
    16: ((4, 8, 16, 32), (0.001, 0.003, 0.01, 0.03)),
    64: ((4, 8, 12, 16, 20, 24, 28, 32), (0.001, 0.002, 0.003, 0.005, 0.01, 0.02, 0.03, 0.05)),
}
TARGETS = {"speedup_16": 10.0, "speedup_64": 30.0}
# One intra-op thread: these ops are tiny, and on a busy 2-core machine a second OpenMP
# thread makes each small matrix product wait for a core (10 ms instead of 10 µs, measured).
THREADS = 1


def _spec(n: int):
    from playground.core.curve_config import notes_preset
    from playground.core.sweep_config import SweepAxis, SweepSpec

    widths, lrs = GRIDS[n]
    base = replace(notes_preset(), max_steps=0)
    return SweepSpec(base, (SweepAxis("hidden_width", widths), SweepAxis("lr", lrs)), steps=1_000_000)


def _seconds_per_step(step, seconds: float) -> float:
    step()  # warm
    count, start = 0, time.perf_counter()
    while True:
        step()
        count += 1
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return elapsed / count


def measure_grid(n: int, seconds: float, rounds: int = 3) -> dict:
    from playground.core.curve_job import CurveJob
    from playground.core.sweep import SweepJob

    spec = _spec(n)
    batched = SweepJob(spec)
    singles = [CurveJob(config) for config in batched.configs]

    def one_after_another() -> None:
        for job in singles:
            job.step()

    ratios, batched_s, sequential_s = [], [], []
    for _ in range(rounds):
        b = _seconds_per_step(batched.step, seconds / (2 * rounds))
        s = _seconds_per_step(one_after_another, seconds / (2 * rounds))
        batched_s.append(b)
        sequential_s.append(s)
        ratios.append(s / b)
    return {
        "runs": n,
        "widths": list(GRIDS[n][0]),
        "learning_rates": list(GRIDS[n][1]),
        "batched_groups": len(batched.groups),
        "batched_ms_per_step_all_runs": round(statistics.median(batched_s) * 1e3, 3),
        "sequential_ms_per_step_all_runs": round(statistics.median(sequential_s) * 1e3, 3),
        "batched_model_steps_per_s": round(n / statistics.median(batched_s)),
        "speedup": round(statistics.median(ratios), 1),
        "speedup_per_round": [round(r, 1) for r in ratios],
    }


def first_update_s() -> float:
    """From a click on Run sweep (4 × 4 grid) to the first redraw of the small multiples."""
    from PySide6.QtWidgets import QApplication

    from playground.app import create_app
    from playground.bench.measure import wait_until
    from playground.ui.sweep_lab.lab import SweepLab

    app = QApplication.instance() or create_app()
    lab = SweepLab()
    lab.resize(1280, 800)
    lab.show()
    widths, lrs = GRIDS[16]
    lab.set_axes([("hidden_width", ", ".join(map(str, widths))), ("lr", ", ".join(map(str, lrs)))], steps=2000)
    seen: list[float] = []
    lab.updated.connect(lambda: seen.append(time.perf_counter()))
    try:
        start = time.perf_counter()
        lab.run_button.click()
        wait_until(app, lambda: bool(seen), 30)
        return seen[0] - start if seen else float("nan")
    finally:
        lab.shutdown()
        lab.close()


def run(seconds: float = 8.0) -> dict:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import torch

    torch.set_num_threads(THREADS)
    result = {"suite": "sweep", "torch_threads": THREADS, "cpu_count": os.cpu_count(), "targets": TARGETS}
    for n in GRIDS:
        result[f"grid_{n}"] = measure_grid(n, seconds / 2)
    result["first_live_update_s"] = round(first_update_s(), 3)
    result["meets_targets"] = {key: result[f"grid_{key.split('_')[1]}"]["speedup"] >= target
                               for key, target in TARGETS.items()}
    return result
