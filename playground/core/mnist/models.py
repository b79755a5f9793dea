"""The MNIST lab's networks, built from a small serialisable architecture spec.

``{"arch": "mlp", "hidden_width": 128, "depth": 1, "activation": "ReLU"}`` is the
notes' 784-128-10 MLP; ``{"arch": "cnn", "activation": "ReLU"}`` the notes' CNN:
Conv(1,16,3,pad 1)-act-MaxPool2, Conv(16,32,3,pad 1)-act-MaxPool2, Linear(32·7·7, 10).
"""

from __future__ import annotations

from typing import Any

from playground.core.training.components import ACTIVATIONS
from playground.core.training.models import build_mlp
from playground.core.text import exception_text, user_text

MAX_WIDTH = 1024
MAX_DEPTH = 4


class SpecError(ValueError):
    pass


def check_spec(spec: Any) -> dict:
    """A clean copy of ``spec``, or SpecError saying what is wrong."""
    if not isinstance(spec, dict):
        raise SpecError(user_text("the architecture description is a {kind}, not a mapping", kind=type(spec).__name__))
    arch = spec.get("arch")
    activation = spec.get("activation", "ReLU")
    if activation not in ACTIVATIONS.names():
        raise SpecError(user_text("unknown activation {name}", name=repr(activation)))
    if arch == "cnn":
        return {"arch": "cnn", "activation": activation}
    if arch == "mlp":
        width, depth = spec.get("hidden_width"), spec.get("depth")
        for name, value, hi in (("hidden_width", width, MAX_WIDTH), ("depth", depth, MAX_DEPTH)):
            if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= hi:
                raise SpecError(user_text("{name} must be a whole number from 1 to {hi}, got {value}",
                                          name=name, hi=hi, value=repr(value)))
        return {"arch": "mlp", "hidden_width": width, "depth": depth, "activation": activation}
    raise SpecError(user_text("unknown architecture {name}; expected 'mlp' or 'cnn'", name=repr(arch)))


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


def summary(spec: dict) -> dict:
    """The parts of a model's name, for the UI to compose (and translate):
    {"arch": "mlp", "layers": "784-128-10", "activation": "ReLU"}."""
    spec = check_spec(spec)
    if spec["arch"] == "cnn":
        layers = "conv16-conv32-10"
    else:
        layers = "-".join(["784"] + [str(spec["hidden_width"])] * spec["depth"] + ["10"])
    return {"arch": spec["arch"], "layers": layers, "activation": spec["activation"]}


def describe(spec: dict) -> str:
    """'MLP 784-128-10 ReLU' / 'CNN conv16-conv32-10 ReLU' (plain English, for logs and files)."""
    parts = summary(spec)
    return f"{parts['arch'].upper()} {parts['layers']} {parts['activation']}"


# -- recognising saved weights (sessions store a bare state_dict) ----------------------------
CNN_SHAPES = {"0.weight": (16, 1, 3, 3), "0.bias": (16,), "3.weight": (32, 16, 3, 3), "3.bias": (32,),
              "7.weight": (10, 32 * 7 * 7), "7.bias": (10,)}


def _neither(why) -> SpecError:
    return SpecError(user_text("the weights fit neither MNIST network (the MLP 784-…-10 with 1 to {depth} hidden "
                               "layers of equal width, or the CNN conv16-conv32-10): {why}", depth=MAX_DEPTH, why=why))


def infer_spec(state: dict, activation: str = "ReLU") -> dict:
    """The architecture a state_dict belongs to (activations have no weights: given), or SpecError."""
    shapes = {name: tuple(getattr(t, "shape", ())) for name, t in state.items()}
    if set(shapes) == set(CNN_SHAPES):
        wrong = [n for n, s in CNN_SHAPES.items() if shapes[n] != s]
        if wrong:
            raise _neither(user_text("{name} has shape {shape}, the CNN needs {needed}", name=wrong[0],
                                     shape=list(shapes[wrong[0]]), needed=list(CNN_SHAPES[wrong[0]])))
        return check_spec({"arch": "cnn", "activation": activation})
    return check_spec(_mlp_spec(shapes, activation))


def _mlp_spec(shapes: dict, activation: str) -> dict:
    """The MLP's Linear layers sit at indices 1, 3, 5, … of its Sequential (Flatten first)."""
    layers = len(shapes) // 2
    expected = {f"{2 * i + 1}.{part}" for i in range(layers) for part in ("weight", "bias")}
    if not 2 <= layers <= MAX_DEPTH + 1 or set(shapes) != expected:
        names = ", ".join(sorted(shapes)[:8]) + (", …" if len(shapes) > 8 else "")
        raise _neither(user_text("unexpected tensors ({names})", names=names))
    first = shapes["1.weight"]
    width = first[0] if len(first) == 2 else 0
    fan_in = 28 * 28
    for i in range(layers):
        fan_out = 10 if i == layers - 1 else width
        w, b = shapes[f"{2 * i + 1}.weight"], shapes[f"{2 * i + 1}.bias"]
        if w != (fan_out, fan_in) or b != (fan_out,):
            raise _neither(user_text("layer {n} has shape {shape}, expected {needed}", n=i + 1, shape=list(w),
                                     needed=[fan_out, fan_in]))
        fan_in = fan_out
    if not 1 <= width <= MAX_WIDTH:
        raise SpecError(user_text("the MLP's hidden width {width} is outside 1…{hi}", width=width, hi=MAX_WIDTH))
    return {"arch": "mlp", "hidden_width": width, "depth": layers - 1, "activation": activation}


def session_weight_problems(config, state: dict) -> list[str]:
    """core.persistence.session WEIGHT_CHECKS: the weights must be the network the MNIST config describes."""
    try:
        spec = infer_spec(state, config.activation)
    except SpecError as exc:
        return [exception_text(exc)]  # the Text, still translatable
    wanted = config.arch_spec()
    if spec != wanted:
        return [user_text("the weights are for {model} but the configuration describes {config}",
                          model=describe(spec), config=describe(wanted))]
    return []


def predict_proba(model, x):
    """Softmax probabilities for a batch (N, 1, 28, 28) as a numpy array; no grad."""
    import torch

    with torch.inference_mode():
        return torch.softmax(model(x), dim=1).cpu().numpy()
