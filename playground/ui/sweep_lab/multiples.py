"""Small multiples: one tiny fit plot per sweep combination, all in one view.

Every cell is a few plain Qt items in one scene (a frame, the target, the fit,
a label), so 64 cells cost one view and no Python callbacks while painting.
Only the fit paths change during training. ``apply_theme()`` and
``set_presentation()`` restyle the cells once, when the user switches.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainterPath, QPen
from PySide6.QtWidgets import (QApplication, QGraphicsItem, QGraphicsPathItem, QGraphicsRectItem,
                               QGraphicsSimpleTextItem)

from playground.ui.plots import make_plot
from playground.ui.theme import plot_colors

PAD = 0.06  # share of a cell left empty on each side
FRAME = QColor(128, 128, 128, 90)  # readable on both backgrounds
PRESENTATION_PEN_SCALE = 2.0  # as appearance.PEN_SCALE: cells made during presentation mode start thick


def _path(x: np.ndarray, y: np.ndarray) -> QPainterPath:
    return pg.arrayToQPath(np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64), connect="finite")


def _cosmetic(color, width: float = 1.0, style=Qt.SolidLine) -> QPen:
    pen = QPen(pg.mkColor(color))
    pen.setWidthF(width)
    pen.setCosmetic(True)
    pen.setStyle(style)
    return pen


class _Cell:
    def __init__(self, view, rect: QRectF, label: str, colors, pen_scale: float) -> None:
        self.rect = rect
        self.frame = QGraphicsRectItem(rect)
        self.target = QGraphicsPathItem()
        self.target.setCacheMode(QGraphicsItem.DeviceCoordinateCache)
        self.fit = QGraphicsPathItem()
        self.text = label  # in full; the label shows each line elided to the cell's width
        self.label = QGraphicsSimpleTextItem(label)
        self.label.setFlag(QGraphicsItem.ItemIgnoresTransformations)
        self.label.setPos(rect.left() + PAD / 2, rect.bottom())
        for item in (self.frame, self.target, self.fit, self.label):
            view.addItem(item, ignoreBounds=True)
        self.updates = 0
        self.diverged = False
        self.restyle(colors, pen_scale)

    def restyle(self, colors, pen_scale: float = 1.0) -> None:
        """Pens and text in ``colors`` (theme.PlotColors); line widths × ``pen_scale``."""
        self.frame.setPen(_cosmetic(colors.warning if self.diverged else FRAME))
        self.target.setPen(_cosmetic(colors.target, pen_scale, Qt.DashLine))
        self.fit.setPen(_cosmetic(colors.fit, 1.5 * pen_scale))
        self.label.setBrush(pg.mkBrush(colors.foreground))
        self.label.setFont(QApplication.font())

    def items(self):
        return (self.frame, self.target, self.fit, self.label)


class SmallMultiples:
    def __init__(self) -> None:
        self.widget = make_plot(grid=False)
        item = self.widget.getPlotItem()
        for axis in ("left", "bottom"):
            item.hideAxis(axis)
        item.setMouseEnabled(False, False)
        item.hideButtons()
        self.view = item
        self.cells: list[_Cell] = []
        self._rows = self._cols = 0
        self._x = np.zeros(0)
        self._y_lo, self._y_hi = -1.0, 1.0
        self._pen_scale = 1.0
        item.getViewBox().sigResized.connect(self.fit_labels)

    # -- layout ----------------------------------------------------------------
    def set_grid(self, rows: int, cols: int, labels: list[str]) -> None:
        for cell in self.cells:
            for part in cell.items():
                self.view.removeItem(part)
        self.cells = []
        self._rows, self._cols = rows, cols
        colors = plot_colors()
        for i, label in enumerate(labels):
            r, c = divmod(i, cols)
            # Row 0 at the top: the y axis points up, so rows count down from ``rows``.
            rect = QRectF(c + PAD, rows - r - 1 + PAD, 1 - 2 * PAD, 1 - 2 * PAD)
            self.cells.append(_Cell(self.view, rect, label, colors, self._pen_scale))
        self.view.setRange(xRange=(0, max(cols, 1)), yRange=(0, max(rows, 1)), padding=0.01)
        self.fit_labels()

    def set_labels(self, labels: list[str]) -> None:
        """New label texts (a language switch), one per cell."""
        for cell, label in zip(self.cells, labels):
            cell.text = label
        self.fit_labels()

    def fit_labels(self, *_args) -> None:
        """Each label line no wider than its cell, shortened in the middle: the setting's name keeps its
        start and its value ("hidden wi…th = 4"). On resizes and new texts only, never per frame."""
        if not self.cells:
            return
        box = self.view.getViewBox()
        width = box.mapViewToDevice(QRectF(0, 0, 1 - 3 * PAD, 1)).boundingRect().width()
        for cell in self.cells:
            metrics = QFontMetrics(cell.label.font())
            cell.label.setText("\n".join(metrics.elidedText(line, Qt.ElideMiddle, max(0, int(width)))
                                         for line in cell.text.split("\n")))

    def set_data(self, data) -> None:
        """The dataset (CurveData) every cell shares: fixes each cell's x and y scale."""
        self._x = data.x_plot.astype(np.float64)
        y = np.concatenate([data.y_train, data.y_test, data.y_plot[np.isfinite(data.y_plot)]])
        lo, hi = (float(y.min()), float(y.max())) if y.size else (-1.0, 1.0)
        pad = 0.15 * max(hi - lo, 1e-3)
        self._y_lo, self._y_hi = lo - pad, hi + pad
        for cell in self.cells:
            cell.target.setPath(self._cell_path(cell, data.y_plot))

    def _cell_path(self, cell: _Cell, y: np.ndarray) -> QPainterPath:
        r = cell.rect
        x0, x1 = self._x[0], self._x[-1]
        u = r.left() + (self._x - x0) / (x1 - x0) * r.width()
        with np.errstate(invalid="ignore"):
            v = (np.clip(y, self._y_lo, self._y_hi) - self._y_lo) / (self._y_hi - self._y_lo)
        return _path(u, r.top() + v * r.height())

    # -- live --------------------------------------------------------------------
    def set_fits(self, fits: np.ndarray, diverged: np.ndarray) -> None:
        if not self._x.size:
            return
        for cell, fit, bad in zip(self.cells, fits, diverged):
            cell.fit.setPath(self._cell_path(cell, fit))
            if bad != cell.diverged:
                cell.diverged = bool(bad)
                cell.frame.setPen(_cosmetic(plot_colors().warning if bad else FRAME))
            cell.updates += 1

    def update_counts(self) -> list[int]:
        return [cell.updates for cell in self.cells]

    # -- classroom (once, when the user switches) ----------------------------------------------
    def apply_theme(self) -> None:
        """The current theme's colours at normal widths (Presentation.scale_pens thickens them again)."""
        colors = plot_colors()
        for cell in self.cells:
            cell.restyle(colors)

    def set_presentation(self, on: bool) -> None:
        """Larger labels; cells made from now on get thick lines. Entering, Presentation.scale_pens
        thickens the existing lines; leaving, every cell is restyled at normal widths."""
        self._pen_scale = PRESENTATION_PEN_SCALE if on else 1.0
        font = QApplication.font()
        for cell in self.cells:
            cell.label.setFont(font)
        self.fit_labels()
        if not on:
            self.apply_theme()
