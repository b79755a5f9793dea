"""The Sweep lab's classroom hooks: sessions, presentation mode, live theme, CSV export.

SweepLab delegates ``session_state``, ``restore_session``, ``check_session``,
``set_presentation`` and ``apply_theme`` here, so lab.py stays about running
sweeps. None of this runs per frame.

A session keeps the set-up (a ``SweepConfig``); "with trained weights" it also
keeps the results of the sweep on screen (every run's weights, the step and the
loss histories), so a finished sweep can be shown again without training it.
"""

from __future__ import annotations

import math
from typing import Any, Callable

import numpy as np
from PySide6.QtGui import QColor

from playground.core.config import from_dict
from playground.core.sweep_config import (MAX_SAVED_HISTORY, SweepConfig, run_prefix, saved_training_problems,
                                          split_run_weights)
from playground.ui.appearance import hide_advanced
from playground.ui.export import install_plot_export, install_table_export
from playground.ui.theme import DARK, plot_colors


# Heatmap of final losses, best → worst, per theme: every colour keeps black or white text readable.
HEAT_STOPS = {
    True: ((32, 160, 120), (200, 170, 50), (150, 40, 40)),      # dark theme: deep colours
    False: ((150, 220, 190), (245, 225, 140), (235, 150, 150)),  # light theme: pastels
}
DIVERGED = {True: QColor(90, 90, 90), False: QColor(200, 200, 200)}


def heat_color(t: float) -> QColor:
    """0 (best) → 1 (worst) in the current theme's heatmap colours; NaN (diverged) → grey."""
    dark = plot_colors() is DARK
    if not math.isfinite(t):
        return QColor(DIVERGED[dark])
    stops = HEAT_STOPS[dark]
    u = min(max(t, 0.0), 1.0) * (len(stops) - 1)
    i = min(int(u), len(stops) - 2)
    c0, c1 = stops[i], stops[i + 1]
    return QColor(*(int(a + (b - a) * (u - i)) for a, b in zip(c0, c1)))


def text_color(background: QColor) -> QColor:
    """Black on light cells, white on dark ones."""
    luma = 0.2126 * background.red() + 0.7152 * background.green() + 0.0722 * background.blue()
    return QColor(0, 0, 0) if luma > 140 else QColor(255, 255, 255)


# -- the worker thread --------------------------------------------------------------------------
def from_worker(lab, fn: Callable[[Any], Any]) -> Any | None:
    """``fn(job)`` run on the sweep's worker thread between two steps; None without a live sweep."""
    loop = lab._loop
    if loop is None or loop.control.stopped or lab._state == "failed":
        return None
    return loop.call(fn)


# -- sessions -------------------------------------------------------------------------------------
def session_state(lab, with_training: bool = False) -> dict[str, Any]:
    """{"config": SweepConfig} plus, if asked and the sweep on screen is the one set up,
    every run's weights ("run1.0.weight", …; none for a diverged run), the step and the loss histories
    (steps × runs, flattened row by row; left out above MAX_SAVED_HISTORY values)."""
    state: dict[str, Any] = {"config": lab.config()}
    if not with_training or lab._spec is None or lab._spec != lab.spec()[0]:
        return state  # no results, or they belong to another set-up than the one saved
    saved = from_worker(lab, lambda job: job.saved())
    if saved is None or not any(saved.weights):
        return state  # no live sweep, or every run diverged (nothing finite to show again)
    state["weights"] = {run_prefix(i) + name: tensor for i, weights in enumerate(saved.weights)
                        for name, tensor in weights.items()}
    state["step"] = saved.step
    if saved.history is not None and saved.history.size <= MAX_SAVED_HISTORY:
        state["loss_history"] = saved.history.reshape(-1)
    return state


def check_session(lab, state: dict[str, Any]) -> list[str]:
    """What the generic checks cannot see: the loss histories must match the runs and the step."""
    config, problems = from_dict(SweepConfig, state.get("config"))
    if problems or state.get("weights") is None:
        return []  # config problems are reported by core.session; without weights nothing else is used
    return saved_training_problems(config, state.get("step"), state.get("loss_history"))


def restore_session(lab, state: dict[str, Any]) -> None:
    """Load a validated entry (or remembered settings): the set-up, and the saved sweep if present."""
    from playground.core.sweep import SavedSweep  # torch: only when a session holds trained weights

    config, _problems = from_dict(SweepConfig, state.get("config"))
    config = config.with_usable_axes()  # remembered settings are read leniently: never a sweep that cannot run
    lab.clear_results()
    lab.set_config(config)
    weights = state.get("weights")
    spec = config.spec()[0]
    if weights is None or spec is None:
        return
    step = int(state.get("step") or 0)
    runs, _strays = split_run_weights(weights, spec.count())
    history = state.get("loss_history")
    if history is not None:
        history = np.asarray(history, dtype=np.float32).reshape(step, spec.count())
    lab.show_saved(spec, SavedSweep(runs, step, history))


# -- presentation mode ------------------------------------------------------------------------------
PANEL_WIDTH = (280, 380)  # lab.py's left panel: minimum, maximum


def set_presentation(lab, on: bool) -> None:
    """Advanced controls hidden (steps, "Start from the Curve lab's settings"), room for larger text."""
    hide_advanced(lab, on)
    # The larger text may widen the set-up panel, but the grid and the table get most of the screen.
    lab.left_panel.setMaximumWidth(int(PANEL_WIDTH[1] * (1.3 if on else 1.0)))
    lab.multiples.set_presentation(on)  # the table's rows follow the font by themselves


# -- theme ----------------------------------------------------------------------------------------
def apply_theme(lab) -> None:
    """Recolour the small multiples, the heatmap table and the problem text."""
    lab.multiples.apply_theme()
    lab.problem_label.setStyleSheet(f"color: {plot_colors().warning};")
    lab.refill_table()


# -- export ---------------------------------------------------------------------------------------
def install_exports(lab) -> None:
    install_plot_export(lab.multiples.widget, "sweep_loss_histories", csv=lambda: loss_history_rows(lab))
    install_table_export(lab.table, "sweep_results", csv=lambda: result_rows(lab))


def _axis_columns(lab, index: int) -> list:
    config = lab._configs[index]
    return [getattr(config, axis.name) for axis in lab._spec.axes]


def result_rows(lab):
    """One row per combination: run, the swept values, final train loss, final test loss (if any), steps."""
    if lab._spec is None or lab._train is None:
        return ("run",), []
    has_test = bool(np.isfinite(lab._test).any())
    header = ["run", *(axis.name for axis in lab._spec.axes), "train_loss"] + (["test_loss"] if has_test else [])
    header.append("steps")
    steps = lab.shown_step()
    rows = [[i + 1, *_axis_columns(lab, i), float(train)] + ([float(lab._test[i])] if has_test else []) + [steps]
            for i, train in enumerate(lab._train)]
    return header, rows


def loss_history_rows(lab):
    """Long format, one row per run and step: run, the swept values, step, train loss."""
    if lab._spec is None:
        return ("run", "step", "train_loss"), []
    history = from_worker(lab, lambda job: job.loss_history())
    header = ["run", *(axis.name for axis in lab._spec.axes), "step", "train_loss"]
    if history is None:
        return header, []

    def rows():
        for i in range(history.shape[1]):
            swept = _axis_columns(lab, i)
            for step, loss in enumerate(history[:, i], 1):
                yield [i + 1, *swept, step, float(loss)]

    return header, rows()
