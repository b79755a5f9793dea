"""A batched sweep follows the single-model Curve loop, model by model."""

from dataclasses import replace

import numpy as np
import pytest
import torch

from playground.core.training.components import ACTIVATIONS, LOSSES, OPTIMIZERS
from playground.core.curve.config import notes_preset
from playground.core.curve.job import train_curve
from playground.core.training.runtime import configure_torch
from playground.core.sweep.batched import SweepJob, train_sweep, usable_device
from playground.core.sweep.step import ACTIVATION_STEPS, LOSS_STEPS, BatchedOptimizer
from playground.core.sweep.config import MAX_COMBINATIONS, SweepAxis, SweepSpec, differences, parse_values

STEPS = 150


@pytest.fixture(autouse=True, scope="module")
def one_torch_thread():
    """One intra-op thread, as the app's workers on 2 cores (core/training/runtime.py): on a busy machine a second
    thread makes these tiny products wait for a core, and the tests crawl."""
    before = torch.get_num_threads()
    configure_torch()
    yield
    torch.set_num_threads(before)


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


# Deeper nets: each model still follows its own loop, to 5e-5 rather than 1e-5. The batched products sum in
# another order than nn.Linear's addmm (bmm, and [x; 1]ᵀ·dz for the first layer), so every step differs from the
# single loop by float32 rounding (~1e-7); through 2–4 layers and 150 Adam steps that grows to ≤ 8e-6 (measured).
# SGD learning rates stay ≤ 0.01: at 0.05 a 3-layer ReLU net oscillates chaotically in the single loop itself, and
# a 1e-7 difference grows to 20 % within 40 steps (both loops alike; no batched form can follow that).
@pytest.mark.parametrize("depth", [2, 3, 4])
@pytest.mark.parametrize("optimizer", ["SGD", "Adam"])
def test_deeper_width_by_lr_grids_match_single_loop(depth, optimizer):
    base = replace(notes_preset(), optimizer=optimizer, depth=depth, test_fraction=0.2)
    lrs = (0.003, 0.01) if optimizer == "SGD" else (0.003, 0.05)
    spec = SweepSpec(base, (SweepAxis("hidden_width", (3, 16)), SweepAxis("lr", lrs)), steps=STEPS)
    job = assert_follows_single_loop(spec, rtol=5e-5)
    assert len(job.groups) == 1


@pytest.mark.parametrize("activation", ACTIVATIONS.names())
def test_every_activation_at_every_depth_matches_single_loop(activation):
    base = replace(notes_preset(), activation=activation, test_fraction=0.2)
    spec = SweepSpec(base, (SweepAxis("depth", (1, 2, 3, 4)), SweepAxis("hidden_width", (3, 8))), steps=STEPS)
    job = assert_follows_single_loop(spec, rtol=5e-5)
    assert len(job.groups) == 4  # one per depth, two widths padded into each


def test_every_registered_component_has_a_batched_step():
    """A new activation, loss or optimizer in components.py needs its batched form in sweep_step.py."""
    assert set(ACTIVATIONS.names()) == set(ACTIVATION_STEPS)
    assert set(LOSSES.names()) == set(LOSS_STEPS)
    params = torch.zeros(4)
    for name in OPTIMIZERS.names():
        BatchedOptimizer(params, params.clone(), params.clone(), None, name, 0.9, 0.0)  # raises if unknown
    with pytest.raises(ValueError):
        BatchedOptimizer(params, params.clone(), params.clone(), None, "Lion", 0.9, 0.0)


def test_steady_state_steps_allocate_nothing_large():
    """Buffers are made once: after the first steps a step allocates no tensor memory at all (issue 17: freed
    temporaries were returned to the system and faulted in again on every step)."""
    from torch.profiler import ProfilerActivity, profile

    for depth, activation, loss, optimizer in [(1, "ReLU", "MSE", "Adam"), (3, "GELU", "Huber", "RMSprop"),
                                               (2, "Tanh", "L1", "SGD + momentum")]:
        base = replace(notes_preset(), depth=depth, activation=activation, loss=loss, optimizer=optimizer)
        job = SweepJob(SweepSpec(base, (SweepAxis("hidden_width", (4, 32)), SweepAxis("lr", (0.001, 0.01))), 100))
        for _ in range(3):
            job.step()
        with profile(activities=[ProfilerActivity.CPU], profile_memory=True) as prof:
            for _ in range(5):
                job.step()
        allocated = sum(max(0, event.cpu_memory_usage) for event in prof.events())
        assert allocated <= 5 * 1024, (depth, activation, allocated)  # a few scalar wrappers, never activations


def test_mixed_groups_minibatches_and_other_optimizers_match():
    base = replace(notes_preset(), noise=0.3, batch_size=16, test_fraction=0.2, optimizer="SGD + momentum", lr=0.003)
    spec = SweepSpec(base, (SweepAxis("activation", ("Tanh", "ReLU")), SweepAxis("depth", (1, 2))), steps=60)
    job = assert_follows_single_loop(spec, rtol=1e-4)
    assert len(job.groups) == 4
    # Other losses: L1 (GELU, SiLU), Huber (Sigmoid).
    spec = SweepSpec(replace(notes_preset(), loss="L1"), (SweepAxis("activation", ("GELU", "SiLU")),), steps=60)
    assert_follows_single_loop(spec, rtol=1e-4)
    spec = SweepSpec(replace(notes_preset(), loss="Huber", activation="Sigmoid"), (SweepAxis("lr", (0.01, 0.1)),), steps=60)
    assert_follows_single_loop(spec, rtol=1e-4)
    spec = SweepSpec(replace(notes_preset(), weight_decay=0.01), (SweepAxis("optimizer", ("SGD", "Adam")),), steps=60)
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


@pytest.mark.skipif(not torch.cuda.is_available(),
                    reason="needs a CUDA GPU (none on this machine); the CPU tests above run the same code")
def test_sweep_on_cuda_follows_the_cpu_sweep():
    base = replace(notes_preset(), test_fraction=0.2)
    spec = SweepSpec(base, (SweepAxis("depth", (1, 2)), SweepAxis("hidden_width", (3, 16))), steps=100)
    on_cpu = train_sweep(spec)
    on_gpu = train_sweep(replace(spec, base=replace(base, device="cuda")))
    assert on_gpu.device == "cuda" and all(g.layers.flat.device.type == "cuda" for g in on_gpu.groups)
    # Other kernels (cuBLAS, other summation orders): each step differs by rounding, as between depths above.
    np.testing.assert_allclose(on_gpu.loss_history(), on_cpu.loss_history(), rtol=1e-4)
    np.testing.assert_allclose(on_gpu.fits(), on_cpu.fits(), rtol=1e-3, atol=1e-4)


@pytest.mark.skipif(torch.cuda.is_available(), reason="this machine has a CUDA GPU: nothing to fall back from")
def test_a_gpu_this_machine_lacks_means_the_cpu():
    spec = SweepSpec(replace(notes_preset(), device="cuda:0"), (SweepAxis("lr", (0.01, 0.1)),), steps=5)
    job = train_sweep(spec)
    assert usable_device("cuda") == "cpu" and job.device == "cpu"
    assert job.groups[0].layers.flat.device.type == "cpu" and job.step_count == 5
