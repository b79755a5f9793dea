"""Export a Classification-lab setup as a standalone, readable PyTorch script.

The script carries the points themselves (train and test, exactly as the app
split them, drawn points included), computes the same input features, seeds
torch right before building the same ``nn.Sequential``, and runs the same loss,
penalty, optimizer and mini-batch order as ``core.classify.job.ClassifyJob``.
On the CPU it ends where the app's run ends (to float rounding). Settings
changed in the middle of a run are not replayed.
"""

from __future__ import annotations

import numpy as np

from playground.core.classify.config import ClassifyConfig
from playground.core.classify.data import DOMAIN, ClassifyData
from playground.core.training.script_code import ACTIVATION_CODE, next_batch_code

DEFAULT_STEPS = 2000


_FEATURE_CODE = {"x1": "x1", "x2": "x2", "x1^2": "x1 * x1 / DOMAIN", "x2^2": "x2 * x2 / DOMAIN",
                 "x1x2": "x1 * x2 / DOMAIN", "sin x1": "np.sin(x1)", "sin x2": "np.sin(x2)"}


def _optimizer_code(config: ClassifyConfig) -> str:
    lr = f"lr={config.lr!r}"
    return {
        "SGD": f"torch.optim.SGD(model.parameters(), {lr})",
        "SGD + momentum": f"torch.optim.SGD(model.parameters(), {lr}, momentum={config.momentum!r})",
        "Adam": f"torch.optim.Adam(model.parameters(), {lr}, fused=True)",  # the app uses the fused kernel too
        "RMSprop": f"torch.optim.RMSprop(model.parameters(), {lr})",
        "Adagrad": f"torch.optim.Adagrad(model.parameters(), {lr})",
    }[config.optimizer]


def _model_code(config: ClassifyConfig, outputs: int) -> str:
    lines, size = [], len(config.features)
    for width in config.hidden:
        lines.append(f"    nn.Linear({size}, {width}), {ACTIVATION_CODE[config.activation]},")
        size = width
    lines.append(f"    nn.Linear({size}, {outputs}),")
    return "model = nn.Sequential(\n" + "\n".join(lines) + "\n)"


def _array(a: np.ndarray) -> str:
    return "[" + ", ".join(repr(float(v)) for v in np.asarray(a).reshape(-1)) + "]"


def _labels(a: np.ndarray) -> str:
    return "[" + ", ".join(str(int(v)) for v in a) + "]"


def _penalty_code(config: ClassifyConfig) -> str:
    if config.regularization == "none" or config.reg_rate == 0:
        return "penalty = 0.0  # no regularisation"
    term = "w.abs().sum()" if config.regularization == "L1" else "(w * w).sum()"
    return (f"penalty = REG_RATE * sum({term} for w in weights)  # {config.regularization} on the weights (not biases)")


def render_classify_script(config: ClassifyConfig, data: ClassifyData, steps: int | None = None) -> str:
    steps = steps if steps else (config.max_steps or DEFAULT_STEPS)
    binary = config.n_classes == 2
    outputs = 1 if binary else config.n_classes
    features = ", ".join(repr(f) for f in config.features)
    columns = ",\n        ".join(f"{_FEATURE_CODE[f]},  # {f}" for f in config.features)
    if binary:
        loss_line = "loss_fn = nn.BCEWithLogitsLoss()  # two classes: one output, sigmoid + binary cross-entropy"
        loss_call = "loss_fn(logits[:, 0], y.float())"
        predict = "(logits[:, 0] > 0).long()"
    else:
        loss_line = f"loss_fn = nn.CrossEntropyLoss()  # {config.n_classes} classes: softmax + cross-entropy"
        loss_call = "loss_fn(logits, y)"
        predict = "logits.argmax(dim=1)"
    return f'''"""Classify 2-D points with a small neural network: exported from NN Playground's Classification lab.

Standalone: needs only numpy and torch. Run it with `python {{this file}}`.
Dataset: {config.dataset}, {config.n_classes} classes; features: {features}.
With the same seed on the CPU it reproduces the app's training run step by step.
"""

import numpy as np
import torch
import torch.nn as nn

SEED = {config.seed}
STEPS = {steps}
DOMAIN = {DOMAIN!r}  # the plane is [-DOMAIN, DOMAIN]²; squares and products are divided by it

# ---- data: the app's points, already split into train and test ------------------------
train_points = np.array({_array(data.x_train)}, dtype=np.float32).reshape(-1, 2)
train_labels = np.array({_labels(data.y_train)}, dtype=np.int64)
test_points = np.array({_array(data.x_test)}, dtype=np.float32).reshape(-1, 2)
test_labels = np.array({_labels(data.y_test)}, dtype=np.int64)


def features(points):
    """The network's inputs for (n, 2) points."""
    x1, x2 = points[:, 0], points[:, 1]
    return torch.from_numpy(np.stack([
        {columns}
    ], axis=1).astype(np.float32))


x_train, y_train = features(train_points), torch.from_numpy(train_labels)
x_test, y_test = features(test_points), torch.from_numpy(test_labels)

# ---- model ----------------------------------------------------------------------------
torch.manual_seed(SEED)                   # the same initial weights as in the app
{_model_code(config, outputs)}
weights = [m.weight for m in model if isinstance(m, nn.Linear)]
{loss_line}
optimizer = {_optimizer_code(config)}
REG_RATE = {config.reg_rate!r}

# ---- training loop ------------------------------------------------------------------------
{next_batch_code(config.batch_size, "0 = full batch")}


def data_loss(logits, y):
    return {loss_call}


for step in range(1, STEPS + 1):
    xb, yb = next_batch()
    optimizer.zero_grad(set_to_none=True)
    loss = data_loss(model(xb), yb)
    {_penalty_code(config)}
    (loss + penalty).backward()
    optimizer.step()
    if step % max(1, STEPS // 10) == 0:
        print(f"step {{step:6d}}  cross-entropy {{loss.item():.6g}}")

with torch.no_grad():
    for name, x, y in (("train", x_train, y_train), ("test", x_test, y_test)):
        if len(y):
            logits = model(x)
            accuracy = ({predict} == y).float().mean().item()
            print(f"final_{{name}}_loss {{data_loss(logits, y).item()!r}}")
            print(f"final_{{name}}_accuracy {{accuracy!r}}")
'''


def parse_results(output: str) -> dict[str, float]:
    """``final_*`` lines of the script's output as a dict."""
    found = {}
    for line in output.splitlines():
        if line.startswith("final_"):
            key, value = line.split()
            found[key] = float(value)
    return found
