"""The one training loop shared by the GUI worker, the CLI, the benchmarks and the tests.

It steps a *job* (anything with ``step()``, ``snapshot()``, ``done()``,
``step_count`` and ``generation``), obeys a RunControl, and reports batched
progress through a plain callback at most every ``interval`` seconds: the
callback decides what to do with it (emit a Qt signal, print, collect).
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Protocol

import numpy as np

from playground.core.training.commands import deliver
from playground.core.training.run_control import Action, RunControl

REPORT_INTERVAL = 1 / 28  # ~28 reports a second: smooth for the eye (target ≥ 25 redraws/s), cheap for the GIL


class SteppingJob(Protocol):
    """What run_loop steps. It may also have ``warm_up()``: what the first step needs, built after the
    first report (so the UI shows the job before a slow first time, e.g. the first optimizer's imports) and
    again after commands (cheap then: whatever they rebuilt is ready before the next Play, not on it)."""

    generation: int
    step_count: int

    def step(self) -> float: ...
    def snapshot(self) -> dict[str, Any]: ...
    def done(self) -> bool: ...


@dataclass
class Progress:
    generation: int          # changes when the job was rebuilt: observers clear their history
    step: int                # steps taken so far, including those in ``losses``
    losses: np.ndarray       # training loss of each step since the previous report
    steps_per_s: float
    state: str               # "running", "paused", "diverged" or "finished"
    snapshot: dict[str, Any] = field(default_factory=dict)
    warm: bool = True        # the job's warm_up() has run: a Play press steps at once


def run_loop(job: SteppingJob, control: RunControl, report: Callable[[Progress], None], *,
             interval: float = REPORT_INTERVAL, stop_when_done: bool = False,
             clock: Callable[[], float] = time.perf_counter) -> None:
    losses: list[float] = []
    window_start, window_steps = clock(), 0
    last_report = window_start
    last_step_at: float | None = None

    last_state = ""
    warm_up = getattr(job, "warm_up", None)
    warm = warm_up is None

    def send(state: str) -> None:
        nonlocal losses, window_start, window_steps, last_report, last_state
        last_state = state
        now = clock()
        rate = window_steps / (now - window_start) if window_steps and now > window_start else 0.0
        report(Progress(job.generation, job.step_count, np.asarray(losses, dtype=np.float32),
                        rate, state, job.snapshot(), warm))
        losses, window_start, window_steps, last_report = [], now, 0, now

    send("paused" if control.paused else "running")
    if warm_up is not None:  # slow the first time, after the first picture is on screen
        warm_up()
        warm = True
        send("paused" if control.paused else "running")
    while True:
        action = control.next_action(last_step_at)
        if action is Action.STOP:
            return
        if action is Action.PAUSED:
            # The worker itself says "paused" (also when the pause came while it waited out a slow
            # pace), so the GUI never depends on a timer to learn it.
            if last_state not in ("paused", "diverged", "finished"):
                send("paused")
            last_step_at = None
            continue
        if action is Action.COMMANDS:
            generation = job.generation
            for command in control.take_commands():
                deliver(job, command)
            if warm_up is not None:
                warm_up()
            if job.generation != generation:
                losses.clear()
            send("paused" if control.paused else "running")
            continue
        if window_steps == 0 and last_step_at is None:
            window_start = clock()
        loss = job.step()
        last_step_at = clock()
        losses.append(loss)
        window_steps += 1
        if not math.isfinite(loss):
            control.pause()
            send("diverged")
        elif job.done():
            if stop_when_done:
                send("finished")
                return
            control.pause()
            send("finished")
        elif control.paused:
            send("paused")
            last_step_at = None
        elif last_step_at - last_report >= interval:
            send("running")
