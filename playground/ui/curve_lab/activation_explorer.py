"""Activation explorer: every activation's f(x) (thin) with the selected one's f and f′ highlighted."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from playground.core.curve.activation_math import FUNCTIONS, curves
from playground.ui.component_notes import ComponentNotes
from playground.ui.plots import FastCurve, make_plot
from playground.ui.teaching_plots import sync_plot
from playground.ui.theme import plot_colors, recolor_pen

X = np.linspace(-4.0, 4.0, 241)
OTHERS_ALPHA = 110  # the other activations: faint, for comparison


class ActivationExplorer(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot = make_plot(grid=True)
        item = self.plot.getPlotItem()
        # Widths and styles here; colours in apply_theme().
        self.others = FastCurve(item, pg.mkPen((0, 0, 0, OTHERS_ALPHA), width=1))
        self.f_curve = FastCurve(item, pg.mkPen(width=3))
        self.df_curve = FastCurve(item, pg.mkPen(width=2, style=Qt.DashLine))
        self.apply_theme()
        item.setRange(xRange=(-4, 4), yRange=(-1.5, 4), padding=0)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.dead_label = QLabel()
        self.dead_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.dead_label)
        self.selected = ""
        self.dead_fraction: float | None = None
        self.select("ReLU")

    def apply_theme(self) -> None:
        """The current theme's colours (when built and on a theme switch; never per frame)."""
        c = plot_colors()
        for curve, color in ((self.others, c.target), (self.f_curve, c.fit), (self.df_curve, c.train_points)):
            recolor_pen(curve.item, color)

    def select(self, name: str) -> None:
        if name not in FUNCTIONS:
            return
        self.selected = name
        xs, ys, connect = [], [], []
        for other in FUNCTIONS:
            if other == name:
                continue
            f, _df = curves(other, X)
            xs.append(X)
            ys.append(f)
            c = np.ones(X.size, dtype=bool)
            c[-1] = False
            connect.append(c)
        self.others.item.setPath(pg.arrayToQPath(np.concatenate(xs), np.concatenate(ys), connect=np.concatenate(connect)))
        f, df = curves(name, X)
        self.f_curve.set_data(X, f)
        self.df_curve.set_data(X, df)
        self.retranslate()
        sync_plot(self.plot)

    def set_dead(self, dead: int | None, total: int) -> None:
        self.dead_fraction = None if dead is None or total <= 0 else dead / total
        if self.dead_fraction is None:
            self.dead_label.setText("")
        else:
            self.dead_label.setText(self.tr("Dead ReLU units (zero on every training point): {dead} of {total} ({share})").format(
                dead=dead, total=total, share=f"{self.dead_fraction:.0%}"))

    def retranslate(self) -> None:
        self.plot.getPlotItem().setTitle(self.tr("f(x) orange, f′(x) dashed"))
        note = ComponentNotes().notes().get(self.selected)  # the activation box's tooltip, said in full
        self.note.setText(self.tr("{name}: {note}.").format(name=self.selected, note=note) if note else "")
