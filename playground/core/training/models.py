"""Building networks from a small, serialisable architecture description."""

from __future__ import annotations

from playground.core.training.components import ACTIVATIONS


def build_mlp(in_features: int, out_features: int, width: int, depth: int, activation: str,
              widths: tuple[int, ...] | None = None):
    """``depth`` hidden layers of ``width`` units, each followed by ``activation``; a linear output.
    ``widths`` (one entry per hidden layer, possibly none) overrides ``width`` and ``depth``."""
    import torch.nn as nn

    layers: list[nn.Module] = []
    size = in_features
    for layer_width in (widths if widths is not None else [width] * depth):
        layers += [nn.Linear(size, layer_width), ACTIVATIONS.create(activation)]
        size = layer_width
    layers.append(nn.Linear(size, out_features))
    return nn.Sequential(*layers)


def linear_layers(model) -> list:
    import torch.nn as nn

    return [m for m in model.modules() if isinstance(m, nn.Linear)]
