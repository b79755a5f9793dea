"""The "line pieces" plot: each hidden unit's contribution w_out·h(x) and their sum.

All units' thin curves are one C++-painted path; the hovered (or clicked) unit
is drawn on top in the theme's highlight colour (white on dark); the sum plus
the output bias is drawn in orange and the network's fitted curve dashed over
it: the two coincide. ReLU kinks are marked as ticks on the x axis.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QObject, Qt, Signal

from playground.ui.plots import FastCurve, StickyRange, finite_min_max, make_plot
from playground.ui.teaching_plots import sync_plot
from playground.ui.theme import plot_colors, recolor_pen

PIECE_ALPHA = 150  # the units' thin curves: faded, so the sum stands out


class LinePiecesPlot(QObject):
    unitHovered = Signal(object)   # unit index of the last hidden layer, or None
    unitClicked = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.widget = make_plot()
        item = self.widget.getPlotItem()
        # Widths and styles here; colours in apply_theme().
        self.pieces = FastCurve(item, pg.mkPen((0, 0, 0, PIECE_ALPHA), width=1))
        self.total = FastCurve(item, pg.mkPen(width=3))
        self.fit = FastCurve(item, pg.mkPen(width=1.2, style=Qt.DashLine))
        self.highlight = FastCurve(item, pg.mkPen(width=2.5))
        self.kinks = FastCurve(item, pg.mkPen(width=2))
        self.apply_theme()
        self.x = np.zeros(0)
        self.values = np.zeros((0, 0))
        self.bias = 0.0
        self.hovered: int | None = None
        self.locked: int | None = None
        self.max_error = 0.0
        self._kink_x = np.zeros(0)
        self._y_range = StickyRange(-1, 1, margin=0.15, limit=1e6)
        self._x_span = (0.0, 1.0)
        item.scene().sigMouseMoved.connect(self._on_mouse_moved)
        item.scene().sigMouseClicked.connect(self._on_mouse_clicked)

    def apply_theme(self) -> None:
        """The current theme's colours (when built and on a theme switch; never per frame)."""
        c = plot_colors()
        for curve, color in ((self.pieces, c.train_points), (self.total, c.fit), (self.fit, c.highlight),
                             (self.highlight, c.highlight), (self.kinks, c.warning)):
            recolor_pen(curve.item, color)

    def reset(self, x_plot: np.ndarray) -> None:
        self.x = np.asarray(x_plot, dtype=np.float64)
        self.values = np.zeros((self.x.size, 0))
        self.locked = self.hovered = None
        self._y_range.reset(-1, 1)
        self._x_span = (float(self.x[0]), float(self.x[-1]))
        for curve in (self.pieces, self.total, self.fit, self.highlight, self.kinks):
            curve.clear()
        self._apply_range()

    def set_pieces(self, pieces: np.ndarray, bias: float, fit: np.ndarray | None, kinks: np.ndarray) -> None:
        """pieces: (n, units) on the x grid given to ``reset``."""
        if pieces.shape[0] != self.x.size:
            return
        self.values = np.asarray(pieces, dtype=np.float64)
        self.bias = float(bias)
        n, units = self.values.shape
        xs = np.tile(self.x, units)
        ys = self.values.T.reshape(-1)
        connect = np.ones(n * units, dtype=bool)
        connect[n - 1::n] = False  # break the path between units
        ys = np.clip(np.nan_to_num(ys), -1e7, 1e7)
        self.pieces.item.setPath(pg.arrayToQPath(xs, ys, connect=connect))
        total = self.values.sum(axis=1) + self.bias
        self.total.set_data(self.x, total)
        if fit is not None and fit.shape == total.shape:
            self.fit.set_data(self.x, fit)
            self.max_error = float(np.max(np.abs(total - fit))) if total.size else 0.0
        lo, hi = finite_min_max(np.concatenate([self.values.reshape(-1), total]))
        changed = self._y_range.include(lo, hi)
        self._kink_x = np.asarray(kinks, dtype=np.float64)
        if changed:
            self._apply_range()
        self._draw_kinks()
        self._draw_highlight()
        sync_plot(self.widget)

    def units(self) -> int:
        return self.values.shape[1]

    def _apply_range(self) -> None:
        lo, hi = self._x_span
        pad = 0.02 * (hi - lo)
        self.widget.getPlotItem().setRange(xRange=(lo - pad, hi + pad), yRange=(self._y_range.lo, self._y_range.hi),
                                           padding=0)

    def _draw_kinks(self) -> None:
        k = self._kink_x
        if not k.size:
            self.kinks.clear()
            return
        lo, hi = self._y_range.lo, self._y_range.hi
        tick = 0.05 * (hi - lo)
        xs = np.repeat(k, 2)
        ys = np.tile([lo, lo + tick], k.size)
        connect = np.tile([True, False], k.size)
        self.kinks.item.setPath(pg.arrayToQPath(xs, ys, connect=connect))

    def current_unit(self) -> int | None:
        return self.locked if self.locked is not None else self.hovered

    def _draw_highlight(self) -> None:
        unit = self.current_unit()
        if unit is None or unit >= self.units():
            self.highlight.clear()
            return
        self.highlight.set_data(self.x, self.values[:, unit])

    def unit_near(self, x: float, y: float) -> int | None:
        """The unit whose contribution passes closest to (x, y), if within 8 % of the view's height."""
        if not self.units() or not self.x.size:
            return None
        i = int(np.clip(np.searchsorted(self.x, x), 0, self.x.size - 1))
        distances = np.abs(self.values[i] - y)
        unit = int(np.argmin(distances))
        return unit if distances[unit] <= 0.08 * (self._y_range.hi - self._y_range.lo) else None

    def _view_point(self, scene_pos):
        view = self.widget.getPlotItem().getViewBox()
        if not view.sceneBoundingRect().contains(scene_pos):
            return None
        return view.mapSceneToView(scene_pos)

    def _on_mouse_moved(self, scene_pos) -> None:
        p = self._view_point(scene_pos)
        unit = self.unit_near(p.x(), p.y()) if p is not None else None
        if unit != self.hovered:
            self.hovered = unit
            self._draw_highlight()
            self.unitHovered.emit(self.current_unit())

    def _on_mouse_clicked(self, event) -> None:
        p = self._view_point(event.scenePos())
        if p is None:
            return
        unit = self.unit_near(p.x(), p.y())
        self.locked = None if unit == self.locked else unit
        self._draw_highlight()
        self.unitClicked.emit(self.locked)
        self.unitHovered.emit(self.current_unit())
