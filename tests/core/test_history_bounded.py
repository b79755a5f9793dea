"""Issue 18 item 8: an hour of training keeps every history bounded (averaged in pairs past a
capacity), while the plot and exports still see the right steps and values."""

import numpy as np

from playground.core.training.history import LossHistory, SampledSeries


def test_the_history_is_exact_until_its_capacity_then_averages_in_pairs():
    history = LossHistory(capacity=64)
    steps = np.arange(1, 1001, dtype=np.float32)
    for chunk in np.array_split(steps, 37):  # uneven report batches, as from the loop
        history.extend(chunk)
    assert len(history) == 1000 and history.last() == 1000.0
    assert not history.is_exact() and history._values.size <= 64
    values, at = history.values(), history.steps()
    assert values.size == at.size <= 65
    np.testing.assert_allclose(values, at, rtol=1e-6)  # a linear loss: each mean sits at its bucket's centre
    plot_steps, plot_values = history.decimated(10)
    assert plot_steps.size <= 10 and plot_steps[-1] <= 1000
    np.testing.assert_allclose(plot_values, plot_steps, rtol=1e-6)


def test_exact_histories_are_unchanged():
    history = LossHistory()
    history.extend(np.array([3.0, 2.0, np.nan, 1.0]))
    assert history.is_exact()
    np.testing.assert_array_equal(history.values(), np.array([3.0, 2.0, np.nan, 1.0], np.float32))
    np.testing.assert_array_equal(history.steps(), [1, 2, 3, 4])


def test_millions_of_steps_stay_within_the_capacity():
    history = LossHistory()
    batch = np.ones(7_000, np.float32)  # an hour at 2,000 steps/s, in 28 reports a second
    for _ in range(1_000):
        history.extend(batch)
    assert len(history) == 7_000_000
    assert history._values.nbytes <= history.capacity * 4 and history.values().size <= history.capacity + 1


def test_a_saved_averaged_history_comes_back_at_its_steps():
    history = LossHistory(capacity=64)
    history.extend(np.arange(1, 1001, dtype=np.float32))
    restored = LossHistory(capacity=64)
    restored.load(history.values(), steps=len(history))
    assert len(restored) == 1000 and restored.bucket == history.bucket
    np.testing.assert_allclose(restored.steps()[:10], history.steps()[:10])
    exact = LossHistory()
    exact.load(np.array([1.0, 0.5]), steps=2)
    assert exact.is_exact() and len(exact) == 2


def test_sampled_series_thin_themselves():
    series = SampledSeries(capacity=100)
    for step in range(100_000):
        series.append(step, 1.0 / (step + 1))
    assert len(series) <= 100 and series.steps[0] == 0
    assert np.all(np.diff(series.steps) > 0) and series.steps[-1] > 90_000
