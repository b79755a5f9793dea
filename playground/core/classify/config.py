"""The configuration of one Classification-lab experiment, its presets, and its session form."""

from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np

from playground.core.classify.data import CLASS_COLORS, DATASETS, DOMAIN, FEATURES, shortest_float
from playground.core.training.components import ACTIVATIONS
from playground.core.training.fields import (batch_size_field, device_field, device_problems, lr_field,
                                             momentum_field, optimizer_field)
from playground.core.config import choice, items, num
from playground.core.text import user_text

REGULARIZATIONS = ("none", "L1", "L2")
MAX_LAYERS = 6
MAX_NEURONS = 16

# Fields whose change can be applied to a running model without losing its weights.
LIVE_FIELDS = frozenset({"lr", "optimizer", "momentum", "batch_size", "regularization", "reg_rate", "max_steps"})


@dataclass(frozen=True)
class ClassifyConfig:
    # data
    dataset: str = choice("circle", lambda: DATASETS)
    n_classes: int = num(2, 2, 5, kind=int, stops=(2, 3, 4, 5))
    n_points: int = num(400, 10, 5000, kind=int, stops=(50, 100, 200, 300, 400, 500, 750, 1000, 1500, 2000))
    noise: float = num(0.1, 0.0, 1.0, stops=[round(0.05 * i, 2) for i in range(21)])
    test_fraction: float = num(0.3, 0.0, 0.9, stops=[round(0.1 * i, 1) for i in range(10)], advanced=True)
    seed: int = num(0, 0, 2**31 - 1, kind=int, advanced=True)
    # model
    features: tuple = items(("x1", "x2"), choice("x1", lambda: FEATURES), length=(1, len(FEATURES)))
    hidden: tuple = items((4, 2), num(4, 1, MAX_NEURONS, kind=int), length=(0, MAX_LAYERS))
    activation: str = choice("Tanh", ACTIVATIONS.names)
    # training
    optimizer: str = optimizer_field()
    lr: float = lr_field(0.03)
    momentum: float = momentum_field()
    batch_size: int = batch_size_field(16, (0, 1, 2, 4, 8, 10, 16, 32, 64, 128, 256))
    regularization: str = choice("none", lambda: REGULARIZATIONS, advanced=True)
    reg_rate: float = num(0.001, 0.0, 10.0, stops=(0.0, 1e-5, 1e-4, 3e-4, 1e-3, 3e-3, 0.01, 0.03, 0.1, 0.3, 1.0),
                          advanced=True)
    device: str = device_field()
    max_steps: int = num(0, 0, 10_000_000, kind=int)  # 0 = until paused

    def problems(self) -> list[tuple[str, str]]:
        found = []
        if len(set(self.features)) != len(self.features):
            found.append(("features", user_text("a feature is listed twice")))
        return found + device_problems(self.device)

    def live_changes(self, other: "ClassifyConfig") -> tuple[set[str], set[str]]:
        """Fields that differ from ``other``, split into (live, needs restart)."""
        changed = {name for name in self.__dataclass_fields__ if getattr(self, name) != getattr(other, name)}
        return changed & LIVE_FIELDS, changed - LIVE_FIELDS


def build_classifier(config: ClassifyConfig):
    """The network ``config`` describes (untrained): one output and a sigmoid for two classes,
    else one output per class. Imports torch."""
    from playground.core.training.models import build_mlp

    out = 1 if config.n_classes == 2 else config.n_classes
    return build_mlp(len(config.features), out, 0, 0, config.activation, widths=tuple(config.hidden))


def classify_weight_problems(config: ClassifyConfig, state: dict) -> list[str]:
    """core.persistence.session WEIGHT_CHECKS: do these weights fit the network ``config`` describes?"""
    from playground.core.persistence.weight_checks import model_fit_problems

    return model_fit_problems(build_classifier(config), state)


MAX_DRAWN_POINTS = 10_000


@dataclass(frozen=True)
class ClassifySessionConfig(ClassifyConfig):
    """What a session (and the remembered settings) keep of the lab: the config and, for the
    "draw" dataset, the user's points as ``drawn_points`` [[x1, x2], …] and ``drawn_classes``
    [class, …] (0-based; a class beyond ``n_classes`` is kept but not used, as in the lab)."""

    drawn_points: tuple = items((), items((0.0, 0.0), num(0.0, -DOMAIN, DOMAIN), length=(2, 2)),
                                length=(0, MAX_DRAWN_POINTS))
    drawn_classes: tuple = items((), num(0, 0, len(CLASS_COLORS) - 1, kind=int), length=(0, MAX_DRAWN_POINTS))

    def problems(self) -> list[tuple[str, str]]:
        found = super().problems()
        if len(self.drawn_points) != len(self.drawn_classes):
            found.append(("drawn_points", user_text("{points} points but {classes} entries in drawn_classes",
                                                    points=len(self.drawn_points), classes=len(self.drawn_classes))))
        return found


def session_config(config: ClassifyConfig, points: np.ndarray, labels: np.ndarray) -> ClassifySessionConfig:
    """``config`` with the drawn points attached, each coordinate written as the shortest decimal
    that reads back as the same float32 (compact files, identical points after a round trip)."""
    shortest = [[shortest_float(v) for v in row] for row in np.asarray(points, np.float32).reshape(-1, 2)]
    return ClassifySessionConfig(**{f.name: getattr(config, f.name) for f in fields(ClassifyConfig)},
                                 drawn_points=tuple(map(tuple, shortest)),
                                 drawn_classes=tuple(int(k) for k in labels))


def split_session_config(state: ClassifySessionConfig) -> tuple[ClassifyConfig, np.ndarray, np.ndarray]:
    """(config, points (n, 2) float32, labels (n,) int64) from a validated session config;
    mismatched lists (only possible from leniently read settings) give no points."""
    config = ClassifyConfig(**{f.name: getattr(state, f.name) for f in fields(ClassifyConfig)})
    if len(state.drawn_points) != len(state.drawn_classes):
        return config, np.zeros((0, 2), np.float32), np.zeros(0, np.int64)
    points = np.asarray(state.drawn_points, np.float32).reshape(-1, 2)
    return config, points, np.asarray(state.drawn_classes, np.int64).reshape(-1)


PRESETS: dict[str, ClassifyConfig] = {
    # Two features and no hidden layer cannot separate XOR; the product x1·x2 alone can.
    "xor_product": ClassifyConfig(dataset="xor", features=("x1", "x2", "x1x2"), hidden=(), lr=0.03, max_steps=1500),
    "xor_hidden": ClassifyConfig(dataset="xor", features=("x1", "x2"), hidden=(8,), activation="ReLU",
                                 lr=0.03, max_steps=2000),
    "circle_squares": ClassifyConfig(dataset="circle", features=("x1^2", "x2^2"), hidden=(), lr=0.03, max_steps=1500),
    # The spiral needs depth (or sin features): this one reaches > 90 % test accuracy in 3000 steps.
    "spiral_deep": ClassifyConfig(dataset="spiral", n_points=500, noise=0.0, features=("x1", "x2", "sin x1", "sin x2"),
                                  hidden=(16, 16, 16), activation="Tanh", lr=0.01, batch_size=32, max_steps=3000),
    "moons_softmax": ClassifyConfig(dataset="moons", n_classes=4, noise=0.2, hidden=(12, 12), activation="ReLU",
                                    lr=0.01, max_steps=3000),
}

