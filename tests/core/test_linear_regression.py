import numpy as np
import pytest

from playground.core.linear.regression import (NOTES_SEED, LinearSetup, LinearRegressionJob, loss_surface,
                                               notes_setup, optimum, train)


def test_notes_trajectory_shape():
    job = train(notes_setup())
    t = np.asarray(job.trajectory)
    assert t.shape == (1001, 3)
    assert np.all(np.diff(t[:, 2]) <= 1e-7)  # the loss falls monotonically
    w900, b900 = t[900, 0], t[900, 1]
    assert w900 == pytest.approx(1.91, abs=0.02) and b900 == pytest.approx(0.20, abs=0.03)
    assert abs(t[-1, 0] - 2) < abs(t[500, 0] - 2) < abs(t[0, 0] - 2)  # w → 2


def test_loss_surface_matches_torch_loss_and_the_optimum():
    job = LinearRegressionJob(notes_setup())
    loss = job.step()
    w0, b0, l0 = job.trajectory[0]
    assert loss == pytest.approx(l0, rel=1e-5)
    assert optimum() == pytest.approx((2.0, 0.0), abs=1e-9)
    assert loss_surface(np.array([2.0]), np.array([0.0]))[0] == pytest.approx(0.0)
    grid = loss_surface(*np.meshgrid(np.linspace(0, 3, 4), np.linspace(-1, 1, 3)))
    assert grid.shape == (3, 4)


def test_snapshot_sends_each_part_of_the_trajectory_once_and_seed_is_fixed():
    job = LinearRegressionJob(LinearSetup(seed=NOTES_SEED))
    first = job.snapshot()
    for _ in range(5):
        job.step()
    second = job.snapshot()
    assert first["first"] == 0 and len(first["trajectory"]) == 1
    assert second["first"] == 1 and len(second["trajectory"]) == 5
    again = LinearRegressionJob(LinearSetup(seed=NOTES_SEED))
    assert again.trajectory[0] == job.trajectory[0]
    job.apply(LinearSetup(lr=0.05, seed=NOTES_SEED))
    assert job.optimizer.param_groups[0]["lr"] == 0.05 and job.step_count == 5


def test_initial_weights_equal_manual_seed_and_leave_the_global_generator_alone():
    import torch

    from playground.core.linear.regression import initial_model

    torch.manual_seed(29)
    reference = torch.nn.Linear(1, 1)
    torch.manual_seed(5)
    state = torch.random.get_rng_state()
    model = initial_model(29)
    assert torch.equal(torch.random.get_rng_state(), state)  # safe beside other labs' workers
    assert model.weight.item() == reference.weight.item() and model.bias.item() == reference.bias.item()
