"""Canvas → MNIST-like 28×28 preprocessing."""

from __future__ import annotations


import numpy as np
import pytest

from playground.core.mnist.preprocess import area_resize, normalize, preprocess_drawing
from playground.core.mnist.data import MNIST_MEAN, MNIST_STD, load_bundled


def centre_of_mass(img):
    mass = img.sum()
    return (img.sum(axis=1) @ np.arange(img.shape[0]) / mass,
            img.sum(axis=0) @ np.arange(img.shape[1]) / mass)


def bbox(img, thr=0.0):
    rows = np.flatnonzero((img > thr).any(axis=1))
    cols = np.flatnonzero((img > thr).any(axis=0))
    return rows[0], rows[-1] + 1, cols[0], cols[-1] + 1


def draw_ring_seven(size=280, top=10, left=200, scale=1.0, value=255, dtype=np.uint8):
    """A small "7" drawn with a thick pen, by default in the top-right corner."""
    canvas = np.zeros((size, size), dtype=dtype)
    h, w, pen = int(60 * scale), int(40 * scale), max(2, int(9 * scale))
    canvas[top:top + pen, left:left + w] = value                       # top bar
    for y in range(top, top + h):                                      # diagonal stroke
        x = left + w - pen - int((y - top) * (w - pen) / h * 0.8)
        canvas[y, x:x + pen] = value
    return canvas


def test_off_centre_corner_digit_is_centred_and_scaled():
    canvas = draw_ring_seven()
    r0, r1, c0, c1 = bbox(canvas)
    assert (r1 - r0) > (c1 - c0)  # taller than wide, in a corner
    assert c0 > 180 and r0 < 20
    out = preprocess_drawing(canvas)
    assert out.shape == (28, 28) and out.dtype == np.float32
    assert out.min() >= 0.0 and out.max() == pytest.approx(1.0)
    cy, cx = centre_of_mass(out)
    assert abs(cy - 14) <= 1.0 and abs(cx - 14) <= 1.0
    r0, r1, c0, c1 = bbox(out)
    assert abs((r1 - r0) - 20) <= 1
    assert (c1 - c0) < 20


def test_wide_shape_scales_width_to_20():
    canvas = np.zeros((280, 280), dtype=np.float32)
    canvas[200:230, 20:260] = 1.0  # a thick horizontal dash near the bottom
    out = preprocess_drawing(canvas)
    r0, r1, c0, c1 = bbox(out)
    assert c1 - c0 == 20
    assert r1 - r0 <= 4
    cy, cx = centre_of_mass(out)
    assert abs(cy - 14) <= 1 and abs(cx - 14) <= 1


def test_lopsided_digit_stays_inside_the_box():
    # Heavy bar on the left, thin long tail: the mass centre is far left, so a
    # pure centre-of-mass shift would push the tail out of the 28×28 field.
    canvas = np.zeros((280, 280), dtype=np.float32)
    canvas[40:240, 40:120] = 1.0
    canvas[230:240, 120:240] = 1.0
    out = preprocess_drawing(canvas)
    r0, r1, c0, c1 = bbox(out)
    assert c1 - c0 == 20 and r1 - r0 <= 20
    assert 0 <= c0 and c1 <= 28
    assert out[:, c1 - 1].max() > 0.5  # the tail's end survived


def test_empty_and_faint_canvas_give_none():
    assert preprocess_drawing(np.zeros((280, 280), dtype=np.uint8)) is None
    assert preprocess_drawing(np.zeros((280, 280), dtype=np.float32)) is None
    faint = np.full((280, 280), 0.05, dtype=np.float32)  # below the ink threshold
    assert preprocess_drawing(faint) is None


def test_uint8_and_float_inputs_agree():
    canvas = draw_ring_seven(top=100, left=30)
    a = preprocess_drawing(canvas)
    b = preprocess_drawing(canvas.astype(np.float32) / 255.0)
    c = preprocess_drawing(canvas.astype(np.float64))  # 0..255 stored as float
    np.testing.assert_allclose(a, b, atol=1e-6)
    np.testing.assert_allclose(a, c, atol=1e-6)


def test_tiny_drawing_is_enlarged():
    canvas = np.zeros((280, 280), dtype=np.uint8)
    canvas[140:150, 140:144] = 255  # 10×4 px
    out = preprocess_drawing(canvas)
    r0, r1, c0, c1 = bbox(out)
    assert r1 - r0 == 20 and c1 - c0 == 8


def test_real_mnist_digits_survive_upscale_and_preprocess():
    ds = load_bundled()
    for k in range(0, 1000, 50):
        digit = ds.test_images[k].astype(np.float32) / 255.0
        big = np.kron(digit, np.ones((10, 10), dtype=np.float32))  # as a 280×280 canvas
        out = preprocess_drawing(big)
        corr = np.corrcoef(out.ravel(), digit.ravel())[0, 1]
        assert corr > 0.98, (k, corr)


def test_rejects_non_image_input():
    with pytest.raises(ValueError):
        preprocess_drawing(np.zeros(100))


def test_rgb_input_accepted():
    canvas = draw_ring_seven()
    rgb = np.repeat(canvas[:, :, None], 3, axis=2)
    np.testing.assert_allclose(preprocess_drawing(rgb), preprocess_drawing(canvas), atol=1e-6)


def test_area_resize_preserves_mean_and_constant():
    rng = np.random.default_rng(0)
    img = rng.random((280, 140)).astype(np.float32)
    small = area_resize(img, 20, 10)
    assert small.shape == (20, 10)
    assert small.mean() == pytest.approx(img.mean(), rel=1e-4)
    np.testing.assert_allclose(area_resize(np.ones((203, 97), np.float32), 20, 9), 1.0, atol=1e-5)
    # 2×2 blocks average exactly.
    block = np.arange(16, dtype=np.float32).reshape(4, 4)
    np.testing.assert_allclose(area_resize(block, 2, 2), [[2.5, 4.5], [10.5, 12.5]], atol=1e-5)


def test_normalize_matches_training_transform():
    img = np.array([[0.0, 1.0], [0.5, 0.25]], dtype=np.float32)
    out = normalize(img, MNIST_MEAN, MNIST_STD)
    assert out.dtype == np.float32
    np.testing.assert_allclose(out, (img - 0.1307) / 0.3081, rtol=1e-6)
    np.testing.assert_allclose(normalize(img, 0.5, 0.25), (img - 0.5) / 0.25, rtol=1e-6)
