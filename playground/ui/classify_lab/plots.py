"""The Classification lab's views: decision regions with the points, and the neurons' small heatmaps.

Everything redrawn while training is painted by plain Qt items (a pixmap item
for the heatmap, path items for the points, a QLabel for the neurons): their
painting runs in C++ and never calls back into Python, so it costs the
training thread no GIL hand-offs (README "Design"). The points change only
when the data change. (Caching them as device pixmaps, DeviceCoordinateCache,
was measured 40x slower here: the cosmetic pens make their cached rects huge.)
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, QPointF, QRect, QSize, Qt, Signal
from PySide6.QtGui import QImage, QPainter, QPixmap, QTransform
from PySide6.QtWidgets import QGraphicsPixmapItem, QSizePolicy, QWidget

import pyqtgraph as pg

from playground.core.classify.data import CLASS_COLORS, DOMAIN, HEATMAP_SIZE
from playground.ui.plots import FastPoints, make_plot
from playground.ui.theme import plot_colors

MAX_CLASSES = len(CLASS_COLORS)
DOT_SIZE, TRAIN_RING_SIZE, TEST_RING_SIZE, TEST_EDGE_SIZE = 6, 9, 10, 12  # pixels
TRAIN_RING, TEST_RING = "#111111", "#ffffff"  # the same in both themes: the plot's title names them


def _is_light(colors) -> bool:
    return pg.mkColor(colors.background).lightness() > 128


def _set_pen_color(item, color) -> None:
    pen = item.pen()
    pen.setColor(pg.mkColor(color))
    item.setPen(pen)


def rgba_pixmap(image: np.ndarray) -> QPixmap:
    """A QPixmap from an (h, w, 4) uint8 RGBA array (copied)."""
    image = np.ascontiguousarray(image)
    h, w = image.shape[:2]
    qimage = QImage(image.data, w, h, 4 * w, QImage.Format_RGBA8888)
    return QPixmap.fromImage(qimage)


class DecisionPlot(QObject):
    """The plane [-6, 6]²: decision regions behind train points (dark ring) and test points (white ring).

    Emits ``pointClicked(x, y, add)``: a left click (add=True) or right click (add=False) inside the plane.
    """

    pointClicked = Signal(float, float, bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        c = plot_colors()
        self.widget = make_plot(grid=False)
        item = self.widget.getPlotItem()
        self.heat = QGraphicsPixmapItem()
        self.heat.setTransformationMode(Qt.SmoothTransformation)
        scale = 2 * DOMAIN / HEATMAP_SIZE
        self.heat.setTransform(QTransform.fromScale(scale, scale))
        self.heat.setPos(-DOMAIN, -DOMAIN)
        self.heat.setZValue(-10)
        item.addItem(self.heat, ignoreBounds=True)
        # Drawn as dots inside rings: a dark ring for a training point, a white ring for a test point;
        # on a light background the white ring gets a dark edge, or it vanishes in the pale regions
        # (an extra item only then: painting the points is most of a frame's cost).
        self.test_edge = FastPoints(item, c.foreground, TEST_EDGE_SIZE)
        self.test_edge.item.setVisible(_is_light(c))
        self.train_ring = FastPoints(item, TRAIN_RING, TRAIN_RING_SIZE)
        self.test_ring = FastPoints(item, TEST_RING, TEST_RING_SIZE)
        self.train_dots = [FastPoints(item, pg.mkColor(*rgb), DOT_SIZE) for rgb in CLASS_COLORS]
        self.test_dots = [FastPoints(item, pg.mkColor(*rgb), DOT_SIZE) for rgb in CLASS_COLORS]
        self._sizes = [(self.test_edge, TEST_EDGE_SIZE), (self.train_ring, TRAIN_RING_SIZE),
                       (self.test_ring, TEST_RING_SIZE)]
        self._sizes += [(dots, DOT_SIZE) for dots in self.train_dots + self.test_dots]
        for points, _size in self._sizes:
            # Below zero: presentation mode's pen doubling (appearance.Presentation) skips them and
            # set_point_scale() enlarges them less; still above the heatmap (-10).
            points.item.setZValue(-5)
        self.message = pg.TextItem(color=c.warning, anchor=(0.5, 0.0))
        self.message.setZValue(20)
        self.message.setPos(0, DOMAIN)
        item.addItem(self.message, ignoreBounds=True)
        self.message.hide()
        self._fit_view()
        item.getViewBox().sigResized.connect(self._fit_view)  # re-centre the square plane (only on resize)
        # Small enough that the lab fits beside the Lessons panel on a 1024-pixel screen; it stretches.
        self.widget.setMinimumSize(QSize(220, 220))
        self.widget.scene().sigMouseClicked.connect(self._on_click)
        self.widget.sync()
        self.frames = 0

    def _fit_view(self, *_args) -> None:
        """Show the whole plane, centred, with square units (set by hand: pyqtgraph's aspect
        lock keeps one edge fixed and shifts the plane off-centre)."""
        view = self.widget.getPlotItem().getViewBox()
        half = 1.02 * DOMAIN
        w, h = view.width(), view.height()
        hx, hy = (half * w / h, half) if w >= h > 0 else (half, half * h / w if w > 0 else half)
        view.setRange(xRange=(-hx, hx), yRange=(-hy, hy), padding=0)
        self.widget.sync()

    def set_points(self, data) -> None:
        """Show a dataset (ClassifyData); called only when the data change."""
        self.train_ring.set_data(data.x_train[:, 0], data.x_train[:, 1])
        for ring in (self.test_edge, self.test_ring):
            ring.set_data(data.x_test[:, 0], data.x_test[:, 1])
        for k in range(MAX_CLASSES):
            tr, te = data.x_train[data.y_train == k], data.x_test[data.y_test == k]
            self.train_dots[k].set_data(tr[:, 0], tr[:, 1])
            self.test_dots[k].set_data(te[:, 0], te[:, 1])
        self.widget.sync()

    def apply_theme(self, colors) -> None:
        """Recolour what depends on the theme (the heatmap itself comes recoloured from the worker)."""
        _set_pen_color(self.test_edge.item, colors.foreground)
        self.test_edge.item.setVisible(_is_light(colors))
        self.message.setColor(pg.mkColor(colors.warning))

    def set_point_scale(self, scale: float) -> None:
        """Larger points for presentation mode (1.0: normal)."""
        for points, size in self._sizes:
            pen = points.item.pen()
            pen.setWidthF(size * scale)
            points.item.setPen(pen)

    def point_count(self) -> int:
        return self.train_ring.count() + self.test_ring.count()

    def set_heatmap(self, image: np.ndarray) -> None:
        self.heat.setPixmap(rgba_pixmap(image))
        self.frames += 1

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def hide_message(self) -> None:
        self.message.hide()

    def scene_pos_of(self, x: float, y: float) -> QPointF:
        return self.widget.getPlotItem().getViewBox().mapViewToScene(QPointF(x, y))

    def _on_click(self, event) -> None:
        if event.button() not in (Qt.LeftButton, Qt.RightButton):
            return
        view = self.widget.getPlotItem().getViewBox()
        if not view.sceneBoundingRect().contains(event.scenePos()):
            return
        p = view.mapSceneToView(event.scenePos())
        if abs(p.x()) <= DOMAIN and abs(p.y()) <= DOMAIN:
            event.accept()
            self.pointClicked.emit(p.x(), p.y(), event.button() == Qt.LeftButton)


class NeuronView(QWidget):
    """The small heatmaps of the inputs and of every hidden neuron, as one image (see ClassifyJob.neuron_mosaic),
    under a header per column ("Inputs", "Layer 1", …; the short forms when a column is too narrow for them).

    It paints the image itself: a QLabel would ask the window to lay itself out
    again on every new picture, which repaints the plots and slows training tenfold.
    """

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Expanding)
        self.setMinimumWidth(120)
        self._pixmap: QPixmap | None = None
        self._columns = 0
        self._headers: list[tuple[str, str]] = []  # (full, short) per column
        self.header_rects: list[tuple[QRect, str]] = []  # where the last paint put each header (tests)
        self.updates = 0

    def set_headers(self, headers: list[tuple[str, str]]) -> None:
        """(full, short) titles of the columns: the inputs', then each hidden layer's."""
        self._headers = list(headers)
        self.update()

    def set_columns(self, count: int) -> None:
        """How many columns the mosaic has (its inputs and hidden layers)."""
        if count != self._columns:
            self._columns = count
            self.update()

    def sizeHint(self) -> QSize:
        return QSize(200, 300)

    def set_mosaic(self, image: np.ndarray) -> None:
        self._pixmap = rgba_pixmap(image)
        self.updates += 1
        self.update()

    def pixmap(self) -> QPixmap | None:
        return self._pixmap

    def paintEvent(self, event) -> None:
        if self._pixmap is None:
            return
        area = self.visibleRegion().boundingRect()  # a squeezed splitter pane may hide the bottom
        header = self.fontMetrics().height() + 4 if self._columns else 0
        area.setTop(area.top() + header)
        if area.isEmpty():
            return
        size = self._pixmap.size()
        size.scale(area.size().boundedTo(self.size()), Qt.KeepAspectRatio)
        if size.width() > 2 * self._pixmap.width():  # at most twice the computed resolution
            size = self._pixmap.size() * 2
        x = (self.width() - size.width()) // 2
        painter = QPainter(self)
        painter.setRenderHint(QPainter.SmoothPixmapTransform)
        painter.drawPixmap(QRect(x, area.top(), size.width(), size.height()), self._pixmap)
        self._paint_headers(painter, x, area.top() - header, size.width(), header)
        painter.end()

    def _paint_headers(self, painter: QPainter, x: int, y: int, width: int, height: int) -> None:
        self.header_rects = []
        count = min(self._columns, len(self._headers))
        if not count:
            return
        pitch = width / self._columns  # a column and its gap
        metrics = self.fontMetrics()
        fits = all(metrics.horizontalAdvance(full) <= pitch - 2 for full, _short in self._headers[:count])
        painter.setPen(self.palette().windowText().color())
        for i in range(count):
            text = self._headers[i][0 if fits else 1]
            rect = QRect(int(x + i * pitch), y, int(pitch), height)
            painter.drawText(rect, Qt.AlignHCenter | Qt.AlignBottom, text)
            self.header_rects.append((rect, text))
