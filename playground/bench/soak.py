"""``nn-playground soak --minutes N``: the Curve lab trains with live plots for N minutes in the
real window (offscreen); memory (RSS) is sampled throughout and its growth after a warm-up is
reported as JSON. A classroom leaves the app training for an hour: that must not grow memory.
"""

from __future__ import annotations

import gc
import os
import time

from playground.bench.measure import curve_lab_in_window, wait_until

TARGET_GROWTH_PERCENT = 2.0  # over 60 minutes, after the warm-up
SAMPLE_S = 5.0


def rss_bytes() -> int:
    """The process's resident memory now (Linux /proc; psutil elsewhere; else the peak)."""
    try:
        with open("/proc/self/statm", "rb") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        pass
    try:
        import psutil

        return int(psutil.Process().memory_info().rss)
    except ImportError:
        import resource

        return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss) * 1024


def _object_counts() -> dict[str, int]:
    from collections import Counter

    gc.collect()
    return Counter(type(o).__qualname__ for o in gc.get_objects())


def _slope_per_minute(samples: list[tuple[float, int]]) -> float:
    """Least-squares growth in bytes per minute over (seconds, rss) samples."""
    if len(samples) < 2:
        return 0.0
    ts = [t for t, _ in samples]
    rs = [r for _, r in samples]
    mt, mr = sum(ts) / len(ts), sum(rs) / len(rs)
    var = sum((t - mt) ** 2 for t in ts)
    return 0.0 if var == 0 else 60 * sum((t - mt) * (r - mr) for t, r in zip(ts, rs)) / var


def run(minutes: float = 60.0, warmup_minutes: float | None = None, trace: bool = False) -> dict:
    if warmup_minutes is None:
        warmup_minutes = min(2.0, minutes / 4)
    app, window, lab = curve_lab_in_window(ready_timeout_s=120)
    redraws = [0]
    lab.redrawn.connect(lambda: redraws.__setitem__(0, redraws[0] + 1))
    lab.play()

    start = time.perf_counter()
    end, warm_end = start + 60 * minutes, start + 60 * warmup_minutes
    samples: list[tuple[float, int]] = []
    snapshot0: dict[str, int] | None = None
    warm_step = warm_redraws = 0
    while True:
        wait_until(app, lambda: False, SAMPLE_S)
        now = time.perf_counter()
        if lab.last_progress() is not None and lab.last_progress().state != "running":
            lab.play()  # a diverged or finished run goes on: the soak measures an hour of training
        if now >= warm_end:
            if not samples:
                gc.collect()
                warm_step, warm_redraws = lab.last_progress().step, redraws[0]
                if trace:
                    snapshot0 = _object_counts()
            samples.append((now - start, rss_bytes()))
        if now >= end:
            break
    lab.pause()
    gc.collect()
    samples.append((time.perf_counter() - start, rss_bytes()))
    steps = lab.last_progress().step - warm_step
    history_points = len(lab.loss_plot.train_history)
    top = []
    if trace and snapshot0 is not None:
        now_counts = _object_counts()
        growth_by_type = {name: now_counts[name] - snapshot0.get(name, 0) for name in now_counts}
        top = sorted(((n, name) for name, n in growth_by_type.items() if n > 0), reverse=True)[:15]
    window.close()
    app.processEvents()

    first, last = samples[0][1], samples[-1][1]
    measured_min = (samples[-1][0] - samples[0][0]) / 60
    growth = 100 * (last - first) / first
    slope = _slope_per_minute(samples)
    result = {
        "suite": "soak",
        "preset": "notes_x2 (1-10-1 ReLU, Adam 0.01, 100 points, full batch, 20% test), no step limit",
        "minutes": minutes,
        "warmup_minutes": warmup_minutes,
        "measured_minutes": round(measured_min, 2),
        "steps_after_warmup": steps,
        "steps_per_s": round(steps / max(measured_min * 60, 1e-9), 1),
        "redraws_per_s": round((redraws[0] - warm_redraws) / max(measured_min * 60, 1e-9), 1),
        "loss_history_steps": history_points,
        "rss_after_warmup_mb": round(first / 2**20, 2),
        "rss_end_mb": round(last / 2**20, 2),
        "rss_peak_mb": round(max(r for _, r in samples) / 2**20, 2),
        "rss_growth_percent": round(growth, 3),
        "rss_slope_mb_per_min": round(slope / 2**20, 4),
        "rss_per_minute_mb": [round(r / 2**20, 2) for t, r in samples if round(t) % 60 < SAMPLE_S],
        "target_growth_percent_per_60_min": TARGET_GROWTH_PERCENT,
        "cpu_count": os.cpu_count(),
        "load_average": list(os.getloadavg()) if hasattr(os, "getloadavg") else None,
    }
    result["met"] = growth * 60 / max(measured_min, 1e-9) < TARGET_GROWTH_PERCENT if measured_min < 60 \
        else growth < TARGET_GROWTH_PERCENT
    if trace:
        result["python_objects_growth_by_type"] = {name: n for n, name in top}
    return result
