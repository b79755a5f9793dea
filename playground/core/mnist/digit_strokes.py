"""Digits drawn from scripted pen strokes, in styles MNIST rarely shows (numpy only).

Each digit has one or more stroke *templates* in a unit box (x right, y down):
flagged 1s with and without a base, crossed 7s, open-loop 9s, open 4s, … .
``jitter`` gives a template a hand: slant, rotation, width, wobble.
Two uses, kept apart:

* training augmentation (scripts/train_bundled_models.py): :func:`synthetic_digits`
  renders jittered templates with a numpy round pen of random thickness;
* the style test set (scripts/build_style_set.py): the same templates, other
  random hands, drawn through the canvas's own pen and preprocessing, never
  used for training.
"""

from __future__ import annotations

import numpy as np

from playground.core.mnist.preprocess import preprocess_drawing

Stroke = list[tuple[float, float]]


def arc(cx: float, cy: float, rx: float, ry: float, a0: float, a1: float, n: int = 14) -> Stroke:
    """Points on an ellipse from angle a0 to a1 (degrees; 0 = right, 90 = down, as on screen)."""
    t = np.radians(np.linspace(a0, a1, n))
    return list(zip((cx + rx * np.cos(t)).tolist(), (cy + ry * np.sin(t)).tolist()))


# digit -> {style name: strokes}. Style names appear in reports of the style set.
TEMPLATES: dict[int, dict[str, list[Stroke]]] = {
    0: {"oval": [arc(0.5, 0.5, 0.3, 0.45, -90, 275)],
        "narrow": [arc(0.5, 0.5, 0.2, 0.46, -100, 265)]},
    1: {"stick": [[(0.5, 0.05), (0.5, 0.95)]],
        "flag": [[(0.28, 0.28), (0.55, 0.05), (0.55, 0.95)]],
        "flag_base": [[(0.3, 0.25), (0.55, 0.05), (0.55, 0.95)], [(0.28, 0.95), (0.82, 0.95)]]},
    2: {"plain": [arc(0.5, 0.3, 0.3, 0.25, 200, 380) + [(0.2, 0.95), (0.85, 0.95)]],
        "loop": [arc(0.5, 0.3, 0.3, 0.25, 200, 380) + [(0.25, 0.85)] + arc(0.3, 0.88, 0.08, 0.07, 270, 0)
                 + [(0.85, 0.93)]]},
    3: {"round": [arc(0.5, 0.27, 0.28, 0.22, 200, 450), arc(0.5, 0.72, 0.3, 0.23, 270, 520)],
        "flat_top": [[(0.2, 0.05), (0.8, 0.05), (0.45, 0.45)], arc(0.5, 0.7, 0.3, 0.25, 250, 510)]},
    4: {"closed": [[(0.65, 0.95), (0.65, 0.05), (0.15, 0.65), (0.88, 0.65)]],
        "open": [[(0.25, 0.05), (0.2, 0.6), (0.88, 0.6)], [(0.65, 0.25), (0.65, 0.95)]]},
    5: {"plain": [[(0.8, 0.05), (0.3, 0.05), (0.27, 0.45)] + arc(0.5, 0.68, 0.3, 0.27, 225, 515)],
        "two_strokes": [[(0.3, 0.05), (0.25, 0.45)] + arc(0.5, 0.68, 0.3, 0.27, 225, 515),
                        [(0.3, 0.05), (0.85, 0.05)]]},
    6: {"plain": [[(0.72, 0.05), (0.45, 0.28), (0.27, 0.6)] + arc(0.5, 0.7, 0.25, 0.23, 180, 540)],
        "straight": [[(0.55, 0.05), (0.3, 0.65)] + arc(0.5, 0.72, 0.22, 0.22, 180, 540)]},
    7: {"plain": [[(0.15, 0.05), (0.85, 0.05), (0.4, 0.95)]],
        "crossed": [[(0.15, 0.05), (0.85, 0.05), (0.4, 0.95)], [(0.38, 0.5), (0.88, 0.5)]],
        "hooked": [[(0.15, 0.2), (0.15, 0.05), (0.85, 0.05), (0.45, 0.95)]]},
    8: {"loops": [arc(0.5, 0.27, 0.22, 0.22, 0, 360), arc(0.5, 0.72, 0.28, 0.24, 0, 360)],
        "one_stroke": [arc(0.5, 0.27, 0.22, 0.22, 90, -180) + arc(0.5, 0.72, 0.27, 0.23, 270, 630)[1:]]},
    9: {"closed": [arc(0.45, 0.3, 0.27, 0.25, 0, 360), [(0.72, 0.3), (0.68, 0.95)]],
        "open": [arc(0.45, 0.3, 0.27, 0.25, 330, 60), [(0.74, 0.12), (0.7, 0.95)]],
        "curved": [arc(0.45, 0.3, 0.27, 0.25, 0, 360), [(0.72, 0.3), (0.66, 0.8), (0.4, 0.95)]]},
}

