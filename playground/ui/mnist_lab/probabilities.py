"""The 10 class probabilities as a bar chart, the top class large, and the 28×28 preview."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QImage, QPixmap
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from playground.ui.plots import make_plot
from playground.ui.theme import plot_colors

PREVIEW_SCALE = 4


class ProbabilityView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        c = plot_colors()
        self.plot = make_plot(grid=False)
        item = self.plot.getPlotItem()
        item.setXRange(-0.6, 9.6, padding=0)
        item.setYRange(0, 1.0, padding=0)
        item.setMouseEnabled(False, False)
        self.bars = pg.BarGraphItem(x=np.arange(10), height=np.zeros(10), width=0.7,
                                    brush=pg.mkBrush(c.fit), pen=pg.mkPen(None))
        item.addItem(self.bars)
        self.plot.setMinimumHeight(150)
        self.set_class_names([str(i) for i in range(10)])
        self.top_label = QLabel()
        font = QFont()
        font.setPointSize(40)
        font.setBold(True)
        self.top_label.setFont(font)
        self.top_label.setAlignment(Qt.AlignCenter)
        self.confidence_label = QLabel()
        self.confidence_label.setAlignment(Qt.AlignCenter)
        self.preview = QLabel()
        self.preview.setFixedSize(28 * PREVIEW_SCALE + 2, 28 * PREVIEW_SCALE + 2)
        self.preview.setStyleSheet("background: black; border: 1px solid #5a5e66;")
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
        self.class_names: list[str] = [str(i) for i in range(10)]

    def set_class_names(self, names: list[str]) -> None:
        self.class_names = list(names)
        axis = self.plot.getPlotItem().getAxis("bottom")
        axis.setTicks([[(i, name if len(name) <= 6 else name[:5] + "…") for i, name in enumerate(names)]])

    def show_prediction(self, probs: np.ndarray | None, image28: np.ndarray | None, caption: str) -> None:
        """``probs`` None = empty canvas: no prediction."""
        self.probs = probs
        if probs is None:
            self.bars.setOpts(height=np.zeros(10))
            self.top_label.setText("–")
            self.confidence_label.setText(caption)
            self.preview.setPixmap(QPixmap())
            return
        self.bars.setOpts(height=np.asarray(probs, dtype=float))
        top = int(np.argmax(probs))
        self.top_label.setText(self.class_names[top])
        self.confidence_label.setText(caption)
        if image28 is not None:
            data = np.ascontiguousarray(np.clip(image28 * 255, 0, 255).astype(np.uint8))
            qimage = QImage(data.data, 28, 28, 28, QImage.Format_Grayscale8).copy()
            self.preview.setPixmap(QPixmap.fromImage(qimage).scaled(28 * PREVIEW_SCALE, 28 * PREVIEW_SCALE,
                                                                    Qt.IgnoreAspectRatio, Qt.FastTransformation))

    def top_class(self) -> str | None:
        return None if self.probs is None else self.class_names[int(np.argmax(self.probs))]
