"""The MNIST job: configs, models, one short training run on the bundled data."""

from __future__ import annotations

import numpy as np
import torch

from playground.core.config import from_dict
from playground.core.training.loop import run_loop
from playground.core.mnist.config import MnistConfig
from playground.core.mnist.job import MnistJob, augment_batch, confusion_matrix
from playground.core.mnist.models import build_model
from playground.core.training.run_control import RunControl


def test_default_config_is_the_notes_mlp():
    config = MnistConfig()
    assert (config.arch, config.hidden_width, config.depth, config.activation, config.optimizer,
            config.lr, config.batch_size, config.epochs) == ("mlp", 128, 1, "ReLU", "Adam", 1e-3, 64, 5)
    model = build_model(config.arch_spec())
    assert [p.shape[0] for p in model.parameters()] == [128, 128, 10, 10]


def test_config_from_untrusted_dict_keeps_good_values():
    config, problems = from_dict(MnistConfig, {"arch": "cnn", "lr": -1, "epochs": "3", "bogus": 1})
    assert config.arch == "cnn" and config.epochs == 3 and config.lr == 1e-3
    assert len(problems) == 2


def test_cnn_shape_matches_the_notes():
    model = build_model({"arch": "cnn", "activation": "ReLU"})
    convs = [m for m in model if isinstance(m, torch.nn.Conv2d)]
    assert [(c.in_channels, c.out_channels) for c in convs] == [(1, 16), (16, 32)]
    assert model(torch.zeros(2, 1, 28, 28)).shape == (2, 10)
    assert model[-1].in_features == 32 * 7 * 7


def test_short_training_run_reaches_sane_accuracy():
    job = MnistJob(MnistConfig(epochs=2, train_limit=1500, batch_size=64))
    reports = []
    run_loop(job, RunControl(paused=False), reports.append, interval=0.0, stop_when_done=True)
    assert job.done() and job.step_count == 2 * 24
    assert reports[-1].state == "finished"
    assert len(job.test_acc) == 2 and job.test_acc[-1] > 0.8
    results = reports[-1].snapshot["results"]
    assert results["confusion"].sum() == 1000
    assert np.trace(results["confusion"]) == round(job.test_acc[-1] * 1000)
    # the published weights are a CPU copy, not the live tensors
    weights = reports[-1].snapshot["weights"]
    assert all(w.data_ptr() != p.data_ptr() for w, p in zip(weights.values(), job.model.state_dict().values()))


def test_snapshot_is_cheap_and_reports_eta():
    job = MnistJob(MnistConfig(epochs=1, train_limit=640))
    version = job.weights_version
    for _ in range(3):
        job.step()
    snap = job.snapshot()
    assert snap["epoch"] == 0 and snap["batch"] == 3 and snap["eta_s"] is not None
    assert job.weights_version == version  # no copy per step or snapshot, only at epoch ends


def test_augmentation_keeps_shape_and_background():
    x = torch.full((4, 1, 28, 28), -0.1307 / 0.3081)
    x[:, :, 10:18, 12:16] = (1 - 0.1307) / 0.3081
    out = augment_batch(x, torch.Generator().manual_seed(0), 0.1307, 0.3081)
    assert out.shape == x.shape
    assert torch.allclose(out[:, :, 0, 0], x[:, :, 0, 0], atol=1e-5)


def test_confusion_matrix_counts():
    m = confusion_matrix(np.array([0, 1, 1, 2]), np.array([0, 1, 2, 2]))
    assert m[1, 2] == 1 and m.trace() == 3 and m.shape == (10, 10)
