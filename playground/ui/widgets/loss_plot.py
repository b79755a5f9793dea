"""A live loss plot: train and test loss on a log axis, shared by the training labs.

Mini-batch training makes the train loss jump from step to step: drawn as it is, it is a thick band that
hides its own trend and the legend. Once the curve is that noisy, the raw losses fade and a running mean is
drawn over them; the legend has a background of its own.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from playground.core.training.history import LossHistory, SampledSeries
from playground.ui.plots import FastCurve, StickyRange, make_plot
from playground.ui.theme import plot_colors, recolor_pen

NOISY = 0.05            # median |step-to-step change| of log10(loss) above which the train loss is smoothed
NOISE_POINTS = 200      # the newest points that decide it
SMOOTH_SHARE = 1 / 40   # the running mean's window, as a share of the points drawn ...
SMOOTH_MIN = 5          # ... but never fewer points
FAINT_ALPHA = 70        # the raw losses under the running mean
LEGEND_ALPHA = 220      # the legend's background: curves under it stay faintly visible


class LossPlot:
    """Train and test loss on a log axis; data are decimated to a bounded number of points.

    The curves are FastCurves in log10 units (the axis is in log mode only for
    its labels); the legend uses proxy items that are never added to the plot.
    """

    def __init__(self) -> None:
        c = plot_colors()
        self.widget = make_plot()
        item = self.widget.getPlotItem()
        item.setLogMode(x=False, y=True)
        self.legend = item.addLegend(offset=(-10, 10))
        self.legend.setZValue(10)  # above the curves
        # 1 px: wider cosmetic pens go through Qt's stroker, 20x slower to paint.
        train_pen, test_pen = pg.mkPen(c.train_loss, width=1), pg.mkPen(c.test_loss, width=1)
        self.train = FastCurve(item, train_pen)
        self.train_smooth = FastCurve(item, train_pen)  # the running mean, when the losses are noisy
        self.test = FastCurve(item, test_pen)
        self.smoothing = False
        self._legend_proxies = (pg.PlotDataItem(pen=train_pen), pg.PlotDataItem(pen=test_pen))
        self.train_history = LossHistory()
        self.test_series = SampledSeries()  # bounded: an hour of reports thins itself
        self._x_range = StickyRange(0, 100, margin=1.0, floor=0)  # doubles: few axis re-layouts
        self._y_range = StickyRange(-3, 1, margin=0.1, limit=40)  # log10 units
        self._dirty = False
        self._color_legend()
        self.reset()

    def set_legend_names(self, train: str, test: str) -> None:
        self.legend.clear()
        self.legend.addItem(self._legend_proxies[0], train)
        self.legend.addItem(self._legend_proxies[1], test)

    def reset(self) -> None:
        self.train_history.clear()
        self.test_series.clear()
        self.train.clear()
        self.train_smooth.clear()
        self.test.clear()
        self._set_smoothing(False)
        self._x_range.reset(0, 100)
        self._y_range.reset(-3, 1)
        self._apply_ranges()

    def add(self, losses: np.ndarray, step: int, test_loss: float | None) -> None:
        if losses.size:
            self.train_history.extend(losses)
            self._dirty = True
        if test_loss is not None and self.test_series.last_step() != step:
            self.test_series.append(step, test_loss)
            self._dirty = True

    def load_history(self, losses: np.ndarray, steps: int | None) -> None:
        """A restored session's history (saved averaged if the run was long: ``steps`` says how long) and
        redraw now."""
        self.train_history.load(losses, steps)
        self._dirty = True
        self.redraw()

    def apply_theme(self) -> None:
        """The curves and legend samples in the current theme's colours."""
        c = plot_colors()
        for curve, proxy, color in ((self.train, self._legend_proxies[0], c.train_loss),
                                    (self.test, self._legend_proxies[1], c.test_loss)):
            recolor_pen(curve.item, color)  # keeps a faded curve faded
            proxy.setPen(pg.mkPen(color, width=1))
        recolor_pen(self.train_smooth.item, c.train_loss)
        self._color_legend()

    def _color_legend(self) -> None:
        background = pg.mkColor(plot_colors().background)
        background.setAlpha(LEGEND_ALPHA)
        self.legend.setBrush(pg.mkBrush(background))

    def _set_smoothing(self, on: bool) -> None:
        """Raw losses faint under a running mean (on), or as they are (off)."""
        self.smoothing = on
        pen = self.train.item.pen()
        color = pen.color()
        color.setAlpha(FAINT_ALPHA if on else 255)
        pen.setColor(color)
        self.train.item.setPen(pen)
        if not on:
            self.train_smooth.clear()

    @property
    def test_steps(self) -> np.ndarray:
        return self.test_series.steps

    @property
    def test_values(self) -> np.ndarray:
        return self.test_series.values

    def redraw(self) -> None:
        """Push accumulated data to the plot; call at a few Hz, not per report."""
        if not self._dirty:
            return
        self._dirty = False
        steps, values = self.train_history.decimated()
        logs = _log10(values)
        self.train.set_data(steps, logs)
        if not self.smoothing and _noisy(logs):  # once on, it stays on for the run (no flicker)
            self._set_smoothing(True)
        if self.smoothing:
            self.train_smooth.set_data(steps, running_mean(logs, max(SMOOTH_MIN, int(len(logs) * SMOOTH_SHARE))))
        if len(self.test_series):
            test_steps, test_values = _thin(self.test_steps, self.test_values)
            self.test.set_data(test_steps, _log10(test_values))
        changed = self._x_range.include(0, float(steps[-1]) if steps.size else 0)
        finite = logs[np.isfinite(logs)]
        if finite.size:
            changed |= self._y_range.include(float(finite[-200:].min()), float(finite.max()))
        if changed:
            self._apply_ranges()

    def _apply_ranges(self) -> None:
        self.widget.getPlotItem().setRange(xRange=(self._x_range.lo, self._x_range.hi),
                                           yRange=(self._y_range.lo, self._y_range.hi), padding=0)
        self.widget.sync()


def _noisy(logs: np.ndarray) -> bool:
    recent = logs[-NOISE_POINTS:]
    recent = recent[np.isfinite(recent)]
    return recent.size > 10 and float(np.median(np.abs(np.diff(recent)))) > NOISY


def running_mean(values: np.ndarray, window: int) -> np.ndarray:
    """The mean of each value and its neighbours, ``window`` values centred on it (fewer at the ends, so the
    curve does not lag behind the losses); NaN and inf are skipped."""
    finite = np.isfinite(values)
    sums = np.concatenate(([0.0], np.cumsum(np.where(finite, values, 0.0))))
    counts = np.concatenate(([0], np.cumsum(finite)))
    index = np.arange(len(values))
    start = np.maximum(0, index - window // 2)
    end = np.minimum(len(values), index + window // 2 + 1)
    n = counts[end] - counts[start]
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(n > 0, (sums[end] - sums[start]) / np.maximum(n, 1), np.nan)


def _log10(values: np.ndarray) -> np.ndarray:
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.log10(np.maximum(values, 1e-12))


def _thin(steps: np.ndarray, values: np.ndarray, max_points: int = 1500):
    stride = max(1, len(steps) // max_points)
    return np.asarray(steps[::stride], dtype=np.float64), np.asarray(values[::stride], dtype=np.float64)
