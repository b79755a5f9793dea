"""Noisy mini-batch losses: faint raw losses under a running mean, a legend that stays readable
(ui/widgets/loss_plot.py, shared by the Curve and Classification labs)."""

import numpy as np
import pytest

from playground.ui.widgets.loss_plot import FAINT_ALPHA, LossPlot, running_mean


def test_running_mean_is_centred_and_skips_gaps():
    values = np.array([0.0, 2.0, 4.0, np.nan, 8.0])
    assert running_mean(values, 3).tolist() == pytest.approx([1.0, 2.0, 3.0, 6.0, 8.0])
    assert running_mean(np.ones(4), 1).tolist() == [1.0] * 4


@pytest.mark.parametrize("noisy", [True, False])
def test_noisy_losses_are_smoothed_and_smooth_ones_left_alone(qtbot, app_theme, noisy):
    plot = LossPlot()
    qtbot.addWidget(plot.widget)
    rng = np.random.default_rng(0)
    steps = np.arange(1, 2001)
    trend = np.exp(-steps / 500)
    losses = trend * np.exp(rng.normal(0, 1.0, steps.size)) if noisy else trend
    plot.add(losses.astype(np.float32), int(steps[-1]), None)
    plot.redraw()
    assert plot.smoothing is noisy
    raw_alpha = plot.train.item.pen().color().alpha()
    assert raw_alpha == (FAINT_ALPHA if noisy else 255)
    smooth = plot.train_smooth.item.path()
    assert smooth.isEmpty() is not noisy
    if noisy:  # the running mean follows the trend far more closely than the raw losses do
        ys = np.array([smooth.elementAt(i).y for i in range(smooth.elementCount())])
        raw = np.log10(losses)
        assert np.median(np.abs(np.diff(ys))) < 0.2 * np.median(np.abs(np.diff(raw)))
    plot.reset()
    assert not plot.smoothing and plot.train.item.pen().color().alpha() == 255


def test_legend_is_drawn_over_the_curves_on_a_background(qtbot, app_theme):
    plot = LossPlot()
    qtbot.addWidget(plot.widget)
    assert plot.legend.zValue() > plot.train.item.zValue() and plot.legend.zValue() > plot.train_smooth.item.zValue()
    assert plot.legend.opts["brush"].color().alpha() > 150
