"""Look-inside views: saliency, first-layer ranking, feature maps, nearest training digits, verdicts."""

import numpy as np
import pytest

from playground.core.mnist.preprocess import normalize
from playground.core.mnist.data import MNIST_MEAN, MNIST_STD, load_bundled, to_tensors
from playground.core.mnist.insight import (EmbeddingIndex, conv_views, first_layer_units, is_mlp, saliency,
                                           verdict)
from playground.core.persistence.model_io import bundled_model_path, load_model


def synthetic_one() -> tuple[np.ndarray, np.ndarray]:
    image = np.zeros((28, 28), np.float32)
    image[4:24, 13:16] = 1.0
    return image, image > 0


@pytest.fixture(scope="module", params=["mlp", "cnn"])
def model(request):
    return load_model(bundled_model_path(request.param)).model


def test_saliency_of_a_synthetic_one_concentrates_on_its_stroke(model):
    image, stroke = synthetic_one()
    result = saliency(model, normalize(image), MNIST_MEAN, MNIST_STD)
    assert result.top == 1
    assert abs(result.probs.sum() - 1) < 1e-5
    magnitude = np.abs(result.heat)
    assert magnitude.sum() > 0
    assert magnitude[stroke].sum() / magnitude.sum() > 0.99   # the blank background cannot matter
    assert result.heat[stroke].sum() > 0                      # and the stroke, taken together, says "1"


def test_saliency_for_another_class_differs():
    model = load_model(bundled_model_path("mlp")).model
    image, _ = synthetic_one()
    one = saliency(model, normalize(image), MNIST_MEAN, MNIST_STD)
    seven = saliency(model, normalize(image), MNIST_MEAN, MNIST_STD, target=7)
    assert seven.top == 7 and not np.allclose(one.heat, seven.heat)


def test_first_layer_units_are_ranked_by_contribution():
    model = load_model(bundled_model_path("mlp")).model
    assert is_mlp(model)
    image, _ = synthetic_one()
    ranking = first_layer_units(model, normalize(image), top=1, k=12)
    assert ranking.weights.shape == (12, 28, 28)
    assert np.all(np.diff(ranking.contribution) <= 1e-7)
    assert ranking.contribution[0] > 0 and np.all(ranking.activation[:3] > 0)


def test_conv_views_have_the_cnn_shapes():
    model = load_model(bundled_model_path("cnn")).model
    assert not is_mlp(model)
    views = conv_views(model, normalize(synthetic_one()[0]))
    assert views.filters.shape == (16, 3, 3)
    assert views.maps1.shape == (16, 28, 28) and views.maps2.shape == (32, 14, 14)
    assert views.maps1.min() >= 0 and views.maps1.max() > 0  # after ReLU, and the stroke lights something


def test_nearest_neighbours_of_a_training_image_include_itself(model):
    data = to_tensors(load_bundled())
    index = EmbeddingIndex(model, data.train_x, data.train_y, data.test_x[:300])
    for i in (0, 17, 1234):
        vector = index.vectors[i]
        found, distances = index.nearest(vector)
        assert len(found) == 8 and found[0] == i and distances[0] < 0.01 * index.far_distance
        assert np.all(np.diff(distances) >= 0)
    assert 0 < index.far_distance < np.inf


def test_verdicts():
    probs = np.full(10, 0.02, np.float32)
    probs[3] = 0.82
    image, _ = synthetic_one()
    assert verdict(None, None) == "empty"
    assert verdict(np.ones((28, 28)), probs) == "scribble"
    assert verdict(image, np.full(10, 0.1)) == "unsure"
    assert verdict(image, probs, nearest_distance=9.0, far_distance=5.0) == "unlike"
    assert verdict(image, probs, nearest_distance=1.0, far_distance=5.0) == "confident"
