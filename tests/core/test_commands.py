"""Typed commands reach job.handle on the loop's thread; a worker's exception becomes a WorkerError."""

import threading

import pytest

from playground.core.training.commands import (ApplyConfig, CallOnJob, CommandJob, Reset, SetBackground, WorkerError,
                                      deliver)
from playground.core.training.loop import run_loop
from playground.core.training.run_control import RunControl


class _Job(CommandJob):
    generation = 0
    step_count = 0

    def __init__(self):
        self.applied, self.resets = [], []

    def apply(self, config):
        self.applied.append(config)

    def reset(self, config=None):
        self.resets.append(config)
        self.generation += 1

    def step(self):
        self.step_count += 1
        return 1.0

    def snapshot(self):
        return {}

    def done(self):
        return self.step_count >= 3


def test_commands_are_handled_between_steps_on_the_loop_thread():
    job, control, reports = _Job(), RunControl(paused=True), []
    control.send(ApplyConfig("a"))
    control.send(Reset("b"))
    threads = []
    control.send(CallOnJob(lambda j: threads.append(threading.current_thread())))
    control.resume()
    run_loop(job, control, reports.append, stop_when_done=True)
    assert job.applied == ["a"] and job.resets == ["b"]
    assert threads == [threading.current_thread()]
    assert reports[-1].state == "finished" and reports[-1].step == 3


def test_an_unknown_command_is_refused_loudly():
    with pytest.raises(TypeError, match="SetBackground"):
        deliver(_Job(), SetBackground((0, 0, 0)))


def test_a_worker_error_keeps_type_message_and_traceback():
    try:
        raise ValueError("bad value")
    except ValueError as exc:
        error = WorkerError.from_exception(exc)
    assert (error.type_name, error.message) == ("ValueError", "bad value")
    assert "Traceback" in error.traceback and "raise ValueError" in error.traceback
    assert error.detail() == "ValueError: bad value"
