"""Look inside an MNIST-lab network for one drawing (torch imported when called, no Qt).

* :func:`saliency` — which pixels pushed the top class up (positive) or down (negative):
  gradient × input, the input measured from a blank canvas, so the empty background
  scores exactly 0 and only ink can matter.
* :func:`first_layer_units` — the MLP's hidden units of the first layer, ranked by how
  much they pushed the top class for this drawing (activation × its gradient), with their
  28 × 28 input weights.
* :func:`conv_views` — the CNN's first-layer filters and the drawing's feature maps of
  both conv layers.
* :class:`EmbeddingIndex` — the training images in the network's last hidden layer
  (the input of the final Linear layer), searched for the drawing's nearest neighbours;
  also calibrated for "far from every training digit".
* :func:`verdict` — "empty" / "scribble" / "unsure" / "unlike" / "confident".

The models are the lab's ``nn.Sequential`` networks (core.mnist.models): every one ends
with its output Linear layer, so ``model[:-1]`` is "everything up to the last hidden layer".
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

NEIGHBOURS = 8
UNSURE_BELOW = 0.6          # top probability under this: "not sure"
SCRIBBLE_INK = 0.45         # share of the 28×28 field inked above half brightness: MNIST digits ~0.1–0.3
FAR_QUANTILE = 0.99         # distance beyond which 99 % of held-out digits have a training neighbour


@dataclass
class Saliency:
    probs: np.ndarray        # (10,) softmax
    top: int
    heat: np.ndarray         # (28, 28) float32, + pushed ``top`` up, − pushed it down


def _batch(x):
    """A (28, 28) / (1, 28, 28) / (1, 1, 28, 28) normalised array or tensor → a (1, 1, 28, 28) float tensor."""
    import torch

    t = torch.as_tensor(np.asarray(x, dtype=np.float32) if not isinstance(x, torch.Tensor) else x)
    return t.detach().float().reshape(1, 1, 28, 28)


def saliency(model, x, mean: float, std: float, target: int | None = None) -> Saliency:
    """Gradient × (input − blank) of the ``target`` (default: top) class's logit, for a normalised input."""
    import torch

    x = _batch(x).requires_grad_(True)
    with torch.enable_grad():
        logits = model(x)[0]
        top = int(logits.argmax()) if target is None else int(target)
        (grad,) = torch.autograd.grad(logits[top], x)  # no parameter .grad touched: safe beside inference
    blank = -mean / std                                 # a blank pixel, normalised
    heat = (grad * (x.detach() - blank))[0, 0].numpy().astype(np.float32)
    probs = torch.softmax(logits.detach(), 0).numpy()
    return Saliency(probs, top, heat)


def is_mlp(model) -> bool:
    import torch.nn as nn

    return isinstance(model[0], nn.Flatten)


@dataclass
class UnitRanking:
    units: np.ndarray         # (k,) hidden unit indices, the most helpful first
    activation: np.ndarray    # (k,) their activations for this drawing
    contribution: np.ndarray  # (k,) activation × d(top logit)/d(activation)
    weights: np.ndarray       # (k, 28, 28) their input weights


def first_layer_units(model, x, top: int, k: int = 16) -> UnitRanking:
    """The MLP's first hidden layer: the ``k`` units that pushed class ``top`` up most for this input."""
    import torch

    linear, act = model[1], model[2]
    with torch.enable_grad():
        hidden = act(linear(model[0](_batch(x)))).detach().requires_grad_(True)
        logits = model[3:](hidden)[0]
        (grad,) = torch.autograd.grad(logits[top], hidden)
    a, g = hidden[0].detach().numpy(), grad[0].numpy()
    contribution = a * g
    order = np.argsort(-contribution)[:k]
    w = linear.weight.detach().numpy()[order].reshape(-1, 28, 28)
    return UnitRanking(order, a[order], contribution[order], w.astype(np.float32))


@dataclass
class ConvViews:
    filters: np.ndarray       # (16, 3, 3) first-layer kernels
    maps1: np.ndarray         # (16, 28, 28) after conv 1 and its activation
    maps2: np.ndarray         # (32, 14, 14) after conv 2 and its activation


def conv_views(model, x) -> ConvViews:
    import torch

    with torch.inference_mode():
        maps1 = model[:2](_batch(x))
        maps2 = model[2:5](maps1)
    return ConvViews(model[0].weight.detach()[:, 0].numpy().copy(), maps1[0].numpy(), maps2[0].numpy())


def embed(model, x, batch: int = 1000) -> np.ndarray:
    """The last hidden layer (input of the output Linear) for normalised images (N, 1, 28, 28), as float32."""
    import torch

    out = []
    with torch.inference_mode():
        for i in range(0, len(x), batch):
            out.append(model[:-1](x[i:i + batch]).float().reshape(min(batch, len(x) - i), -1))
    return torch.cat(out).numpy() if out else np.zeros((0, 0), np.float32)


class EmbeddingIndex:
    """The training images' last-hidden-layer vectors, for nearest-neighbour look-ups.

    ``far_distance``: the FAR_QUANTILE of held-out images' distance to their nearest training
    image; a drawing farther than that from every training digit is "unlike anything seen".
    """

    def __init__(self, model, train_x, train_y, held_out_x=None) -> None:
        self.vectors = embed(model, train_x)
        self.labels = np.asarray(train_y.cpu() if hasattr(train_y, "cpu") else train_y).astype(np.int64)
        self._sq = (self.vectors ** 2).sum(1)
        self.far_distance = float("inf")
        if held_out_x is not None and len(held_out_x):
            nearest = self._distances(embed(model, held_out_x)).min(1)
            self.far_distance = float(np.quantile(nearest, FAR_QUANTILE))

    def _distances(self, queries: np.ndarray) -> np.ndarray:
        sq = (queries ** 2).sum(1)[:, None] + self._sq[None, :] - 2.0 * queries @ self.vectors.T
        return np.sqrt(np.maximum(sq, 0.0))

    def nearest(self, vector: np.ndarray, k: int = NEIGHBOURS) -> tuple[np.ndarray, np.ndarray]:
        """Indices into the training set and distances of the ``k`` nearest, nearest first."""
        q = np.asarray(vector, np.float32).reshape(-1)
        # einsum, not BLAS: one query is a matrix-vector product, and a threaded BLAS on a busy machine
        # spends ~25 ms spinning where einsum's single loop takes ~3 ms (CNN, 4,000 × 1,568).
        d = np.sqrt(np.maximum(float(q @ q) + self._sq - 2.0 * np.einsum("ij,j->i", self.vectors, q), 0.0))
        k = min(k, len(d))
        part = np.argpartition(d, k - 1)[:k]
        order = part[np.argsort(d[part], kind="stable")]
        return order, d[order]


def verdict(image28: np.ndarray | None, probs: np.ndarray | None, nearest_distance: float | None = None,
            far_distance: float = float("inf")) -> str:
    """'empty', 'scribble', 'unsure', 'unlike' or 'confident' for a preprocessed drawing and its probabilities."""
    if image28 is None or probs is None:
        return "empty"
    if float((np.asarray(image28) > 0.5).mean()) > SCRIBBLE_INK:
        return "scribble"
    if float(np.max(probs)) < UNSURE_BELOW:
        return "unsure"
    if nearest_distance is not None and nearest_distance > far_distance:
        return "unlike"
    return "confident"
