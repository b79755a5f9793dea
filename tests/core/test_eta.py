"""The ETA of a run with evaluations, from fake timings (core/training/eta.py)."""

import pytest

from playground.core.training.eta import EtaEstimator


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def run_steps(eta: EtaEstimator, clock: FakeClock, n: int, step_s: float, between_s: float = 0.0) -> None:
    for _ in range(n):
        clock.advance(between_s)
        eta.begin_step()
        clock.advance(step_s)
        eta.end_step()


def test_the_estimate_includes_evaluations_measured_and_guessed():
    # 2 epochs of 50 steps at 0.1 s, each ending with a 4 s evaluation: 18 s in all.
    clock = FakeClock()
    eta = EtaEstimator(100, 2, clock=clock)
    assert eta.eta() is None  # nothing measured yet
    run_steps(eta, clock, 1, 1.5)  # the first step warms up: left out of the rate
    run_steps(eta, clock, 9, 0.1)
    assert eta.eta() == pytest.approx(90 * 0.1)  # no evaluation measured or guessed: steps only
    eta.guess_evaluation(3.0)
    assert eta.eta() == pytest.approx(90 * 0.1 + 2 * 3.0)
    run_steps(eta, clock, 40, 0.1)
    clock.advance(4.0)
    eta.end_evaluation()
    assert eta.eta() == pytest.approx(50 * 0.1 + 1 * 4.0)  # the measured evaluation replaces the guess
    run_steps(eta, clock, 50, 0.1)
    clock.advance(4.0)
    eta.end_evaluation()
    assert eta.eta() == pytest.approx(0.0)
    assert eta.active_s == pytest.approx(1.5 + 99 * 0.1 + 8.0)


def test_the_old_estimate_would_have_said_half():
    """Elapsed / steps × steps left, before the first evaluation, says about half of what is left when
    evaluations take as long as the training (the 11 s for a 20 s run of issue 13)."""
    clock = FakeClock()
    eta = EtaEstimator(100, 1, clock=clock)
    eta.guess_evaluation(10.0)
    run_steps(eta, clock, 1, 0.1)
    run_steps(eta, clock, 49, 0.1)
    naive = 5.0 / 50 * 50
    assert eta.eta() == pytest.approx(15.0)
    assert naive < 0.5 * eta.eta()


def test_pauses_and_the_loop_between_steps():
    clock = FakeClock()
    eta = EtaEstimator(100, 0, clock=clock)
    run_steps(eta, clock, 1, 0.1)
    run_steps(eta, clock, 10, 0.08, between_s=0.02)  # the loop's own work between steps is part of a step
    assert eta.step_s() == pytest.approx(0.1)
    clock.advance(30.0)  # paused for half a minute
    run_steps(eta, clock, 1, 0.1)
    assert eta.step_s() == pytest.approx(0.1)  # the pause is not a slow step
    assert eta.eta() == pytest.approx(88 * 0.1)
    assert eta.active_s == pytest.approx(0.1 + 10 * 0.1 + 0.1)


def test_the_rate_follows_a_machine_that_gets_busier():
    clock = FakeClock()
    eta = EtaEstimator(1000, 0, clock=clock)
    run_steps(eta, clock, 101, 0.01)
    run_steps(eta, clock, 100, 0.03)  # another program starts: the last 100 steps count
    assert eta.step_s() == pytest.approx(0.03)
    assert eta.eta() == pytest.approx(799 * 0.03)


def test_the_mnist_job_reports_the_estimate_and_the_time_worked():
    from playground.core.mnist.config import MnistConfig
    from playground.core.mnist.job import MnistJob

    job = MnistJob(MnistConfig(epochs=2, train_limit=256, batch_size=64))
    assert job.snapshot()["eta_s"] is None
    job.step()
    job.step()
    snap = job.snapshot()
    assert snap["eta_s"] is not None and snap["eta_s"] > 0
    assert job.eta._eval_guess_s > 0  # the first step timed a small evaluation
    while not job.done():
        job.step()
    snap = job.snapshot()
    assert snap["eta_s"] == pytest.approx(0.0) and job.eta.evaluations == 2
    assert snap["elapsed_s"] > 0
