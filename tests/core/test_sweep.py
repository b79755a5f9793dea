"""A batched sweep follows the single-model Curve loop, model by model."""

from dataclasses import replace

import numpy as np
import pytest

from playground.core.curve_config import notes_preset
from playground.core.curve_job import train_curve
from playground.core.sweep import SweepJob, train_sweep
from playground.core.sweep_config import MAX_COMBINATIONS, SweepAxis, SweepSpec, differences, parse_values

STEPS = 150


def assert_follows_single_loop(spec: SweepSpec, rtol: float = 1e-5) -> SweepJob:
    job = train_sweep(spec)
    history = job.loss_history()
    assert history.shape == (spec.steps, spec.count())
    for i, config in enumerate(job.configs):
        _, single = train_curve(config)
        single = np.asarray(single)
        rel = np.abs(history[:, i] - single) / np.abs(single)
        assert rel.max() <= rtol, f"{config.optimizer} width {config.hidden_width} lr {config.lr}: {rel.max():.2e}"
    return job


@pytest.mark.parametrize("optimizer", ["SGD", "Adam"])
def test_width_by_lr_grid_matches_single_loop(optimizer):
    base = replace(notes_preset(), optimizer=optimizer, test_fraction=0.2)
    lrs = (0.001, 0.01, 0.05) if optimizer == "SGD" else (0.003, 0.01, 0.05)
    spec = SweepSpec(base, (SweepAxis("hidden_width", (3, 10, 32)), SweepAxis("lr", lrs)), steps=STEPS)
    job = assert_follows_single_loop(spec)
    assert len(job.groups) == 1  # widths are padded into one batch
    history = job.loss_history()
    assert (history[-1] < history[0]).all()  # and they learned something


def test_mixed_groups_minibatches_and_other_optimizers_match():
    base = replace(notes_preset(), noise=0.3, batch_size=16, test_fraction=0.2, optimizer="SGD + momentum", lr=0.003)
    spec = SweepSpec(base, (SweepAxis("activation", ("Tanh", "ReLU")), SweepAxis("depth", (1, 2))), steps=60)
    job = assert_follows_single_loop(spec, rtol=1e-4)
    assert len(job.groups) == 4
    # GELU and SiLU (here with L1) take the autograd path; Sigmoid (here with Huber) the hand-written backward.
    spec = SweepSpec(replace(notes_preset(), loss="L1"), (SweepAxis("activation", ("GELU", "SiLU")),), steps=60)
    assert_follows_single_loop(spec, rtol=1e-4)
    spec = SweepSpec(replace(notes_preset(), loss="Huber", activation="Sigmoid"), (SweepAxis("lr", (0.01, 0.1)),), steps=60)
    assert_follows_single_loop(spec, rtol=1e-4)
    for optimizer in ("RMSprop", "Adagrad"):
        spec = SweepSpec(replace(notes_preset(), optimizer=optimizer), (SweepAxis("seed", (0, 1)),), steps=40)
        assert_follows_single_loop(spec, rtol=1e-3)


def test_snapshot_shapes_and_a_diverging_model_does_not_stop_the_others():
    base = replace(notes_preset(), optimizer="SGD", test_fraction=0.2)
    spec = SweepSpec(base, (SweepAxis("lr", (0.001, 5.0)),), steps=50)
    job = train_sweep(spec)
    assert job.step_count == 50  # the loop ran to the end although one model blew up
    snap = job.snapshot()
    assert snap["fits"].shape == (2, job.data.x_plot.size)
    assert list(snap["diverged"]) == [False, True]
    assert np.isfinite(snap["train_loss"][0]) and np.isfinite(snap["test_loss"][0])


def test_values_are_parsed_and_checked():
    assert parse_values("lr", "0.1, 1e-3") == ((0.1, 0.001), None)
    assert parse_values("activation", "relu,TANH") == (("ReLU", "Tanh"), None)
    assert parse_values("hidden_width", "4, 2.5")[1] == "hidden_width must be a whole number, not 2.5"
    assert "outside" in parse_values("depth", "1, 7")[1]
    assert "unknown optimizer" in parse_values("optimizer", "Adam, Lion")[1]
    assert "repeated" in parse_values("seed", "1, 1")[1]
    too_many = SweepSpec(notes_preset(), (SweepAxis("seed", tuple(range(9))), SweepAxis("lr", tuple(0.001 * k for k in range(1, 9)))))
    assert too_many.count() == 72 > MAX_COMBINATIONS and any("64" in p for p in too_many.problems())
    assert SweepSpec(notes_preset(), ()).problems()
    a, b = notes_preset(), replace(notes_preset(), lr=0.1, hidden_width=32)
    assert differences(b, a) == [("hidden_width", 32), ("lr", 0.1)]
