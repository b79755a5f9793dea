"""The Classification lab's training job, through the shared loop."""

from dataclasses import replace

import numpy as np
import pytest

from playground.core.classify.config import PRESETS, ClassifyConfig
from playground.core.classify.data import HEATMAP_SIZE
from playground.core.classify.job import NEURON_GAP, NEURON_TILE, ClassifyJob, train_classifier


def accuracy(job, which="test"):
    x, y = (job.x_test, job.y_test) if which == "test" else (job.x_train, job.y_train)
    return job.evaluate(x, y)[1]


def test_xor_needs_a_hidden_layer_or_the_product_feature():
    linear = train_classifier(ClassifyConfig(dataset="xor", features=("x1", "x2"), hidden=(), lr=0.03), steps=1500)
    assert accuracy(linear, "train") < 0.75 and accuracy(linear) < 0.75
    product = train_classifier(PRESETS["xor_product"])
    assert product.config.hidden == () and "x1x2" in product.config.features
    assert accuracy(product) > 0.9 and accuracy(product, "train") > 0.9
    hidden = train_classifier(PRESETS["xor_hidden"])
    assert hidden.config.features == ("x1", "x2") and len(hidden.config.hidden) >= 1
    assert accuracy(hidden) > 0.9


@pytest.mark.slow
def test_spiral_preset_reaches_90_percent_test_accuracy_in_its_step_budget():
    config = PRESETS["spiral_deep"]
    assert config.max_steps == 3000
    job = train_classifier(config)
    assert job.step_count == 3000
    assert accuracy(job) >= 0.9


def test_many_classes_use_softmax_and_learn():
    job = train_classifier(PRESETS["moons_softmax"])
    assert job.model[-1].out_features == 4
    assert accuracy(job) > 0.8


def test_snapshot_holds_heatmap_neurons_and_metrics():
    job = ClassifyJob(ClassifyConfig(n_classes=3, dataset="gaussians", hidden=(5, 3), features=("x1", "x2", "sin x1")))
    snap = job.snapshot()
    heat = snap["heatmap"]
    assert heat.shape == (HEATMAP_SIZE, HEATMAP_SIZE, 4) and heat.dtype == np.uint8
    assert (heat[..., 3] == 255).all()
    pitch = NEURON_TILE + NEURON_GAP
    assert snap["neurons"].shape == (5 * pitch - NEURON_GAP, 3 * pitch - NEURON_GAP, 4)
    assert snap["neuron_layout"] == [3, 5, 3]
    assert 0 <= snap["train_acc"] <= 1 and snap["test_loss"] > 0
    assert "neurons" not in job.snapshot()  # at most 5 times a second
    # a trained model paints its regions in the class colours, confidently
    trained = train_classifier(replace(job.config, max_steps=800))
    heat = trained.heatmap()
    predicted = trained.predict(np.array([[-2.0, 2.0], [2.0, 2.0]]))
    assert len(set(predicted.tolist())) == 2
    assert len({tuple(c) for c in heat[::10, ::10, :3].reshape(-1, 3)}) > 3


def test_live_changes_keep_weights_and_restarts_rebuild():
    job = ClassifyJob(ClassifyConfig())
    for _ in range(5):
        job.step()
    weights = job.model[0].weight.detach().clone()
    assert job.apply(replace(job.config, lr=0.1, regularization="L1", reg_rate=0.01)) == "live"
    assert job.optimizer.param_groups[0]["lr"] == 0.1
    assert np.isfinite(job.step())
    assert job.generation == 1 and job.step_count == 6
    assert job.apply(replace(job.config, hidden=(3,))) == "restart"
    assert job.generation == 2 and job.step_count == 0 and job.model[0].out_features == 3
    assert not np.array_equal(job.model[0].weight.detach().numpy().shape, weights.numpy().shape)


def test_regularisation_shrinks_weights():
    base = replace(PRESETS["xor_hidden"], max_steps=600)
    free = train_classifier(base)
    l2 = train_classifier(replace(base, regularization="L2", reg_rate=0.03))
    l1 = train_classifier(replace(base, regularization="L1", reg_rate=0.03))
    norm = lambda job: sum(float((m.weight.detach() ** 2).sum()) for m in job.model if hasattr(m, "weight"))
    assert norm(l2) < norm(free) and norm(l1) < norm(free)


def test_drawn_points_replace_the_data_and_keep_the_weights():
    job = ClassifyJob(ClassifyConfig(dataset="draw", test_fraction=0.0))
    assert job.x_train.shape[0] == 0
    assert job.done()  # nothing to learn: the loop pauses
    points = np.array([[-3, -3], [-3.5, -2], [3, 3], [2.5, 3.5]], np.float32)
    job.set_drawn_points(points, np.array([0, 0, 1, 1]))
    assert job.x_train.shape[0] == 4 and not job.done()
    for _ in range(200):
        job.step()
    weights = job.model[0].weight.detach().clone()
    version = job.data_version
    job.set_drawn_points(np.vstack([points, [[0, 5]]]), np.array([0, 0, 1, 1, 1]))
    assert job.data_version == version + 1 and job.x_train.shape[0] == 5
    assert np.array_equal(job.model[0].weight.detach(), weights)
    assert list(job.predict(points)) == [0, 0, 1, 1]


def test_train_classifier_needs_a_step_limit():
    with pytest.raises(ValueError):
        train_classifier(ClassifyConfig())
