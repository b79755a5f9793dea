import math
from dataclasses import replace

import numpy as np
import pytest
import torch

from playground.core.training.components import ACTIVATIONS, LOSSES, OPTIMIZERS
from playground.core.curve.config import CurveConfig, notes_preset
from playground.core.curve.job import CurveJob, train_curve
from playground.core.curve.data import make_curve_data
from playground.core.curve.targets import TARGETS


def test_notes_preset_reaches_the_notes_mse():
    job, losses = train_curve(notes_preset())
    assert len(losses) == 2000
    assert job.train_loss() <= 0.01  # the notes report 0.0048
    assert losses[-1] < losses[0] / 100


def test_same_seed_same_losses_step_for_step():
    config = replace(CurveConfig(), noise=0.3, batch_size=16, seed=7)
    _, first = train_curve(config, steps=150)
    _, second = train_curve(config, steps=150)
    assert first == second
    _, other_seed = train_curve(replace(config, seed=8), steps=150)
    assert other_seed != first


def test_one_sgd_step_matches_the_hand_computed_update():
    config = replace(CurveConfig(), target="x^2", n_points=3, x_min=-1.0, x_max=1.0, test_fraction=0.0,
                     hidden_width=1, depth=1, activation="Identity", optimizer="SGD", lr=0.1, loss="MSE")
    job = CurveJob(config)
    (w1, b1), (w2, b2) = [(m.weight.item(), m.bias.item()) for m in job.model if isinstance(m, torch.nn.Linear)]
    x, y = np.array([-1.0, 0.0, 1.0]), np.array([1.0, 0.0, 1.0])
    h = w1 * x + b1
    out = w2 * h + b2
    d_out = 2 * (out - y) / 3  # d(mean squared error)/d(out)
    grads = {"w2": np.sum(d_out * h), "b2": np.sum(d_out), "w1": np.sum(d_out * w2 * x), "b1": np.sum(d_out * w2)}
    expected = {"w1": w1 - 0.1 * grads["w1"], "b1": b1 - 0.1 * grads["b1"],
                "w2": w2 - 0.1 * grads["w2"], "b2": b2 - 0.1 * grads["b2"]}
    loss = job.step()
    assert loss == pytest.approx(np.mean((out - y) ** 2), rel=1e-6)
    (nw1, nb1), (nw2, nb2) = [(m.weight.item(), m.bias.item()) for m in job.model if isinstance(m, torch.nn.Linear)]
    assert (nw1, nb1, nw2, nb2) == pytest.approx((expected["w1"], expected["b1"], expected["w2"], expected["b2"]), rel=1e-5)


@pytest.mark.parametrize("registry, field", [(ACTIVATIONS, "activation"), (LOSSES, "loss"), (OPTIMIZERS, "optimizer")])
def test_every_registry_entry_trains(registry, field):
    for name in registry.names():
        config = replace(CurveConfig(), **{field: name}, hidden_width=8, lr=0.01)
        job, losses = train_curve(config, steps=30)
        assert len(losses) == 30 and all(math.isfinite(v) for v in losses), name
        if name != "Identity":
            assert losses[-1] < losses[0], name


def test_every_target_makes_finite_data():
    for name in TARGETS.names():
        data = make_curve_data(replace(CurveConfig(), target=name, noise=0.1))
        assert np.isfinite(data.y_train).all() and len(data.x_train) + len(data.x_test) == 100


def test_live_changes_keep_the_weights():
    job = CurveJob(CurveConfig())
    for _ in range(20):
        job.step()
    weights = [p.detach().clone() for p in job.model.parameters()]
    assert job.apply(replace(job.config, lr=0.1, optimizer="SGD", loss="Huber")) == "live"
    assert all(torch.equal(a, b) for a, b in zip(weights, job.model.parameters()))
    assert job.step_count == 20 and isinstance(job.optimizer, torch.optim.SGD)
    assert job.optimizer.param_groups[0]["lr"] == 0.1
    assert isinstance(job.loss_fn, torch.nn.HuberLoss)
    assert job.apply(replace(job.config, hidden_width=5)) == "restart"
    assert job.step_count == 0 and job.model[0].out_features == 5


def test_test_split_and_extrapolation_range():
    data = make_curve_data(replace(CurveConfig(), n_points=100, test_fraction=0.2))
    assert len(data.x_test) == 20 and len(data.x_train) == 80
    assert data.x_plot.min() < -3 and data.x_plot.max() > 3