STYLES = [(digit, style) for digit in sorted(TEMPLATES) for style in TEMPLATES[digit]]


def jitter(strokes: list[Stroke], rng: np.random.Generator, *, slant: float = 0.35, rotate: float = 10.0,
           wobble: float = 0.015) -> list[np.ndarray]:
    """The template in a random hand: slant (shear), rotation (degrees), width, point wobble."""
    shear = rng.uniform(-slant, slant)
    angle = np.radians(rng.uniform(-rotate, rotate))
    width = rng.uniform(0.75, 1.2)
    c, s = np.cos(angle), np.sin(angle)
    out = []
    for stroke in strokes:
        p = np.asarray(stroke, dtype=np.float64) - 0.5
        p[:, 0] *= width
        p[:, 0] -= shear * p[:, 1]   # positive shear leans the top to the right
        p = p @ np.array([[c, s], [-s, c]])
        p += rng.normal(0.0, wobble, p.shape)
        out.append(p + 0.5)
    return out


def render(strokes: list[np.ndarray], size: int, pen: float) -> np.ndarray:
    """Strokes in a unit box → (size, size) float image in [0, 1]: a round pen of ``pen`` pixels, anti-aliased.

    The box is fitted into the image with a margin, keeping the aspect ratio.
    """
    pts = np.concatenate(strokes)
    lo, hi = pts.min(0), pts.max(0)
    scale = (size - 2 * pen - 2) / max(float((hi - lo).max()), 1e-6)
    offset = size / 2 - (lo + hi) / 2 * scale
    a_list, b_list = [], []
    for stroke in strokes:
        p = np.asarray(stroke) * scale + offset
        if len(p) == 1:
            p = np.vstack([p, p + 1e-3])
        a_list.append(p[:-1])
        b_list.append(p[1:])
    a, b = np.concatenate(a_list), np.concatenate(b_list)          # (S, 2) segment ends, (x, y)
    grid = np.stack(np.meshgrid(np.arange(size) + 0.5, np.arange(size) + 0.5), -1).reshape(-1, 1, 2)
    ab = b - a
    t = np.clip(((grid - a) * ab).sum(-1) / np.maximum((ab * ab).sum(-1), 1e-9), 0.0, 1.0)
    d = np.linalg.norm(grid - (a + t[..., None] * ab), axis=-1).min(1)
    return np.clip(pen / 2 - d + 0.5, 0.0, 1.0).reshape(size, size).astype(np.float32)


def synthetic_digits(per_style: int, seed: int, *, size: int = 64) -> tuple[np.ndarray, np.ndarray]:
    """``per_style`` jittered drawings of every style, preprocessed like the canvas: uint8 (N, 28, 28), labels."""
    rng = np.random.default_rng(seed)
    images, labels = [], []
    for digit, style in STYLES:
        for _ in range(per_style):
            strokes = jitter(TEMPLATES[digit][style], rng)
            pen = size * rng.uniform(0.05, 0.2)  # thin to very thick, relative to the digit's height
            image = preprocess_drawing(render(strokes, size, pen))
            images.append(np.round(image * 255).astype(np.uint8))
            labels.append(digit)
    return np.stack(images), np.asarray(labels, dtype=np.uint8)


STYLE_SET_FILE = "mnist/style_set.npz"


def load_style_set(path=None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The style test set built by scripts/build_style_set.py: uint8 images, labels, style names."""
    from playground.core.paths import resources_dir

    with np.load(path or resources_dir() / STYLE_SET_FILE, allow_pickle=False) as npz:
        return npz["images"], npz["labels"], npz["styles"]
