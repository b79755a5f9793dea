"""Plot helpers shared by the labs.

Ranges are fixed and widened only when data leave them (with margin): auto-range
on every frame re-lays out the axes and holds the GIL long enough to slow the
training thread several times over (NOTES.md).
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QPainterPath
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem


class StickyRange:
    """A 1-D view range that grows, with margin, only when data leave it."""

    def __init__(self, lo: float, hi: float, *, margin: float = 0.15, limit: float = math.inf,
                 floor: float = -math.inf) -> None:
        self.lo, self.hi, self.margin = lo, hi, margin
        self.floor, self.limit = max(floor, -limit), limit

    def reset(self, lo: float, hi: float) -> None:
        self.lo, self.hi = lo, hi

    def include(self, data_lo: float, data_hi: float) -> bool:
        """Widen to include [data_lo, data_hi]; True if the range changed."""
        if not (math.isfinite(data_lo) and math.isfinite(data_hi)):
            return False
        if data_lo >= self.lo and data_hi <= self.hi:
            return False
        span = max(self.hi - self.lo, data_hi - data_lo, 1e-9)
        lo = min(self.lo, data_lo - self.margin * span)
        hi = max(self.hi, data_hi + self.margin * span)
        lo, hi = max(lo, self.floor), min(hi, self.limit)
        changed = (lo, hi) != (self.lo, self.hi)
        self.lo, self.hi = lo, hi
        return changed


def finite_min_max(values: np.ndarray) -> tuple[float, float]:
    finite = values[np.isfinite(values)]
    if finite.size == 0:
        return math.nan, math.nan
    return float(finite.min()), float(finite.max())


def make_plot(title: str = "", x_label: str = "", y_label: str = "", *, grid: bool = True) -> pg.PlotWidget:
    """A plot with fixed ranges. Plots redrawn at video rate should pass grid=False:
    the grid belongs to the axis items, whose cached picture is then replayed
    on every frame (about 2 ms of GIL each)."""
    plot = pg.PlotWidget()
    item = plot.getPlotItem()
    item.setMenuEnabled(False)
    item.hideButtons()
    item.disableAutoRange()
    if grid:
        item.showGrid(x=True, y=True, alpha=0.15)
    for name in ("left", "bottom"):
        # The axes (and their grid lines) repaint from a pixmap in C++ unless the range changes.
        item.getAxis(name).setCacheMode(QGraphicsItem.DeviceCoordinateCache)
    if title:
        item.setTitle(title)
    if x_label:
        item.setLabel("bottom", x_label)
    if y_label:
        item.setLabel("left", y_label)
    return plot


class FastCurve:
    """A live curve drawn by a plain QGraphicsPathItem.

    pyqtgraph's PlotCurveItem calls back into Python for paint() and
    boundingRect() on every frame; each call is a GIL hand-off with the
    training thread. A QGraphicsPathItem is painted entirely in C++.
    """

    def __init__(self, plot_item: pg.PlotItem, pen) -> None:
        self.item = QGraphicsPathItem()
        pen = pg.mkPen(pen)
        pen.setCosmetic(True)
        self.item.setPen(pen)
        plot_item.addItem(self.item, ignoreBounds=True)

    def set_data(self, x: np.ndarray, y: np.ndarray) -> None:
        finite = np.isfinite(y)
        connect = "all" if finite.all() else finite
        # Keep coordinates within what QPainter handles; the view never shows more.
        y = np.clip(np.nan_to_num(y, nan=0.0), -1e7, 1e7)
        self.item.setPath(pg.arrayToQPath(x, y, connect=connect))

    def clear(self) -> None:
        self.item.setPath(QPainterPath())
