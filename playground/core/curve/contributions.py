"""What each hidden unit adds to a network's output (the notes: "a curve is a sum of line pieces").

For a network built by ``models.build_mlp`` (hidden blocks Linear → activation,
then a Linear output), the output is

    y(x) = b_out + Σ_j w_out[j] · h_j(x)

where h_j is unit j of the *last* hidden layer. Each term w_out[j]·h_j(x) is one
unit's contribution; for one ReLU layer it is a bent line ("line piece") with its
kink where w_j·x + b_j = 0.

Everything here runs where the model lives (the worker thread) and returns
numpy arrays, so the GUI never touches the model.
"""

from __future__ import annotations

from typing import Any

import numpy as np

# Activations whose units are exactly zero for negative input: their units can "die".
DEAD_CAPABLE = frozenset({"ReLU"})
# Piecewise-linear activations: their units bend at pre-activation 0.
KINKED = frozenset({"ReLU", "LeakyReLU"})


def _blocks(model):
    """[(Linear, activation module), ...] for the hidden layers, and the output Linear."""
    import torch.nn as nn

    modules = list(model.children()) if isinstance(model, nn.Sequential) else list(model)
    hidden, i = [], 0
    while i < len(modules) - 1:
        hidden.append((modules[i], modules[i + 1]))
        i += 2
    return hidden, modules[-1]


def _forward_hidden(model, x):
    """Pre-activations and activations of each hidden layer for an (n, 1) tensor."""
    hidden, out = _blocks(model)
    pres, posts, h = [], [], x
    for linear, act in hidden:
        z = linear(h)
        h = act(z)
        pres.append(z)
        posts.append(h)
    return pres, posts, out


def contributions(model, x: np.ndarray) -> tuple[np.ndarray, float]:
    """(pieces, output bias): pieces[:, j] = w_out[j]·h_j(x) for the last hidden layer's unit j.

    ``pieces.sum(axis=1) + bias`` equals the network's output on ``x``.
    """
    import torch

    xt = torch.as_tensor(np.asarray(x, dtype=np.float32)).reshape(-1, 1)
    with torch.no_grad():
        device = next(model.parameters()).device
        _pres, posts, out = _forward_hidden(model, xt.to(device))
        pieces = posts[-1] * out.weight[0]
        return pieces.cpu().numpy().astype(np.float64), float(out.bias[0].item())


def relu_kinks(weight: np.ndarray, bias: np.ndarray, x_lo: float, x_hi: float) -> np.ndarray:
    """x positions (inside [x_lo, x_hi]) where first-layer units bend: w·x + b = 0."""
    w = np.asarray(weight, dtype=np.float64).reshape(-1)
    b = np.asarray(bias, dtype=np.float64).reshape(-1)
    with np.errstate(divide="ignore", invalid="ignore"):
        x = np.where(w != 0, -b / w, np.nan)
    return np.sort(x[np.isfinite(x) & (x >= x_lo) & (x <= x_hi)])


def sign_changes(x: np.ndarray, z: np.ndarray) -> np.ndarray:
    """x positions where any column of z (n, units) crosses zero, linearly interpolated."""
    x = np.asarray(x, dtype=np.float64)
    z = np.asarray(z, dtype=np.float64)
    a, b = z[:-1], z[1:]
    rows, cols = np.nonzero((a > 0) != (b > 0))
    za, zb = a[rows, cols], b[rows, cols]
    with np.errstate(divide="ignore", invalid="ignore"):
        t = np.where(zb != za, za / (za - zb), 0.5)
    return np.unique(x[rows] + t * (x[rows + 1] - x[rows]))


def model_details(model, x_plot, x_train, activation: str, selected_unit: tuple[int, int] | None = None
                  ) -> dict[str, Any]:
    """Everything the teaching views draw, as numpy (call under the model's thread).

    ``x_plot`` and ``x_train`` are (n, 1) tensors on the model's device.
    Returns weights [(W, b)] per Linear, the last hidden layer's pieces on
    x_plot, the output bias, kink positions, the dead-unit count (ReLU) and
    the selected unit's activation curve (layer index, unit index).
    """
    import torch

    with torch.no_grad():
        pres, posts, out = _forward_hidden(model, x_plot)
        hidden, _ = _blocks(model)
        weights = [(lin.weight.detach().cpu().numpy().copy(), lin.bias.detach().cpu().numpy().copy())
                   for lin, _act in hidden] + [(out.weight.detach().cpu().numpy().copy(),
                                                out.bias.detach().cpu().numpy().copy())]
        pieces = (posts[-1] * out.weight[0]).cpu().numpy()
        xs = x_plot.reshape(-1).cpu().numpy()
        kinks = np.zeros(0)
        if activation in KINKED:
            if len(hidden) == 1:
                kinks = relu_kinks(weights[0][0], weights[0][1], float(xs[0]), float(xs[-1]))
            else:
                kinks = sign_changes(xs, pres[-1].cpu().numpy())
        dead = None
        if activation in DEAD_CAPABLE and x_train.shape[0]:
            train_pres, _posts, _out = _forward_hidden(model, x_train)
            dead = int(sum(int((z <= 0).all(dim=0).sum()) for z in train_pres))
        unit_curve = None
        if selected_unit is not None:
            layer, unit = selected_unit
            if 0 <= layer < len(posts) and 0 <= unit < posts[layer].shape[1]:
                unit_curve = posts[layer][:, unit].cpu().numpy()
    return {
        "weights": weights,
        "pieces": pieces,
        "output_bias": float(weights[-1][1][0]),
        "kinks": kinks,
        "dead_units": dead,
        "hidden_units": int(sum(w.shape[0] for w, _b in weights[:-1])),
        "selected_unit": selected_unit if unit_curve is not None else None,
        "unit_curve": unit_curve,
    }
