"""The Curve lab's classroom hooks: sessions, presentation mode, live theme, plot export.

CurveLab delegates ``session_state``, ``restore_session``, ``set_presentation``
and ``apply_theme`` here, so lab.py stays about training. None of this runs
per frame.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QObject
from PySide6.QtGui import QBrush, QColor

from playground.core.config import from_dict, to_dict
from playground.core.curve_config import CurveConfig
from playground.core.session import job_optimizer, job_weights, load_into_job
from playground.ui.export import install_plot_export, loss_rows
from playground.ui.i18n import core_text
from playground.ui.theme import plot_colors, recolor_pen

# Rows hidden in presentation mode: useful, but noise on a projector.
ADVANCED_ROWS = ("test", "batch", "seed", "device", "steps")


# -- sessions --------------------------------------------------------------------------------
def session_state(lab, with_training: bool = False) -> dict[str, Any]:
    """{"config": dict} plus, if asked and a model exists, "weights", "step", "loss_history" and
    "optimizer" (its state, so that training resumes without a bump)."""
    state: dict[str, Any] = {"config": to_dict(lab.config())}
    loop = lab._loop
    if not with_training or loop is None or loop.control.stopped or not lab.is_ready():
        return state
    got = loop.call(lambda job: (*job_weights(job), job_optimizer(job)))
    if got is not None:
        weights, step, optimizer = got
        state.update(weights=weights, step=step, loss_history=lab.loss_plot.train_history.values().copy())
        if optimizer is not None:  # None before the first step: a fresh optimizer is then right
            state["optimizer"] = optimizer
    return state


def restore_session(lab, state: dict[str, Any]) -> None:
    """Load a validated session entry: the config, and the weights, optimizer state and loss history if present."""
    config, _problems = from_dict(CurveConfig, state.get("config"))
    config = replace(config, device=usable_device(lab, config.device))
    weights, step, history = state.get("weights"), state.get("step"), state.get("loss_history")
    optimizer = state.get("optimizer")
    lab.pause()
    lab.controls.set_config(config)
    lab.controls.show_expression_error(None)
    lab._config = config
    lab.error_label.hide()
    loop = lab._loop
    if loop is None or loop.control.stopped:
        return  # not started yet: start_backend() builds the job from this config
    generation: list[int] = []
    notes: list = []  # why a saved optimizer state was skipped (filled on the worker thread)
    loop.control.post(lambda job: generation.append(load_into_job(job, config, weights, step, optimizer, notes)))
    if weights is not None:
        history = None if history is None else np.asarray(history, dtype=np.float32)
        AfterRestore(lab, loop, generation, history, notes, step)


class AfterRestore(QObject):
    """Once the rebuilt job's first report has arrived: the saved loss history into the plot, and a
    status message if the saved optimizer state could not be used."""

    def __init__(self, lab, loop, generation: list[int], history: np.ndarray | None, notes: list,
                 step: int | None = None) -> None:
        super().__init__(lab)
        self.step = step
        self.lab, self.loop, self.generation, self.history, self.notes = lab, loop, generation, history, notes
        previous = getattr(lab, "_history_restore", None)
        if previous is not None:
            previous.finish()  # a session opened again before the last one's first report
        loop.progress.connect(self.on_progress)  # after the lab's own slot: the plot is reset by then
        lab._history_restore = self

    def finish(self) -> None:
        self.loop.progress.disconnect(self.on_progress)
        self.lab._history_restore = None
        self.deleteLater()

    def on_progress(self, progress) -> None:
        if not self.generation or progress.generation != self.generation[0]:
            return
        self.finish()
        if self.history is not None:
            plot = self.lab.loss_plot
            plot.train_history.load(self.history, self.step)  # a long run's history was saved averaged
            plot._dirty = True
            plot.redraw()
            self.lab._update_status()
        if self.notes:
            self.lab.message.emit(self.tr("Session opened; the optimizer starts afresh: {reason}").format(
                reason="; ".join(core_text(note) for note in self.notes)))


def usable_device(lab, device: str) -> str:
    """The saved device if this machine offers it, else the CPU."""
    box = lab.controls.device_box
    index = box.findData(device)
    item = box.model().item(index) if index >= 0 else None
    return device if item is not None and item.isEnabled() else "cpu"


# -- presentation mode ----------------------------------------------------------------------------
PANEL_WIDTH = (300, 420)  # lab.py's left panel: minimum, maximum


def set_presentation(lab, on: bool) -> None:
    scale = 1.45 if on else 1.0  # room for the larger text
    panel = lab.transport.parentWidget()
    panel.setMinimumWidth(int(PANEL_WIDTH[0] * scale))
    panel.setMaximumWidth(int(PANEL_WIDTH[1] * scale))
    controls = lab.controls
    for form, widget, key in controls._rows:
        if key in ADVANCED_ROWS:
            form.setRowVisible(widget, not on)


# -- theme ------------------------------------------------------------------------------------------
def apply_theme(lab) -> None:
    """Recolour the Curve lab's own items in the current theme's colours, teaching views and pinned
    runs included (shown or not)."""
    c = plot_colors()
    fit = lab.fit_plot
    recolor_pen(fit.target.item, c.target)
    recolor_pen(fit.fit.item, c.fit)
    recolor_pen(fit.train_points.item, c.train_points)
    recolor_pen(fit.test_points.item, c.test_points)
    for shade in (fit.left_shade, fit.right_shade):
        shade.setBrush(QBrush(QColor(*c.shade)))
    fit.message.setColor(pg.mkColor(c.warning))
    loss = lab.loss_plot
    recolor_pen(loss.train.item, c.train_loss)
    recolor_pen(loss.test.item, c.test_loss)
    for proxy, color in zip(loss._legend_proxies, (c.train_loss, c.test_loss)):
        proxy.setPen(pg.mkPen(color, width=1))
    lab.teaching.apply_theme()
    lab.pinned.apply_theme()
    style_error_texts(lab)
    lab.retranslate()  # the legend rebuilds its samples from the proxies


def style_error_texts(lab) -> None:
    """The training error and the custom-expression error in the theme's warning red (readable on light too)."""
    color = plot_colors().warning
    lab.error_label.setStyleSheet(f"color: {color}; font-weight: bold;")
    lab.controls.expression_error.setStyleSheet(f"color: {color};")


# -- export -----------------------------------------------------------------------------------------
def install_exports(lab) -> None:
    install_plot_export(lab.fit_plot.widget, "curve_fit", csv=lambda: _fit_rows(lab))
    install_plot_export(lab.loss_plot.widget, "loss_history", csv=lambda: loss_history_rows(lab))


def _fit_rows(lab):
    progress = lab.last_progress()
    if progress is None:
        return ("x", "target", "network"), []
    data, fit = progress.snapshot["data"], progress.snapshot["fit"]
    return ("x", "target", "network"), zip(map(float, data.x_plot), map(float, data.y_plot), map(float, fit))


def loss_history_rows(lab):
    plot = lab.loss_plot
    history = plot.train_history
    return loss_rows(history.values(), plot.test_steps, plot.test_values,
                     None if history.is_exact() else history.steps())
