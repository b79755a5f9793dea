import threading
import time
from dataclasses import replace

import numpy as np

from playground.core.curve.config import CurveConfig
from playground.core.curve.job import CurveJob
from playground.core.training.loop import run_loop
from playground.core.training.run_control import RunControl


class CountingJob:
    """A stand-in job: loss values are scripted, so loop behaviour is exact."""

    def __init__(self, losses, limit=0):
        self.losses, self.limit = list(losses), limit
        self.generation, self.step_count = 1, 0

    def step(self):
        self.step_count += 1
        return self.losses[(self.step_count - 1) % len(self.losses)]

    def snapshot(self):
        return {}

    def done(self):
        return self.limit and self.step_count == self.limit


def wait_for(condition, thread, timeout=60.0):
    deadline = time.monotonic() + timeout
    while not condition() and time.monotonic() < deadline:
        thread.join(0.01)  # joins the loop thread briefly: returns early if it ends
    return condition()


def run_in_thread(job, control, reports):
    thread = threading.Thread(target=run_loop, args=(job, control, reports.append), kwargs={"interval": 0.0})
    thread.start()
    return thread


def test_stops_when_done_and_reports_every_step():
    job, control, reports = CountingJob([1.0, 0.5], limit=10), RunControl(paused=False), []
    run_loop(job, control, reports.append, stop_when_done=True)
    assert job.step_count == 10
    assert sum(len(r.losses) for r in reports) == 10
    assert reports[-1].state == "finished"


def test_nan_pauses_and_reports_divergence():
    job, control, reports = CountingJob([1.0, 2.0, float("nan")]), RunControl(paused=False), []
    thread = run_in_thread(job, control, reports)
    assert wait_for(lambda: reports and reports[-1].state == "diverged", thread)
    control.stop()
    thread.join(5)
    assert not thread.is_alive()
    assert job.step_count == 3 and control.paused
    assert reports[-1].state == "diverged" and np.isnan(reports[-1].losses[-1])


def test_single_steps_while_paused_and_commands_apply_between_steps():
    job, control, reports = CurveJob(replace(CurveConfig(), hidden_width=4)), RunControl(paused=True), []
    thread = run_in_thread(job, control, reports)
    control.request_step(3)
    control.post(lambda j: j.apply(replace(j.config, lr=0.5)))
    assert wait_for(lambda: job.step_count >= 3, thread)
    # A command runs on the loop thread once it is idle again: a loop that kept
    # stepping past the three requested steps would show it here.
    seen = []
    control.post(lambda j: seen.append(j.step_count))
    assert wait_for(lambda: seen, thread)
    control.stop()
    thread.join(5)
    assert not thread.is_alive()
    assert seen == [3] and job.step_count == 3
    assert job.optimizer.param_groups[0]["lr"] == 0.5


def test_stop_wakes_a_paused_loop():
    job, control, reports = CountingJob([1.0]), RunControl(paused=True), []
    thread = run_in_thread(job, control, reports)
    control.stop()
    thread.join(5)
    assert not thread.is_alive() and job.step_count == 0
    assert reports[0].state == "paused"  # the initial picture is always sent


def test_pause_while_pacing_is_reported_by_the_worker_at_once():
    """A slow demo pace keeps the loop waiting between steps; a pause must still be reported then,
    by the worker, not only after the next (far-off) step."""
    job, control, reports = CountingJob([1.0]), RunControl(paused=False), []
    control.set_steps_per_second(0.01)  # one step every 100 s
    thread = run_in_thread(job, control, reports)
    assert wait_for(lambda: job.step_count == 1, thread)
    control.pause()
    assert wait_for(lambda: reports and reports[-1].state == "paused", thread)
    assert job.step_count == 1  # no step was taken to say it
    control.stop()
    thread.join(60)
    assert not thread.is_alive()
    assert [r.state for r in reports].count("paused") == 1
