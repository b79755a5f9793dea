"""The MNIST lab's "Look inside" view: why the network says what it says, for the current drawing.

Inputs (from the lab, on each prediction): the GUI thread's own model, the preprocessed
28×28 drawing, its normalised tensor and the probabilities. Work is done only while the
panel is visible (its tab is shown); otherwise the latest inputs are kept and shown when
it becomes visible, so drawing with the views off costs nothing.

Every prediction updates the saliency heat map (~1 ms); the verdict, the nearest training
digits and the layer views (3–12 ms, the CNN's 1,568-wide last hidden layer costing most)
follow at most every SLOW_VIEWS_S and once more after the last change, from a timer — as the
lab's other secondary views do — so drawing stays within the canvas's latency target.

The nearest-training-digit index is built once per model and its weights (a forward pass
over the training images on the GUI thread: ~0.05 s for the MLP, a few tenths for the CNN).
"""

from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QFont, QPixmap
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from playground.core.mnist import insight as insight
from playground.ui.mnist_lab.insight_images import grey_rgb, heat_overlay, rgb_image, signed_rgb, tile_sheet

HEAT_PX = 140
SLOW_VIEWS_S = 0.2
UNITS_SHOWN = 12


class InsightPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.class_names = [str(i) for i in range(10)]
        self.dataset = None            # the lab's opened dataset; None: the bundled subset
        self.model_dataset = None      # the name of the data the current model learnt from
        self._bundled = None
        self._index = None
        self._index_key = None
        self._pending = None           # the latest inputs, shown when the panel becomes visible
        self.last_verdict = "empty"
        self.last_neighbours: np.ndarray | None = None
        self.last_saliency = None
        self._slow_at = 0.0            # perf_counter of the last slow-views update
        self._slow_timer = QTimer(self)
        self._slow_timer.setSingleShot(True)
        self._slow_timer.timeout.connect(self._refresh_slow)

        self.verdict_label = QLabel()
        font = QFont(self.verdict_label.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.verdict_label.setFont(font)
        self.verdict_label.setWordWrap(True)
        self.heat_title, self.heat_view, self.heat_legend = QLabel(), QLabel(), QLabel()
        self.heat_legend.setWordWrap(True)
        self.neighbours_title, self.neighbours_view = QLabel(), QLabel()
        self.layer_title, self.layer_view = QLabel(), QLabel()
        self.maps1_title, self.maps1_view = QLabel(), QLabel()
        self.maps2_title, self.maps2_view = QLabel(), QLabel()
        for view in (self.heat_view, self.neighbours_view, self.layer_view, self.maps1_view, self.maps2_view):
            view.setAlignment(Qt.AlignLeft | Qt.AlignTop)
        self.heat_view.setFixedSize(HEAT_PX, HEAT_PX)

        body = QWidget()
        grid = QGridLayout(body)
        grid.addWidget(self.verdict_label, 0, 0, 1, 2)
        grid.addWidget(self.heat_title, 1, 0, 1, 2)
        grid.addWidget(self.heat_view, 2, 0)
        grid.addWidget(self.heat_legend, 2, 1)
        row = 3
        for title, view in ((self.neighbours_title, self.neighbours_view), (self.layer_title, self.layer_view),
                            (self.maps1_title, self.maps1_view), (self.maps2_title, self.maps2_view)):
            title.setWordWrap(True)
            grid.addWidget(title, row, 0, 1, 2)
            grid.addWidget(view, row + 1, 0, 1, 2)
            row += 2
        grid.setRowStretch(row, 1)
        grid.setColumnStretch(1, 1)
        scroll = QScrollArea()
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.retranslate()

    # -- inputs from the lab ---------------------------------------------------------------
    def set_class_names(self, names: list[str], model_dataset: str | None = None) -> None:
        """The current model's class names (shown) and the name of the dataset it was trained on."""
        self.class_names = list(names)
        self.model_dataset = model_dataset

    def set_dataset(self, dataset) -> None:
        """The lab's opened dataset: the neighbours come from it for models trained on it (else the bundled subset)."""
        self.dataset = dataset
        self._index, self._index_key = None, None

    def quick_caption(self, image28, probs) -> str | None:
        """The lab's caption when the drawing is not a confident digit (cheap: no index), else None."""
        kind = insight.verdict(image28, probs)
        return None if kind == "confident" else self._verdict_text(kind, probs)

    def show_drawing(self, model, key, image28, x, probs, mean: float, std: float) -> None:
        """Update for a new prediction; ``key`` changes whenever the model's weights change."""
        self._pending = (model, key, image28, x, probs, mean, std)
        if self.isVisible():
            self._refresh()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._pending is not None:
            self._refresh()

    # -- work ---------------------------------------------------------------------------------
    def _training_tensors(self):
        from playground.core.mnist.data import load_bundled, to_tensors

        if self.dataset is not None and self.dataset.name == self.model_dataset:  # else its own training data
            return self.dataset, to_tensors(self.dataset)
        if self._bundled is None:
            data = load_bundled()
            self._bundled = (data, to_tensors(data))
        return self._bundled

    def index_for(self, model, key) -> insight.EmbeddingIndex:
        full_key = (id(model), key, id(self.dataset), self.model_dataset)
        if self._index_key != full_key:
            data, tensors = self._training_tensors()
            self._index = insight.EmbeddingIndex(model, tensors.train_x, tensors.train_y, tensors.test_x[:500])
            self._index.images = data.train_images
            self._index_key = full_key
        return self._index

    def _refresh(self) -> None:
        """The heat map now; the slower views now if they are due, else from the timer."""
        model, key, image28, x, probs, mean, std = self._pending
        if model is None or image28 is None or probs is None:
            self._slow_timer.stop()
            self._show_empty()
            return
        sal = insight.saliency(model, x, mean, std)
        self.last_saliency = sal
        scale = HEAT_PX // 28  # whole pixels enlarged in numpy: QImage.scaled took milliseconds here
        heat = heat_overlay(image28, sal.heat).repeat(scale, axis=0).repeat(scale, axis=1)
        self.heat_view.setPixmap(QPixmap.fromImage(rgb_image(heat)))
        wait = SLOW_VIEWS_S - (time.perf_counter() - self._slow_at)
        if wait <= 0:
            self._refresh_slow()
        elif not self._slow_timer.isActive():
            self._slow_timer.start(int(wait * 1000) + 1)

    def _refresh_slow(self) -> None:
        self._slow_timer.stop()
        if self._pending is None or self._pending[0] is None or self._pending[2] is None or not self.isVisible():
            return
        self._slow_at = time.perf_counter()
        model, key, image28, x, probs, mean, std = self._pending
        sal = self.last_saliency
        index = self.index_for(model, key)
        found, distances = index.nearest(insight.embed(model, x.reshape(1, 1, 28, 28)))
        self.last_neighbours = found
        self.last_verdict = insight.verdict(image28, probs, float(distances[0]), index.far_distance)
        self.verdict_label.setText(self._verdict_text(self.last_verdict, probs))
        tiles = [grey_rgb(index.images[i].astype(np.float32)) for i in found]
        captions = [self.class_names[int(index.labels[i])] for i in found]
        self.neighbours_view.setPixmap(QPixmap.fromImage(tile_sheet(tiles, captions, 8, 36)))
        if insight.is_mlp(model):
            self._show_units(model, x, sal.top)
        else:
            self._show_conv(model, x)

    def _show_units(self, model, x, top: int) -> None:
        ranking = insight.first_layer_units(model, x, top, UNITS_SHOWN)
        captions = [self.tr("#{unit}: {a}").format(unit=int(u), a=f"{a:.1f}")
                    for u, a in zip(ranking.units, ranking.activation)]
        self.layer_title.setText(self.tr("What the first layer looks for: the hidden units that pushed "
                                         "\"{name}\" most, their input weights and activation")
                                 .format(name=self.class_names[top]))
        self.layer_view.setPixmap(QPixmap.fromImage(tile_sheet([signed_rgb(w) for w in ranking.weights],
                                                               captions, 6, 48)))
        for widget in (self.maps1_title, self.maps1_view, self.maps2_title, self.maps2_view):
            widget.hide()

    def _show_conv(self, model, x) -> None:
        views = insight.conv_views(model, x)
        self.layer_title.setText(self.tr("What the first layer looks for: its 16 filters (3 × 3)"))
        self.layer_view.setPixmap(QPixmap.fromImage(tile_sheet([signed_rgb(f) for f in views.filters],
                                                               [""] * 16, 8, 36, caption_px=0)))
        self.maps1_view.setPixmap(QPixmap.fromImage(tile_sheet([grey_rgb(m) for m in views.maps1],
                                                               [""] * 16, 8, 36, caption_px=0)))
        self.maps2_view.setPixmap(QPixmap.fromImage(tile_sheet([grey_rgb(m) for m in views.maps2],
                                                               [""] * 32, 8, 36, caption_px=0)))
        for widget in (self.maps1_title, self.maps1_view, self.maps2_title, self.maps2_view):
            widget.show()

    def _show_empty(self) -> None:
        self.last_verdict, self.last_neighbours, self.last_saliency = "empty", None, None
        self.verdict_label.setText(self._verdict_text("empty", None))
        for view in (self.heat_view, self.neighbours_view, self.layer_view, self.maps1_view, self.maps2_view):
            view.clear()

    # -- words ----------------------------------------------------------------------------------
    def _verdict_text(self, kind: str, probs) -> str:
        if kind == "empty":
            return self.tr("Draw a digit to look inside the network")
        if kind == "scribble":
            return self.tr("That does not look like a digit (far too much ink)")
        order = np.argsort(-np.asarray(probs))
        first, second = (self.class_names[int(i)] for i in order[:2])
        p1, p2 = f"{probs[order[0]]:.0%}", f"{probs[order[1]]:.0%}"
        if kind == "unsure":
            return self.tr("Not sure: maybe {a} ({pa}) or {b} ({pb})").format(a=first, pa=p1, b=second, pb=p2)
        if kind == "unlike":
            return self.tr("Unlike every training image: it says {a} ({pa}), but do not trust it").format(
                a=first, pa=p1)
        return self.tr("It says {a} ({pa})").format(a=first, pa=p1)

    def retranslate(self) -> None:
        self.heat_title.setText(self.tr("Why: pixels that pushed the answer"))
        self.heat_legend.setText(self.tr("Orange pixels pushed the answer up, blue ones pushed it down "
                                         "(gradient × input)."))
        self.neighbours_title.setText(self.tr("It looks like these training images (nearest in the last "
                                              "hidden layer)"))
        self.layer_title.setText(self.tr("What the first layer looks for"))
        self.maps1_title.setText(self.tr("Feature maps of conv layer 1 (16 × 28 × 28)"))
        self.maps2_title.setText(self.tr("Feature maps of conv layer 2 (32 × 14 × 14)"))
        if self._pending is not None and self.isVisible():
            self._refresh()
        elif self._pending is None:
            self._show_empty()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
