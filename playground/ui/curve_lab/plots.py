"""The Curve lab's two plots: the fit over the target, and the loss history."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import QGraphicsRectItem

from playground.core.history import LossHistory
from playground.ui.plots import FastCurve, FastPoints, StickyRange, finite_min_max, make_plot
from playground.ui.theme import plot_colors


SHADE_HALF_HEIGHT = 1e7  # the extrapolation shading spans any y the view can show


def _shade(rgba) -> QGraphicsRectItem:
    rect = QGraphicsRectItem()
    rect.setBrush(QBrush(QColor(*rgba)))
    rect.setPen(QPen(Qt.NoPen))
    rect.setZValue(-10)
    return rect


class FitPlot:
    """Target (dashed), data points, and the network's fit drawn beyond the data range."""

    def __init__(self) -> None:
        c = plot_colors()
        self.widget = make_plot()
        item = self.widget.getPlotItem()
        # Everything but the fit is static between datasets. Plain Qt rects and
        # cached items repaint in C++ without calling back into Python, so the
        # 30 fps fit redraw costs the training thread little GIL time.
        self.left_shade, self.right_shade = _shade(c.shade), _shade(c.shade)
        for shade in (self.left_shade, self.right_shade):
            item.addItem(shade, ignoreBounds=True)
        self.target = FastCurve(item, pg.mkPen(c.target, width=1.5, style=Qt.DashLine))
        self.train_points = FastPoints(item, c.train_points, 5)
        self.test_points = FastPoints(item, c.test_points, 7)
        self.fit = FastCurve(item, pg.mkPen(c.fit, width=2.5))
        self.message = pg.TextItem(color=c.warning, anchor=(0.5, 0.0))
        self.message.setZValue(20)
        item.addItem(self.message, ignoreBounds=True)
        self.message.hide()
        self._x_plot = np.zeros(0)
        self._y_range = StickyRange(-1.0, 1.0, limit=1e6)

    def set_data(self, data) -> None:
        """Show a new dataset (CurveData) and reset the view to it."""
        self._x_plot = data.x_plot.astype(np.float64)
        self.target.set_data(self._x_plot, data.y_plot)
        self.train_points.set_data(data.x_train, data.y_train)
        self.test_points.set_data(data.x_test, data.y_test)
        self.fit.clear()
        x_lo, x_hi = float(self._x_plot[0]), float(self._x_plot[-1])
        d_lo = float(min(data.x_train.min(initial=np.inf), data.x_test.min(initial=np.inf)))
        d_hi = float(max(data.x_train.max(initial=-np.inf), data.x_test.max(initial=-np.inf)))
        self.left_shade.setRect(QRectF(x_lo - 1e3, -SHADE_HALF_HEIGHT, d_lo - x_lo + 1e3, 2 * SHADE_HALF_HEIGHT))
        self.right_shade.setRect(QRectF(d_hi, -SHADE_HALF_HEIGHT, x_hi - d_hi + 1e3, 2 * SHADE_HALF_HEIGHT))
        y_lo, y_hi = finite_min_max(np.concatenate([data.y_train, data.y_test, data.y_plot]))
        if not math.isfinite(y_lo):
            y_lo, y_hi = -1.0, 1.0
        pad = 0.1 * max(y_hi - y_lo, 1e-3)
        self._y_range.reset(y_lo - pad, y_hi + pad)
        # A little room beyond the curve: if its bounding rect touched an axis,
        # the axis would repaint with every frame of the fit.
        x_pad = 0.02 * (x_hi - x_lo)
        self.widget.getPlotItem().setRange(xRange=(x_lo - x_pad, x_hi + x_pad),
                                           yRange=(self._y_range.lo, self._y_range.hi), padding=0)
        self.message.setPos((x_lo + x_hi) / 2, self._y_range.hi)
        self.hide_message()
        self.widget.sync()

    def set_fit(self, y: np.ndarray) -> None:
        self.fit.set_data(self._x_plot, y)
        lo, hi = finite_min_max(y) if not np.isfinite(y).all() else (float(y.min()), float(y.max()))
        if self._y_range.include(lo, hi):
            self.widget.getPlotItem().setYRange(self._y_range.lo, self._y_range.hi, padding=0)
            self.message.setPos(float(np.mean(self._x_plot[[0, -1]])), self._y_range.hi)
            self.widget.sync()

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def hide_message(self) -> None:
        self.message.hide()


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
        # 1 px: wider cosmetic pens go through Qt's stroker, 20x slower to paint.
        train_pen, test_pen = pg.mkPen(c.train_loss, width=1), pg.mkPen(c.test_loss, width=1)
        self.train = FastCurve(item, train_pen)
        self.test = FastCurve(item, test_pen)
        self._legend_proxies = (pg.PlotDataItem(pen=train_pen), pg.PlotDataItem(pen=test_pen))
        self.train_history = LossHistory()
        self.test_steps: list[int] = []
        self.test_values: list[float] = []
        self._x_range = StickyRange(0, 100, margin=1.0, floor=0)  # doubles: few axis re-layouts
        self._y_range = StickyRange(-3, 1, margin=0.1, limit=40)  # log10 units
        self._dirty = False
        self.reset()

    def set_legend_names(self, train: str, test: str) -> None:
        self.legend.clear()
        self.legend.addItem(self._legend_proxies[0], train)
        self.legend.addItem(self._legend_proxies[1], test)

    def reset(self) -> None:
        self.train_history.clear()
        self.test_steps.clear()
        self.test_values.clear()
        self.train.clear()
        self.test.clear()
        self._x_range.reset(0, 100)
        self._y_range.reset(-3, 1)
        self._apply_ranges()

    def add(self, losses: np.ndarray, step: int, test_loss: float | None) -> None:
        if losses.size:
            self.train_history.extend(losses)
            self._dirty = True
        if test_loss is not None and (not self.test_steps or self.test_steps[-1] != step):
            self.test_steps.append(step)
            self.test_values.append(test_loss)
            self._dirty = True

    def redraw(self) -> None:
        """Push accumulated data to the plot; call at a few Hz, not per report."""
        if not self._dirty:
            return
        self._dirty = False
        steps, values = self.train_history.decimated()
        logs = _log10(values)
        self.train.set_data(steps, logs)
        if self.test_values:
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


def _log10(values: np.ndarray) -> np.ndarray:
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.log10(np.maximum(values, 1e-12))


def _thin(steps: list[int], values: list[float], max_points: int = 1500):
    stride = max(1, len(steps) // max_points)
    return np.asarray(steps[::stride], dtype=np.float64), np.asarray(values[::stride], dtype=np.float64)
