"""The Classification lab's classroom hooks: sessions, presentation mode, live theme, plot export.

ClassifyLab delegates its hooks here, so lab.py stays about training. Sessions
reuse the Curve lab's machinery (curve_lab/classroom.py: the weights are copied
on the worker thread between two steps; the saved loss history goes into the
plot with the rebuilt job's first report). None of this runs per frame.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from playground.core.classify_config import ClassifySessionConfig, session_config, split_session_config
from playground.core.classify_data import DRAW, POINT_COLUMNS
from playground.core.config import from_dict, to_dict
from playground.ui.appearance import hide_advanced
from playground.ui.curve_lab import classroom as curve_classroom
from playground.ui.export import install_plot_export
from playground.ui.theme import plot_colors, recolor_pen

TRAINING_KEYS = ("weights", "step", "loss_history", "optimizer")
NO_POINTS = (np.zeros((0, 2), np.float32), np.zeros(0, np.int64))
ACCURACY_FONT_SCALE = 1.2   # the accuracy line reads larger than the rest, in every font size
SIDE_PANEL_WIDTH = 280         # the neurons / network tabs at most (lab.py) ...
PRESENTATION_SIDE_PANEL = 0.8  # ... and this share of it in presentation mode: larger text, same heatmaps
PRESENTATION_POINTS = 1.4   # points grow less than lines in presentation mode (doubled, they merge)


# -- sessions --------------------------------------------------------------------------------
def session_state(lab, with_training: bool = False) -> dict[str, Any]:
    """{"config": the config with the drawn points} plus, if asked and a model exists, "weights",
    "step", "loss_history" and "optimizer"."""
    state = curve_classroom.session_state(lab, with_training)
    # Only while drawing: choosing "Draw your own" later starts again from the points on screen.
    drawn = lab.drawn_points() if lab.config().dataset == DRAW else NO_POINTS
    state["config"] = to_dict(session_config(lab.config(), *drawn))
    pending = lab._pending_session  # opened before the tab was first shown: not loaded yet
    if with_training and pending is not None and "weights" not in state:
        state.update({key: pending[key] for key in TRAINING_KEYS if pending.get(key) is not None})
    return state


def restore_session(lab, state: dict[str, Any]) -> None:
    """Load a validated session entry: config and drawn points, and the weights, optimizer state
    and loss history if present. The heatmap and loss plot follow with the rebuilt job's first report."""
    stored, _problems = from_dict(ClassifySessionConfig, state.get("config"))
    config, points, labels = split_session_config(stored)
    config = replace(config, device=curve_classroom.usable_device(lab, config.device))
    weights, step, optimizer = state.get("weights"), state.get("step"), state.get("optimizer")
    lab.pause()
    lab.controls.set_config(config)
    lab._config, lab._drawn = config, (points, labels)
    lab.error_label.hide()
    lab.decision.hide_message()
    loop = lab._loop
    if loop is None or loop.control.stopped:
        # start_backend() builds the job from this config and drawn points, then calls this again for the weights.
        lab._pending_session = state if weights is not None else None
        return
    lab._pending_session = None
    generation: list[int] = []
    notes: list = []  # why a saved optimizer state was skipped (filled on the worker thread)
    drawn = (points, labels)
    loop.control.post(lambda job: generation.append(job.restore(config, drawn, weights, step, optimizer, notes)))
    if weights is not None:
        history = state.get("loss_history")
        history = None if history is None else np.asarray(history, dtype=np.float32)
        curve_classroom.AfterRestore(lab, loop, generation, history, notes)


# -- presentation mode ----------------------------------------------------------------------------
def set_presentation(lab, on: bool) -> None:
    hide_advanced(lab, on)  # the controls marked "advanced" in controls.py, with their labels
    lab.decision.set_point_scale(PRESENTATION_POINTS if on else 1.0)
    lab.side_tabs.setMaximumWidth(int(SIDE_PANEL_WIDTH * (PRESENTATION_SIDE_PANEL if on else 1.0)))
    style_labels(lab)  # the application font has just changed


def style_labels(lab) -> None:
    """The accuracy line: bold and larger than the application font (no style sheet: a widget with
    one keeps its old palette when the theme changes); the error line in the theme's warning colour."""
    font = QFont(QApplication.font())
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * ACCURACY_FONT_SCALE)
    lab.accuracy_label.setFont(font)
    lab.error_label.setStyleSheet(f"color: {plot_colors().warning}; font-weight: bold;")


# -- theme ------------------------------------------------------------------------------------------
def background_rgb() -> tuple[int, int, int]:
    """The plot background as RGB: the worker's heatmaps fade to it where the network is unsure."""
    colour = pg.mkColor(plot_colors().background)
    return colour.red(), colour.green(), colour.blue()


def apply_theme(lab) -> None:
    """Recolour the lab's own items; the heatmaps are recomputed by the worker in the new background."""
    c = plot_colors()
    if lab._loop is not None and not lab._loop.control.stopped:
        background = background_rgb()
        lab._loop.control.post(lambda job: job.set_background(background))  # a report follows, even when paused
    lab.decision.apply_theme(c)
    loss = lab.loss_plot
    recolor_pen(loss.train.item, c.train_loss)
    recolor_pen(loss.test.item, c.test_loss)
    for proxy, color in zip(loss._legend_proxies, (c.train_loss, c.test_loss)):
        proxy.setPen(pg.mkPen(color, width=1))
    style_labels(lab)
    if lab.diagram is not None:
        lab.diagram.update()
    lab.retranslate()  # the legend rebuilds its samples from the proxies


# -- export -----------------------------------------------------------------------------------------
def install_exports(lab) -> None:
    """Right-click: PNG, SVG, and CSV of the points (x1, x2, class, split) or of the loss history."""
    install_plot_export(lab.decision.widget, "classify_points", csv=lambda: _point_rows(lab))
    install_plot_export(lab.loss_plot.widget, "classify_loss", csv=lambda: curve_classroom.loss_history_rows(lab))


def _point_rows(lab):
    data = lab.data()
    return (POINT_COLUMNS, []) if data is None else data.table()
