"""Config fields that the training labs declare alike (the same range, stops and choices in every lab),
and the device check their configs share. Each lab's dataclass still lists its fields in its own order."""

from __future__ import annotations

from playground.core.config import choice, log_stops, num, text
from playground.core.text import Text, user_text
from playground.core.training.components import OPTIMIZERS


def optimizer_field():
    return choice("Adam", OPTIMIZERS.names)


def lr_field(default: float):
    """A learning rate from 1e-6 to 10; the slider offers 1e-4 … 1 on a log scale."""
    return num(default, 1e-6, 10.0, stops=log_stops(1e-4, 1.0), log=True)


def momentum_field():
    return num(0.9, 0.0, 0.999, stops=(0.0, 0.5, 0.8, 0.9, 0.95, 0.99))


def batch_size_field(default: int, stops: tuple[int, ...]):
    """Points per step, 0 = full batch (every training point in each step)."""
    return num(default, 0, 5000, kind=int, stops=stops, advanced=True)


def device_field():
    """"cpu" or "cuda…" (checked by ``device_problems``); the form offers the devices found."""
    return text("cpu", 40, advanced=True)


def device_problems(device: str) -> list[tuple[str, Text]]:
    """``[("device", why)]`` for a device the app cannot train on, else ``[]``."""
    if device == "cpu" or device.startswith("cuda"):
        return []
    return [("device", user_text("unknown device {name}", name=repr(device)))]
