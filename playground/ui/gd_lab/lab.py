"""The gradient-descent lab: watch x ← x − lr·f′(x) find (or miss) a minimum.

The walk runs like every lab's training: a LoopThread steps a core.gradient_descent.job.GDJob under the transport's
run control (Play at the chosen pace, Step, Reset). Its steps take microseconds, so the pace animates
it. The lab keeps ``gd``, a GUI-side copy of the walk rebuilt from the job's reports (every step's
record), for the table, the plot and the verdict; a reset or a session's walk is shown at once and the
job's next reports (``_expected_generation``) confirm it.

A session stores the walk as the current point x (its "weights": x is what gradient descent trains),
the step count and f before each step (its "loss history"). Opening it replays that many steps from
the saved settings: the descent is deterministic, so the path, the table and the verdict come back
exactly, and a file whose point does not follow from its settings is refused
(core.gradient_descent.descent.saved_walk_problems).
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QTimer, Qt, Slot
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QTableWidgetItem, QWidget

from playground.core.training.commands import Reset, Walk
from playground.core.config import from_dict, to_dict
from playground.core.training.loop import Progress
from playground.core.gradient_descent.descent import (FUNCTIONS, GDConfig, GDSetup, GradientDescent, notes_setup,
                                          saved_walk_problems)
from playground.ui.appearance import FONT_SCALE
from playground.ui.export import install_plot_export, install_table_export
from playground.ui.gd_lab.tables import path_rows
from playground.ui.teaching_plots import contour_path, markers, sync_plot
from playground.ui.plots import FastCurve, StickyRange, make_plot
from playground.ui.loop_labs import LoopLab
from playground.ui.theme import plot_colors, recolor_pen
from playground.ui.widgets.config_form import ConfigForm
from playground.ui.widgets.transport import PACE_RATES, TransportBar, install_transport_keys
from playground.ui.widgets.layouts import column, read_only_table, wrapped_label

MAX_TABLE_ROWS = 2000
LEFT_WIDTH = (320, 440)      # the settings and table column: minimum, maximum
MAX_SPEED_RATE = 60          # "Max speed" animates at about 60 steps a second
DEFAULT_PACE_INDEX = 3       # 10 steps/s: slow enough to follow each step
CONVERGED_TOL = 0.01         # the notes' |x| < 0.01
CONTOUR_LEVELS = (0.5, 2, 5, 10, 20, 40, 70, 110, 160)


def _make_job(setup: GDSetup, walked: int):
    from playground.core.gradient_descent.job import GDJob

    return GDJob(setup, walked)


class GDControls(ConfigForm):
    """The walk's settings (the pace is the transport bar's); start y only for 2-D functions."""
    lab = "gd"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(GDConfig, [("settings", ["function", "start_x", "start_y", "lr", "momentum"])],
                         stretch=False, parent=parent)
        for name, step, decimals in (("start_x", 0.1, 2), ("start_y", 0.1, 2), ("lr", 0.01, 4), ("momentum", 0.05, 2)):
            self.editor(name).setSingleStep(step)
            self.editor(name).setDecimals(decimals)
        self.set_config(GDConfig())
        self.retranslate()

    def texts(self) -> dict:
        return {"items": {"function": {"x2": self.tr("f(x) = x²"), "x4": self.tr("f(x) = x⁴ − 3x² (two minima)"),
                                       "bowl": self.tr("f(x, y) = x² + 4y² (2-D bowl)")}}}

    def update_rows(self, config: GDConfig) -> None:
        self.set_row_visible("start_y", FUNCTIONS[config.function].dims == 2)


class GDLab(LoopLab):
    key = "gd"
    title = QT_TRANSLATE_NOOP("GDLab", "Gradient descent")
    tooltip = QT_TRANSLATE_NOOP("GDLab", "Watch x ← x − lr·f′(x) walk down a function, step by step")
    config_type = GDConfig
    thread_name = "gd-walk"
    uses_torch = False  # plain numpy

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.gd = GradientDescent(notes_setup())  # the walk as shown (the worker's job walks the same)
        self._generation = 0           # the job's walk that ``gd`` shows
        self._expected_generation = 1  # reports of older walks (before a Reset or Walk we sent) are dropped
        self._verdict = ""
        self._converged_at: int | None = None
        self._build()
        self.retranslate()
        self.reset()

    # -- layout ----------------------------------------------------------------
    def _build(self) -> None:
        self.controls = GDControls()
        self.transport = TransportBar()
        self.transport.pace_box.setCurrentIndex(DEFAULT_PACE_INDEX)
        self.transport.pace_box.setProperty("advanced", True)  # a detail of the animation: hidden in presentation mode
        self.verdict_label = wrapped_label()
        self.formula_label = wrapped_label()
        # The step column fits its numbers; the rest share the room ("梯度 (gradient)" is long in Chinese).
        self.table = read_only_table(4, QHeaderView.Stretch, {0: QHeaderView.ResizeToContents})
        self.table.setWordWrap(False)  # an (x, y) pair on one line
        self._decimals = DECIMALS[0]
        self._biggest = 0.0  # the largest |number| in the table: it decides the widest pair
        self.table.horizontalHeader().sectionResized.connect(self._fit_decimals)
        self._left = column(self.controls, self.transport, self.formula_label, self.verdict_label, (self.table, 1))
        self._set_left_width(1.0)

        c = plot_colors()
        self.plot = make_plot()
        item = self.plot.getPlotItem()
        self.curve = FastCurve(item, pg.mkPen(c.target, width=2))
        self.contours = FastCurve(item, pg.mkPen(c.target, width=1))
        self.tangent = FastCurve(item, pg.mkPen(c.train_points, width=1.5, style=Qt.DashLine))
        self.path_line = FastCurve(item, pg.mkPen(c.test_loss, width=1))
        self.path_points = markers(item, c.test_loss, 5)
        self.step_line = FastCurve(item, pg.mkPen(c.fit, width=2.5))
        self.arrow = pg.ArrowItem(pen=pg.mkPen(c.fit), brush=pg.mkBrush(c.fit), headLen=14, tailLen=None)
        item.addItem(self.arrow, ignoreBounds=True)
        self.point = markers(item, c.fit, 12)
        self.minima = markers(item, c.goal, 8)
        self.banner = pg.TextItem(color=c.warning, anchor=(0.5, 0.0))
        self.banner.setZValue(20)
        item.addItem(self.banner, ignoreBounds=True)
        self._x_range = StickyRange(-6, 6, margin=0.2, limit=1e6)
        self._y_range = StickyRange(-1, 36, margin=0.2, limit=1e12)

        layout = QHBoxLayout(self)
        layout.addWidget(self._left)
        layout.addWidget(self.plot, 1)
        install_plot_export(self.plot, "gd_path", csv=lambda: path_rows(self.gd))
        install_table_export(self.table, "gd_steps", csv=lambda: path_rows(self.gd))

        self.connect_transport()
        self.controls.configChanged.connect(self._on_setting)
        install_transport_keys(self, self.toggle_play, self.step_once, self.reset)

    def retranslate(self) -> None:
        self.controls.retranslate()
        self.formula_label.setText(self.tr("Each step: gradient g = f′(x), velocity v ← momentum·v + g, x ← x − lr·v"))
        self.table.setHorizontalHeaderLabels([self.tr("step"), self.tr("x"), self.tr("gradient"), self.tr("new x")])
        self.transport.retranslate()
        self.plot.getPlotItem().setTitle(self.tr("The point moves against the gradient (orange: this step; dashed: tangent)"))
        self._update_verdict()


    def showEvent(self, event) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self._redraw_point)  # the view has its real size now: re-aim the arrow

    # -- the worker ---------------------------------------------------------------
    def make_job(self):
        setup, walked = self.gd.setup, self.gd.step_count  # what is on screen (a session may have walked)
        return lambda: _make_job(setup, walked)

    def backend_starting(self) -> None:
        self._generation, self._expected_generation = 0, 1

    def backend_started(self) -> None:
        self._on_pace(None)

    def _ensure_worker(self) -> None:
        """A worker for Play and Step: no torch to wait for, so the walk may start before the tab was ever
        shown; after an error, a fresh one (from the walk on screen)."""
        if not self.backend_running():
            self.shutdown()
            self.start_backend()

    def send_rebuild(self, command) -> None:
        """A command that starts the job's walk again (Reset, Walk): its reports will have a new generation."""
        if self.backend_running():
            self._loop.control.pause()  # and forget single steps not yet taken: they belonged to the old walk
            self._expected_generation += 1
            self.send(command)

    # -- settings ----------------------------------------------------------------
    def setup(self) -> GDSetup:
        return self.controls.config().setup(self.gd.setup.max_steps)

    def config(self) -> GDConfig:
        rate = PACE_RATES[max(0, self.transport.pace_box.currentIndex())]
        return replace(self.controls.config(), pace=0 if rate is None else rate)

    def set_config(self, config: GDConfig) -> None:
        """Show ``config`` and start a fresh descent from it."""
        self.controls.set_config(config)  # start_y is kept for 2-D functions even while a 1-D one is shown
        rates = [0 if rate is None else rate for rate in PACE_RATES]
        self.transport.pace_box.setCurrentIndex(min(range(len(rates)), key=lambda i: abs(rates[i] - config.pace)))
        self.load_setup(config.setup(self.gd.setup.max_steps))

    # -- classroom hooks: sessions (with the walk so far), theme, presentation ---------------------------
    def session_state(self, with_training: bool = False) -> dict[str, Any]:
        """{"config": dict}; with training and at least one step: "weights" {"x": point}, "step", "loss_history"."""
        state: dict[str, Any] = {"config": to_dict(self.config())}
        gd = self.gd
        if not with_training or gd.step_count == 0 or not np.isfinite(gd.x).all():
            return state  # nothing walked yet (or nothing a session can hold): the settings say it all
        import torch  # only when saving with training; sessions read weights with torch too

        state.update(weights={"x": torch.tensor(gd.x, dtype=torch.float64)}, step=gd.step_count,
                     loss_history=np.array([record.f for record in gd.history], dtype=np.float64))
        return state

    def check_session(self, state: dict[str, Any]) -> list[str]:
        """A saved walk must follow from its settings (the shapes were checked by core.persistence.session)."""
        weights = state.get("weights")
        if weights is None:
            return []
        config, problems = from_dict(GDConfig, state.get("config"))
        if problems:
            return problems
        return saved_walk_problems(config, weights["x"].numpy(), state.get("step"), state.get("loss_history"))

    def restore_session(self, state: dict[str, Any]) -> None:
        """The settings, and (if saved) the walk replayed up to the saved step."""
        config, _problems = from_dict(GDConfig, state.get("config"))
        self.set_config(config)
        if state.get("weights") is not None:
            self.walk_to(int(state.get("step") or 0))

    def apply_theme(self) -> None:
        """Every item of the plot in the current theme's colours (widths and dash styles kept)."""
        c = plot_colors()
        recolor_pen(self.curve.item, c.target)
        recolor_pen(self.contours.item, c.target)
        recolor_pen(self.tangent.item, c.train_points)
        recolor_pen(self.path_line.item, c.test_loss)
        recolor_pen(self.step_line.item, c.fit)
        for scatter, color in ((self.path_points, c.test_loss), (self.point, c.fit), (self.minima, c.goal)):
            scatter.setPen(pg.mkPen(color))
            scatter.setBrush(pg.mkBrush(color))
        self.arrow.setStyle(pen=pg.mkPen(c.fit), brush=pg.mkBrush(c.fit))
        self.banner.setColor(pg.mkColor(c.warning))
        self._update_verdict()  # the warning's colour

    def set_presentation(self, on: bool) -> None:
        """Advanced controls hidden; the table column widens with the larger text (the plot keeps the rest)."""
        super().set_presentation(on)
        self._set_left_width(FONT_SCALE if on else 1.0)

    def _set_left_width(self, scale: float) -> None:
        self._left.setMinimumWidth(int(LEFT_WIDTH[0] * scale))
        self._left.setMaximumWidth(int(LEFT_WIDTH[1] * scale))

    def load_setup(self, setup: GDSetup) -> None:
        """Show ``setup`` in the widgets and start a fresh descent from it."""
        shown = self.controls.config()
        self.controls.set_config(replace(shown, function=setup.function, start_x=setup.start[0],
                                         start_y=setup.start[1] if len(setup.start) > 1 else shown.start_y,
                                         lr=setup.lr, momentum=setup.momentum))
        self.gd.setup = setup
        self.reset()

    def walk_to(self, steps: int) -> None:
        """Take ``steps`` steps at once (a session's walk): table, path and verdict as if stepped by hand.
        The walk is deterministic: shown here at once, walked by the job alike."""
        self.gd.walk(steps)
        self._show_walk()
        self.send_rebuild(Walk(self.gd.setup, steps))

    def _show_walk(self) -> None:
        records = self.gd.history[-MAX_TABLE_ROWS:]
        self.table.setRowCount(len(records))
        for row, record in enumerate(records):
            self._fill_row(row, record)
        self.table.scrollToBottom()
        self._converged_at = self.gd.first_converged(CONVERGED_TOL)
        self._redraw_point()
        self._update_verdict()

    @Slot(object)
    def _on_setting(self, config: GDConfig) -> None:
        """Any setting changed: start again from the (new) start point; a new function from its own."""
        if config.function != self.gd.setup.function:
            start = FUNCTIONS[config.function].default_start
            self.controls.set_config(replace(config, start_x=start[0], start_y=start[-1] if len(start) > 1
                                             else config.start_y))
        self.reset()

    # -- stepping (the worker's run control) ---------------------------------------------
    @Slot(bool)
    def _on_play_toggled(self, playing: bool) -> None:
        self._ensure_worker()
        if playing and self.gd.done():
            self.reset(keep_playing=True)
        super()._on_play_toggled(playing)

    @Slot(object)
    def _on_pace(self, _rate) -> None:
        if self._loop is not None:
            rate = PACE_RATES[max(0, self.transport.pace_box.currentIndex())]
            self._loop.control.set_steps_per_second(MAX_SPEED_RATE if rate is None else rate)

    @Slot()
    def step_once(self) -> None:
        self._ensure_worker()
        if self.transport.playing:
            self.transport.set_playing(False, emit=True)
        if not self.gd.diverged():
            self._loop.control.request_step()

    def on_progress(self, progress: Progress) -> None:
        """The job's steps since its last report: into ``gd``, the table, the plot and the verdict."""
        if progress.generation < self._expected_generation:
            return  # from a walk already replaced on screen
        snap, records = progress.snapshot, progress.snapshot["records"]
        if progress.generation != self._generation:
            self._generation = progress.generation
            if self.gd.setup != snap["setup"] or self.gd.step_count != len(records):
                self._start_walk(snap["setup"])  # not the walk already shown
            else:
                records = []
        if records:
            self._take_records(records, snap)
        if progress.state in ("finished", "diverged") and self.transport.playing:
            self.transport.set_playing(False, emit=True)

    def _take_records(self, records, snap) -> None:
        gd = self.gd
        for record in records:
            gd.history.append(record)
            gd.path.append(record.new_x.copy())
        gd.x, gd.velocity, gd.step_count = snap["x"], snap["velocity"], records[-1].step
        if len(records) > MAX_TABLE_ROWS // 4:  # a whole walk at once: refill the table
            self._show_walk()
            return
        for record in records:  # at "Max speed" a report brings two or three steps
            self._add_row(record)
            if self._converged_at is None and gd.distance_to_minimum(record.new_x) < CONVERGED_TOL:
                self._converged_at = record.step
        self._redraw_point()
        self._update_verdict()

    @Slot()
    def reset(self, keep_playing: bool = False) -> None:
        if not keep_playing and self.transport.playing:
            self.transport.set_playing(False, emit=True)
        self._start_walk(self.setup())
        self.send_rebuild(Reset(self.gd.setup))  # Play resumes the loop after this (keep_playing)

    def _start_walk(self, setup: GDSetup) -> None:
        """Show a fresh walk from ``setup``: no steps, the plot rebuilt."""
        self.gd.reset(setup)
        self._converged_at = 0 if self.gd.converged(CONVERGED_TOL) else None
        self.table.setRowCount(0)
        self._biggest = 0.0
        self._fit_decimals(1)  # a pair or a single number now
        self._rebuild_plot()
        self._update_verdict()

    # -- drawing -------------------------------------------------------------------
    def _add_row(self, record) -> None:
        if self.table.rowCount() >= MAX_TABLE_ROWS:
            self.table.removeRow(0)
        row = self.table.rowCount()
        self.table.insertRow(row)
        self._fill_row(row, record)
        self.table.scrollToBottom()

    @Slot(int, int, int)
    def _fit_decimals(self, column: int, *_sizes) -> None:
        """As many decimals as the narrowest number column allows the widest pair (a layout change, never per
        step); the rows shown are rewritten when it changes."""
        if column == 0:
            return
        width = min(self.table.columnWidth(c) for c in range(1, self.table.columnCount()))
        sample = np.full(self.gd.function.dims, -max(WIDEST, min(self._biggest, LARGE - 1)))
        metrics = self.table.fontMetrics()
        decimals = next((d for d in DECIMALS if metrics.horizontalAdvance(_vec(sample, d)) + CELL_PADDING <= width),
                        DECIMALS[-1])
        if decimals != self._decimals:
            self._decimals = decimals
            shown = self.table.rowCount()
            for row, record in enumerate(self.gd.history[-shown:] if shown else []):
                self._fill_row(row, record)

    def _fill_row(self, row: int, record) -> None:
        numbers = np.abs(np.concatenate([record.x, record.grad, record.new_x]))
        biggest = float(numbers[np.isfinite(numbers)].max(initial=0.0))
        if biggest > self._biggest:  # wider numbers than any so far: fewer decimals may be needed
            self._biggest = biggest
            self._fit_decimals(1)
        d = self._decimals
        for col, text in enumerate((str(record.step), _vec(record.x, d), _vec(record.grad, d), _vec(record.new_x, d))):
            cell = QTableWidgetItem(text)
            cell.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
            self.table.setItem(row, col, cell)

    def _rebuild_plot(self) -> None:
        fn = self.gd.function
        lo, hi = fn.view
        start = self.gd.x
        lo, hi = min(lo, float(start.min()) - 0.5), max(hi, float(start.max()) + 0.5)
        self._x_range.reset(lo, hi)
        item = self.plot.getPlotItem()
        if fn.dims == 1:
            item.setLabel("left", "f(x)")
            self.contours.clear()
            self._draw_function()
            self.minima.setData(np.array([m[0] for m in fn.minima]), np.array([fn.f(np.array(m)) for m in fn.minima]))
        else:
            item.setLabel("left", "y")
            self.curve.clear()
            self.tangent.clear()
            self._y_range.reset(lo, hi)
            self._draw_contours()
            self.minima.setData(np.array([m[0] for m in fn.minima]), np.array([m[1] for m in fn.minima]))
        item.setLabel("bottom", "x")
        self._apply_ranges()
        self._redraw_point()

    def _draw_function(self) -> None:
        fn = self.gd.function
        xs = np.linspace(self._x_range.lo, self._x_range.hi, 600)
        ys = np.array([fn.f(np.array([v])) for v in xs])
        self.curve.set_data(xs, ys)
        y_lo, y_hi = float(ys.min()), float(ys.max())
        pad = 0.08 * (y_hi - y_lo)
        self._y_range.reset(y_lo - pad, y_hi + pad)

    def _draw_contours(self) -> None:
        fn = self.gd.function
        lo, hi = self._x_range.lo, self._x_range.hi
        grid = np.linspace(lo, hi, 161)
        gx, gy = np.meshgrid(grid, grid, indexing="ij")
        z = np.vectorize(lambda a, b: fn.f(np.array([a, b])))(gx, gy)
        self.contours.item.setPath(contour_path(z, CONTOUR_LEVELS, lo, hi, lo, hi))

    def _apply_ranges(self) -> None:
        self.plot.getPlotItem().setRange(xRange=(self._x_range.lo, self._x_range.hi),
                                         yRange=(self._y_range.lo, self._y_range.hi), padding=0)
        self.banner.setPos((self._x_range.lo + self._x_range.hi) / 2, self._y_range.hi)

    def _coords(self, p: np.ndarray) -> tuple[float, float]:
        fn = self.gd.function
        return (float(p[0]), fn.f(p)) if fn.dims == 1 else (float(p[0]), float(p[1]))

    def _redraw_point(self) -> None:
        fn = self.gd.function
        path = [p for p in self.gd.path if np.isfinite(p).all() and np.abs(p).max() < 1e6]
        coords = np.array([self._coords(p) for p in path]) if path else np.zeros((0, 2))
        self.path_line.set_data(coords[:, 0], coords[:, 1]) if len(coords) else self.path_line.clear()
        self.path_points.setData(coords[:, 0], coords[:, 1])
        if not len(coords):
            return
        px, py = coords[-1]
        changed = self._x_range.include(float(coords[:, 0].min()), float(coords[:, 0].max()))
        if fn.dims == 1 and changed:
            self._draw_function()
        if fn.dims == 2:
            changed |= self._y_range.include(float(coords[:, 1].min()), float(coords[:, 1].max()))
        if changed:
            self._apply_ranges()
        self.point.setData(np.array([px]), np.array([py]))
        sync_plot(self.plot)  # the arrow's angle needs the view's current transform
        x = path[-1]
        with np.errstate(all="ignore"):
            g = fn.grad(x)
            step = -self.gd.setup.lr * (self.gd.setup.momentum * self.gd.velocity + g)
        if fn.dims == 1:
            half = 0.12 * (self._x_range.hi - self._x_range.lo)
            self.tangent.set_data(np.array([px - half, px + half]), np.array([py - half * g[0], py + half * g[0]]))
            tip = (px + step[0], py)
        else:
            tip = (px + step[0], py + step[1])
        if np.isfinite(tip).all() and (abs(tip[0] - px) + abs(tip[1] - py)) > 0:
            self.step_line.set_data(np.array([px, tip[0]]), np.array([py, tip[1]]))
            self._place_arrow(px, py, *tip)
        else:
            self.step_line.clear()
            self.arrow.hide()
        sync_plot(self.plot)

    def _place_arrow(self, x0: float, y0: float, x1: float, y1: float) -> None:
        view = self.plot.getPlotItem().getViewBox()
        a, b = view.mapViewToScene(pg.Point(x0, y0)), view.mapViewToScene(pg.Point(x1, y1))
        dx, dy = b.x() - a.x(), b.y() - a.y()
        if math.hypot(dx, dy) < 1e-9:
            self.arrow.hide()
            return
        self.arrow.setStyle(angle=math.degrees(math.atan2(-dy, -dx)))
        self.arrow.setPos(x1, y1)
        self.arrow.show()

    def _update_verdict(self) -> None:
        gd = self.gd
        text, warn = "", False
        if gd.diverged():
            text, warn = self.tr("Diverged: x ran off to infinity. Each step overshot the minimum by more than the last; use a smaller learning rate."), True
        elif gd.step_count >= 3 and gd.diverging():
            if gd.function.key == "x2" and gd.setup.lr > 1 and gd.setup.momentum == 0:
                text = self.tr("Diverging: with lr > 1 on x², x ← (1 − 2·lr)·x grows every step ({factor} × per step).").format(
                    factor=f"{abs(1 - 2 * gd.setup.lr):.3g}")
            else:
                text = self.tr("Diverging: every step lands farther from the minimum. Try a smaller learning rate.")
            warn = True
        elif self._converged_at is not None:
            minimum = gd.nearest_minimum()
            where = ", ".join(f"{m:.3g}" for m in minimum)
            text = self.tr("Reached the minimum at ({where}) within 0.01 after {n} steps.").format(where=where, n=self._converged_at)
        elif gd.step_count:
            text = self.tr("Step {n}: f = {f}").format(n=gd.step_count, f=f"{gd.value():.4g}")
        self.verdict_label.setText(text)
        self.verdict_label.setStyleSheet(f"color: {plot_colors().warning}; font-weight: bold;" if warn else "")
        self.banner.setText(self.tr("Diverging!") if warn else "")
        self._verdict = text
        self.status_label.setText(self.tr("Step {n}  ·  x = {x}  ·  f(x) = {f}").format(
            n=gd.step_count, x=_vec(gd.x), f=f"{gd.value():.4g}" if np.isfinite(gd.x).all() else "–"))


DECIMALS = (3, 2, 1)   # fixed decimals, fewest needed to keep a pair on one line in a narrow column:
                       # numbers line up, and what is left near a minimum reads 0.000 (not 1e-20)
LARGE = 1e4            # from here (a walk that diverges) a short exponent form
WIDEST = 8.888         # the column fits a pair of numbers this wide at least (more when the table has more)
CELL_PADDING = 8       # px a table cell keeps around its text (Fusion: 3 each side, and the grid line)


def _number(value: float, decimals: int = DECIMALS[0]) -> str:
    if not np.isfinite(value) or abs(value) >= LARGE:
        return f"{value:.2e}"
    text = f"{value:.{decimals}f}"
    return text[1:] if text.startswith("-") and not text.strip("-0.") else text  # no "-0.000"


def _vec(v: np.ndarray, decimals: int = DECIMALS[0]) -> str:
    values = [_number(float(a), decimals) for a in np.atleast_1d(v)]
    return values[0] if len(values) == 1 else "(" + ", ".join(values) + ")"
