"""The GD lab's classroom hooks: sessions (with the walk so far), live theme, CSV of the path.

lab.py's ``session_state``/``check_session``/``restore_session``/``apply_theme`` delegate here. Nothing
here runs per frame: only when the user saves, opens, or switches the theme.

A session stores the walk as the current point x (its "weights": x is what gradient descent trains),
the step count and f before each step (its "loss history"). Opening it replays that many steps from
the saved settings: the descent is deterministic, so the path, the table and the verdict come back
exactly, and a file whose point does not follow from its settings is refused
(core.gradient_descent.saved_walk_problems).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg

from playground.core.config import from_dict, to_dict
from playground.core.gradient_descent import GDConfig, saved_walk_problems
from playground.ui.theme import plot_colors, recolor_pen


# -- sessions --------------------------------------------------------------------------------------
def session_state(lab, with_training: bool) -> dict[str, Any]:
    """{"config": dict}; with training and at least one step: "weights" {"x": point}, "step", "loss_history"."""
    state: dict[str, Any] = {"config": to_dict(lab.config())}
    gd = lab.gd
    if not with_training or gd.step_count == 0 or not np.isfinite(gd.x).all():
        return state  # nothing walked yet (or nothing a session can hold): the settings say it all
    import torch  # only when saving with training; sessions read weights with torch too

    state.update(weights={"x": torch.tensor(gd.x, dtype=torch.float64)}, step=gd.step_count,
                 loss_history=np.array([record.f for record in gd.history], dtype=np.float64))
    return state


def check_session(state: dict[str, Any]) -> list[str]:
    """A saved walk must follow from its settings (the shapes were checked by core.session)."""
    weights = state.get("weights")
    if weights is None:
        return []
    config, problems = from_dict(GDConfig, state.get("config"))
    if problems:
        return problems
    return saved_walk_problems(config, weights["x"].numpy(), state.get("step"), state.get("loss_history"))


def restore_session(lab, state: dict[str, Any]) -> None:
    """The settings, and (if saved) the walk replayed up to the saved step."""
    config, _problems = from_dict(GDConfig, state.get("config"))
    lab.set_config(config)
    if state.get("weights") is not None:
        lab.walk_to(int(state.get("step") or 0))


# -- theme ----------------------------------------------------------------------------------------------
def apply_theme(lab) -> None:
    """Every item of the plot in the current theme's colours (widths and dash styles kept)."""
    c = plot_colors()
    recolor_pen(lab.curve.item, c.target)
    recolor_pen(lab.contours.item, c.target)
    recolor_pen(lab.tangent.item, c.train_points)
    recolor_pen(lab.path_line.item, c.test_loss)
    recolor_pen(lab.step_line.item, c.fit)
    for scatter, color in ((lab.path_points, c.test_loss), (lab.point, c.fit), (lab.minima, c.goal)):
        scatter.setPen(pg.mkPen(color))
        scatter.setBrush(pg.mkBrush(color))
    lab.arrow.setStyle(pen=pg.mkPen(c.fit), brush=pg.mkBrush(c.fit))
    lab.banner.setColor(pg.mkColor(c.warning))


# -- export -----------------------------------------------------------------------------------------------
def path_rows(gd):
    """The walk as a table: each point reached (step 0 = the start), f there, and the gradient there."""
    two_d = gd.function.dims == 2
    header = ("step", "x", "y", "f(x, y)", "gradient_x", "gradient_y") if two_d else ("step", "x", "f(x)", "gradient")
    rows = []
    with np.errstate(all="ignore"):
        for step, point in enumerate(gd.path):
            g = gd.gradient(point)
            rows.append((step, *(float(v) for v in point), float(gd.value(point)), *(float(v) for v in g)))
    return header, rows
