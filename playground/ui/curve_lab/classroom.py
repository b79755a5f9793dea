"""The Curve lab's classroom hooks: sessions, presentation mode, live theme, plot export.

CurveLab delegates ``session_state``, ``restore_session``, ``set_presentation``
and ``apply_theme`` here, so lab.py stays about training. None of this runs
per frame.
"""

from __future__ import annotations

import threading
from dataclasses import replace
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QBrush, QColor

from playground.core.config import from_dict, to_dict
from playground.core.curve_config import CurveConfig
from playground.core.session import curve_job_weights, load_into_curve_job
from playground.ui.export import install_plot_export, loss_rows
from playground.ui.theme import plot_colors

# Rows hidden in presentation mode: useful, but noise on a projector.
ADVANCED_ROWS = ("test", "batch", "seed", "device", "steps")
WEIGHTS_TIMEOUT_S = 10.0


# -- sessions --------------------------------------------------------------------------------
def session_state(lab, with_training: bool = False) -> dict[str, Any]:
    """{"config": dict} plus, if asked and a model exists, "weights", "step" and "loss_history"."""
    state: dict[str, Any] = {"config": to_dict(lab.config())}
    loop = lab._loop
    if not with_training or loop is None or loop.control.stopped or not lab.is_ready():
        return state
    got: list = []
    done = threading.Event()

    def grab(job) -> None:  # runs on the worker thread, between two steps
        try:
            got.append(curve_job_weights(job))
        finally:
            done.set()

    loop.control.post(grab)
    if done.wait(WEIGHTS_TIMEOUT_S) and got:
        weights, step = got[0]
        state.update(weights=weights, step=step, loss_history=lab.loss_plot.train_history.values().copy())
    return state


def restore_session(lab, state: dict[str, Any]) -> None:
    """Load a validated session entry: the config, and the weights + loss history if present."""
    config, _problems = from_dict(CurveConfig, state.get("config"))
    config = replace(config, device=_usable_device(lab, config.device))
    weights, step, history = state.get("weights"), state.get("step"), state.get("loss_history")
    lab.pause()
    lab.controls.set_config(config)
    lab.controls.show_expression_error(None)
    lab._config = config
    lab.error_label.hide()
    loop = lab._loop
    if loop is None or loop.control.stopped:
        return  # not started yet: start_backend() builds the job from this config
    generation: list[int] = []
    loop.control.post(lambda job: generation.append(load_into_curve_job(job, config, weights, step)))
    if history is not None and weights is not None:
        _HistoryRestore(lab, loop, generation, np.asarray(history, dtype=np.float32))


class _HistoryRestore:
    """Puts the saved loss history into the plot once the rebuilt job's first report has arrived."""

    def __init__(self, lab, loop, generation: list[int], history: np.ndarray) -> None:
        self.lab, self.loop, self.generation, self.history = lab, loop, generation, history
        loop.progress.connect(self.on_progress)  # after the lab's own slot: the plot is reset by then
        lab._history_restore = self  # keep alive until done

    def on_progress(self, progress) -> None:
        if not self.generation or progress.generation != self.generation[0]:
            return
        self.loop.progress.disconnect(self.on_progress)
        plot = self.lab.loss_plot
        plot.train_history.extend(self.history)
        plot._dirty = True
        plot.redraw()
        self.lab._update_status()
        self.lab._history_restore = None


def _usable_device(lab, device: str) -> str:
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
    """Recolour the Curve lab's own items in the current theme's colours."""
    c = plot_colors()
    fit = lab.fit_plot
    _recolor(fit.target.item, c.target)
    _recolor(fit.fit.item, c.fit)
    _recolor(fit.train_points.item, c.train_points)
    _recolor(fit.test_points.item, c.test_points)
    for shade in (fit.left_shade, fit.right_shade):
        shade.setBrush(QBrush(QColor(*c.shade)))
    fit.message.setColor(pg.mkColor(c.warning))
    loss = lab.loss_plot
    _recolor(loss.train.item, c.train_loss)
    _recolor(loss.test.item, c.test_loss)
    for proxy, color in zip(loss._legend_proxies, (c.train_loss, c.test_loss)):
        proxy.setPen(pg.mkPen(color, width=1))
    lab.retranslate()  # the legend rebuilds its samples from the proxies


def _recolor(item, color) -> None:
    pen = item.pen()
    pen.setColor(pg.mkColor(color))
    item.setPen(pen)


# -- export -----------------------------------------------------------------------------------------
def install_exports(lab) -> None:
    install_plot_export(lab.fit_plot.widget, "curve_fit", csv=lambda: _fit_rows(lab))
    install_plot_export(lab.loss_plot.widget, "loss_history", csv=lambda: _loss_rows(lab))


def _fit_rows(lab):
    progress = lab.last_progress()
    if progress is None:
        return ("x", "target", "network"), []
    data, fit = progress.snapshot["data"], progress.snapshot["fit"]
    return ("x", "target", "network"), zip(map(float, data.x_plot), map(float, data.y_plot), map(float, fit))


def _loss_rows(lab):
    plot = lab.loss_plot
    return loss_rows(plot.train_history.values(), plot.test_steps, plot.test_values)
