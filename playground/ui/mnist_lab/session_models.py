"""Sessions with an MNIST model: pure helpers for the lab's session hooks (no Qt, no user-facing text).

A session stores the canvas's model as a bare state_dict; its network is read back from the tensor shapes
(core.mnist.models.infer_spec) plus the activation in the saved config, whose network fields are set to
the model's when saving. Sessions hold MNIST-digit models only: their normalisation and class names are
the standard ones, so nothing else needs saving for the canvas to predict exactly as before.
"""

from __future__ import annotations

from dataclasses import replace

from playground.core.config import from_dict, to_dict
from playground.core.mnist.config import MnistConfig
from playground.core.mnist.data import DIGIT_CLASS_NAMES, MNIST_MEAN, MNIST_STD


def config_for_model(config: MnistConfig, spec: dict) -> MnistConfig | None:
    """``config`` with its network fields describing ``spec``; None if the config cannot (e.g. width 4)."""
    fields = {"arch": spec["arch"], "activation": spec["activation"]}
    if spec["arch"] == "mlp":
        fields.update(hidden_width=spec["hidden_width"], depth=spec["depth"])
    candidate = replace(config, **fields)
    _checked, problems = from_dict(MnistConfig, to_dict(candidate))
    return None if problems else candidate


def is_digit_model(meta: dict) -> bool:
    """Normalised like MNIST and naming the digits: a session can restore it exactly."""
    names = meta.get("class_names")
    return (float(meta.get("mean", MNIST_MEAN) or MNIST_MEAN) == MNIST_MEAN
            and float(meta.get("std", MNIST_STD) or MNIST_STD) == MNIST_STD
            and (names is None or list(names) == DIGIT_CLASS_NAMES))


def weights_copy(model) -> dict:
    """CPU copies: the session is written after this returns, and training may refill the model."""
    return {name: tensor.detach().to("cpu", copy=True) for name, tensor in model.state_dict().items()}


def session_model(config: MnistConfig, weights: dict, step):
    """A LoadedModel from a validated session entry (core.persistence.session checked that the weights fit)."""
    from playground.core.mnist.models import build_model, infer_spec
    from playground.core.persistence.model_io import LoadedModel

    spec = infer_spec(weights, config.activation)
    model = build_model(spec)
    model.load_state_dict(weights, strict=True)
    model.eval()
    meta = {"mean": MNIST_MEAN, "std": MNIST_STD, "class_names": list(DIGIT_CLASS_NAMES),
            "steps": step if isinstance(step, int) else None}
    return LoadedModel(model, spec, meta)


def same_bundled(bundled: dict, loaded) -> str | None:
    """The bundled model's key ("mlp"/"cnn") if ``loaded`` has exactly its weights, else None."""
    import torch

    for arch, candidate in bundled.items():
        if candidate.spec != loaded.spec:
            continue
        mine, theirs = loaded.model.state_dict(), candidate.model.state_dict()
        if mine.keys() == theirs.keys() and all(torch.equal(mine[k], theirs[k]) for k in mine):
            return arch
    return None
