"""What a network diagram shows: which neurons and edges, and how thick each edge is.

Pure numpy, from the weight matrices ``[(W, b), ...]`` of the Linear layers
(W has shape (out, in)). Large layers are summarised: only the ``max_shown``
most important neurons of a layer are drawn (importance = total |weight| of
their incoming and outgoing edges), and only the ``max_edges`` strongest of
the edges between drawn neurons.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

MAX_SHOWN = 12
MAX_EDGES = 160
MIN_WIDTH = 0.5
MAX_WIDTH = 6.0


@dataclass(frozen=True)
class Edge:
    layer: int      # edge from layer ``layer`` to ``layer + 1`` (0 = input)
    src: int        # unit index in layer ``layer``
    dst: int        # unit index in layer ``layer + 1``
    weight: float
    width: float    # pixels


@dataclass(frozen=True)
class DiagramLayout:
    sizes: list[int]             # units per layer: input, hidden..., output
    shown: list[np.ndarray]      # unit indices drawn, per layer (sorted)
    edges: list[Edge]
    max_abs: float


def edge_width(weight: float | np.ndarray, max_abs: float) -> float | np.ndarray:
    """Width in pixels, proportional to |weight| relative to the largest |weight|."""
    if max_abs <= 0 or not np.isfinite(max_abs):
        return MIN_WIDTH + 0 * np.abs(weight)
    return MIN_WIDTH + (MAX_WIDTH - MIN_WIDTH) * np.minimum(np.abs(weight) / max_abs, 1.0)


def summarise(weights: list[tuple[np.ndarray, np.ndarray]], max_shown: int = MAX_SHOWN,
              max_edges: int = MAX_EDGES) -> DiagramLayout:
    mats = [np.nan_to_num(np.asarray(w, dtype=np.float64)) for w, _b in weights]
    sizes = [mats[0].shape[1]] + [m.shape[0] for m in mats]
    max_abs = max((float(np.abs(m).max()) for m in mats if m.size), default=0.0)
    shown: list[np.ndarray] = []
    for layer, size in enumerate(sizes):
        if size <= max_shown:
            shown.append(np.arange(size))
            continue
        importance = np.zeros(size)
        if layer > 0:
            importance += np.abs(mats[layer - 1]).sum(axis=1)
        if layer < len(mats):
            importance += np.abs(mats[layer]).sum(axis=0)
        top = np.argsort(-importance, kind="stable")[:max_shown]
        shown.append(np.sort(top))
    candidates: list[tuple[int, int, int, float]] = []
    for layer, m in enumerate(mats):
        src, dst = shown[layer], shown[layer + 1]
        block = m[np.ix_(dst, src)]
        for (i, j), w in np.ndenumerate(block):
            candidates.append((layer, int(src[j]), int(dst[i]), float(w)))
    if len(candidates) > max_edges:
        candidates.sort(key=lambda e: -abs(e[3]))
        candidates = candidates[:max_edges]
    edges = [Edge(layer, s, d, w, float(edge_width(w, max_abs))) for layer, s, d, w in candidates]
    return DiagramLayout(sizes, shown, edges, max_abs)
