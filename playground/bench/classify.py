"""``nn-playground bench classify``: the Classification lab's training speed with and without the live GUI.

As in ``bench curve``, bare and GUI phases alternate in one process and the
median of the per-round ratios is reported, so slow drifts of the machine's
load affect both sides of each ratio alike. The GUI side redraws the decision
heatmap (100 × 100, computed by the worker) on every report and the neuron
heatmaps at ~5 Hz.
"""

from __future__ import annotations

import os
import time
from dataclasses import replace

from playground.bench.measure import BareLoop, LabProbe, TimerLateness, alternating_rounds, wait_until

TARGETS = {"ratio": 0.9, "heatmap_redraws_per_s": 20, "ui_lateness_p99_ms": 30}
PRESET = "spiral_deep"


def measure(seconds: float, rounds: int = 4) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from playground.app import create_app
    from playground.core.classify.config import PRESETS

    app = create_app()
    from PySide6.QtWidgets import QMainWindow

    from playground.ui.classify_lab.lab import ClassifyLab

    # The lab alone in a window of the app's size (other tabs do not paint while hidden,
    # and a lab that another engineer is changing cannot break this measurement).
    window = QMainWindow()
    lab = ClassifyLab()
    window.setCentralWidget(lab)
    window.statusBar().addPermanentWidget(lab.status_label)
    window.resize(1280, 800)
    window.show()
    lab.start_backend()
    if not wait_until(app, lab.is_ready, 60):
        raise RuntimeError("the Classification lab did not become ready")
    config = replace(PRESETS[PRESET], max_steps=0)
    lab.set_config(config)
    from playground.core.classify.job import ClassifyJob

    # The bare job computes the same snapshots (heatmaps, neurons) as the GUI's.
    bare, probe, lateness = BareLoop(ClassifyJob(config)), LabProbe(lab), TimerLateness(10)
    phase = seconds / (2 * rounds)
    bare.steps_per_s(app, 0.3)
    lab.play()  # warm-up: the first optimizer of the GUI's job is built lazily (imports torch._dynamo)
    wait_until(app, lambda: lab.last_progress() is not None and lab.last_progress().step > 100, 60)
    lab.pause()

    def count_neuron_redraws():
        before = lab.neurons.updates
        return lambda: (lab.neurons.updates - before) / phase

    result = alternating_rounds(app, bare, probe, lateness, rounds, phase, during_gui=count_neuron_redraws)
    bare.close()
    lab.shutdown()
    window.close()
    app.processEvents()
    result["heatmap_redraws_per_s"] = result.pop("redraws_per_s")
    result["neuron_redraws_per_s"] = result.pop("extra")
    return result


def heatmap_cost_ms(repeats: int = 50, threads: int | None = None) -> float:
    """Worker-side cost of one decision heatmap (100 × 100) for the preset's network.
    ``threads`` sets torch's intra-op threads first (measured last: it may hold process-wide)."""
    import torch

    from playground.core.classify.config import PRESETS
    from playground.core.classify.job import ClassifyJob

    if threads:
        torch.set_num_threads(threads)

    job = ClassifyJob(PRESETS[PRESET])
    job.heatmap()
    t0 = time.perf_counter()
    for _ in range(repeats):
        job.heatmap()
    return (time.perf_counter() - t0) / repeats * 1000


def run(seconds: float = 8.0) -> dict:
    heatmap_ms = heatmap_cost_ms()  # before the GUI phases, on a quiet process
    training = measure(seconds)
    result = {
        "suite": "classify",
        "preset": f"{PRESET} (spiral, 500 points, x1 x2 sin x1 sin x2, 3 x 16 Tanh, Adam 0.01, batch 32)",
        **{k: (round(v, 3) if isinstance(v, float) else v) for k, v in training.items()},
        "heatmap_ms_in_worker": round(heatmap_ms, 3),
        "heatmap_ms_one_intra_op_thread": round(heatmap_cost_ms(threads=1), 3),  # see README "Performance"
        "load_average_1min": round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None,
        "cpu_count": os.cpu_count(),
    }
    result["targets"] = TARGETS
    result["met"] = {
        "ratio": result["ratio"] >= TARGETS["ratio"],
        "heatmap_redraws_per_s": result["heatmap_redraws_per_s"] >= TARGETS["heatmap_redraws_per_s"],
        "ui_lateness_p99_ms": result["ui_lateness_p99_ms"] < TARGETS["ui_lateness_p99_ms"],
    }
    return result
