"""Compare runs in the Curve lab: "Pin this run" keeps its fit and loss curve as faded overlays.

Up to MAX_PINNED runs; each is labelled with what differs from the current
settings, and listed in a small table (settings, final train/test loss, steps,
training time) with show/hide and remove. Overlays are static cached Qt items,
created once per pin: live training never redraws them. Each run keeps a colour
slot; the light theme has darker hues for the same slots (``apply_theme``).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QObject
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import (QCheckBox, QGraphicsItem, QGraphicsPathItem, QGraphicsSimpleTextItem,
                               QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableWidgetItem, QVBoxLayout,
                               QWidget)

from playground.core.curve.config import CurveConfig
from playground.core.sweep.config import differences
from playground.ui.widgets.setting_names import SettingNames
from playground.ui.theme import DARK, plot_colors
from playground.ui.loop_labs import format_loss
from playground.ui.widgets.layouts import read_only_table

MAX_PINNED = 8
# Distinct hues, drawn faded behind the live (orange) fit: bright on the dark theme, deeper on the light one.
PIN_COLORS = [(80, 170, 255), (120, 220, 120), (230, 110, 230), (240, 220, 90),
              (100, 230, 220), (255, 140, 120), (180, 150, 255), (200, 200, 200)]
LIGHT_PIN_COLORS = [(20, 100, 200), (30, 140, 40), (170, 40, 170), (160, 125, 0),
                    (0, 135, 135), (205, 70, 40), (105, 70, 205), (105, 105, 105)]
FADE_ALPHA = 130
LABEL_ALPHA = 220


def pin_colors() -> list[tuple[int, int, int]]:
    return PIN_COLORS if plot_colors() is DARK else LIGHT_PIN_COLORS


@dataclass(eq=False)  # identity: runs hold arrays
class PinnedRun:
    config: CurveConfig
    fit_x: np.ndarray
    fit_y: np.ndarray
    loss_steps: np.ndarray
    loss_values: np.ndarray
    train_loss: float | None
    test_loss: float | None
    steps: int
    seconds: float
    slot: int                                   # index into pin_colors(): the same slot in either theme
    items: list = field(default_factory=list)
    label_item: QGraphicsSimpleTextItem | None = None
    show_box: QCheckBox | None = None
    visible: bool = True

    @property
    def color(self) -> tuple[int, int, int]:
        return pin_colors()[self.slot]


def _path_item(x: np.ndarray, y: np.ndarray, width: float = 1.5) -> QGraphicsPathItem:
    """A faded overlay curve; its colour is set by ``PinnedRuns._paint``."""
    item = QGraphicsPathItem(pg.arrayToQPath(np.asarray(x, np.float64), np.asarray(y, np.float64), connect="finite"))
    pen = QPen()
    pen.setWidthF(width)
    pen.setCosmetic(True)
    item.setPen(pen)
    item.setZValue(-1)  # behind the live fit
    item.setCacheMode(QGraphicsItem.DeviceCoordinateCache)
    return item


class PinnedRuns(QObject):
    """Owns the pin button, the table and the overlays of one CurveLab."""

    def __init__(self, lab) -> None:
        super().__init__(lab)
        self.lab = lab
        self.runs: list[PinnedRun] = []
        self._generation = -1
        self._seconds = 0.0
        self._running_since: float | None = None
        self.panel = QWidget()
        self.pin_button = QPushButton()
        self.hint = QLabel()
        self.table = read_only_table(7, QHeaderView.ResizeToContents, {1: QHeaderView.Stretch})
        self.table.setMaximumHeight(170)
        self.table.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.pin_button)
        row.addWidget(self.hint, 1)
        layout = QVBoxLayout(self.panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.table)
        self.pin_button.clicked.connect(self.pin)
        self.pin_button.setEnabled(False)
        lab.controls.configChanged.connect(lambda _config: self.relabel())

    def retranslate(self) -> None:
        self.pin_button.setText(self.tr("Pin this run"))
        self.pin_button.setToolTip(self.tr("Keep this run's fit and loss curve as a faded overlay to compare with the next runs"))
        self.table.setHorizontalHeaderLabels([self.tr("Show"), self.tr("Differs from now"), self.tr("Train loss"),
                                              self.tr("Test loss"), self.tr("Steps"), self.tr("Time"), ""])
        self._update_hint()
        self.relabel()

    # -- live --------------------------------------------------------------------
    def on_progress(self, progress) -> None:
        """Called by the lab for every report: counts this run's training time."""
        now = time.perf_counter()
        if progress.generation != self._generation:
            self._generation = progress.generation
            self._seconds = 0.0
            self.relabel()
        elif self._running_since is not None:
            self._seconds += now - self._running_since  # wall time while the run was training
        self._running_since = now if progress.state == "running" else None
        if not self.pin_button.isEnabled() and progress.step > 0 and len(self.runs) < MAX_PINNED:
            self.pin_button.setEnabled(True)

    # -- pinning -------------------------------------------------------------------
    def pin(self) -> PinnedRun | None:
        progress = self.lab.last_progress()
        if progress is None or progress.step == 0:
            return None
        if len(self.runs) >= MAX_PINNED:
            self.lab.message.emit(self.tr("At most {n} pinned runs: remove one first.").format(n=MAX_PINNED))
            return None
        snapshot = progress.snapshot
        history = self.lab.loss_plot.train_history
        steps, values = history.decimated()
        used = {run.slot for run in self.runs}
        slot = next(i for i in range(MAX_PINNED) if i not in used)
        run = PinnedRun(config=snapshot["config"], fit_x=snapshot["data"].x_plot.copy(),
                        fit_y=np.asarray(snapshot["fit"]).copy(), loss_steps=np.asarray(steps, np.float64),
                        loss_values=np.asarray(values, np.float64), train_loss=history.last(),
                        test_loss=snapshot.get("test_loss"), steps=progress.step, seconds=self._seconds,
                        slot=slot)
        self._add_overlays(run)
        self.runs.append(run)
        self._add_row(run)
        self._paint(run)
        self.relabel()
        self._update_hint()
        if len(self.runs) >= MAX_PINNED:
            self.pin_button.setEnabled(False)
        self.lab.message.emit(self.tr("Run pinned: change a setting and train again to compare."))
        return run

    def _add_overlays(self, run: PinnedRun) -> None:
        fit_item = self.lab.fit_plot.widget.getPlotItem()
        loss_item = self.lab.loss_plot.widget.getPlotItem()
        with np.errstate(divide="ignore", invalid="ignore"):
            logs = np.log10(np.maximum(run.loss_values, 1e-12))  # the loss plot draws log10 units
        fit = _path_item(run.fit_x, run.fit_y, 2.0)
        loss = _path_item(run.loss_steps, logs, 1.0)
        label = QGraphicsSimpleTextItem()
        label.setFlag(QGraphicsItem.ItemIgnoresTransformations)
        label.setCacheMode(QGraphicsItem.DeviceCoordinateCache)
        at = int(len(run.fit_x) * 0.8)  # inside the data range, right of centre
        label.setPos(float(run.fit_x[at]), float(run.fit_y[at]))
        fit_item.addItem(fit, ignoreBounds=True)
        fit_item.addItem(label, ignoreBounds=True)
        loss_item.addItem(loss, ignoreBounds=True)
        run.items = [(fit_item, fit), (fit_item, label), (loss_item, loss)]
        run.label_item = label

    def _add_row(self, run: PinnedRun) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        show = QCheckBox()
        show.setChecked(True)
        run.show_box = show
        show.toggled.connect(lambda on, run=run: self.set_visible(run, on))
        show.setToolTip(self.tr("Show or hide this run's curves"))
        remove = QPushButton(self.tr("Remove"))
        remove.setToolTip(self.tr("Remove this run and its curves"))
        remove.clicked.connect(lambda _=False, run=run: self.remove(run))
        self.table.setCellWidget(row, 0, show)
        self.table.setCellWidget(row, 6, remove)
        cells = ["", format_loss(run.train_loss), format_loss(run.test_loss), f"{run.steps:,}", f"{run.seconds:.1f} s"]
        for col, text in enumerate(cells, start=1):
            self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.show()

    def _paint(self, run: PinnedRun) -> None:
        """The run's colour in the current theme on its overlays, label and table row."""
        for _plot, item in run.items:
            if isinstance(item, QGraphicsPathItem):
                pen = item.pen()
                pen.setColor(QColor(*run.color, FADE_ALPHA))
                item.setPen(pen)
        if run.label_item is not None:
            run.label_item.setBrush(QColor(*run.color, LABEL_ALPHA))
        if run.show_box is not None:
            # A colour stripe beside the box: the box itself keeps the palette, so its tick shows on any hue.
            run.show_box.setStyleSheet("QCheckBox { border-left: 6px solid rgb(%d, %d, %d); padding-left: 2px; }"
                                       % run.color)

    def apply_theme(self) -> None:
        """Recolour every pinned run (once, on a theme switch)."""
        for run in self.runs:
            self._paint(run)

    def set_visible(self, run: PinnedRun, visible: bool) -> None:
        run.visible = visible
        for _plot, item in run.items:
            item.setVisible(visible)

    def remove(self, run: PinnedRun) -> None:
        row = self.runs.index(run)
        for plot, item in run.items:
            plot.removeItem(item)
        self.runs.pop(row)
        self.table.removeRow(row)
        self.table.setVisible(bool(self.runs))
        self.pin_button.setEnabled(self.lab.last_progress() is not None)
        self._update_hint()

    def clear(self) -> None:
        for run in list(self.runs):
            self.remove(run)

    # -- labels --------------------------------------------------------------------
    def label_for(self, run: PinnedRun) -> str:
        changed = differences(run.config, self.lab.config())
        if not changed:
            return self.tr("same settings")
        return SettingNames().describe(changed)

    def relabel(self) -> None:
        for row, run in enumerate(self.runs):
            text = self.label_for(run)
            item = self.table.item(row, 1)
            if item is not None:
                item.setText(text)
            if run.label_item is not None:
                run.label_item.setText(text)

    def _update_hint(self) -> None:
        if self.runs:
            self.hint.setText(self.tr("{n} of {max} pinned").format(n=len(self.runs), max=MAX_PINNED))
        else:
            self.hint.setText(self.tr("Pin a run to compare it with the next ones"))
