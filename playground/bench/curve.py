"""``nn-playground bench curve``: the Curve lab's training speed with and without the live GUI.

Bare and GUI training alternate in short slices (about two report intervals, ~70 ms) in one
process, and the median of the per-pair ratios is reported with its spread, so that other load
on the machine affects both sides of each ratio alike. Start-up is measured in fresh processes,
beside torch's own import time in the same run.
"""

from __future__ import annotations

import os
import statistics
import time

from playground.bench.measure import (BareLoop, StepGate, TimerLateness, curve_lab_in_window, interleaved_slices,
                                      wait_until)
from playground.bench.startup import measure_startup

TARGETS = {"ratio": 0.95, "redraws_per_s": 25, "ui_lateness_p99_ms": 30, "window_shown_s": 0.6,
           "interactive_s": "torch_import_s + 0.5", "training_ready_s": "torch_import_s + 1.0",
           "play_to_first_step_ms": 300}
LOOKING_S = 3.0  # the user looks at the window this long before the first press of Play
PRESSES = 7


def measure_play_latency(app, lab, opened_at: float, presses: int = PRESSES) -> dict:
    """Play → the first step's report on the GUI thread, in ms: the first press ~3 s after the tab opened,
    then again after Pause and Reset (each press from a fresh model at step 0, as a user's would be)."""
    if not wait_until(app, lab.is_training_ready, 60):
        raise RuntimeError("the Curve lab's worker did not report ready to train")
    wait_until(app, lambda: False, max(0.0, opened_at + LOOKING_S - time.perf_counter()))
    times = []
    for _ in range(presses):
        step0 = lab.last_progress().step
        arrived: list[float] = []

        def on_progress(progress, step0=step0, arrived=arrived) -> None:
            if not arrived and progress.step > step0:
                arrived.append(time.perf_counter())

        lab.worker().progress.connect(on_progress)
        pressed = time.perf_counter()
        lab.transport.play_button.click()  # the button's own signal path, as a click takes
        wait_until(app, lambda: bool(arrived), 30)  # the slot timestamps the arrival
        lab.worker().progress.disconnect(on_progress)
        if not arrived:
            raise RuntimeError("no step was reported after Play")
        times.append((arrived[0] - pressed) * 1000)
        lab.pause()
        wait_until(app, lambda: lab.last_progress().state == "paused", 30)
        generation = lab.last_progress().generation
        lab.reset()
        wait_until(app, lambda: lab.last_progress().generation != generation, 30)
        wait_until(app, lambda: False, 0.3)  # a short look at the fresh model
    return {"play_to_first_step_ms": statistics.median(times), "play_to_first_step_first_ms": times[0],
            "play_to_first_step_max_ms": max(times)}


def measure_training(seconds: float) -> dict:
    """The notes' preset (no step limit) alone and in the real window (offscreen, 1280×800)."""
    from playground.core.training.loop import REPORT_INTERVAL

    opened_at = time.perf_counter()
    app, window, lab = curve_lab_in_window()
    play = measure_play_latency(app, lab, opened_at)
    config = lab.config()
    from playground.core.curve.job import CurveJob

    bare = BareLoop(CurveJob(config))
    bare.steps_per_s(app, 0.3)  # warm-up of both sides
    lab.play()
    wait_until(app, lambda: False, 0.3)
    lab_job = lab.worker().job  # the lab's own job, built on its worker thread (read-only use)
    bare_gate, gui_gate = StepGate(bare.job), StepGate(lab_job)
    bare.control.resume()  # from now on the gates decide who steps

    redraws = [0]
    lab.redrawn.connect(lambda: redraws.__setitem__(0, redraws[0] + 1))
    lateness = TimerLateness(10)
    lateness.start()
    cpu0, redraws0 = time.thread_time(), redraws[0]
    # Just under two report intervals: each GUI slice sees the two redraws that continuous training
    # would have in that time (the first report comes as the slice opens).
    slice_s = 1.9 * REPORT_INTERVAL
    try:
        result = interleaved_slices(app, bare_gate, gui_gate, seconds, slice_s)
    finally:
        lateness.stop()
        cpu = time.thread_time() - cpu0
        bare_gate.release()
        gui_gate.release()
    gui_seconds = result.pop("gui_seconds")
    result["redraws_per_s"] = (redraws[0] - redraws0) / gui_seconds
    result["ui_lateness_p99_ms"] = lateness.p99_ms()
    result["gui_thread_cpu_fraction"] = cpu / gui_seconds  # its CPU time (nearly all in GUI slices) per GUI second
    result.update(play)
    lab.pause()
    bare.close()
    window.close()
    app.processEvents()
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
        "load_average": [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None,
    }
    torch_s = result["torch_import_s"]
    result["targets"] = TARGETS
    result["met"] = {
        "ratio": result["ratio"] >= TARGETS["ratio"],
        "redraws_per_s": result["redraws_per_s"] >= TARGETS["redraws_per_s"],
        "ui_lateness_p99_ms": result["ui_lateness_p99_ms"] < TARGETS["ui_lateness_p99_ms"],
        "window_shown_s": result["window_shown_s"] < TARGETS["window_shown_s"],
        "interactive_s": result["interactive_s"] < torch_s + 0.5,
        "training_ready_s": result["training_ready_s"] < torch_s + 1.0,
        "torchvision_not_loaded": not result["torchvision_loaded_at_start"],
        "play_to_first_step_ms": result["play_to_first_step_ms"] < TARGETS["play_to_first_step_ms"],
    }
    return result
