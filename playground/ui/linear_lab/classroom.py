"""The Linear lab's classroom hooks: sessions with the trained w and b, live theme, CSV tables.

lab.py's ``session_state``/``check_session``/``restore_session``/``apply_theme`` delegate here. Nothing
here runs per frame: only when the user saves, opens, or switches the theme.

A session holds nn.Linear(1, 1)'s state_dict ({"weight": [[w]], "bias": [b]}), the step and the loss of
every step. Opening it continues from there; the w and b of the steps before were not saved, so the
w/b plot and the path on the loss surface start at the saved step, while the loss plot shows it all.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

from playground.core.config import from_dict, to_dict
from playground.core.linear_regression import X_DATA, Y_DATA, LinearSetup, saved_training_problems
from playground.ui.theme import plot_colors, recolor_pen


# -- sessions --------------------------------------------------------------------------------------
def session_state(lab, with_training: bool) -> dict[str, Any]:
    """{"config": dict}; with training: "weights", "step" and "loss_history" from the training thread."""
    state: dict[str, Any] = {"config": to_dict(lab.config())}
    if not with_training:
        return state
    if lab._saved is not None:  # a session's run the tab has not loaded yet: save it as it came
        weights, step, history = lab._saved
        state.update(weights=weights, step=step)
        if history is not None:
            state["loss_history"] = history
        return state
    loop = lab._loop
    if loop is None or loop.control.stopped or not lab.is_ready():
        return state
    got = loop.call(lambda job: job.training_state())
    if got is not None:
        weights, step, history = got
        state.update(weights=weights, step=step, loss_history=history)
    return state


def check_session(state: dict[str, Any]) -> list[str]:
    """The weights' shapes were checked by core.session; here: the step and one loss per step."""
    if state.get("weights") is None:
        return []
    return saved_training_problems(state.get("step"), state.get("loss_history"))


def restore_session(lab, state: dict[str, Any]) -> None:
    """The settings; with weights, training continues from the saved step (paused)."""
    config, _problems = from_dict(LinearSetup, state.get("config"))
    weights = state.get("weights")
    saved = None
    if weights is not None:
        history = state.get("loss_history")
        saved = ({name: tensor.clone() for name, tensor in weights.items()}, int(state.get("step") or 0),
                 None if history is None else np.asarray(history, dtype=np.float64))
    lab.load_setup(config, saved)


# -- theme ------------------------------------------------------------------------------------------------
def apply_theme(lab) -> None:
    """Every curve, marker and reference line of the four plots in the current theme's colours."""
    c = plot_colors()
    for curve, color in ((lab.target_line, c.target), (lab.fit_line, c.fit), (lab.w_curve, c.fit),
                         (lab.b_curve, c.train_points), (lab.contours, c.target), (lab.path_line, c.fit),
                         (lab.loss_curve, c.train_loss)):
        recolor_pen(curve.item, color)
    for scatter, color in ((lab.points, c.train_points), (lab.current, c.fit), (lab.optimum_point, c.goal)):
        scatter.setPen(pg.mkPen(color))
        scatter.setBrush(pg.mkBrush(color))
    lab.w_goal.setPen(pg.mkPen(c.fit, width=1, style=Qt.DotLine))
    lab.b_goal.setPen(pg.mkPen(c.train_points, width=1, style=Qt.DotLine))
    for proxy, color in zip(lab._legend_proxies, (c.fit, c.train_points)):
        proxy.setPen(pg.mkPen(color, width=2))
    for sample, _label in lab.params_legend.items:
        sample.update()


# -- export -----------------------------------------------------------------------------------------------
def fit_rows(trajectory: np.ndarray):
    """The data points and what the model (its current w and b) predicts for them."""
    w, b = (float(trajectory[-1, 0]), float(trajectory[-1, 1])) if len(trajectory) else (float("nan"),) * 2
    return ("x", "y", "prediction", "w", "b"), [(x, y, w * x + b, w, b) for x, y in zip(X_DATA, Y_DATA)]


def trajectory_rows(trajectory: np.ndarray):
    """w, b and the loss after each step (step 0 = the initial weights; empty where a session did not save them)."""
    return ("step", "w", "b", "loss"), [(i, float(w), float(b), float(loss)) for i, (w, b, loss) in enumerate(trajectory)]
