"""The configuration of one Classification-lab experiment, and its presets."""

from __future__ import annotations

from dataclasses import dataclass, replace

from .classify_data import DATASETS, FEATURES
from .components import ACTIVATIONS, OPTIMIZERS
from .config import choice, items, num, text

REGULARIZATIONS = ("none", "L1", "L2")
MAX_LAYERS = 6
MAX_NEURONS = 16

# Fields whose change can be applied to a running model without losing its weights.
LIVE_FIELDS = frozenset({"lr", "optimizer", "momentum", "batch_size", "regularization", "reg_rate", "max_steps"})


@dataclass(frozen=True)
class ClassifyConfig:
    # data
    dataset: str = choice("circle", lambda: DATASETS)
    n_classes: int = num(2, 2, 5, kind=int)
    n_points: int = num(400, 10, 5000, kind=int)
    noise: float = num(0.1, 0.0, 1.0)
    test_fraction: float = num(0.3, 0.0, 0.9)
    seed: int = num(0, 0, 2**31 - 1, kind=int)
    # model
    features: tuple = items(("x1", "x2"), choice("x1", lambda: FEATURES), length=(1, len(FEATURES)))
    hidden: tuple = items((4, 2), num(4, 1, MAX_NEURONS, kind=int), length=(0, MAX_LAYERS))
    activation: str = choice("Tanh", ACTIVATIONS.names)
    # training
    optimizer: str = choice("Adam", OPTIMIZERS.names)
    lr: float = num(0.03, 1e-6, 10.0)
    momentum: float = num(0.9, 0.0, 0.999)
    batch_size: int = num(16, 0, 5000, kind=int)  # 0 = full batch
    regularization: str = choice("none", lambda: REGULARIZATIONS)
    reg_rate: float = num(0.001, 0.0, 10.0)
    device: str = text("cpu", 40)
    max_steps: int = num(0, 0, 10_000_000, kind=int)  # 0 = until paused

    def problems(self) -> list[tuple[str, str]]:
        found = []
        if len(set(self.features)) != len(self.features):
            found.append(("features", "a feature is listed twice"))
        if not (self.device == "cpu" or self.device.startswith("cuda")):
            found.append(("device", f"unknown device {self.device!r}"))
        return found

    def live_changes(self, other: "ClassifyConfig") -> tuple[set[str], set[str]]:
        """Fields that differ from ``other``, split into (live, needs restart)."""
        changed = {name for name in self.__dataclass_fields__ if getattr(self, name) != getattr(other, name)}
        return changed & LIVE_FIELDS, changed - LIVE_FIELDS


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


def with_changes(config: ClassifyConfig, **changes) -> ClassifyConfig:
    return replace(config, **changes)
