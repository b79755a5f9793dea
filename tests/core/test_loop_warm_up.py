"""The loop's warm-up: reported by the worker, done before a Play press needs it, and again after commands."""

import threading

from playground.core.training.loop import run_loop
from playground.core.training.run_control import RunControl
from tests.core.test_loop import CountingJob, wait_for


class SlowWarmJob(CountingJob):
    """A job whose warm-up (the first optimizer's imports, in the real jobs) waits until the test lets it."""

    def __init__(self):
        super().__init__([1.0])
        self.release = threading.Event()
        self.warm_ups = 0

    def warm_up(self):
        self.release.wait(60)
        self.warm_ups += 1


def test_play_during_the_warm_up_trains_once_it_is_done_and_the_worker_says_so():
    job, control, reports = SlowWarmJob(), RunControl(paused=True), []
    thread = threading.Thread(target=run_loop, args=(job, control, reports.append), kwargs={"interval": 0.0})
    thread.start()
    try:
        assert wait_for(lambda: reports, thread)
        assert reports[0].warm is False  # the first picture comes before the warm-up
        control.resume()  # Play pressed while the worker warms up: taken, not lost
        assert job.step_count == 0
        job.release.set()
        assert wait_for(lambda: job.step_count > 0, thread)
        first_stepping = next(r for r in reports if r.step > 0)
        assert first_stepping.warm
        assert [r.warm for r in reports].index(True) < reports.index(first_stepping)
    finally:
        job.release.set()
        control.stop()
        thread.join(60)
    assert not thread.is_alive()


def test_commands_are_followed_by_a_warm_up_so_play_builds_nothing():
    job, control, reports = SlowWarmJob(), RunControl(paused=True), []
    job.release.set()
    thread = threading.Thread(target=run_loop, args=(job, control, reports.append), kwargs={"interval": 0.0})
    thread.start()
    try:
        assert wait_for(lambda: job.warm_ups == 1 and len(reports) == 2, thread)
        control.post(lambda j: setattr(j, "generation", j.generation + 1))  # a rebuild (Reset, new network)
        assert wait_for(lambda: reports[-1].generation == 2, thread)
        assert job.warm_ups == 2 and reports[-1].warm  # warmed up again before the report of the rebuilt job
    finally:
        control.stop()
        thread.join(60)
    assert not thread.is_alive()


def test_a_job_without_warm_up_is_warm_from_its_first_report():
    job, control, reports = CountingJob([1.0], limit=3), RunControl(paused=False), []
    run_loop(job, control, reports.append, stop_when_done=True)
    assert reports and all(r.warm for r in reports)
