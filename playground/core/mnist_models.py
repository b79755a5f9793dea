"""The MNIST lab's networks, built from a small serialisable architecture spec.

``{"arch": "mlp", "hidden_width": 128, "depth": 1, "activation": "ReLU"}`` is the
notes' 784-128-10 MLP; ``{"arch": "cnn", "activation": "ReLU"}`` the notes' CNN:
Conv(1,16,3,pad 1)-act-MaxPool2, Conv(16,32,3,pad 1)-act-MaxPool2, Linear(32·7·7, 10).
"""

from __future__ import annotations

from typing import Any

from .components import ACTIVATIONS
from .models import build_mlp

MAX_WIDTH = 1024
MAX_DEPTH = 4


class SpecError(ValueError):
    pass


def check_spec(spec: Any) -> dict:
    """A clean copy of ``spec``, or SpecError saying what is wrong."""
    if not isinstance(spec, dict):
        raise SpecError(f"the architecture description is a {type(spec).__name__}, not a mapping")
    arch = spec.get("arch")
    activation = spec.get("activation", "ReLU")
    if activation not in ACTIVATIONS.names():
        raise SpecError(f"unknown activation {activation!r}")
    if arch == "cnn":
        return {"arch": "cnn", "activation": activation}
    if arch == "mlp":
        width, depth = spec.get("hidden_width"), spec.get("depth")
        for name, value, hi in (("hidden_width", width, MAX_WIDTH), ("depth", depth, MAX_DEPTH)):
            if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= hi:
                raise SpecError(f"{name} must be a whole number from 1 to {hi}, got {value!r}")
        return {"arch": "mlp", "hidden_width": width, "depth": depth, "activation": activation}
    raise SpecError(f"unknown architecture {arch!r}; expected 'mlp' or 'cnn'")


def build_model(spec: dict):
    import torch.nn as nn

    spec = check_spec(spec)
    if spec["arch"] == "cnn":
        act = spec["activation"]
        return nn.Sequential(
            nn.Conv2d(1, 16, 3, padding=1), ACTIVATIONS.create(act), nn.MaxPool2d(2),
            nn.Conv2d(16, 32, 3, padding=1), ACTIVATIONS.create(act), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(32 * 7 * 7, 10),
        )
    mlp = build_mlp(28 * 28, 10, spec["hidden_width"], spec["depth"], spec["activation"])
    return nn.Sequential(nn.Flatten(), *mlp)


def describe(spec: dict) -> str:
    """'MLP 784-128-10 ReLU' / 'CNN 16-32 conv ReLU'."""
    spec = check_spec(spec)
    if spec["arch"] == "cnn":
        return f"CNN conv16-conv32-10 {spec['activation']}"
    hidden = "-".join([str(spec["hidden_width"])] * spec["depth"])
    return f"MLP 784-{hidden}-10 {spec['activation']}"


def predict_proba(model, x):
    """Softmax probabilities for a batch (N, 1, 28, 28) as a numpy array; no grad."""
    import torch

    with torch.inference_mode():
        return torch.softmax(model(x), dim=1).cpu().numpy()
