import numpy as np
import pytest

from playground.core.curve.network_summary import MAX_WIDTH, MIN_WIDTH, edge_width, summarise


def test_edge_widths_follow_the_weights():
    rng = np.random.default_rng(0)
    weights = [(rng.normal(size=(5, 1)), np.zeros(5)), (rng.normal(size=(1, 5)), np.zeros(1))]
    layout = summarise(weights)
    assert layout.sizes == [1, 5, 1]
    assert len(layout.edges) == 10
    max_abs = max(np.abs(w).max() for w, _b in weights)
    for e in layout.edges:
        w = weights[e.layer][0][e.dst, e.src]
        assert e.weight == w
        assert e.width == pytest.approx(MIN_WIDTH + (MAX_WIDTH - MIN_WIDTH) * abs(w) / max_abs)
    order = np.argsort([abs(e.weight) for e in layout.edges])
    assert np.all(np.diff([layout.edges[i].width for i in order]) >= 0)  # thicker = larger |w|
    assert max(e.width for e in layout.edges) == MAX_WIDTH
    assert edge_width(0.0, 0.0) == MIN_WIDTH


def test_large_layers_are_summarised_by_importance():
    rng = np.random.default_rng(1)
    w1 = rng.normal(size=(256, 1)) * 0.01
    w1[[7, 100, 200], 0] = [5.0, -6.0, 7.0]  # three clearly important units
    w2 = rng.normal(size=(256, 256)) * 0.01
    w3 = rng.normal(size=(1, 256)) * 0.01
    layout = summarise([(w1, None), (w2, None), (w3, None)], max_shown=12, max_edges=100)
    assert layout.sizes == [1, 256, 256, 1]
    assert [len(s) for s in layout.shown] == [1, 12, 12, 1]
    assert {7, 100, 200} <= set(layout.shown[1].tolist())
    assert len(layout.edges) == 100
    kept = sorted(abs(e.weight) for e in layout.edges)
    assert kept[-3:] == [5.0, 6.0, 7.0]  # the strongest edges are the ones kept
