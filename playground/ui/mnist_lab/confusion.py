"""Confusion matrix (counts, colour-scaled), per-class accuracy, and the images of a clicked cell.

The view has a tab of its own in the MNIST lab: squeezed under the training settings its ten rows got
about 8 px each. Its minimum size keeps every cell at least MIN_CELL px, and the counts are sized to the
cells whenever the view is resized (never per frame: the matrix changes once a run).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QFont, QFontMetricsF, QIcon, QImage, QPixmap
from PySide6.QtWidgets import QLabel, QListView, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from playground.core.mnist.data import DIGIT_CLASS_NAMES
from playground.ui.plots import make_plot
from playground.ui.theme import plot_colors
from playground.ui.widgets.layouts import fill, wrapped_label

MAX_EXAMPLES = 60
MIN_CELL = 20          # px: a cell of the matrix is never smaller (readable counts up to "100")
AXES_ROOM = 70         # px the tick labels and axis titles take beside and below the cells
THUMB = 56             # px: an example image (28×28 doubled)
COUNT_SHARE = 0.6      # of a cell's width (and height) that its count may take


def colormap_for(colors) -> pg.ColorMap:
    """viridis on the dark theme; on the light one, from the background to the theme's blue (light = few)."""
    background = pg.mkColor(colors.background)
    if background.lightness() < 128:
        return pg.colormap.get("viridis")
    accent = pg.mkColor(colors.train_points)
    faint = pg.mkColor(*(int(0.9 * b + 0.1 * a) for a, b in zip(accent.getRgb()[:3], background.getRgb()[:3])))
    return pg.ColorMap([0.0, 1.0], [faint, accent.darker(140)])


