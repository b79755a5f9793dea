"""``nn-playground bench curve``: the Curve lab's training speed with and without the live GUI.

Bare and GUI phases alternate in one process and the median of the per-round
ratios is reported, so that other load on the machine (which drifts slowly)
affects both sides of each ratio alike.
"""

from __future__ import annotations

import os
import time

from playground.bench.measure import (BareLoop, LabProbe, TimerLateness, alternating_rounds, curve_lab_in_window,
                                      wait_until)
from playground.bench.startup import measure_startup

TARGETS = {"ratio": 0.95, "redraws_per_s": 25, "ui_lateness_p99_ms": 30, "window_shown_s": 1.0, "interactive_s": 2.5}


def measure_training(seconds: float, rounds: int = 4) -> dict:
    """The notes' preset (no step limit) alone and in the real window (offscreen, 1280×800)."""
    app, window, lab = curve_lab_in_window()
    config = lab.config()
    warmed_up = lambda: bool(lab.last_progress() and lab.last_progress().snapshot.get("warmed_up"))  # noqa: E731
    if not wait_until(app, warmed_up, 60):
        raise RuntimeError("the Curve lab's optimizer was not built")
    from playground.core.curve_job import CurveJob

    bare, probe, lateness = BareLoop(CurveJob(config)), LabProbe(lab), TimerLateness(10)
    phase = seconds / (2 * rounds)
    bare.steps_per_s(app, 0.3)  # warm-up of both sides
    probe.run(app, 0.3)

    def gui_thread_cpu_share():
        cpu0, t0 = time.thread_time(), time.perf_counter()
        return lambda: (time.thread_time() - cpu0) / (time.perf_counter() - t0)

    result = alternating_rounds(app, bare, probe, lateness, rounds, phase, during_gui=gui_thread_cpu_share)
    bare.close()
    window.close()
    app.processEvents()
    result["gui_thread_cpu_fraction"] = result.pop("extra")
    return result


def run(seconds: float = 8.0) -> dict:
    startup = measure_startup()
    training = measure_training(seconds)
    result = {
        "suite": "curve",
        "preset": "notes_x2 (1-10-1 ReLU, Adam 0.01, 100 points, full batch, 20% test)",
        **{k: (round(v, 3) if isinstance(v, float) else v) for k, v in training.items()},
        **startup,
        "cpu_count": os.cpu_count(),
    }
    result["targets"] = TARGETS
    result["met"] = {
        "ratio": result["ratio"] >= TARGETS["ratio"],
        "redraws_per_s": result["redraws_per_s"] >= TARGETS["redraws_per_s"],
        "ui_lateness_p99_ms": result["ui_lateness_p99_ms"] < TARGETS["ui_lateness_p99_ms"],
        "window_shown_s": result["window_shown_s"] < TARGETS["window_shown_s"],
        "interactive_s": result["interactive_s"] < TARGETS["interactive_s"],
        "torchvision_not_loaded": not result["torchvision_loaded_at_start"],
    }
    return result
