"""The Sweep lab: vary one or two settings, train every combination together, compare them.

The whole grid trains as one batched job (core/sweep/batched.py) in one worker thread.
The small multiples are path items in one view, refreshed at most 10 times a
second; the table of final losses is coloured like a heatmap, and clicking a
cell opens that configuration in the Curve lab (``openInCurveLab``).

A session keeps the set-up (a ``SweepConfig``); "with trained weights" it also
keeps the results of the sweep on screen (every run's weights, the step and the
loss histories), so a finished sweep can be shown again without training it.
"""

from __future__ import annotations

import math
import time
from typing import Any, Callable

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal, Slot
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QSpinBox, QSplitter, QTableWidgetItem, QWidget)

from playground.core.config import from_dict, to_dict
from playground.core.curve.config import CurveConfig, notes_preset
from playground.core.training.commands import WorkerError
from playground.core.training.loop import Progress
from playground.core.sweep.config import (DEFAULT_STEPS, MAX_SAVED_HISTORY, MAX_STEPS, SWEEPABLE, SweepAxis,
                                          SweepConfig, SweepSpec, make_sweep_config, parse_values,
                                          run_prefix, saved_training_problems, split_run_weights)
from playground.ui.appearance import hide_advanced
from playground.ui.export import install_plot_export, install_table_export
from playground.ui.i18n import core_texts, set_all_texts
from playground.ui.sweep_lab.heat_colors import heat_color, text_color
from playground.ui.sweep_lab.multiples import SmallMultiples
from playground.ui.sweep_lab.results_table import ResultsTable
from playground.ui.sweep_lab.tables import loss_history_rows, result_rows
from playground.ui.lab_base import Lab, log_worker_error
from playground.ui.widgets.setting_names import SettingNames
from playground.ui.theme import plot_colors
from playground.ui.widgets.layouts import STRETCH, column, hbox, wrapped_label
from playground.workers.loop_thread import LoopThread

REFRESH_S = 0.1  # small multiples and table: at most 10 redraws a second
PANEL_WIDTH = (280, 380)  # the set-up panel: minimum, maximum


def _make_job(spec: SweepSpec, saved=None):
    from playground.core.sweep.batched import SweepJob  # imports torch: runs on the worker thread

    return SweepJob(spec, saved)