class ConfusionView(QWidget):
    cellClicked = Signal(int, int)  # true class, predicted class

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot = make_plot(grid=False)
        item = self.plot.getPlotItem()
        item.setMouseEnabled(False, False)
        _left, top, right, _bottom = item.layout.getContentsMargins()
        item.layout.setContentsMargins(6, top, right, 6)  # the axis titles' text boxes: whole, not cut
        item.invertY(True)
        item.setXRange(0, 10, padding=0)
        item.setYRange(0, 10, padding=0)
        self.image = pg.ImageItem(axisOrder="row-major")
        item.addItem(self.image)
        self.texts = []
        for r in range(10):
            row = []
            for col in range(10):
                text = pg.TextItem("", anchor=(0.5, 0.5))
                text.setPos(col + 0.5, r + 0.5)
                item.addItem(text)
                row.append(text)
            self.texts.append(row)
        ticks = [[(i + 0.5, str(i)) for i in range(10)]]
        item.getAxis("bottom").setTicks(ticks)
        item.getAxis("left").setTicks(ticks)
        self.plot.setMinimumSize(10 * MIN_CELL + AXES_ROOM, 10 * MIN_CELL + AXES_ROOM)
        self.plot.scene().sigMouseClicked.connect(self._on_click)
        item.getViewBox().sigResized.connect(self._fit_counts)
        self.hint_label = wrapped_label()  # a label, not the plot's title: it wraps in a narrow column
        self.per_class_label = wrapped_label()
        self.examples_label = QLabel()
        self.examples = QListWidget()
        self.examples.setViewMode(QListView.IconMode)
        self.examples.setIconSize(QSize(THUMB, THUMB))
        self.examples.setResizeMode(QListView.Adjust)
        self.examples.setMovement(QListView.Static)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        fill(layout, self.hint_label, (self.plot, 3), self.per_class_label, self.examples_label, (self.examples, 1))
        self.matrix: np.ndarray | None = None
        self.class_names = list(DIGIT_CLASS_NAMES)
        self._images = self._labels = self._probs = None
        self.fit_to_font()
        self.apply_theme()

    # -- sizes ------------------------------------------------------------------------------------
    def fit_to_font(self) -> None:
        """Whole rows of thumbnails with their captions (they scroll), in the current font (presentation
        mode changes it)."""
        line = self.examples.fontMetrics().lineSpacing()
        self.examples.setGridSize(QSize(THUMB + 2 * line, THUMB + line + 8))
        self.examples.setMinimumHeight(THUMB + line + 8 + 2 * self.examples.frameWidth() + 4)

    def cell_size(self) -> tuple[float, float]:
        """(width, height) of one cell in pixels."""
        rect = self.plot.getPlotItem().getViewBox().sceneBoundingRect()
        return rect.width() / 10, rect.height() / 10

    def _fit_counts(self, *_args) -> None:
        """Counts as large as the cells allow: the widest count fits COUNT_SHARE of a cell."""
        width, height = self.cell_size()
        widest = max((len(t.toPlainText()) for row in self.texts for t in row), default=1) or 1
        font = QFont(self.font())
        font.setPixelSize(100)
        metrics = QFontMetricsF(font)
        scale = min(COUNT_SHARE * width / metrics.horizontalAdvance("8" * widest),
                    COUNT_SHARE * height / metrics.height())
        font.setPixelSize(max(6, min(int(100 * scale), 22)))
        for row in self.texts:
            for text in row:
                text.setFont(font)

    # -- theme ------------------------------------------------------------------------------------
    def apply_theme(self) -> None:
        """The colour map of the theme, and cell counts in black or white, whichever reads on the cell."""
        self.lut = colormap_for(plot_colors()).getLookupTable(nPts=256)
        self.image.setLookupTable(self.lut)
        self._color_texts()

    def _color_texts(self) -> None:
        if self.matrix is None:
            return
        for r in range(10):
            for col in range(10):
                rgb = self.lut[int(round(self._share[r, col] * 255))][:3]
                light_cell = 0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2] > 140
                self.texts[r][col].setColor("#111111" if light_cell else "#f0f0f0")

    def clear(self) -> None:
        """No results (e.g. a model opened from a session: the last matrix belonged to another run)."""
        self.matrix = None
        self._images = self._labels = self._probs = None
        self.image.clear()
        for row in self.texts:
            for text in row:
                text.setText("")
        self.per_class_label.setText("")
        self.examples_label.setText("")
        self.examples.clear()

    def set_results(self, confusion: np.ndarray, images: np.ndarray, labels: np.ndarray, probs: np.ndarray,
                    class_names: list[str], per_class_text: str) -> None:
        self.matrix = np.asarray(confusion)
        self._images, self._labels, self._probs = images, labels, probs
        self.class_names = list(class_names)
        # Colour by share of the row, so every class is readable whatever its size.
        rows = self.matrix.sum(axis=1, keepdims=True).clip(min=1)
        self._share = self.matrix / rows
        self.image.setImage(self._share, levels=(0, 1))
        self.image.setRect(0, 0, 10, 10)  # after setImage: one unit per cell
        for r in range(10):
            for col in range(10):
                n = int(self.matrix[r, col])
                self.texts[r][col].setText(str(n) if n else "")
        self._color_texts()
        self._fit_counts()
        self.per_class_label.setText(per_class_text)
        self.examples.clear()

    def _on_click(self, event) -> None:
        if self.matrix is None:
            return
        point = self.plot.getPlotItem().getViewBox().mapSceneToView(event.scenePos())
        col, row = int(np.floor(point.x())), int(np.floor(point.y()))
        if 0 <= row < 10 and 0 <= col < 10:
            self.show_cell(row, col)
            self.cellClicked.emit(row, col)

    def show_cell(self, true_class: int, predicted: int) -> list[int]:
        """List the test images with this label and prediction, with their probabilities."""
        self.examples.clear()
        if self.matrix is None:
            return []
        chosen = np.flatnonzero((self._labels == true_class) & (self._probs.argmax(1) == predicted))
        for i in chosen[:MAX_EXAMPLES]:
            data = np.ascontiguousarray(self._images[i])
            qimage = QImage(data.data, 28, 28, 28, QImage.Format_Grayscale8).copy()
            icon = QIcon(QPixmap.fromImage(qimage).scaled(THUMB, THUMB))
            p = self._probs[i]
            item = QListWidgetItem(icon, f"{self.class_names[predicted]} {p[predicted]:.0%}")
            top3 = np.argsort(p)[::-1][:3]
            item.setToolTip(", ".join(f"{self.class_names[k]}: {p[k]:.1%}" for k in top3))
            self.examples.addItem(item)
        self.shown_cell = (true_class, predicted, len(chosen))
        self.examples_label.setText(self.examples_label_text(true_class, predicted, len(chosen)))
        return [int(i) for i in chosen]

    # set by the lab so the text is translated there
    def examples_label_text(self, true_class: int, predicted: int, count: int) -> str:
        return f"{true_class} → {predicted}: {count}"
