"""Plot helpers shared by the labs.

Ranges are fixed and widened only when data leave them (with margin): auto-range
on every frame re-lays out the axes and holds the GIL long enough to slow the
training thread several times over (NOTES.md).
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, QTimer
from PySide6.QtGui import QPainter, QPainterPath, QPen, QPicture
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QGraphicsSimpleTextItem, QGraphicsView, QGraphicsWidget


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


class GridLines:
    """Grid lines at the axes' ticks, drawn by a C++ path item.

    pyqtgraph draws its grid inside the axis items, which then cover the whole
    plot and are asked for their Python boundingRect() on every frame.
    Rebuilt only when the view range changes.
    """

    def __init__(self, plot_item: pg.PlotItem, alpha: int = 38) -> None:
        self._plot_item = plot_item
        self.item = QGraphicsPathItem()
        color = pg.mkColor(pg.getConfigOption("foreground"))
        color.setAlpha(alpha)
        pen = pg.mkPen(color, width=1)
        pen.setCosmetic(True)
        self.item.setPen(pen)
        self.item.setZValue(-20)
        plot_item.addItem(self.item, ignoreBounds=True)
        plot_item.getViewBox().sigRangeChanged.connect(self.rebuild)
        plot_item.getViewBox().sigResized.connect(self.rebuild)

    def rebuild(self, *_args) -> None:
        view = self._plot_item.getViewBox()
        (x_lo, x_hi), (y_lo, y_hi) = view.viewRange()
        path = QPainterPath()
        for axis_name, lo, hi, vertical in (("bottom", x_lo, x_hi, True), ("left", y_lo, y_hi, False)):
            axis = self._plot_item.getAxis(axis_name)
            size = view.width() if vertical else view.height()
            if size <= 0 or not hi > lo:
                continue
            levels = axis.tickValues(lo, hi, size)
            # Log axes list every minor tick (2…9 per decade): draw decades only.
            for _spacing, values in levels[:1] if axis.logMode else levels[:2]:
                for value in values:
                    if vertical:
                        path.moveTo(value, y_lo)
                        path.lineTo(value, y_hi)
                    else:
                        path.moveTo(x_lo, value)
                        path.lineTo(x_hi, value)
        self.item.setPath(path)


_ALIGN_LEFT, _ALIGN_RIGHT = int(Qt.AlignLeft.value), int(Qt.AlignRight.value)
_ALIGN_TOP, _ALIGN_BOTTOM = int(Qt.AlignTop.value), int(Qt.AlignBottom.value)


def _aligned(start: float, end: float, length: float, flags: int, at_start: int, at_end: int) -> float:
    """Where a text of ``length`` begins in [start, end] under Qt alignment ``flags`` (centred by default)."""
    if flags & at_start:
        return start
    if flags & at_end:
        return end - length
    return (start + end - length) / 2


class LiveAxis(pg.AxisItem):
    """An axis drawn by plain Qt items (a path for the line and ticks, a text item per label).

    pyqtgraph's AxisItem paints itself in Python and Qt asks its Python boundingRect() on
    every frame of a live plot (about five GIL hand-offs a frame). Here the axis item has no
    contents of its own, so Qt never calls back into it while painting; its children are
    rebuilt from pyqtgraph's own layout (generateDrawSpecs) only when pyqtgraph asks for a
    redraw (range, size, ticks, pens, fonts), at most once per event-loop pass.
    """

    def __init__(self, orientation: str, **kwargs) -> None:
        self._rebuild_pending = False
        self._line_items: list[QGraphicsPathItem] = []
        self._text_items: list[QGraphicsSimpleTextItem] = []
        super().__init__(orientation, **kwargs)
        self.setFlag(QGraphicsItem.ItemHasNoContents, True)

    def paint(self, *_args) -> None:
        """Nothing: the child items are the drawing (exporters call paint() directly)."""

    def update(self, *args) -> None:
        # pyqtgraph calls update() (after dropping its cached picture) whenever the axis must change.
        self.picture = None
        if not self._rebuild_pending:
            self._rebuild_pending = True
            QTimer.singleShot(0, self, self.rebuild)

    def resizeEvent(self, event=None) -> None:
        super().resizeEvent(event)
        self.update()

    def rebuild(self) -> None:
        """Lay out the ticks and labels now (also called by LivePlotWidget.sync before a grab)."""
        self._rebuild_pending = False
        picture = QPicture()  # pyqtgraph measures the labels with this painter, as in its paint()
        painter = QPainter(picture)
        try:
            if self.style["tickFont"]:
                painter.setFont(self.style["tickFont"])
            font = painter.font()
            specs = self.generateDrawSpecs(painter) if self.linkedView() is not None else None
        finally:
            painter.end()
        axis_spec, tick_specs, text_specs = specs if specs is not None else (None, [], [])
        self._set_lines(([axis_spec] if axis_spec is not None else []) + list(tick_specs))
        self._set_texts(text_specs, font)

    def _set_lines(self, specs) -> None:
        paths: dict[tuple, tuple[QPen, QPainterPath]] = {}
        for pen, p1, p2 in specs:
            key = (pen.color().rgba(), pen.widthF())
            path = paths.setdefault(key, (QPen(pen), QPainterPath()))[1]
            path.moveTo(QPointF(p1))
            path.lineTo(QPointF(p2))
        while len(self._line_items) < len(paths):
            self._line_items.append(QGraphicsPathItem(self))
        for item, (pen, path) in zip(self._line_items, paths.values()):
            item.setPen(pen)
            item.setPath(path)
            item.show()
        for item in self._line_items[len(paths):]:
            item.hide()

    def _set_texts(self, specs, font) -> None:
        while len(self._text_items) < len(specs):
            self._text_items.append(QGraphicsSimpleTextItem(self))
        color = self.textPen().color()
        for item, (rect, flags, text) in zip(self._text_items, specs):
            flags = int(flags)
            item.setFont(font)
            item.setBrush(color)
            item.setText(text)
            size = item.boundingRect().size()
            item.setPos(_aligned(rect.left(), rect.right(), size.width(), flags, _ALIGN_LEFT, _ALIGN_RIGHT),
                        _aligned(rect.top(), rect.bottom(), size.height(), flags, _ALIGN_TOP, _ALIGN_BOTTOM))
            item.show()
        for item in self._text_items[len(specs):]:
            item.hide()


class LiveViewBox(pg.ViewBox):
    """A ViewBox whose geometry Qt reads in C++.

    The view box clips the curves to itself, so Qt asks its boundingRect() and shape() on
    every frame; pyqtgraph's Python versions only add half a pixel for a border we never draw.
    Naming Qt's own methods here makes PySide6 call them without entering Python.
    """

    boundingRect = QGraphicsWidget.boundingRect
    shape = QGraphicsWidget.shape


MIN_WRAP_WIDTH = 80  # px


class WrappingTitle(pg.LabelItem):
    """A plot title that wraps onto more lines rather than widening the plot.

    pyqtgraph's title asks for its whole text's width as a minimum: a long title (or the larger
    font of presentation mode) then makes the plot item wider than its view, and the view cuts off
    the plot's right side. This one asks for no minimum width, wraps to the width it is given and
    makes the title row as tall as its lines.
    """

    def __init__(self, plot_item: pg.PlotItem) -> None:
        self._plot_item = plot_item
        self._wrap_width = -1.0
        super().__init__("", parent=plot_item, size="11pt")
        option = self.item.document().defaultTextOption()
        option.setAlignment(Qt.AlignHCenter)
        self.item.document().setDefaultTextOption(option)

    def resizeEvent(self, ev) -> None:
        self._wrap_to(self.width())
        super().resizeEvent(ev)

    def _wrap_to(self, width: float) -> None:
        document = self.item.document()
        document.setTextWidth(-1)
        # Not below MIN_WRAP_WIDTH: before its first layout the title is a few pixels wide, and a title
        # wrapped to that would stretch the plot item to hundreds of lines.
        wrap = width if MIN_WRAP_WIDTH <= width < document.idealWidth() else -1.0
        document.setTextWidth(wrap)
        self._wrap_width = wrap

    def updateMin(self) -> None:
        if self._wrap_width != -1.0 or self.width() > 0:
            self.item.document().setTextWidth(-1)
            self._wrap_to(self.width())
        height = self.itemRect().height()
        if self.isVisible():  # PlotItem.setTitle fixes the title's row at 30 px
            self.setMaximumHeight(height)
            self._plot_item.layout.setRowFixedHeight(0, height)
        super().updateMin()
        self.setMinimumWidth(0)
        self._sizeHint[Qt.SizeHint.MinimumSize] = (0, height)
        self.updateGeometry()


class LivePlotWidget(pg.PlotWidget):
    """A PlotWidget that paints without calling back into Python.

    pyqtgraph's GraphicsView.paintEvent is a Python override that only calls
    scene.prepareForPaint() (which applies pending range changes); as a Python
    override it makes every repaint take the GIL from the training thread. Here
    Qt's own paintEvent is used, and the preparation runs when a range or the
    size changes. Axes (LiveAxis), the view box (LiveViewBox) and the title are
    painted without Python too.
    """

    paintEvent = QGraphicsView.paintEvent

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("viewBox", LiveViewBox())
        kwargs.setdefault("axisItems", {name: LiveAxis(name) for name in ("left", "bottom")})  # pyqtgraph shows these
        super().__init__(*args, **kwargs)
        item = self.getPlotItem()
        view = item.getViewBox()
        # Range changes (code, mouse zoom/pan) and resizes mark the view's
        # transform dirty; apply it then, not on every frame.
        view.sigRangeChanged.connect(view.prepareForPaint)
        view.sigResized.connect(view.prepareForPaint)
        self._wrap_title(item)
        # The title is a LabelItem whose own drawing is empty (its text is a child item):
        # without contents Qt stops asking its Python boundingRect().
        item.titleLabel.setFlag(QGraphicsItem.ItemHasNoContents, True)

    @staticmethod
    def _wrap_title(item: pg.PlotItem) -> None:
        old = item.titleLabel
        item.layout.removeItem(old)
        if old.scene() is not None:
            old.scene().removeItem(old)
        item.titleLabel = WrappingTitle(item)
        item.layout.addItem(item.titleLabel, 0, 1)
        item.setTitle(None)

    def sync(self) -> None:
        """Apply pending view changes now (range and size changes sync themselves on the next pass)."""
        self.scene().prepareForPaint()
        for name in ("left", "bottom"):
            axis = self.getPlotItem().getAxis(name)
            if isinstance(axis, LiveAxis) and axis._rebuild_pending:
                axis.rebuild()


def make_plot(title: str = "", x_label: str = "", y_label: str = "", *, grid: bool = True) -> LivePlotWidget:
    """A plot with fixed ranges. Plots redrawn at video rate should pass grid=False:
    the grid belongs to the axis items, whose cached picture is then replayed
    on every frame (about 2 ms of GIL each)."""
    plot = LivePlotWidget()
    item = plot.getPlotItem()
    # The plot item and its view box paint nothing we use (a border at most);
    # marked contentless, Qt skips their Python paint() and boundingRect().
    item.setFlag(QGraphicsItem.ItemHasNoContents, True)
    item.getViewBox().setFlag(QGraphicsItem.ItemHasNoContents, True)
    item.setMenuEnabled(False)
    item.hideButtons()
    item.disableAutoRange()
    if grid:
        plot.grid = GridLines(item)
    for name in ("left", "bottom"):
        # Ticks point outwards, so an axis never overlaps the plot area that live curves repaint. The axis only
        # grows to fit its labels: one that also shrank could take turns with the wrapping title (fewer ticks on a
        # shorter plot, a narrower axis, a wider title row, one line less, a taller plot...) and never settle.
        item.getAxis(name).setStyle(tickLength=5, autoReduceTextSpace=False)
    if title:
        item.setTitle(title)
    if x_label:
        item.setLabel("bottom", x_label)
    if y_label:
        item.setLabel("left", y_label)
    return plot


COORD_LIMIT = 1e7


def _polyline_path(x: np.ndarray, y: np.ndarray) -> QPainterPath:
    """An open polyline, filled straight from numpy into a QPolygonF's memory."""
    polygon = pg.functions.create_qpolygonf(len(x))
    points = pg.functions.ndarray_from_qpolygonf(polygon)
    points[:, 0] = x
    points[:, 1] = y
    path = QPainterPath()
    path.addPolygon(polygon)
    return path


