"""Small measuring tools shared by the benchmarks."""

from __future__ import annotations

import statistics
import threading
import time

import numpy as np


def percentile(values, q: float) -> float:
    return float(np.percentile(np.asarray(values, dtype=np.float64), q)) if len(values) else float("nan")


class TimerLateness:
    """Records how late a repeating Qt timer fires on the GUI thread (a proxy for UI smoothness)."""

    def __init__(self, interval_ms: int = 10) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.interval = interval_ms / 1000
        self.samples: list[float] = []
        self._last: float | None = None
        self._timer = QTimer()
        self._timer.setTimerType(Qt.PreciseTimer)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        if self._last is not None:
            self.samples.append(max(0.0, now - self._last - self.interval) * 1000)
        self._last = now

    def p99_ms(self) -> float:
        return percentile(self.samples, 99)


def curve_lab_in_window(ready_timeout_s: float = 60):
    """(app, window, Curve lab): the real window offscreen at 1280×800, its lab ready and set to the
    notes' preset without a step limit (20 % test points), as the curve bench and the soak measure it."""
    import os
    from dataclasses import replace

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from playground.app import create_app
    from playground.core.curve.config import notes_preset

    app = create_app()
    from playground.ui.main_window import MainWindow

    window = MainWindow()
    window.resize(1280, 800)
    window.show()
    window.start_backends()
    lab = window.curve_lab
    if not wait_until(app, lab.is_ready, ready_timeout_s):
        raise RuntimeError("the Curve lab did not become ready")
    lab.set_config(replace(notes_preset(), max_steps=0, test_fraction=0.2))
    return app, window, lab


def wait_until(app, condition, timeout_s: float, poll_ms: int = 20) -> bool:
    """Run the Qt event loop until ``condition()`` holds or the timeout passes.

    A real event loop, not a processEvents() spin: spinning in Python would
    hold the GIL and slow the training thread we are measuring.
    """
    from PySide6.QtCore import QEventLoop, QTimer

    if condition():
        return True
    loop = QEventLoop()
    deadline = time.perf_counter() + timeout_s
    result = [False]

    def check() -> None:
        if condition():
            result[0] = True
            loop.quit()
        elif time.perf_counter() >= deadline:
            loop.quit()

    timer = QTimer()
    timer.timeout.connect(check)
    timer.start(poll_ms)
    loop.exec()
    timer.stop()
    return result[0]


class BareLoop:
    """A job's core loop alone (no Qt) on a plain thread, switched on and off between GUI phases."""

    def __init__(self, job) -> None:
        from playground.core.training.loop import run_loop
        from playground.core.training.run_control import RunControl
        from playground.core.training.runtime import configure_torch

        self.job = job
        self.control = RunControl(paused=True)

        def run() -> None:
            configure_torch()  # on this thread (the setting is per thread): the app's workers' thread count
            run_loop(job, self.control, lambda _p: None)

        self._thread = threading.Thread(target=run, daemon=True)
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


class LabProbe:
    """Counts a lab's training steps (from its progress reports) and redraws.

    The lab needs ``play()``, ``pause()``, ``last_progress()`` and a
    ``redrawn`` signal emitted after each redraw of its main live plot.
    """

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
        span = max(t1 - t0, 1e-9)
        return (step1 - step0) / span, (redraws1 - redraws0) / span


def alternating_rounds(app, bare: BareLoop, probe: LabProbe, lateness: TimerLateness, rounds: int, phase: float,
                       during_gui=None) -> dict:
    """``rounds`` × (a bare phase, then a GUI phase), each ``phase`` seconds; medians over the rounds.

    Alternating puts the machine's slowly drifting load on both sides of each round's ratio.
    ``during_gui()``, if given, is called as a GUI phase starts and returns a function that gives
    one extra figure when it ends (e.g. the GUI thread's CPU share); their median is "extra".
    """
    bare_rates, gui_rates, redraw_rates, extras = [], [], [], []
    for _ in range(rounds):
        bare_rates.append(bare.steps_per_s(app, phase))
        lateness.start()
        finish = during_gui() if during_gui is not None else None
        steps, redraws = probe.run(app, phase)
        if finish is not None:
            extras.append(finish())
        lateness.stop()
        gui_rates.append(steps)
        redraw_rates.append(redraws)
    ratios = [g / b for g, b in zip(gui_rates, bare_rates)]
    return {
        "bare_steps_per_s": statistics.median(bare_rates),
        "gui_steps_per_s": statistics.median(gui_rates),
        "ratio": statistics.median(ratios),
        "ratio_per_round": [round(r, 3) for r in ratios],
        "redraws_per_s": statistics.median(redraw_rates),
        "ui_lateness_p99_ms": lateness.p99_ms(),
        "extra": statistics.median(extras) if extras else None,
    }


class StepGate:
    """Lets a job step only while its gate is open; the job's loop never sees a pause.

    Pausing through RunControl would make the lab report "paused" and report again at once on
    resume, two redraws per slice that steady training does not have; a gate inside ``step``
    keeps the report rhythm of continuous training.
    """

    def __init__(self, job) -> None:
        self.job = job
        self._open = threading.Event()
        step = job.step

        def gated_step():
            self._open.wait()
            return step()

        job.step = gated_step

    def open(self) -> None:
        self._open.set()

    def close(self) -> None:
        self._open.clear()

    def release(self) -> None:
        """The job steps freely again (call before stopping its loop, which may wait in a closed gate)."""
        del self.job.step  # the class's own step again
        self._open.set()


def interleaved_slices(app, bare: StepGate, gui: StepGate, seconds: float, slice_s: float) -> dict:
    """Alternate short slices of bare and GUI training (order swapped every pair) for ``seconds``.

    Each pair gives a ratio (GUI steps/s ÷ bare steps/s); the median and the 10th–90th
    percentiles are reported, and the pooled ratio (all GUI steps over all GUI time ÷ the same for bare).
    """
    totals = {"bare": [0, 0.0], "gui": [0, 0.0]}
    ratios = []
    deadline = time.perf_counter() + seconds
    pair = 0
    while time.perf_counter() < deadline or pair < 2:
        rates = {}
        for side in (("bare", "gui") if pair % 2 == 0 else ("gui", "bare")):
            gate = bare if side == "bare" else gui
            step0, t0 = gate.job.step_count, time.perf_counter()
            gate.open()
            wait_until(app, lambda: False, slice_s, poll_ms=max(1, round(slice_s * 1000)))
            gate.close()
            step1, t1 = gate.job.step_count, time.perf_counter()
            rates[side] = (step1 - step0) / (t1 - t0)
            totals[side][0] += step1 - step0
            totals[side][1] += t1 - t0
        if rates["bare"] > 0:
            ratios.append(rates["gui"] / rates["bare"])
        pair += 1
    bare_rate = totals["bare"][0] / totals["bare"][1]
    gui_rate = totals["gui"][0] / totals["gui"][1]
    return {
        "bare_steps_per_s": bare_rate,
        "gui_steps_per_s": gui_rate,
        "ratio": statistics.median(ratios),
        "ratio_p10": percentile(ratios, 10),
        "ratio_p90": percentile(ratios, 90),
        "ratio_pooled": gui_rate / bare_rate,
        "slice_pairs": len(ratios),
        "slice_ms": round(slice_s * 1000, 1),
        "gui_seconds": totals["gui"][1],
    }
