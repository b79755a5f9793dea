"""From one neuron to the network: the gradient of one data point's loss for every weight.

Given a Curve-lab network (its config and state_dict) and one training point,
this is exactly what ``loss.backward()`` leaves in each parameter's ``.grad``
before an optimizer step: the values the network diagram draws.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from playground.core.training.components import LOSSES
from playground.core.curve.config import CurveConfig
from playground.core.curve.data import make_curve_data
from playground.core.training.models import build_mlp, linear_layers
from playground.core.training.seeding import seeded
from playground.core.text import user_text


@dataclass(frozen=True)
class PointGradients:
    x: float
    y: float
    prediction: float
    loss: float
    grads: list[tuple[np.ndarray, np.ndarray]]    # per Linear layer: (∂loss/∂W (out, in), ∂loss/∂b)
    largest: tuple[str, float]                    # the parameter entry with the largest |gradient|


def training_points(config: CurveConfig) -> tuple[np.ndarray, np.ndarray]:
    data = make_curve_data(config)
    order = np.argsort(data.x_train, kind="stable")
    return data.x_train[order], data.y_train[order]


def point_gradients(config: CurveConfig, state_dict: dict | None, x: float, y: float,
                    seed_if_untrained: int | None = None) -> PointGradients:
    """The loss of the network's prediction at ``x`` against ``y`` (the config's loss), differentiated by torch.
    Without a state_dict the freshly initialised network (seeded like the Curve lab's) is used."""
    import torch

    if seed_if_untrained is not None:
        with seeded(seed_if_untrained):  # the same initial weights as the Curve lab's fresh network
            model = build_mlp(1, 1, config.hidden_width, config.depth, config.activation).double()
    else:
        model = build_mlp(1, 1, config.hidden_width, config.depth, config.activation).double()
    if state_dict is not None:
        try:
            model.load_state_dict({k: v.detach().to("cpu", torch.float64) for k, v in state_dict.items()})
        except RuntimeError as exc:
            raise ValueError(user_text("The Curve lab's weights do not fit its network ({detail}).",
                                       detail=str(exc).strip().splitlines()[-1][:120])) from None
    inputs = torch.tensor([[float(x)]], dtype=torch.float64)
    target = torch.tensor([[float(y)]], dtype=torch.float64)
    prediction = model(inputs)
    loss = LOSSES.create(config.loss)(prediction, target)
    model.zero_grad()
    loss.backward()
    grads, largest = [], ("", 0.0)
    for index, layer in enumerate(linear_layers(model)):
        dw = layer.weight.grad.detach().numpy().copy()
        db = layer.bias.grad.detach().numpy().copy()
        grads.append((dw, db))
        for label, values in ((f"W{index + 1}", dw), (f"b{index + 1}", db)):
            if values.size and abs(float(np.abs(values).max())) > abs(largest[1]):
                flat = int(np.abs(values).argmax())
                largest = (f"{label}[{', '.join(str(int(i)) for i in np.unravel_index(flat, values.shape))}]",
                           float(values.reshape(-1)[flat]))
    return PointGradients(float(x), float(y), float(prediction.detach()), float(loss.detach()), grads, largest)
