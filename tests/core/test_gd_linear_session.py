"""Sessions of the Gradient-descent and Linear-regression labs, without any UI: configs read value by value,
a saved walk must follow from its settings, saved w and b continue training exactly."""

import json

import numpy as np
import pytest
import torch

from playground.core.persistence import session as sessions
from playground.core.config import from_dict
from playground.core.gradient_descent.descent import (MAX_SAVED_STEPS, GDConfig, GradientDescent, gd_weight_problems,
                                              saved_walk_problems)
from playground.core.linear.regression import (LinearRegressionJob, LinearSetup, saved_training_problems, train,
                                               weight_problems)


def test_gd_config_reads_untrusted_values_one_by_one():
    config, problems = from_dict(GDConfig, {"function": "bowl", "start_x": 99, "lr": "0.5", "momentum": True,
                                            "pace": 2.5, "colour": "red"})
    assert config == GDConfig(function="bowl", lr=0.5)
    assert len(problems) == 4 and any("start_x" in p for p in problems) and any("colour" in p for p in problems)
    assert GDConfig(function="bowl", start_x=1.0, start_y=-2.0).setup().start == (1.0, -2.0)
    assert GDConfig(function="x4", start_x=1.0, start_y=-2.0).setup().start == (1.0,)  # 1-D: y unused


def _walk(config, steps):
    gd = GradientDescent(config.setup())
    gd.walk(steps)
    return gd


def test_a_saved_walk_must_follow_from_its_settings():
    config = GDConfig(function="bowl", lr=0.2, momentum=0.5)
    gd = _walk(config, 12)
    history = [r.f for r in gd.history]
    assert saved_walk_problems(config, gd.x, 12, history) == []
    assert saved_walk_problems(config, gd.x, 12) == []
    assert "not where 11 steps" in saved_walk_problems(config, gd.x, 11)[0]
    assert "not where 12 steps" in saved_walk_problems(GDConfig(function="bowl", lr=0.2), gd.x, 12)[0]
    assert "values of f" in saved_walk_problems(config, gd.x, 12, history[:-1])[0]
    assert "at most" in saved_walk_problems(config, gd.x, MAX_SAVED_STEPS + 1)[0]
    # a diverged walk stops where the lab stops it, and is found again there
    wild = GDConfig(lr=1.5)
    gone = _walk(wild, 500)
    assert gone.diverged() and gone.step_count < 500
    assert saved_walk_problems(wild, gone.x, gone.step_count) == []


def test_gd_weights_are_the_current_point():
    bowl = GDConfig(function="bowl")
    assert gd_weight_problems(bowl, {"x": torch.zeros(2)}) == []
    assert "2 coordinate" in gd_weight_problems(bowl, {"x": torch.zeros(1)})[0]
    assert "just 'x'" in gd_weight_problems(bowl, {"x": torch.zeros(2), "v": torch.zeros(2)})[0]


def test_gd_and_linear_entries_round_trip_through_a_session_file(tmp_path):
    config = GDConfig(function="x4", start_x=0.5, lr=0.05)
    gd = _walk(config, 7)
    job = train(LinearSetup(lr=0.02, max_steps=30), steps=30)
    weights, step, history = job.training_state()
    path = tmp_path / "both.nnplay"
    sessions.save(path, {
        "gd": sessions.lab_entry(config, weights={"x": torch.tensor(gd.x)}, step=7,
                                 loss_history=[r.f for r in gd.history]),
        "linear": sessions.lab_entry(LinearSetup(lr=0.02, max_steps=30), weights=weights, step=step,
                                     loss_history=history)})
    loaded = sessions.load(path)
    assert from_dict(GDConfig, loaded.labs["gd"].config) == (config, [])
    assert loaded.labs["gd"].step == 7 and torch.equal(loaded.labs["gd"].weights["x"], torch.tensor(gd.x))
    linear = loaded.labs["linear"]
    assert linear.config == {"lr": 0.02, "max_steps": 30, "seed": 29} and linear.step == 30
    np.testing.assert_allclose(linear.loss_history, history, rtol=1e-6)

    document = json.loads(path.read_text(encoding="utf-8"))
    document["labs"]["linear"]["training"]["weights"]["data"] = sessions.encode_weights(
        {"weight": torch.zeros(1, 2), "bias": torch.zeros(1)})
    with pytest.raises(sessions.SessionError, match="weight has shape"):
        sessions.loads(json.dumps(document))


def test_linear_weights_and_saved_runs_are_checked():
    good = {"weight": torch.zeros(1, 1), "bias": torch.zeros(1)}
    assert weight_problems(LinearSetup(), good) == []
    assert "nn.Linear(1, 1)" in weight_problems(LinearSetup(), {"weight": torch.zeros(1, 1)})[0]
    assert saved_training_problems(3, [1.0, 2.0, 3.0]) == [] and saved_training_problems(None, None) == []
    assert "2 values" in saved_training_problems(3, [1.0, 2.0])[0]


def test_restored_linear_job_continues_exactly_like_the_uninterrupted_run():
    setup = LinearSetup(lr=0.03, max_steps=80)
    weights, step, history = train(setup, steps=50).training_state()
    job = LinearRegressionJob(setup)
    job.restore(setup, weights, step, history)
    assert job.step_count == 50 and len(job.trajectory) == 51
    assert np.isnan(np.array(job.trajectory)[:-1, :2]).all()
    np.testing.assert_array_equal(np.array(job.trajectory)[:-1, 2], history)
    for _ in range(30):
        job.step()
    assert job.done() and job.weights() == train(setup).weights()
    again, _step, again_history = job.training_state()
    np.testing.assert_array_equal(again_history[:50], history)
