"""Each activation of ``components.ACTIVATIONS`` and its derivative, in numpy (for the explorer plot).

Matches torch's definitions (LeakyReLU slope 0.01, ELU α = 1, exact GELU).
"""

from __future__ import annotations

import math
from typing import Callable

import numpy as np

_erf = np.vectorize(math.erf, otypes=[float])


def _sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def _gelu(x):
    return 0.5 * x * (1.0 + _erf(x / math.sqrt(2.0)))


def _gelu_grad(x):
    return 0.5 * (1.0 + _erf(x / math.sqrt(2.0))) + x * np.exp(-0.5 * x * x) / math.sqrt(2.0 * math.pi)


FUNCTIONS: dict[str, tuple[Callable, Callable]] = {
    "ReLU": (lambda x: np.maximum(x, 0.0), lambda x: (x > 0).astype(float)),
    "LeakyReLU": (lambda x: np.where(x > 0, x, 0.01 * x), lambda x: np.where(x > 0, 1.0, 0.01)),
    "Sigmoid": (_sigmoid, lambda x: _sigmoid(x) * (1.0 - _sigmoid(x))),
    "Tanh": (np.tanh, lambda x: 1.0 - np.tanh(x) ** 2),
    "ELU": (lambda x: np.where(x > 0, x, np.expm1(np.minimum(x, 0.0))),
            lambda x: np.where(x > 0, 1.0, np.exp(np.minimum(x, 0.0)))),
    "GELU": (_gelu, _gelu_grad),
    "SiLU": (lambda x: x * _sigmoid(x), lambda x: _sigmoid(x) * (1.0 + x * (1.0 - _sigmoid(x)))),
    "Identity": (lambda x: np.asarray(x, dtype=float), lambda x: np.ones_like(x, dtype=float)),
}


def curves(name: str, x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(f(x), f′(x)) for the activation ``name``."""
    f, df = FUNCTIONS[name]
    x = np.asarray(x, dtype=float)
    return np.asarray(f(x), dtype=float), np.asarray(df(x), dtype=float)
