"""Plot pieces shared by the teaching views: contour lines as one C++-painted path, markers, sync."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QPainterPath


def contour_path(z: np.ndarray, levels, x_lo: float, x_hi: float, y_lo: float, y_hi: float) -> QPainterPath:
    """``z[i, j]`` is the value at x = linspace(x_lo, x_hi)[i], y = linspace(y_lo, y_hi)[j]."""
    sx = (x_hi - x_lo) / (z.shape[0] - 1)
    sy = (y_hi - y_lo) / (z.shape[1] - 1)
    xs, ys, connect = [], [], []
    for level in levels:
        for line in pg.functions.isocurve(z, level, connected=True):
            pts = np.asarray(line, dtype=float)
            if len(pts) < 2:
                continue
            xs.append(x_lo + pts[:, 0] * sx)
            ys.append(y_lo + pts[:, 1] * sy)
            c = np.ones(len(pts), dtype=bool)
            c[-1] = False
            connect.append(c)
    if not xs:
        return QPainterPath()
    return pg.arrayToQPath(np.concatenate(xs), np.concatenate(ys), connect=np.concatenate(connect))


def sync_plot(plot) -> None:
    """Apply pending range/data changes before the next paint (plots from ``make_plot`` paint in C++)."""
    sync = getattr(plot, "sync", None)
    if sync is not None:
        sync()


def markers(plot_item: pg.PlotItem, color, size: float, symbol: str = "o") -> pg.ScatterPlotItem:
    """A few round markers (points of interest, the current position)."""
    item = pg.ScatterPlotItem(size=size, pen=pg.mkPen(color), brush=pg.mkBrush(color), symbol=symbol)
    plot_item.addItem(item, ignoreBounds=True)
    return item
