"""Export a Curve-lab setup as a standalone, readable PyTorch script.

The script reproduces ``core.curve.trainer.CurveTrainer`` exactly: the same
data (numpy float32 linspace, noise and test split from
``np.random.default_rng(seed)``), ``torch.manual_seed(seed)`` right before
building the same ``nn.Sequential``, the same loss and optimizer (Adam fused on
CPU/CUDA, as in the app), the same mini-batch order, and the same loop. Run on
the CPU with the same seed it ends at the app's loss (to float rounding).
Settings changed in the middle of a run are not replayed: the script uses the
setup as it is now, from step 0.
"""

from __future__ import annotations

from playground.core.curve.config import CurveConfig
from playground.core.curve.targets import CUSTOM, target_function
from playground.core.training.script_code import ACTIVATION_CODE, next_batch_code, optimizer_code

DEFAULT_STEPS = 2000

_TARGET_CODE = {
    "x^2": "x ** 2",
    "x^3": "x ** 3",
    "sin": "np.sin(x)",
    "abs": "np.abs(x)",
    "step": "np.where(x >= 0, 1.0, 0.0)",
}

_LOSS_CODE = {"MSE": "nn.MSELoss()", "L1": "nn.L1Loss()", "Huber": "nn.HuberLoss()"}


def _optimizer_code(config: CurveConfig) -> str:
    return optimizer_code(config.optimizer, config.lr, config.momentum, config.weight_decay)


def _model_code(config: CurveConfig) -> str:
    lines, size = [], 1
    act = ACTIVATION_CODE[config.activation]
    for _ in range(config.depth):
        lines.append(f"    nn.Linear({size}, {config.hidden_width}), {act},")
        size = config.hidden_width
    lines.append(f"    nn.Linear({size}, 1),")
    return "model = nn.Sequential(\n" + "\n".join(lines) + "\n).to(DEVICE)"


def _target_code(config: CurveConfig) -> str:
    if config.target != CUSTOM:
        return f"y = ({_TARGET_CODE[config.target]}).astype(np.float32)  # target: {config.target}"
    # A custom expression is evaluated by the app's safe parser; the script carries its values.
    values = target_function(CUSTOM, config.expression)(config.sample_x()).astype("float32")
    body = ", ".join(repr(float(v)) for v in values)
    return (f"# target: y = {config.expression} (values computed by NN Playground's expression parser)\n"
            f"y = np.array([{body}], dtype=np.float32)")


def render_curve_script(config: CurveConfig, steps: int | None = None) -> str:
    """The script's source text. ``steps`` defaults to the config's step limit (or 2000)."""
    steps = steps if steps else (config.max_steps or DEFAULT_STEPS)
    device = ('"cuda" if torch.cuda.is_available() else "cpu"  # the app ran on ' + repr(config.device)
              if config.device.startswith("cuda") else '"cpu"')
    full_batch = config.batch_size <= 0
    return f'''"""Fit a curve with a small neural network: exported from NN Playground's Curve lab.

Standalone: needs only numpy and torch. Run it with `python {{this file}}`.
With the same seed on the CPU it reproduces the app's training run step by step.
(Settings changed in the middle of a run in the app are not replayed here.)
"""

import numpy as np
import torch
import torch.nn as nn

SEED = {config.seed}
STEPS = {steps}
DEVICE = torch.device({device})

# ---- data -------------------------------------------------------------------
# {config.n_points} evenly spaced points in [{config.x_min!r}, {config.x_max!r}] (float32, like the app).
rng = np.random.default_rng(SEED)          # fixes the noise and the train/test split
x = np.linspace({config.x_min!r}, {config.x_max!r}, {config.n_points}, dtype=np.float32)
{_target_code(config)}
NOISE = {config.noise!r}
if NOISE > 0:
    y = y + rng.normal(0.0, NOISE, size=y.shape).astype(np.float32)
TEST_FRACTION = {config.test_fraction!r}
n_test = min(int(round(len(x) * TEST_FRACTION)), len(x) - 1)
test_mask = np.zeros(len(x), dtype=bool)
if n_test:
    test_mask[rng.choice(len(x), size=n_test, replace=False)] = True


def column(a):
    """A numpy vector as an (n, 1) float32 tensor on DEVICE."""
    return torch.from_numpy(np.ascontiguousarray(a)).reshape(-1, 1).to(DEVICE)


x_train, y_train = column(x[~test_mask]), column(y[~test_mask])
x_test, y_test = column(x[test_mask]), column(y[test_mask])

# ---- model: {config.depth} hidden layer(s) of {config.hidden_width} {config.activation} units ---------------------------
torch.manual_seed(SEED)                   # the same initial weights as in the app
{_model_code(config)}

# ---- loss and optimizer -----------------------------------------------------------
loss_fn = {_LOSS_CODE[config.loss]}
optimizer = {_optimizer_code(config)}

# ---- training loop ------------------------------------------------------------------
{next_batch_code(config.batch_size, "0 = full batch: every step uses all training points",
                 "shuffles the mini-batches", ".to(DEVICE)")}


for step in range(1, STEPS + 1):
    xb, yb = next_batch(){"  # full batch" if full_batch else ""}
    optimizer.zero_grad(set_to_none=True)
    loss = loss_fn(model(xb), yb)        # forward pass
    loss.backward()                      # gradients
    optimizer.step()                     # update the weights
    if step % max(1, STEPS // 10) == 0:
        print(f"step {{step:6d}}  loss {{loss.item():.6g}}")

with torch.no_grad():
    final_train = loss_fn(model(x_train), y_train).item()
    print(f"final_train_loss {{final_train!r}}")
    if len(x_test):
        print(f"final_test_loss {{loss_fn(model(x_test), y_test).item()!r}}")
'''


def parse_final_loss(output: str) -> float:
    for line in output.splitlines():
        if line.startswith("final_train_loss "):
            return float(line.split()[1])
    raise ValueError("the script printed no final_train_loss line")
