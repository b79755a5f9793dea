"""2-D classification datasets for the Classification lab (numpy only, seeded).

Every generator returns ``(points, labels)``: float32 points of shape (n, 2)
inside the square [-DOMAIN, DOMAIN]² and int64 labels 0 … n_classes-1, with
the points shared out between the classes as evenly as possible.
``noise`` is a fraction from 0 (clean) to 1 (very noisy).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

HEATMAP_SIZE = 100  # decision regions: HEATMAP_SIZE² grid points, evaluated for every report
# Class colours (RGB), used by the worker's heatmaps and the GUI's points.
CLASS_COLORS = ((245, 147, 34), (8, 119, 189), (60, 180, 75), (170, 90, 220), (230, 70, 110))
DOMAIN = 6.0  # the plane shown and sampled: [-6, 6]² (as in TensorFlow Playground)
DRAW = "draw"
DATASETS = ("circle", "xor", "gaussians", "spiral", "moons", DRAW)
POINT_COLUMNS = ("x1", "x2", "class", "split")  # a dataset as a table (ClassifyData.table)

# Input features the network can be given; squares and the product are scaled
# by 1/DOMAIN so that every feature stays within about ±6.
FEATURES = ("x1", "x2", "x1^2", "x2^2", "x1x2", "sin x1", "sin x2")


def class_sizes(n: int, n_classes: int) -> list[int]:
    base, extra = divmod(n, n_classes)
    return [base + (1 if k < extra else 0) for k in range(n_classes)]


def _circle(rng, sizes, noise):
    k_count = len(sizes)
    radius = DOMAIN - 1.0
    points, labels = [], []
    for k, size in enumerate(sizes):
        # class k fills the ring between k/K and (k+1)/K of the radius (leaving a small gap)
        lo, hi = radius * k / k_count, radius * (k + 1) / k_count
        r = rng.uniform(lo + 0.1 * (hi - lo) * (k > 0), hi - 0.1 * (hi - lo), size)
        angle = rng.uniform(0, 2 * np.pi, size)
        xy = np.stack([r * np.cos(angle), r * np.sin(angle)], axis=1)
        xy += rng.normal(0, noise * radius / k_count * 0.5, xy.shape)
        points.append(xy)
        labels.append(np.full(size, k))
    return points, labels


def _xor(rng, sizes, noise):
    # A checkerboard of K×K cells coloured (i + j) mod K; for two classes it is XOR.
    k_count = len(sizes)
    cell = 2 * (DOMAIN - 1.0) / k_count
    points, labels = [], []
    for k, size in enumerate(sizes):
        cells = [(i, j) for i in range(k_count) for j in range(k_count) if (i + j) % k_count == k]
        chosen = rng.integers(0, len(cells), size)
        ij = np.asarray(cells, dtype=np.float64)[chosen]
        pad = 0.05 * cell
        offset = rng.uniform(pad, cell - pad, (size, 2))
        xy = -(DOMAIN - 1.0) + ij * cell + offset
        xy += rng.normal(0, noise * cell * 0.3, xy.shape)
        points.append(xy)
        labels.append(np.full(size, k))
    return points, labels


def _gaussians(rng, sizes, noise):
    k_count = len(sizes)
    angles = np.pi / 4 + 2 * np.pi * np.arange(k_count) / k_count
    centres = 2.5 * np.stack([np.cos(angles), np.sin(angles)], axis=1) * (np.sqrt(2) if k_count == 2 else 1.0)
    sd = 0.5 + 1.5 * noise
    points = [centres[k] + rng.normal(0, sd, (size, 2)) for k, size in enumerate(sizes)]
    return points, [np.full(size, k) for k, size in enumerate(sizes)]


def _spiral(rng, sizes, noise):
    k_count = len(sizes)
    points, labels = [], []
    for k, size in enumerate(sizes):
        s = rng.uniform(0, 1, size)
        r = 5.0 * s
        t = 1.75 * 2 * np.pi * s + 2 * np.pi * k / k_count
        xy = np.stack([r * np.sin(t), r * np.cos(t)], axis=1)
        xy += rng.normal(0, noise * 0.8, xy.shape)
        points.append(xy)
        labels.append(np.full(size, k))
    return points, labels


def _moons(rng, sizes, noise):
    # Interleaved half circles (scikit-learn's two moons, continued for more classes).
    points, labels = [], []
    for k, size in enumerate(sizes):
        t = rng.uniform(0, np.pi, size)
        if k % 2 == 0:
            xy = np.stack([np.cos(t) + k, np.sin(t)], axis=1)
        else:
            xy = np.stack([k - np.cos(t), 0.5 - np.sin(t)], axis=1)
        points.append(xy)
        labels.append(np.full(size, k))
    k_count = len(sizes)
    centre = np.array([(k_count - 1) / 2, 0.25])
    scale = 2 * (DOMAIN - 1.0) / (k_count + 1)
    points = [(xy - centre) * scale + rng.normal(0, noise * 0.6, xy.shape) for xy in points]
    return points, labels


GENERATORS: dict[str, Callable] = {"circle": _circle, "xor": _xor, "gaussians": _gaussians,
                                   "spiral": _spiral, "moons": _moons}


def make_points(dataset: str, n_points: int, n_classes: int, noise: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """``n_points`` points of ``n_classes`` classes, shuffled; the same arguments give the same points."""
    if dataset not in GENERATORS:
        raise ValueError(f"unknown dataset {dataset!r}; known: {', '.join(GENERATORS)}")
    if not 2 <= n_classes <= 5:
        raise ValueError("the number of classes must be 2 to 5")
    rng = np.random.default_rng(seed)
    points, labels = GENERATORS[dataset](rng, class_sizes(n_points, n_classes), float(noise))
    xy = np.concatenate(points).astype(np.float32).reshape(-1, 2)
    y = np.concatenate(labels).astype(np.int64)
    np.clip(xy, -DOMAIN, DOMAIN, out=xy)
    order = rng.permutation(len(y))
    return xy[order], y[order]


def held_out_mask(n: int, test_fraction: float, seed: int) -> np.ndarray:
    """Which of ``n`` points are held out. Point i's fate depends only on (i, seed, fraction)
    (a generator's first draws do not depend on how many are asked for), so adding a
    drawn point never moves the others between train and test."""
    return np.random.default_rng(seed + 1).uniform(0, 1, n) < test_fraction


@dataclass(frozen=True)
class ClassifyData:
    """Train and test points; never changed after creation (the GUI thread reads it)."""

    x_train: np.ndarray  # (n, 2) float32
    y_train: np.ndarray  # (n,) int64
    x_test: np.ndarray
    y_test: np.ndarray
    n_classes: int

    def all_points(self) -> tuple[np.ndarray, np.ndarray]:
        return np.concatenate([self.x_train, self.x_test]), np.concatenate([self.y_train, self.y_test])

    def table(self) -> tuple[tuple[str, ...], list[tuple]]:
        """Header and rows for a CSV export: x1, x2, class (0-based), split ("train" or "test")."""
        splits = ((self.x_train, self.y_train, "train"), (self.x_test, self.y_test, "test"))
        rows = [(shortest_float(x1), shortest_float(x2), int(k), name)
                for points, labels, name in splits for (x1, x2), k in zip(points, labels)]
        return POINT_COLUMNS, rows


def shortest_float(value) -> float:
    """A float32 coordinate as the shortest decimal that reads back as the same float32
    (1.23, not 1.2300000190734863)."""
    return float(np.format_float_positional(np.float32(value), unique=True))


def split(points: np.ndarray, labels: np.ndarray, n_classes: int, test_fraction: float, seed: int) -> ClassifyData:
    points = np.asarray(points, dtype=np.float32).reshape(-1, 2)
    labels = np.asarray(labels, dtype=np.int64).reshape(-1)
    keep = (labels >= 0) & (labels < n_classes)
    points, labels = points[keep], labels[keep]
    mask = held_out_mask(len(labels), test_fraction, seed)
    if mask.all() and mask.size:  # never hold out every point
        mask[0] = False
    return ClassifyData(points[~mask], labels[~mask], points[mask], labels[mask], n_classes)


def make_data(config) -> ClassifyData:
    """The dataset a ClassifyConfig asks for (not for "draw": its points come from the user)."""
    points, labels = make_points(config.dataset, config.n_points, config.n_classes, config.noise, config.seed)
    return split(points, labels, config.n_classes, config.test_fraction, config.seed)


def feature_matrix(points: np.ndarray, features) -> np.ndarray:
    """(n, len(features)) float32 inputs for the network from (n, 2) points."""
    x1, x2 = points[:, 0].astype(np.float32), points[:, 1].astype(np.float32)
    columns = {"x1": lambda: x1, "x2": lambda: x2, "x1^2": lambda: x1 * x1 / DOMAIN,
               "x2^2": lambda: x2 * x2 / DOMAIN, "x1x2": lambda: x1 * x2 / DOMAIN,
               "sin x1": lambda: np.sin(x1), "sin x2": lambda: np.sin(x2)}
    return np.stack([columns[name]() for name in features], axis=1).astype(np.float32)


def grid_points(size: int) -> np.ndarray:
    """(size², 2) points at the centres of a size × size grid over the plane, row by row from the bottom."""
    step = 2 * DOMAIN / size
    axis = -DOMAIN + step * (np.arange(size) + 0.5)
    gx, gy = np.meshgrid(axis, axis)  # row index = y
    return np.stack([gx.ravel(), gy.ravel()], axis=1).astype(np.float32)
