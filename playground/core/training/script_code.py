"""Pieces of the exported PyTorch scripts that every lab's script shares: the activation and optimizer
calls the app's registries make, the mini-batch order of ``MinibatchSampler``, and the atomic save."""

from __future__ import annotations

import os

from playground.core.persistence.atomic_file import atomic_write_bytes

ACTIVATION_CODE = {
    "ReLU": "nn.ReLU()", "LeakyReLU": "nn.LeakyReLU(negative_slope=0.01)", "Sigmoid": "nn.Sigmoid()",
    "Tanh": "nn.Tanh()", "ELU": "nn.ELU()", "GELU": "nn.GELU()", "SiLU": "nn.SiLU()", "Identity": "nn.Identity()",
}


def optimizer_code(optimizer: str, lr: float, momentum: float, weight_decay: float) -> str:
    """The torch.optim call the app's OPTIMIZERS registry makes for these settings."""
    wd = f"weight_decay={weight_decay!r}"
    lr = f"lr={lr!r}"
    return {
        "SGD": f"torch.optim.SGD(model.parameters(), {lr}, {wd})",
        "SGD + momentum": f"torch.optim.SGD(model.parameters(), {lr}, momentum={momentum!r}, {wd})",
        # fused=True: the app uses PyTorch's fused Adam kernel (faster for small nets, same maths).
        "Adam": f"torch.optim.Adam(model.parameters(), {lr}, {wd}, fused=True)",
        "RMSprop": f"torch.optim.RMSprop(model.parameters(), {lr}, {wd})",
        "Adagrad": f"torch.optim.Adagrad(model.parameters(), {lr}, {wd})",
    }[optimizer]


def next_batch_code(batch_size: int, batch_note: str, order_note: str = "", to_device: str = "") -> str:
    """``BATCH_SIZE`` and ``next_batch()``: the app's MinibatchSampler order (a reshuffle per epoch from a
    generator seeded with SEED) over ``x_train``/``y_train``; ``to_device``, e.g. ``".to(DEVICE)"``."""
    order_comment = f"   # {order_note}" if order_note else ""
    return f'''BATCH_SIZE = {batch_size}  # {batch_note}
batch_order = torch.Generator().manual_seed(SEED){order_comment}
order, cursor = None, 0


def next_batch():
    global order, cursor
    n = x_train.shape[0]
    if BATCH_SIZE <= 0 or BATCH_SIZE >= n:
        return x_train, y_train
    if order is None or cursor + BATCH_SIZE > n:
        order = torch.randperm(n, generator=batch_order){to_device}   # a new epoch: reshuffle
        cursor = 0
    idx = order[cursor:cursor + BATCH_SIZE]
    cursor += BATCH_SIZE
    return x_train[idx], y_train[idx]'''


def write_script(path: str | os.PathLike, text: str) -> None:
    """Save an exported script atomically (never a half-written file)."""
    atomic_write_bytes(path, text.encode("utf-8"))