class SweepLab(Lab):
    key = "sweep"
    title = QT_TRANSLATE_NOOP("SweepLab", "Sweep")
    tooltip = QT_TRANSLATE_NOOP("SweepLab", "Train many settings at once, side by side, and compare their losses")
    config_type = SweepConfig
    openInCurveLab = Signal(object)  # a CurveConfig
    updated = Signal()               # after each redraw of the small multiples (tests, benchmarks)

    DEFAULTS = (("hidden_width", "4, 10, 32"), ("lr", "0.001, 0.01, 0.1"))

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._base = notes_preset()
        self._loop: LoopThread | None = None
        self._spec: SweepSpec | None = None
        self._configs: list[CurveConfig] = []
        self._last_refresh = 0.0
        self._started_at = 0.0
        self._state = "idle"
        self._train: np.ndarray | None = None
        self._test: np.ndarray | None = None
        self._last_progress: Progress | None = None
        self._generation = -1
        self._build()
        self._install_exports()  # before the window's generic PNG/SVG pass, which keeps it
        self.apply_theme()
        self.retranslate()

    # -- layout ------------------------------------------------------------
    def _build(self) -> None:
        self.axis_boxes: list[QComboBox] = []
        self.value_edits: list[QLineEdit] = []
        self.setup_box = QGroupBox()
        form = QFormLayout(self.setup_box)
        self.axis_labels = []
        for i, (name, values) in enumerate(self.DEFAULTS):
            box = QComboBox()
            if i == 1:
                box.addItem("", None)  # "nothing": a one-setting sweep
            for field_name in SWEEPABLE:
                box.addItem(field_name, field_name)
            box.setCurrentIndex(box.findData(name))
            edit = QLineEdit(values)
            self.axis_boxes.append(box)
            self.value_edits.append(edit)
            label, values_label = QLabel(), QLabel()
            self.axis_labels.append((label, values_label))
            form.addRow(label, box)
            form.addRow(values_label, edit)
        self.steps_box = QSpinBox(minimum=1, maximum=MAX_STEPS, singleStep=100, value=DEFAULT_STEPS)
        self.steps_label = QLabel()
        form.addRow(self.steps_label, self.steps_box)
        self.base_label = wrapped_label()
        self.use_curve_button = QPushButton()
        self.run_button, self.stop_button = QPushButton(), QPushButton(enabled=False)
        self.problem_label = wrapped_label()
        self.problem_label.hide()
        self.best_label = wrapped_label()

        left = column(self.setup_box, self.base_label, self.use_curve_button, hbox(self.run_button, self.stop_button),
                      self.problem_label, self.best_label, STRETCH)
        left.setMinimumWidth(PANEL_WIDTH[0])
        left.setMaximumWidth(PANEL_WIDTH[1])
        self.left_panel = left
        # Hidden in presentation mode: details of the set-up, not what a class looks at.
        for widget in (self.steps_box, self.use_curve_button):
            widget.setProperty("advanced", True)

        self.multiples = SmallMultiples()
        self.results = ResultsTable()
        self.table = self.results.table
        self.table.cellClicked.connect(self._on_cell_clicked)
        right = QSplitter(Qt.Vertical)
        right.addWidget(self.multiples.widget)
        right.addWidget(self.results)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 2)

        layout = QHBoxLayout(self)
        layout.addWidget(left)
        layout.addWidget(right, 1)

        self.run_button.clicked.connect(self.run_sweep)
        self.stop_button.clicked.connect(self.stop_sweep)
        self.use_curve_button.clicked.connect(self._use_curve_settings)
        for box in self.axis_boxes:
            box.currentIndexChanged.connect(self._update_count)
        for edit in self.value_edits:
            edit.textChanged.connect(self._update_count)

    def retranslate(self) -> None:
        self.setup_box.setTitle(self.tr("Settings to vary"))
        names = SettingNames().names()
        for i, box in enumerate(self.axis_boxes):
            for j in range(box.count()):
                data = box.itemData(j)
                box.setItemText(j, names.get(data, data) if data else self.tr("(nothing)"))
        for _label, values_label in self.axis_labels:
            values_label.setText(self.tr("Values"))
        for edit in self.value_edits:
            edit.setToolTip(self.tr("Comma-separated, e.g. 0.001, 0.01, 0.1 or ReLU, Tanh"))
        set_all_texts(
            (self.axis_labels[0][0], self.tr("Rows")),
            (self.axis_labels[1][0], self.tr("Columns")),
            (self.axis_boxes[0], None, self.tr("The setting that changes from row to row")),
            (self.axis_boxes[1], None, self.tr("The setting that changes from column to column (or nothing)")),
            (self.steps_box, None, self.tr("How many training steps every combination takes")),
            (self.table, None, self.tr("Final training loss (test loss below); click a cell to open it in the Curve lab")),
            (self.steps_label, self.tr("Steps")),
            (self.use_curve_button, self.tr("Start from the Curve lab's settings"),
             self.tr("Everything not varied is taken from these settings")),
            (self.run_button, self.tr("Run sweep"), self.tr("Train every combination together, in one batched computation")),
            (self.stop_button, self.tr("Stop"), self.tr("Stop the sweep where it is")),
        )
        self._title_table()
        self._update_base_label()
        self._update_count()
        self._update_status()


    # -- backend -----------------------------------------------------------
    def start_backend(self) -> None:
        """Nothing to load up front: a sweep starts its worker when it runs."""

    def shutdown(self) -> None:
        if self._loop is not None:
            self._loop.stop()
            self._loop = None

    def is_running(self) -> bool:
        return self._state == "running"

    def from_worker(self, fn: Callable[[Any], Any]) -> Any | None:
        """``fn(job)`` run on the sweep's worker thread between two steps; None without a live sweep."""
        loop = self._loop
        if loop is None or loop.control.stopped or self._state == "failed":
            return None
        return loop.call(fn)

    # -- classroom hooks: config, sessions, presentation, theme -----------------------------------
    def config(self) -> SweepConfig:
        """The set-up as shown: the settings not varied, the settings varied (values as typed), the steps."""
        axes = [(box.currentData(), edit.text()) for box, edit in zip(self.axis_boxes, self.value_edits)
                if box.currentData()]
        return make_sweep_config(self._base, axes, self.steps_box.value())

    def set_config(self, config: SweepConfig) -> None:
        self.set_base_config(config.base())
        self.set_axes(config.axes_text(), config.max_steps)

    def session_state(self, with_training: bool = False) -> dict[str, Any]:
        """{"config": SweepConfig} plus, if asked and the sweep on screen is the one set up,
        every run's weights ("run1.0.weight", …; none for a diverged run), the step and the loss histories
        (steps × runs, flattened row by row; left out above MAX_SAVED_HISTORY values)."""
        state: dict[str, Any] = {"config": to_dict(self.config())}
        if not with_training or self._spec is None or self._spec != self.spec()[0]:
            return state  # no results, or they belong to another set-up than the one saved
        saved = self.from_worker(lambda job: job.saved())
        if saved is None or not any(saved.weights):
            return state  # no live sweep, or every run diverged (nothing finite to show again)
        state["weights"] = {run_prefix(i) + name: tensor for i, weights in enumerate(saved.weights)
                            for name, tensor in weights.items()}
        state["step"] = saved.step
        if saved.history is not None and saved.history.size <= MAX_SAVED_HISTORY:
            state["loss_history"] = saved.history.reshape(-1)
        return state

    def check_session(self, state: dict[str, Any]) -> list[str]:
        """What the generic checks cannot see: the loss histories must match the runs and the step."""
        config, problems = from_dict(SweepConfig, state.get("config"))
        if problems or state.get("weights") is None:
            return []  # config problems are reported by core.persistence.session; without weights nothing else is used
        return saved_training_problems(config, state.get("step"), state.get("loss_history"))

    def restore_session(self, state: dict[str, Any]) -> None:
        """Load a validated entry (or remembered settings): the set-up, and the saved sweep if present."""
        from playground.core.sweep.batched import SavedSweep  # torch: only when a session holds trained weights

        config, _problems = from_dict(SweepConfig, state.get("config"))
        config = config.with_usable_axes()  # remembered settings are read leniently: never a sweep that cannot run
        self.clear_results()
        self.set_config(config)
        weights = state.get("weights")
        spec = config.spec()[0]
        if weights is None or spec is None:
            return
        step = int(state.get("step") or 0)
        runs, _strays = split_run_weights(weights, spec.count())
        history = state.get("loss_history")
        if history is not None:
            history = np.asarray(history, dtype=np.float32).reshape(step, spec.count())
        self.show_saved(spec, SavedSweep(runs, step, history))

    def set_presentation(self, on: bool) -> None:
        """Advanced controls hidden (steps, "Start from the Curve lab's settings"), room for larger text."""
        hide_advanced(self, on)
        # The larger text may widen the set-up panel, but the grid and the table get most of the screen.
        self.left_panel.setMaximumWidth(int(PANEL_WIDTH[1] * (1.3 if on else 1.0)))
        self.multiples.set_presentation(on)  # the table's rows follow the font by themselves
        self.results.fit_height()  # ... and the table their height

    def apply_theme(self) -> None:
        """Recolour the small multiples, the heatmap table and the problem text."""
        self.multiples.apply_theme()
        self.problem_label.setStyleSheet(f"color: {plot_colors().warning};")
        self.refill_table()

    # -- export (right-click) -----------------------------------------------------------------
    def _install_exports(self) -> None:
        install_plot_export(self.multiples.widget, "sweep_loss_histories", csv=self.loss_history_rows)
        install_table_export(self.table, "sweep_results", csv=self.result_rows)

    def result_rows(self):
        """CSV: one row per combination (see sweep_lab/tables.py)."""
        return result_rows(self._spec, self._configs, self._train, self._test, self.shown_step())

    def loss_history_rows(self):
        """CSV: every run's loss at every step (read from the worker; none without a live sweep)."""
        history = None if self._spec is None else self.from_worker(lambda job: job.loss_history())
        return loss_history_rows(self._spec, self._configs, history)

    # -- set-up --------------------------------------------------------------
    def base_config(self) -> CurveConfig:
        return self._base

    def set_base_config(self, config: CurveConfig) -> None:
        """Settings that the sweep does not vary (the Curve lab's current ones)."""
        self._base = config
        self._update_base_label()

    def _use_curve_settings(self) -> None:
        window = self.window()
        labs = getattr(window, "labs", {})
        if "curve" in labs:
            self.set_base_config(labs["curve"].config())
            self.message.emit(self.tr("The sweep starts from the Curve lab's settings."))

    def _update_base_label(self) -> None:
        c = self._base
        self.base_label.setText(self.tr("Other settings: {target}, {depth} × {width} {act}, {opt} lr {lr}, {loss}, seed {seed}")
                                .format(target=SettingNames().value("target", c.target), width=c.hidden_width,
                                        depth=c.depth, act=c.activation, opt=c.optimizer, lr=f"{c.lr:g}", loss=c.loss,
                                        seed=c.seed))

    def set_axes(self, axes: list[tuple[str, str]], steps: int | None = None) -> None:
        """Fill the set-up widgets: [(field, "v1, v2, …"), …] (one or two entries)."""
        for i, box in enumerate(self.axis_boxes):
            name, text = axes[i] if i < len(axes) else (None, "")
            box.setCurrentIndex(box.findData(name))
            self.value_edits[i].setText(text)
        if steps is not None:
            self.steps_box.setValue(steps)

    def spec(self) -> tuple[SweepSpec | None, list[str]]:
        """The sweep the widgets describe, or None and what is wrong with it."""
        axes, problems = [], []
        for box, edit in zip(self.axis_boxes, self.value_edits):
            name = box.currentData()
            if not name:
                continue
            values, problem = parse_values(name, edit.text())
            if problem:
                problems.append(problem)
            else:
                axes.append(SweepAxis(name, values))
        if problems:
            return None, problems
        spec = SweepSpec(self._base, tuple(axes), self.steps_box.value())  # on the Curve lab's device
        problems = spec.problems()
        return (None, problems) if problems else (spec, [])

    def _update_count(self, *_args) -> None:
        spec, problems = self.spec()
        if spec is None:
            self.problem_label.setText("\n".join(core_texts(problems)))
            self.problem_label.setVisible(bool(problems))
            self.run_button.setEnabled(False)
        else:
            self.problem_label.hide()
            self.run_button.setEnabled(True)
            self.run_button.setText(self.tr("Run sweep ({n} runs)").format(n=spec.count()))

    # -- running ---------------------------------------------------------------
    @Slot()
    def run_sweep(self) -> None:
        spec, problems = self.spec()
        if spec is None:
            self.message.emit(self.tr("Cannot run this sweep: {detail}").format(detail="; ".join(core_texts(problems))))
            return
        self._start(spec)
        self.message.emit(self.tr("Training {n} networks together…").format(n=spec.count()))

    def show_saved(self, spec: SweepSpec, saved) -> None:
        """Show a sweep saved in a session (a core.sweep.batched.SavedSweep) as it was, without training it."""
        self._start(spec, saved)

    def _start(self, spec: SweepSpec, saved=None) -> None:
        self.shutdown()
        self._spec = spec
        self._configs = spec.configs()
        self._train = self._test = None
        self._last_progress = None
        self._generation = -1
        rows, cols = (spec.shape() + (1,))[:2]
        # One line per setting: narrow enough for a cell of an 8 × 8 grid, or for presentation mode's font.
        self.multiples.set_grid(rows, cols, [self._cell_label(c, "\n") for c in self._configs])
        self._setup_table(rows, cols)
        self.best_label.setText("")
        self._state = "running" if saved is None else "restoring"
        self._started_at = time.perf_counter()
        self._loop = LoopThread(lambda: _make_job(spec, saved), self, name="sweep-training")
        self._loop.progress.connect(self._on_progress)
        self._loop.failed.connect(self._on_failed)
        if saved is None:
            self._loop.control.resume()
        self._loop.start()
        self.stop_button.setEnabled(saved is None)

    def clear_results(self) -> None:
        """Stop any sweep and show none (before a session's set-up replaces the current one)."""
        self.shutdown()
        self._spec, self._configs = None, []
        self._train = self._test = None
        self._last_progress = None
        self._state = "idle"
        self.multiples.set_grid(0, 0, [])
        self.table.clear()
        self.table.setRowCount(0)
        self.table.setColumnCount(0)
        self.results.set_titles("", "")
        self.best_label.setText("")
        self.stop_button.setEnabled(False)
        self._update_status()

    @Slot()
    def stop_sweep(self) -> None:
        if self._loop is not None:
            self._loop.control.pause()
        self._state = "stopped"
        self.stop_button.setEnabled(False)
        self._update_status()

    def _cell_label(self, config: CurveConfig, separator: str = ", ") -> str:
        return SettingNames().describe(((axis.name, getattr(config, axis.name)) for axis in self._spec.axes), separator)

    def _setup_table(self, rows: int, cols: int) -> None:
        axes = self._spec.axes
        self.table.clear()
        self.table.setRowCount(rows)
        self.table.setColumnCount(cols)
        setting = SettingNames()  # values in the UI's language ("y = x²", "full")
        self.table.setVerticalHeaderLabels([setting.value(axes[0].name, v) for v in axes[0].values])
        if len(axes) > 1:
            self.table.setHorizontalHeaderLabels([setting.value(axes[1].name, v) for v in axes[1].values])
        else:
            self.table.setHorizontalHeaderLabels([self.tr("final loss")])
        for r in range(rows):
            for c in range(cols):
                item = QTableWidgetItem("…")
                item.setTextAlignment(Qt.AlignCenter)
                self.table.setItem(r, c, item)
        self._title_table()

    def _title_table(self) -> None:
        """Name the swept settings over the table's rows and columns, and in the small multiples and the best
        run's line (in the UI's language: also after a switch)."""
        if self._spec is None:
            self.results.set_titles("", "")
            return
        self.multiples.set_labels([self._cell_label(config, "\n") for config in self._configs])
        if self._state == "finished":
            self._show_best()
        names = SettingNames().names()
        axes = self._spec.axes
        self.results.set_titles(names.get(axes[0].name, axes[0].name),
                                names.get(axes[1].name, axes[1].name) if len(axes) > 1 else "")

    @Slot(object)
    def _on_progress(self, progress: Progress) -> None:
        snap = progress.snapshot
        self._last_progress = progress
        self._train, self._test = snap["train_loss"], snap["test_loss"]
        # A sweep restored from a session reports "paused" at its last step: finished all the same.
        finished = progress.state in ("finished", "diverged") or progress.step >= self._spec.steps
        now = time.perf_counter()
        fresh = progress.generation != self._generation
        if fresh:
            self._generation = progress.generation
            self.multiples.set_data(snap["data"])
        if finished or fresh or now - self._last_refresh >= REFRESH_S:
            self._last_refresh = now
            self.multiples.set_fits(snap["fits"], snap["diverged"])
            self._fill_table(snap["train_loss"], snap["test_loss"])
            self.updated.emit()
            self._update_status(progress)
        if self._state == "restoring" and not finished:
            self._state = "stopped"  # saved part-way: shown where it stopped
            self._update_status(progress)
        if finished and self._state in ("running", "restoring"):
            self._finish(progress)

    def _finish(self, progress: Progress) -> None:
        self._state = "finished"
        self.stop_button.setEnabled(False)
        self._update_status(progress)
        self._show_best()
        self.message.emit(self.tr("Sweep finished: click a cell to open it in the Curve lab."))

    def _show_best(self) -> None:
        best = self.best_index()
        if best is not None:
            self.best_label.setText(self.tr("Best: {label} (train loss {loss})")
                                    .format(label=self._cell_label(self._configs[best]),
                                            loss=f"{self._train[best]:.4g}"))

    def refill_table(self) -> None:
        """Colour the table again (a theme switch), from the losses last shown."""
        if self._train is not None and self.table.rowCount():
            self._fill_table(self._train, self._test)

    def shown_step(self) -> int:
        """The step of the losses shown (0 before any)."""
        return self._last_progress.step if self._last_progress is not None else 0

    def _fill_table(self, train: np.ndarray, test: np.ndarray) -> None:
        cols = self.table.columnCount()
        with np.errstate(divide="ignore", invalid="ignore"):
            logs = np.log10(np.where(np.isfinite(train), np.maximum(train, 1e-12), np.nan))
        finite = logs[np.isfinite(logs)]
        lo, hi = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
        best = self.best_index()
        for i, value in enumerate(train):
            item = self.table.item(i // cols, i % cols)
            if item is None:
                continue
            t = (logs[i] - lo) / (hi - lo) if hi > lo else 0.0
            background = heat_color(t)
            item.setBackground(QBrush(background))
            item.setForeground(QBrush(text_color(background)))
            text = self.tr("diverged") if not math.isfinite(value) else f"{value:.3g}"
            if math.isfinite(test[i]):
                text += "\n" + self.tr("test {loss}").format(loss=f"{test[i]:.3g}")
            item.setText(("★ " if i == best else "") + text)
            item.setToolTip(self._cell_label(self._configs[i]))

    def best_index(self) -> int | None:
        """The combination with the lowest final training loss (None before any result)."""
        if self._train is None or not np.isfinite(self._train).any():
            return None
        return int(np.nanargmin(np.where(np.isfinite(self._train), self._train, np.nan)))

    def cell_of(self, index: int) -> tuple[int, int]:
        cols = max(1, self.table.columnCount())
        return index // cols, index % cols

    def configs(self) -> list[CurveConfig]:
        return list(self._configs)

    @Slot(int, int)
    def _on_cell_clicked(self, row: int, col: int) -> None:
        index = row * self.table.columnCount() + col
        if 0 <= index < len(self._configs):
            self.openInCurveLab.emit(self._configs[index])

    def _update_status(self, progress: Progress | None = None) -> None:
        if self._spec is None:
            self.status_label.setText(self.tr("Choose the settings to vary, then Run sweep."))
            return
        p = progress or self._last_progress
        step = p.step if p is not None else 0
        self.status_label.setText(self.tr("{n} runs · step {step} of {steps} · {rate} steps/s each")
                                  .format(n=self._spec.count(), step=step, steps=self._spec.steps,
                                          rate=f"{p.steps_per_s:,.0f}" if p is not None else "–"))

    @Slot(object)
    def _on_failed(self, error: WorkerError) -> None:
        log_worker_error(error)
        self._state = "failed"
        self.stop_button.setEnabled(False)
        self.problem_label.setText(self.tr("The sweep stopped because of an error: {detail}").format(detail=error.detail()))
        self.problem_label.show()
        self.message.emit(self.tr("The sweep stopped because of an error."))
