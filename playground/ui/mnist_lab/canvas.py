"""A square drawing canvas: white ink on black, a thick round pen, undo, clear and an eraser.

Strokes are painted into a 280×280 grayscale QImage (so undo repaints the
remaining strokes). ``changed`` is emitted at most every THROTTLE_MS while
drawing, and once more when a stroke ends, so predictions stay smooth.
"""

from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

CANVAS_SIZE = 280
PEN_WIDTH = 28          # 1/10 of the canvas, as MNIST's strokes after scaling to 20 px
THROTTLE_MS = 30        # at most ~33 predictions a second while drawing
CHECKPOINT_EVERY = 25   # keep the picture after every 25th stroke: an undo repaints at most that many
MAX_CHECKPOINTS = 64    # then every other one goes (a 78 kB image each: memory stays small)


class DrawingCanvas(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image = QImage(CANVAS_SIZE, CANVAS_SIZE, QImage.Format_Grayscale8)
        self.image.fill(0)
        self.strokes: list[tuple[bool, list[QPointF]]] = []  # (eraser, points in image coordinates)
        self._current: list[QPointF] | None = None
        self._checkpoints: dict[int, QImage] = {}  # stroke count → the picture after that many strokes
        self.eraser = False
        self.last_event_time = 0.0  # perf_counter of the last stroke event (benchmarks)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._emit_changed)
        self._last_emit = 0.0
        self.setMinimumSize(200, 200)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.setCursor(Qt.CrossCursor)
        self.frame_color = QColor("#5a5e66")  # the theme's (apply_theme); the drawing stays white on black

    # -- geometry ----------------------------------------------------------------
    def _square(self) -> QRectF:
        side = min(self.width(), self.height())
        return QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)

    def to_image(self, pos) -> QPointF:
        rect = self._square()
        scale = CANVAS_SIZE / rect.width()
        return QPointF((pos.x() - rect.x()) * scale, (pos.y() - rect.y()) * scale)

    def to_widget(self, x: float, y: float):
        """Widget coordinates of image point (x, y) in 0…280 (tests draw with this)."""
        from PySide6.QtCore import QPoint

        rect = self._square()
        scale = rect.width() / CANVAS_SIZE
        return QPoint(int(round(rect.x() + x * scale)), int(round(rect.y() + y * scale)))

    # -- drawing -------------------------------------------------------------------
    def _pen(self, eraser: bool) -> QPen:
        pen = QPen(QColor(0, 0, 0) if eraser else QColor(255, 255, 255), PEN_WIDTH * (1.5 if eraser else 1))
        pen.setCapStyle(Qt.RoundCap)
        pen.setJoinStyle(Qt.RoundJoin)
        return pen

    def _paint_segment(self, eraser: bool, a: QPointF, b: QPointF) -> None:
        painter = QPainter(self.image)
        painter.setRenderHint(QPainter.Antialiasing)
        painter.setPen(self._pen(eraser))
        painter.drawLine(a, b)
        painter.end()

    def mousePressEvent(self, event) -> None:
        if event.button() != Qt.LeftButton:
            return
        point = self.to_image(event.position())
        self._current = [point]
        self.strokes.append((self.eraser, self._current))
        self._paint_segment(self.eraser, point, point)
        self._touched()

    def mouseMoveEvent(self, event) -> None:
        if self._current is None:
            return
        point = self.to_image(event.position())
        self._paint_segment(self.eraser, self._current[-1], point)
        self._current.append(point)
        self._touched()

    def mouseReleaseEvent(self, event) -> None:
        if self._current is None or event.button() != Qt.LeftButton:
            return
        self._current = None
        self._timer.stop()
        self._checkpoint()
        self._emit_changed()  # the final picture, at once

    def _checkpoint(self) -> None:
        count = len(self.strokes)
        if count % CHECKPOINT_EVERY:
            return
        self._checkpoints[count] = self.image.copy()
        if len(self._checkpoints) > MAX_CHECKPOINTS:
            for key in sorted(self._checkpoints)[::2]:
                del self._checkpoints[key]

    def _touched(self) -> None:
        # Leading-edge throttle: the first event after a quiet spell predicts at once (no
        # added latency); events within THROTTLE_MS of the last prediction are merged into
        # one that runs when the interval is over.
        now = time.perf_counter()
        self.last_event_time = now
        self.update()
        if self._timer.isActive():
            return
        wait_ms = THROTTLE_MS - (now - self._last_emit) * 1000
        if wait_ms <= 0:
            self._emit_changed()
        else:
            self._timer.start(int(wait_ms) + 1)

    def _emit_changed(self) -> None:
        self._last_emit = time.perf_counter()
        self.changed.emit()

    def _repaint_all(self) -> None:
        """The picture of the current strokes: from the latest checkpoint, then the strokes after it
        with one painter (a painter per segment made an undo of 1,000 strokes block for 0.7 s)."""
        count = len(self.strokes)
        for key in [k for k in self._checkpoints if k > count]:
            del self._checkpoints[key]
        base = max(self._checkpoints, default=0)
        if base:
            self.image = self._checkpoints[base].copy()
        else:
            self.image.fill(0)
        painter = QPainter(self.image)
        painter.setRenderHint(QPainter.Antialiasing)
        for eraser, points in self.strokes[base:]:
            painter.setPen(self._pen(eraser))
            for a, b in zip(points, points[1:] or points):
                painter.drawLine(a, b)
        painter.end()
        self.update()

    def set_frame_color(self, color) -> None:
        self.frame_color = QColor(color)
        self.update()

    def clear(self) -> None:
        self.strokes.clear()
        self._checkpoints.clear()
        self._current = None
        self.image.fill(0)
        self.update()
        self.changed.emit()

    def undo(self) -> None:
        if self.strokes:
            self.strokes.pop()
            self._current = None
            self._repaint_all()
            self.changed.emit()

    def set_eraser(self, on: bool) -> None:
        self.eraser = bool(on)

    def is_empty(self) -> bool:
        return not self.strokes

    def pixels(self) -> np.ndarray:
        """The canvas as a (280, 280) uint8 array (a copy)."""
        ptr = self.image.constBits()
        stride = self.image.bytesPerLine()
        array = np.frombuffer(ptr, dtype=np.uint8, count=stride * CANVAS_SIZE).reshape(CANVAS_SIZE, stride)
        return array[:, :CANVAS_SIZE].copy()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().window())
        rect = self._square()
        painter.drawImage(rect, self.image)
        painter.setPen(QPen(self.frame_color, 1))
        painter.drawRect(rect.adjusted(0, 0, -1, -1))
        painter.end()
