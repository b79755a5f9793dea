"""``nn-playground bench curve``: the Curve lab's training speed with and without the live GUI."""

from __future__ import annotations

import os
import threading
import time
from dataclasses import replace

from playground.bench.measure import TimerLateness, wait_until
from playground.bench.startup import measure_startup

TARGETS = {"ratio": 0.95, "redraws_per_s": 25, "ui_lateness_p99_ms": 30, "window_shown_s": 1.0, "interactive_s": 2.5}


def bare_steps_per_s(seconds: float, warmup_s: float = 0.5) -> float:
    """The core loop alone (no Qt), on the notes' preset without a step limit."""
    from playground.core.curve_config import notes_preset
    from playground.core.curve_job import CurveJob
    from playground.core.loop import run_loop
    from playground.core.run_control import RunControl

    job = CurveJob(replace(notes_preset(), max_steps=0))
    control = RunControl(paused=False)
    marks: dict[str, tuple[float, int]] = {}
    start = time.perf_counter()

    def report(progress) -> None:
        now = time.perf_counter()
        if "begin" not in marks and now - start >= warmup_s:
            marks["begin"] = (now, progress.step)
        if "begin" in marks and now - marks["begin"][0] >= seconds:
            marks["end"] = (now, progress.step)
            control.stop()

    # Run on a plain thread, as the GUI does, with the main thread idle.
    thread = threading.Thread(target=run_loop, args=(job, control, report))
    thread.start()
    thread.join()
    (t0, s0), (t1, s1) = marks["begin"], marks["end"]
    return (s1 - s0) / (t1 - t0)


def gui_run(seconds: float, warmup_s: float = 0.5) -> dict:
    """The same preset trained by the real window (offscreen), plots updating live."""
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
    lab.set_config(replace(notes_preset(), max_steps=0, test_fraction=0.2))
    redraws = [0]
    lab.redrawn.connect(lambda: redraws.__setitem__(0, redraws[0] + 1))
    lateness = TimerLateness(10)
    lab.play()
    wait_until(app, lambda: False, warmup_s)
    step0, redraw0, t0 = _last_step(lab), redraws[0], time.perf_counter()
    lateness.start()
    wait_until(app, lambda: False, seconds)
    lateness.stop()
    step1, redraw1, t1 = _last_step(lab), redraws[0], time.perf_counter()
    window.close()
    app.processEvents()
    return {
        "gui_steps_per_s": (step1 - step0) / (t1 - t0),
        "redraws_per_s": (redraw1 - redraw0) / (t1 - t0),
        "ui_lateness_p99_ms": lateness.p99_ms(),
    }


def _last_step(lab) -> int:
    progress = lab._last_progress
    return progress.step if progress is not None else 0


def run(seconds: float = 4.0) -> dict:
    startup = measure_startup()
    bare_before = bare_steps_per_s(seconds / 2)
    gui = gui_run(seconds)
    bare_after = bare_steps_per_s(seconds / 2)
    bare = (bare_before + bare_after) / 2
    result = {
        "suite": "curve",
        "preset": "notes_x2 (1-10-1 ReLU, Adam 0.01, 100 points, full batch)",
        "bare_steps_per_s": round(bare, 1),
        "gui_steps_per_s": round(gui["gui_steps_per_s"], 1),
        "ratio": round(gui["gui_steps_per_s"] / bare, 3),
        "redraws_per_s": round(gui["redraws_per_s"], 1),
        "ui_lateness_p99_ms": round(gui["ui_lateness_p99_ms"], 2),
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
