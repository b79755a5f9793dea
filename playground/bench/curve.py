"""``nn-playground bench curve``: the Curve lab's training speed with and without the live GUI.

Bare and GUI phases alternate in one process and the median of the per-round
ratios is reported, so that other load on the machine (which drifts slowly)
affects both sides of each ratio alike.
"""

from __future__ import annotations

import os
import statistics
import threading
import time
from dataclasses import replace

from playground.bench.measure import TimerLateness, wait_until
from playground.bench.startup import measure_startup

TARGETS = {"ratio": 0.95, "redraws_per_s": 25, "ui_lateness_p99_ms": 30, "window_shown_s": 1.0, "interactive_s": 2.5}


class BareLoop:
    """The core loop alone (no Qt) on a plain thread, switched on and off between GUI phases."""

    def __init__(self, config) -> None:
        from playground.core.curve_job import CurveJob
        from playground.core.loop import run_loop
        from playground.core.run_control import RunControl

        self.job = CurveJob(config)
        self.control = RunControl(paused=True)
        self._thread = threading.Thread(target=run_loop, args=(self.job, self.control, lambda _p: None), daemon=True)
        self._thread.start()

    def steps_per_s(self, app, seconds: float) -> float:
        self.control.resume()
        wait_until(app, lambda: False, 0.05)  # let it reach full speed
        step0, t0 = self.job.step_count, time.perf_counter()
        wait_until(app, lambda: False, seconds)
        step1, t1 = self.job.step_count, time.perf_counter()
        self.control.pause()
        return (step1 - step0) / (t1 - t0)

    def close(self) -> None:
        self.control.stop()
        self._thread.join(10)


class GuiProbe:
    """Counts the Curve lab's steps (from its progress reports) and fit redraws."""

    def __init__(self, lab) -> None:
        self.lab = lab
        self.redraws = 0
        self.last = (0, time.perf_counter())
        lab.redrawn.connect(self._on_redrawn)

    def _on_redrawn(self) -> None:
        self.redraws += 1
        self.last = (self.lab.last_progress().step, time.perf_counter())

    def run(self, app, seconds: float) -> tuple[float, float]:
        """(steps per second, redraws per second) over one training phase."""
        self.lab.play()
        wait_until(app, lambda: False, 0.1)
        (step0, t0), redraws0 = self.last, self.redraws
        wait_until(app, lambda: False, seconds)
        (step1, t1), redraws1 = self.last, self.redraws
        self.lab.pause()
        return (step1 - step0) / (t1 - t0), (redraws1 - redraws0) / (t1 - t0)


def measure_training(seconds: float, rounds: int = 4) -> dict:
    """The notes' preset (no step limit) alone and in the real window (offscreen, 1280×800)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from playground.app import create_app
    from playground.core.curve_config import notes_preset

    app = create_app()
    from playground.ui.main_window import MainWindow

    window = MainWindow()
    window.resize(1280, 800)
    window.show()
    window.start_backends()
    lab = window.curve_lab
    if not wait_until(app, lab.is_ready, 60):
        raise RuntimeError("the Curve lab did not become ready")
    config = replace(notes_preset(), max_steps=0, test_fraction=0.2)
    lab.set_config(config)
    bare, probe, lateness = BareLoop(config), GuiProbe(lab), TimerLateness(10)
    phase = seconds / (2 * rounds)
    bare.steps_per_s(app, 0.3)  # warm-up of both sides
    probe.run(app, 0.3)
    bare_rates, gui_rates, redraw_rates, cpu_fractions = [], [], [], []
    for _ in range(rounds):
        bare_rates.append(bare.steps_per_s(app, phase))
        lateness.start()
        cpu0, t0 = time.thread_time(), time.perf_counter()
        steps, redraws = probe.run(app, phase)
        cpu_fractions.append((time.thread_time() - cpu0) / (time.perf_counter() - t0))
        lateness.stop()
        gui_rates.append(steps)
        redraw_rates.append(redraws)
    bare.close()
    window.close()
    app.processEvents()
    ratios = [g / b for g, b in zip(gui_rates, bare_rates)]
    return {
        "bare_steps_per_s": statistics.median(bare_rates),
        "gui_steps_per_s": statistics.median(gui_rates),
        "ratio": statistics.median(ratios),
        "ratio_per_round": [round(r, 3) for r in ratios],
        "redraws_per_s": statistics.median(redraw_rates),
        "ui_lateness_p99_ms": lateness.p99_ms(),
        "gui_thread_cpu_fraction": statistics.median(cpu_fractions),
    }


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
