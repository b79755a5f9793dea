"""Turn a drawn canvas into an MNIST-like 28×28 image (numpy only).

The MNIST recipe: crop to the ink's bounding box, scale so the longest side is
20 px with anti-aliasing (area averaging), paste into a 28×28 field and move
the digit so its centre of mass lies at pixel (14, 14) — where it lies in
MNIST itself (mean 13.99 / 14.00 over the bundled subset, in row/column index
coordinates). Then normalise exactly as in training.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from playground.core.mnist.data import MNIST_MEAN, MNIST_STD

OUT_SIZE = 28
BODY_SIZE = 20
CENTRE = 14.0
INK_THRESHOLD = 0.1


@lru_cache(maxsize=256)
def _area_weights(n_in: int, n_out: int) -> np.ndarray:
    """(n_out, n_in) matrix: output pixel i is the average of the input span it covers."""
    scale = n_in / n_out
    edges = np.arange(n_out + 1, dtype=np.float64) * scale  # output edges in input coords
    lo, hi = edges[:-1, None], edges[1:, None]
    j = np.arange(n_in, dtype=np.float64)[None, :]
    overlap = np.clip(np.minimum(hi, j + 1.0) - np.maximum(lo, j), 0.0, None)
    weights = overlap / overlap.sum(axis=1, keepdims=True)
    weights = weights.astype(np.float32)
    weights.setflags(write=False)
    return weights


def area_resize(image: np.ndarray, height: int, width: int) -> np.ndarray:
    """Box-filter (area-averaging) resize of a 2-D float image to ``height`` × ``width``."""
    rows = _area_weights(image.shape[0], height)
    cols = _area_weights(image.shape[1], width)
    return rows @ image @ cols.T


def _as_2d(gray: np.ndarray) -> tuple[np.ndarray, float]:
    """The image as a 2-D array and the factor that maps its values to [0, 1]."""
    image = np.asarray(gray)
    if image.ndim == 3 and image.shape[2] in (1, 3, 4):
        image = image[..., :3].mean(axis=2) if image.shape[2] >= 3 else image[..., 0]
    if image.ndim != 2:
        raise ValueError(f"expected a 2-D grey image, got shape {np.shape(gray)}")
    if image.dtype == np.uint8:
        return image, 1.0 / 255.0
    if image.dtype == np.bool_:
        return image.view(np.uint8), 1.0
    if image.size and float(image.max()) > 2.0:  # 0..255 stored as float/int
        return image, 1.0 / 255.0
    return image, 1.0


def preprocess_drawing(gray: np.ndarray, threshold: float = INK_THRESHOLD) -> np.ndarray | None:
    """A canvas (H×W, white ink on black; uint8 0–255 or float 0–1) → 28×28 float32 in [0, 1].

    Returns ``None`` when no pixel exceeds ``threshold`` (an empty canvas has
    no prediction). The result's brightest pixel is 1.0, as in MNIST.
    """
    image, unit = _as_2d(gray)
    # Threshold and crop in the input's own dtype; only the crop is converted.
    limit = threshold / unit
    if image.dtype.kind in "ui":  # compare integers with an integer (x > 25.5 ⇔ x > 25)
        limit = int(np.floor(limit))
    ink = image > limit
    rows = np.flatnonzero(ink.any(axis=1))
    if rows.size == 0:
        return None
    cols = np.flatnonzero(ink.any(axis=0))
    r0, r1, c0, c1 = rows[0], rows[-1] + 1, cols[0], cols[-1] + 1
    # Faint pixels below the threshold inside the box are kept (anti-aliasing).
    crop = image[r0:r1, c0:c1].astype(np.float32)
    if unit != 1.0:
        crop *= np.float32(unit)
    np.clip(crop, 0.0, 1.0, out=crop)

    h, w = crop.shape
    scale = BODY_SIZE / max(h, w)
    nh = max(1, min(BODY_SIZE, int(round(h * scale))))
    nw = max(1, min(BODY_SIZE, int(round(w * scale))))
    body = area_resize(crop, nh, nw)
    peak = float(body.max())
    if peak <= 0.0:
        return None
    body *= np.float32(1.0 / peak)

    # Centre of mass of the body in its own (row, column) index coordinates.
    mass = float(body.sum())
    cy = float(body.sum(axis=1) @ np.arange(nh, dtype=np.float32)) / mass
    cx = float(body.sum(axis=0) @ np.arange(nw, dtype=np.float32)) / mass
    # Integer placement putting the centre of mass at (14, 14), clamped so the
    # whole body stays inside the 28×28 field.
    top = min(max(int(round(CENTRE - cy)), 0), OUT_SIZE - nh)
    left = min(max(int(round(CENTRE - cx)), 0), OUT_SIZE - nw)

    out = np.zeros((OUT_SIZE, OUT_SIZE), dtype=np.float32)
    out[top:top + nh, left:left + nw] = body
    np.clip(out, 0.0, 1.0, out=out)
    return out


def normalize(img28: np.ndarray, mean: float = MNIST_MEAN, std: float = MNIST_STD) -> np.ndarray:
    """``(img - mean) / std`` as float32, the same transform as in training."""
    return ((np.asarray(img28, dtype=np.float32) - np.float32(mean)) / np.float32(std)).astype(
        np.float32, copy=False
    )
