"""The 10 class probabilities as a bar chart, the top class large, and the 28×28 preview."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QImage, QPixmap
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from playground.core.mnist.data import DIGIT_CLASS_NAMES
from playground.ui.plots import make_plot
from playground.ui.theme import plot_colors

PREVIEW_SCALE = 4
TOP_POINT_SIZE = 40
PLOT_MIN_HEIGHT = 150
PRESENTATION_SCALE = 1.6  # top class, bars and preview in presentation mode


class ProbabilityView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot = make_plot(grid=False)
        item = self.plot.getPlotItem()
        item.setXRange(-0.6, 9.6, padding=0)
        item.setYRange(0, 1.0, padding=0)
        item.setMouseEnabled(False, False)
        self.bars = pg.BarGraphItem(x=np.arange(10), height=np.zeros(10), width=0.7, pen=pg.mkPen(None))
        item.addItem(self.bars)
        self.plot.setMinimumHeight(PLOT_MIN_HEIGHT)  # it stretches; a larger minimum would crowd small screens
        self.set_class_names(DIGIT_CLASS_NAMES)
        self.top_label = QLabel()
        self.top_label.setAlignment(Qt.AlignCenter)
        self.confidence_label = QLabel()
        self.confidence_label.setAlignment(Qt.AlignCenter)
        self.preview = QLabel()
        self.preview_caption = QLabel()
        self.preview_caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.top_label)
        layout.addWidget(self.confidence_label)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.preview_caption)
        layout.addWidget(self.preview, 0, Qt.AlignHCenter)
        self.probs: np.ndarray | None = None
        self._image28: np.ndarray | None = None
        self.class_names: list[str] = list(DIGIT_CLASS_NAMES)
        self.scale = 1.0
        self.set_presentation(False)
        self.apply_theme()

    # -- classroom ------------------------------------------------------------------------------
    def apply_theme(self) -> None:
        """Bars in a muted colour, the top class highlighted; the preview framed like the plots."""
        c = plot_colors()
        self.bar_brush, self.top_brush = pg.mkBrush(c.target), pg.mkBrush(c.fit)
        self.preview.setStyleSheet(f"background: black; border: 1px solid {c.target};")
        self._paint_bars()

    def set_presentation(self, on: bool) -> None:
        """Everything larger for the room (PRESENTATION_SCALE); off restores the normal sizes."""
        self.scale = PRESENTATION_SCALE if on else 1.0
        font = QFont()
        font.setPointSize(int(TOP_POINT_SIZE * self.scale))
        font.setBold(True)
        self.top_label.setFont(font)
        self.bars.setOpts(width=0.8 if on else 0.7)
        side = int(28 * PREVIEW_SCALE * self.scale)
        self.preview.setFixedSize(side + 2, side + 2)
        self._paint_preview()
        self.fit_top_margin()

    def fit_top_margin(self) -> None:
        """Room above the plot for the upper half of the "1.0" tick label, which is centred on the top edge
        (presentation mode's larger font needs more; the application font is already set when it is called)."""
        half_line = QFontMetrics(QApplication.font()).height() // 2 + 2
        layout = self.plot.getPlotItem().layout
        left, _top, right, bottom = layout.getContentsMargins()
        layout.setContentsMargins(left, half_line, right, bottom)

    def set_class_names(self, names: list[str]) -> None:
        self.class_names = list(names)
        axis = self.plot.getPlotItem().getAxis("bottom")
        axis.setTicks([[(i, name if len(name) <= 6 else name[:5] + "…") for i, name in enumerate(names)]])

    def show_prediction(self, probs: np.ndarray | None, image28: np.ndarray | None, caption: str) -> None:
        """``probs`` None = empty canvas: no prediction."""
        self.probs = probs
        self._image28 = None if probs is None else image28
        self._paint_bars()
        self._paint_preview()
        self.confidence_label.setText(caption)
        self.top_label.setText("–" if probs is None else self.class_names[int(np.argmax(probs))])

    def _paint_bars(self) -> None:
        if self.probs is None:
            self.bars.setOpts(height=np.zeros(10), brushes=[self.bar_brush] * 10)
            return
        top = int(np.argmax(self.probs))
        brushes = [self.top_brush if i == top else self.bar_brush for i in range(10)]
        self.bars.setOpts(height=np.asarray(self.probs, dtype=float), brushes=brushes)

    def _paint_preview(self) -> None:
        if self._image28 is None:
            self.preview.setPixmap(QPixmap())
            return
        data = np.ascontiguousarray(np.clip(self._image28 * 255, 0, 255).astype(np.uint8))
        qimage = QImage(data.data, 28, 28, 28, QImage.Format_Grayscale8).copy()
        side = int(28 * PREVIEW_SCALE * self.scale)
        self.preview.setPixmap(QPixmap.fromImage(qimage).scaled(side, side, Qt.IgnoreAspectRatio,
                                                                Qt.FastTransformation))

