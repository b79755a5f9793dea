"""Registries of activations, losses and optimizers.

torch is imported inside the factories, so the UI can list the names before
torch has finished loading.
"""

from __future__ import annotations

from playground.core.training.registry import Registry


def _module(class_name: str, **kwargs):
    def make():
        import torch.nn as nn

        return getattr(nn, class_name)(**kwargs)

    return make


ACTIVATIONS: Registry = Registry("activation")
ACTIVATIONS.register("ReLU", _module("ReLU"), "zero for x < 0, slope 1 above: fast, but units can 'die'")
ACTIVATIONS.register("LeakyReLU", _module("LeakyReLU", negative_slope=0.01), "like ReLU with a small slope for x < 0, so units never die")
ACTIVATIONS.register("Sigmoid", _module("Sigmoid"), "squashes to (0, 1); saturates, so gradients vanish for large |x|")
ACTIVATIONS.register("Tanh", _module("Tanh"), "squashes to (-1, 1), zero-centred; saturates for large |x|")
ACTIVATIONS.register("ELU", _module("ELU"), "smooth below zero, tends to -1; no dead units")
ACTIVATIONS.register("GELU", _module("GELU"), "smooth ReLU used in transformers")
ACTIVATIONS.register("SiLU", _module("SiLU"), "x·sigmoid(x) (Swish): smooth, slightly negative dip")
ACTIVATIONS.register("Identity", _module("Identity"), "no non-linearity: the whole network stays a straight line")

LOSSES: Registry = Registry("loss")
LOSSES.register("MSE", _module("MSELoss"), "mean squared error: punishes large errors strongly")
LOSSES.register("L1", _module("L1Loss"), "mean absolute error (MAE): robust to outliers")
LOSSES.register("Huber", _module("HuberLoss"), "squared for small errors, absolute for large ones")


def _fused_ok(params) -> bool:
    # Fused Adam is 1.3-1.5x faster for these tiny nets (see NOTES.md); it needs
    # floating parameters on a device that supports it.
    return all(p.is_floating_point() and p.device.type in ("cpu", "cuda") for p in params)


def _sgd(params, lr, momentum, weight_decay):
    import torch

    return torch.optim.SGD(params, lr=lr, weight_decay=weight_decay)


def _sgd_momentum(params, lr, momentum, weight_decay):
    import torch

    return torch.optim.SGD(params, lr=lr, momentum=momentum, weight_decay=weight_decay)


def _adam(params, lr, momentum, weight_decay):
    import torch

    params = list(params)
    return torch.optim.Adam(params, lr=lr, weight_decay=weight_decay, fused=_fused_ok(params) or None)


def _rmsprop(params, lr, momentum, weight_decay):
    import torch

    return torch.optim.RMSprop(params, lr=lr, weight_decay=weight_decay)


def _adagrad(params, lr, momentum, weight_decay):
    import torch

    return torch.optim.Adagrad(params, lr=lr, weight_decay=weight_decay)


# Factories take (params, lr, momentum, weight_decay); each uses what applies to it.
OPTIMIZERS: Registry = Registry("optimizer")
OPTIMIZERS.register("SGD", _sgd, "plain gradient descent: w ← w − lr·grad")
OPTIMIZERS.register("SGD + momentum", _sgd_momentum, "gradient descent that keeps a running velocity")
OPTIMIZERS.register("Adam", _adam, "adapts the step per weight; a good default")
OPTIMIZERS.register("RMSprop", _rmsprop, "divides the step by a running RMS of the gradients")
OPTIMIZERS.register("Adagrad", _adagrad, "steps shrink for weights that already moved a lot")


def update_hyperparameters(optimizer, name: str, lr: float, momentum: float, weight_decay: float | None = None) -> None:
    """Change a live optimizer's learning rate (and momentum, weight decay) in place, keeping its state."""
    for group in optimizer.param_groups:
        group["lr"] = lr
        if weight_decay is not None:
            group["weight_decay"] = weight_decay
        if "momentum" in group and name == "SGD + momentum":
            group["momentum"] = momentum
