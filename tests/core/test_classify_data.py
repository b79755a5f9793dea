"""The Classification lab's datasets, features and config parsing (no Qt, no torch)."""

import numpy as np
import pytest

from playground.core.classify.config import PRESETS, ClassifyConfig
from playground.core.classify.data import (DATASETS, DOMAIN, DRAW, FEATURES, feature_matrix, grid_points,
                                           make_data, make_points, split)
from playground.core.config import from_dict, to_dict, validate

GENERATED = [name for name in DATASETS if name != DRAW]


@pytest.mark.parametrize("dataset", GENERATED)
@pytest.mark.parametrize("n_classes", [2, 3, 5])
@pytest.mark.parametrize("n_points", [10, 101, 400])
def test_generators_give_the_asked_points_and_classes(dataset, n_classes, n_points):
    points, labels = make_points(dataset, n_points, n_classes, noise=0.3, seed=1)
    assert points.shape == (n_points, 2) and points.dtype == np.float32
    assert labels.shape == (n_points,)
    assert set(labels.tolist()) == set(range(n_classes))
    counts = np.bincount(labels, minlength=n_classes)
    assert counts.max() - counts.min() <= 1  # shared out evenly
    assert np.abs(points).max() <= DOMAIN


@pytest.mark.parametrize("dataset", GENERATED)
def test_generators_are_seeded(dataset):
    a = make_points(dataset, 200, 3, 0.2, seed=5)
    b = make_points(dataset, 200, 3, 0.2, seed=5)
    c = make_points(dataset, 200, 3, 0.2, seed=6)
    assert np.array_equal(a[0], b[0]) and np.array_equal(a[1], b[1])
    assert not np.array_equal(a[0], c[0])


def test_noise_scatters_the_points():
    clean, _ = make_points("circle", 300, 2, 0.0, seed=0)
    noisy, _ = make_points("circle", 300, 2, 1.0, seed=0)
    r_clean, r_noisy = np.hypot(*clean.T), np.hypot(*noisy.T)
    assert r_clean.max() <= DOMAIN - 1 + 1e-5
    assert np.std(np.diff(np.sort(r_noisy))) != np.std(np.diff(np.sort(r_clean)))


def test_unknown_dataset_and_bad_class_count_are_refused():
    with pytest.raises(ValueError):
        make_points("nope", 10, 2, 0, 0)
    with pytest.raises(ValueError):
        make_points("xor", 10, 6, 0, 0)


def test_split_keeps_every_point_and_is_stable_when_points_are_added():
    points, labels = make_points("moons", 200, 2, 0.1, seed=3)
    data = split(points, labels, 2, 0.3, seed=3)
    assert len(data.y_train) + len(data.y_test) == 200
    assert 30 <= len(data.y_test) <= 90
    more = split(np.vstack([points, [[0, 0]]]), np.append(labels, 1), 2, 0.3, seed=3)
    assert np.array_equal(more.x_test[:len(data.x_test)], data.x_test) or np.array_equal(
        more.x_train[:len(data.x_train)], data.x_train)
    # labels beyond the class count (after lowering it) are dropped; never everything held out
    drop = split(points, np.where(labels == 1, 4, labels), 2, 0.0, 0)
    assert set(drop.y_train.tolist()) == {0}
    one = split(np.zeros((1, 2)), np.zeros(1), 2, 0.9, 0)
    assert len(one.y_train) == 1


def test_make_data_follows_the_config():
    data = make_data(ClassifyConfig(dataset="spiral", n_points=300, n_classes=3, test_fraction=0.5))
    assert data.n_classes == 3 and len(data.y_train) + len(data.y_test) == 300


def test_features():
    points = np.array([[1.0, 2.0], [-3.0, 0.5]], dtype=np.float32)
    m = feature_matrix(points, FEATURES)
    assert m.shape == (2, 7)
    np.testing.assert_allclose(m[0], [1, 2, 1 / DOMAIN, 4 / DOMAIN, 2 / DOMAIN, np.sin(1), np.sin(2)], rtol=1e-6)
    grid = grid_points(100)
    assert grid.shape == (10_000, 2) and grid[0, 1] < grid[-1, 1]


def test_config_tuples_round_trip_and_bad_values_are_reported():
    config = ClassifyConfig(features=("x1", "x1x2"), hidden=(3, 16, 1))
    assert validate(config) == []
    back, problems = from_dict(ClassifyConfig, to_dict(config))
    assert back == config and problems == []
    back, problems = from_dict(ClassifyConfig, {"hidden": [4, 99], "features": "x1", "n_classes": 9,
                                                "dataset": "spiral"})
    assert back.hidden == ClassifyConfig().hidden and back.features == ClassifyConfig().features
    assert back.n_classes == 2 and back.dataset == "spiral"
    assert len(problems) == 3
    _, problems = from_dict(ClassifyConfig, {"hidden": [1] * 7})
    assert "items" in problems[0]
    assert validate(ClassifyConfig(features=("x1", "x1"))) != []
    for preset in PRESETS.values():
        assert validate(preset) == []


def test_live_and_restart_fields():
    a = ClassifyConfig()
    live, restart = ClassifyConfig(lr=0.1, regularization="L2").live_changes(a)
    assert live == {"lr", "regularization"} and not restart
    live, restart = ClassifyConfig(hidden=(2,)).live_changes(a)
    assert restart == {"hidden"}