class FastCurve:
    """A curve drawn by a plain QGraphicsPathItem.

    pyqtgraph's PlotCurveItem calls back into Python for paint() and
    boundingRect() on every frame; each call is a GIL hand-off with the
    training thread. A QGraphicsPathItem is painted entirely in C++.
    """

    def __init__(self, plot_item: pg.PlotItem, pen) -> None:
        self.item = QGraphicsPathItem()
        pen = pg.mkPen(pen)
        pen.setCosmetic(True)  # width in pixels, whatever the view's scale
        self.item.setPen(pen)
        plot_item.addItem(self.item, ignoreBounds=True)

    def set_data(self, x: np.ndarray, y: np.ndarray) -> None:
        y = np.asarray(y)
        finite = np.isfinite(y)
        if finite.all() and y.size and -COORD_LIMIT < y.min() and y.max() < COORD_LIMIT:
            self.item.setPath(_polyline_path(x, y))  # the common case, once per frame: keep it lean
            return
        # A segment is drawn from point i to i+1 only when both are defined; keep
        # coordinates within what QPainter handles (the view never shows more).
        connect = finite & np.append(finite[1:], False)
        y = np.clip(np.where(finite, y, 0.0), -COORD_LIMIT, COORD_LIMIT)
        self.item.setPath(pg.arrayToQPath(np.asarray(x, dtype=np.float64), y, connect=connect))

    def clear(self) -> None:
        self.item.setPath(QPainterPath())


class FastPoints:
    """Round dots of a fixed pixel size, painted in C++ (see FastCurve).

    Each point is a very short segment: a cosmetic pen with a round cap draws
    it as a dot of the pen's width, whatever the view's scale. (Qt skips
    segments of exactly zero length.)
    """

    def __init__(self, plot_item: pg.PlotItem, color, size: float) -> None:
        self.item = QGraphicsPathItem()
        pen = pg.mkPen(color, width=size)
        pen.setCosmetic(True)
        pen.setCapStyle(Qt.RoundCap)
        self.item.setPen(pen)
        plot_item.addItem(self.item, ignoreBounds=True)

    def set_data(self, x: np.ndarray, y: np.ndarray) -> None:
        x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
        path = QPainterPath()
        nudge = 1e-7 * max(1.0, float(np.abs(x).max(initial=0.0)))
        for xi, yi in zip(x, y):
            if math.isfinite(xi) and math.isfinite(yi):
                path.moveTo(xi, yi)
                path.lineTo(xi + nudge, yi)
        self.item.setPath(path)

    def count(self) -> int:
        return self.item.path().elementCount() // 2
