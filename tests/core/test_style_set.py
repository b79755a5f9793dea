"""The style test set (digits in styles MNIST lacks, drawn through the canvas) and the bundled models on it."""

import numpy as np
import pytest

from playground.core.mnist.digit_strokes import STYLES, load_style_set, synthetic_digits
from playground.core.persistence.model_io import bundled_model_path, load_model

# The targets: style set MLP ≥ 85 %, CNN ≥ 92 %; bundled test split MLP ≥ 96 %, CNN ≥ 98 %.
TARGETS = {"mlp": (0.85, 0.96), "cnn": (0.92, 0.98)}


def test_style_set_covers_every_style_and_digit():
    images, labels, styles = load_style_set()
    assert images.dtype == np.uint8 and images.shape[1:] == (28, 28) and len(images) == len(labels) == len(styles)
    assert set(styles.tolist()) == {f"{d}:{s}" for d, s in STYLES}
    assert np.bincount(labels, minlength=10).min() > 0
    assert {"1:flag_base", "7:crossed", "9:open"} <= set(styles.tolist())


def test_training_styles_are_other_drawings_than_the_style_set():
    train, _ = synthetic_digits(2, seed=1)
    style_images = {img.tobytes() for img in load_style_set()[0]}
    assert not any(img.tobytes() in style_images for img in train)


@pytest.mark.parametrize("arch", ["mlp", "cnn"])
def test_bundled_models_meet_the_style_and_test_targets(arch):
    import torch

    from playground.core.mnist.data import MNIST_MEAN, MNIST_STD, load_bundled, to_tensors
    from playground.core.mnist.job import evaluate

    model = load_model(bundled_model_path(arch)).model
    images, labels, _ = load_style_set()
    x = torch.from_numpy(((images / 255.0 - MNIST_MEAN) / MNIST_STD).astype(np.float32)).view(-1, 1, 28, 28)
    style_acc = evaluate(model, x, torch.from_numpy(labels.astype(np.int64)))[1]
    data = to_tensors(load_bundled())
    test_acc = evaluate(model, data.test_x, data.test_y)[1]
    style_target, test_target = TARGETS[arch]
    assert style_acc >= style_target, f"{arch}: style set {style_acc:.1%} < {style_target:.0%}"
    assert test_acc >= test_target, f"{arch}: bundled test {test_acc:.1%} < {test_target:.0%}"
