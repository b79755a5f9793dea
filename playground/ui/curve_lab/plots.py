"""The Curve lab's fit plot: the target, the data points, and the network's fit."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem

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
        # Static between datasets, but under the fit: painted once into a pixmap and copied on each frame
        # (wide and dashed pens go through Qt's stroker: a fifth of the GUI thread's time per frame).
        for static in (self.target.item, self.train_points.item, self.test_points.item):
            static.setCacheMode(QGraphicsItem.DeviceCoordinateCache)
        # On a backing of the plot's own colour: the fit line passes under the message, not through it.
        self.message = pg.TextItem(color=c.warning, anchor=(0.5, 0.0), fill=message_fill())
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


def message_fill():
    """The plot background, nearly opaque: what the plot's message is written on."""
    colour = pg.mkColor(plot_colors().background)
    colour.setAlpha(225)
    return pg.mkBrush(colour)
