import math

import numpy as np
import pytest

from playground.core.gradient_descent.descent import (GDSetup, GradientDescent, closed_form_x2, notes_setup, run,
                                              steps_to_converge)
from playground.core.training.loop import run_loop
from playground.core.training.run_control import RunControl


@pytest.mark.parametrize("lr", [0.01, 0.1, 0.3, 0.7, 1.2])
def test_x2_matches_closed_form(lr):
    gd = run(GDSetup("x2", (5.0,), lr, 0.0, 25))
    for record in gd.history:
        k = record.step
        assert record.x[0] == pytest.approx(closed_form_x2(5.0, lr, k - 1), rel=1e-12, abs=1e-300)
        assert record.grad[0] == pytest.approx(2 * record.x[0], rel=1e-12)
        assert record.new_x[0] == pytest.approx((1 - 2 * lr) * record.x[0], rel=1e-12, abs=1e-300)
        assert record.new_x[0] == pytest.approx(closed_form_x2(5.0, lr, k), rel=1e-9, abs=1e-300)


def test_notes_settings_converge_within_30_steps():
    steps = steps_to_converge(notes_setup(), tol=0.01)
    assert steps is not None and steps <= 30
    gd = run(notes_setup(), 30)
    assert abs(gd.x[0]) < 0.01


def test_lr_above_one_diverges_and_is_detected():
    gd = GradientDescent(GDSetup("x2", (5.0,), 1.1, 0.0, 200))
    for _ in range(5):
        gd.step()
    assert gd.diverging()
    assert abs(gd.x[0]) > 5
    while not gd.done():
        gd.step()
    assert gd.diverged() or abs(gd.x[0]) > 1e3


def test_x4_minus_3x2_has_two_minima_depending_on_the_start():
    right = run(GDSetup("x4", (0.5,), 0.02, 0.0, 500))
    left = run(GDSetup("x4", (-0.5,), 0.02, 0.0, 500))
    assert right.x[0] == pytest.approx(math.sqrt(1.5), abs=1e-4)
    assert left.x[0] == pytest.approx(-math.sqrt(1.5), abs=1e-4)
    assert right.nearest_minimum() != left.nearest_minimum()


def test_bowl_2d_and_momentum():
    gd = run(GDSetup("bowl", (5.0, 3.0), 0.1, 0.0, 100))
    assert np.linalg.norm(gd.x) < 1e-6
    with_momentum = GradientDescent(GDSetup("x2", (5.0,), 0.01, 0.9, 500))
    with_momentum.step()
    with_momentum.step()
    # v1 = g0, x1 = x0 − lr·g0; v2 = 0.9·g0 + g1
    g0 = 10.0
    x1 = 5.0 - 0.01 * g0
    assert with_momentum.history[1].x[0] == pytest.approx(x1)
    assert with_momentum.x[0] == pytest.approx(x1 - 0.01 * (0.9 * g0 + 2 * x1))


def test_runs_under_the_shared_loop():
    gd = GradientDescent(notes_setup())
    seen = []
    run_loop(gd, RunControl(paused=False), lambda p: seen.extend(p.losses.tolist()), stop_when_done=True)
    assert gd.step_count > 30 and gd.converged(1e-6)
    assert seen[0] == 25.0  # f(5)
