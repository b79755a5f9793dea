"""The linear-regression lab: the notes' nn.Linear(1, 1) learning y = 2x from three points.

Training runs in a LoopThread with the shared loop (torch loads on the worker);
the job sends each new stretch of its (w, b, loss) trajectory with its reports.
"""

from __future__ import annotations

import time
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Slot
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QWidget

from playground.core.training.commands import ApplyConfig, Reset, Restore, WorkerError
from playground.core.config import to_dict
from playground.core.linear.regression import (X_DATA, Y_DATA, LinearSetup, loss_surface, notes_setup,
                                               saved_training_problems)
from playground.core.training.loop import Progress
from playground.ui.export import install_plot_export, loss_rows
from playground.ui.linear_lab.tables import fit_rows, trajectory_rows
from playground.ui.teaching_plots import contour_path, markers, sync_plot
from playground.ui.plots import FastCurve, StickyRange, make_plot
from playground.ui.theme import plot_colors, recolor_pen
from playground.ui.loop_labs import SECONDARY_REFRESH_S, LoopLab, log_worker_error, restored_config
from playground.ui.widgets.config_form import ConfigForm
from playground.ui.widgets.transport import TransportBar, install_transport_keys
from playground.ui.widgets.layouts import STRETCH, column, wrapped_label

SURFACE_LEVELS = tuple(float(v) for v in np.geomspace(0.01, 60, 14))


def _make_job(setup: LinearSetup, saved: tuple | None = None):
    from playground.core.linear.regression import LinearRegressionJob  # torch: on the worker thread

    job = LinearRegressionJob(setup)
    if saved is not None:  # a session opened before the tab was first shown
        job.restore(setup, *saved)
    return job


class LinearControls(ConfigForm):
    """The three settings: the learning rate (live), and the steps and seed (hidden in presentation mode:
    the notes' values stay; only the learning rate is worth changing in front of a class)."""
    lab = "linear"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(LinearSetup, [("settings", ["lr", "max_steps", "seed"])], stretch=False, parent=parent)
        self.editor("lr").setSingleStep(0.005)
        self.editor("max_steps").setSingleStep(100)
        self.retranslate()


class LinearLab(LoopLab):
    key = "linear"
    title = QT_TRANSLATE_NOOP("LinearLab", "Linear regression")
    tooltip = QT_TRANSLATE_NOOP("LinearLab", "The notes' first example: nn.Linear(1, 1) learns y = 2x from three points")
    config_type = LinearSetup

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._setup = notes_setup()
        self._generation = -1
        self._trajectory = np.zeros((0, 3))
        self._step = 0
        self._state = "paused"
        self._last_secondary = 0.0
        self._backend_wanted = False
        self._surface_generation = -1
        self._ranges_set = False
        self._saved: tuple | None = None  # (weights, step, loss history) of a session, until the job has them
        self._build()
        self.retranslate()
        self.transport.setEnabled(False)

    # -- layout ----------------------------------------------------------------
    def _build(self) -> None:
        self.controls = LinearControls()
        self.controls.set_config(self._setup)
        self.transport = TransportBar()
        self.transport.pace_box.setProperty("advanced", True)
        self.readout = wrapped_label()
        self.readout.setTextFormat(Qt.RichText)
        self.explanation = wrapped_label()
        left = column(self.controls, self.transport, self.readout, self.explanation, STRETCH)
        left.setMinimumWidth(300)
        left.setMaximumWidth(400)

        c = plot_colors()
        self.fit_plot = make_plot()
        fit = self.fit_plot.getPlotItem()
        self.target_line = FastCurve(fit, pg.mkPen(c.target, width=1.5, style=Qt.DashLine))
        self.fit_line = FastCurve(fit, pg.mkPen(c.fit, width=2.5))
        self.points = markers(fit, c.train_points, 9)
        self._x_line = np.array([0.0, 4.0])
        self.target_line.set_data(self._x_line, 2 * self._x_line)
        self.points.setData(np.asarray(X_DATA), np.asarray(Y_DATA))
        fit.setRange(xRange=(0, 4), yRange=(-2, 9), padding=0)

        self.params_plot = make_plot()
        params = self.params_plot.getPlotItem()
        self.w_curve = FastCurve(params, pg.mkPen(c.fit, width=2))
        self.b_curve = FastCurve(params, pg.mkPen(c.train_points, width=2))
        self.w_goal = pg.InfiniteLine(pos=2.0, angle=0, pen=pg.mkPen(c.fit, width=1, style=Qt.DotLine))
        self.b_goal = pg.InfiniteLine(pos=0.0, angle=0, pen=pg.mkPen(c.train_points, width=1, style=Qt.DotLine))
        for line in (self.w_goal, self.b_goal):
            params.addItem(line, ignoreBounds=True)
        self.params_legend = params.addLegend(offset=(-10, 10))
        self._legend_proxies = (pg.PlotDataItem(pen=pg.mkPen(c.fit, width=2)),
                                pg.PlotDataItem(pen=pg.mkPen(c.train_points, width=2)))
        self._step_range = StickyRange(0, 1000, margin=0.3, floor=0)
        self._param_range = StickyRange(-1, 2.5, margin=0.1)

        self.surface_plot = make_plot()
        surface = self.surface_plot.getPlotItem()
        self.contours = FastCurve(surface, pg.mkPen(c.target, width=1))
        self.path_line = FastCurve(surface, pg.mkPen(c.fit, width=2))
        self.current = markers(surface, c.fit, 11)
        self.optimum_point = markers(surface, c.goal, 9)
        self.optimum_point.setData(np.array([2.0]), np.array([0.0]))

        self.loss_plot = make_plot()
        loss = self.loss_plot.getPlotItem()
        loss.setLogMode(x=False, y=True)
        self.loss_curve = FastCurve(loss, pg.mkPen(c.train_loss, width=1.5))
        self._loss_range = StickyRange(-3, 1, margin=0.1, limit=40)

        grid = QGridLayout()
        grid.addWidget(self.fit_plot, 0, 0)
        grid.addWidget(self.params_plot, 0, 1)
        grid.addWidget(self.surface_plot, 1, 0)
        grid.addWidget(self.loss_plot, 1, 1)
        layout = QHBoxLayout(self)
        layout.addWidget(left)
        layout.addLayout(grid, 1)
        self._install_exports()

        self.connect_transport()
        self.controls.configChanged.connect(self._on_setting)
        install_transport_keys(self, self.toggle_play, self.step_once, self.reset)

    def _install_exports(self) -> None:
        """Right-click CSV on every plot (before the window gives the rest PNG/SVG only)."""
        install_plot_export(self.fit_plot, "linear_fit", csv=lambda: fit_rows(self._trajectory))
        for plot, name in ((self.params_plot, "linear_w_b"), (self.surface_plot, "linear_path")):
            install_plot_export(plot, name, csv=lambda: trajectory_rows(self._trajectory))
        install_plot_export(self.loss_plot, "linear_loss", csv=lambda: loss_rows(self._trajectory[:-1, 2]))

    def retranslate(self) -> None:
        self.controls.retranslate()
        self.explanation.setText(self.tr(
            "Data x = [1, 2, 3], y = [2, 4, 6]. The model is y = w·x + b; SGD moves (w, b) downhill on the "
            "loss surface (bottom left). w heads for 2 quickly, b then creeps to 0 slowly: the valley is long and "
            "narrow. The notes reach w ≈ 1.91, b ≈ 0.20 after 900 steps."))
        self.fit_plot.getPlotItem().setTitle(self.tr("Data, y = 2x (dashed), model (orange)"))
        self.params_plot.getPlotItem().setTitle(self.tr("w and b per step (dotted: w = 2, b = 0)"))
        self.params_plot.getPlotItem().setLabel("bottom", self.tr("step"))
        self.params_legend.clear()
        self.params_legend.addItem(self._legend_proxies[0], "w")
        self.params_legend.addItem(self._legend_proxies[1], "b")
        surface = self.surface_plot.getPlotItem()
        surface.setTitle(self.tr("Loss over (w, b) and the path"))
        surface.setLabel("bottom", "w")
        surface.setLabel("left", "b")
        self.loss_plot.getPlotItem().setTitle(self.tr("Loss (MSE, log scale)"))
        self.loss_plot.getPlotItem().setLabel("bottom", self.tr("step"))
        self.transport.retranslate()
        self._update_readout()

    # -- backend -------------------------------------------------------------------
    def start_backend(self) -> None:
        """Start the worker the first time the tab is shown: at start-up the Curve lab has the CPU."""
        self._backend_wanted = True
        if self.isVisible():
            self._start_worker()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._backend_wanted:
            self._start_worker()

    def _start_worker(self) -> None:
        super().start_backend()

    def make_job(self):
        setup, saved = self._setup, self._saved
        return lambda: _make_job(setup, saved)

    def backend_starting(self) -> None:
        self._generation = -1

    def shutdown(self) -> None:
        self._backend_wanted = False
        super().shutdown()

    # -- settings ----------------------------------------------------------------
    def setup(self) -> LinearSetup:
        return self._setup

    def load_setup(self, setup: LinearSetup, saved: tuple | None = None) -> None:
        """Show ``setup`` and restart with it: from step 0, or from ``saved`` (weights, step, loss history)."""
        self.controls.set_config(setup)
        self._setup = setup
        if self.transport.playing:
            self.transport.set_playing(False, emit=True)
        if self._loop is None or self._loop.control.stopped:
            self._saved = saved  # the job is built with it when the tab is first shown
        elif saved is None:
            self._loop.control.send(Reset(setup))
        else:
            self._loop.control.send(Restore(setup, tuple(saved)))

    def config(self) -> LinearSetup:
        return self._setup

    def set_config(self, config: LinearSetup) -> None:
        self.load_setup(config)

    # -- classroom: sessions with the trained w and b, theme --------------------------------------------
    # A session holds nn.Linear(1, 1)'s state_dict, the step and the loss of every step. Opening it continues
    # from there; the w and b of the steps before were not saved, so the w/b plot and the path on the loss
    # surface start at the saved step, while the loss plot shows it all.
    def session_state(self, with_training: bool = False) -> dict[str, Any]:
        """{"config": dict}; with training: "weights", "step" and "loss_history" from the training thread."""
        state: dict[str, Any] = {"config": to_dict(self.config())}
        if not with_training:
            return state
        if self._saved is not None:  # a session's run the tab has not loaded yet: save it as it came
            weights, step, history = self._saved
            state.update(weights=weights, step=step)
            if history is not None:
                state["loss_history"] = history
            return state
        got = self.call_job(lambda job: job.training_state()) if self._is_ready else None
        if got is not None:
            weights, step, history = got
            state.update(weights=weights, step=step, loss_history=history)
        return state

    def check_session(self, state: dict[str, Any]) -> list:
        """The weights' shapes were checked by core.persistence.session; here: the step and one loss per step."""
        if state.get("weights") is None:
            return []
        return saved_training_problems(state.get("step"), state.get("loss_history"))

    def restore_session(self, state: dict[str, Any]) -> None:
        """The settings; with weights, training continues from the saved step (paused)."""
        weights = state.get("weights")
        saved = None
        if weights is not None:
            history = state.get("loss_history")
            saved = ({name: tensor.clone() for name, tensor in weights.items()}, int(state.get("step") or 0),
                     None if history is None else np.asarray(history, dtype=np.float64))
        self.load_setup(restored_config(LinearSetup, state), saved)

    def apply_theme(self) -> None:
        """Every curve, marker and reference line of the four plots in the current theme's colours."""
        c = plot_colors()
        for curve, color in ((self.target_line, c.target), (self.fit_line, c.fit), (self.w_curve, c.fit),
                             (self.b_curve, c.train_points), (self.contours, c.target), (self.path_line, c.fit),
                             (self.loss_curve, c.train_loss)):
            recolor_pen(curve.item, color)
        for scatter, color in ((self.points, c.train_points), (self.current, c.fit), (self.optimum_point, c.goal)):
            scatter.setPen(pg.mkPen(color))
            scatter.setBrush(pg.mkBrush(color))
        self.w_goal.setPen(pg.mkPen(c.fit, width=1, style=Qt.DotLine))
        self.b_goal.setPen(pg.mkPen(c.train_points, width=1, style=Qt.DotLine))
        for proxy, color in zip(self._legend_proxies, (c.fit, c.train_points)):
            proxy.setPen(pg.mkPen(color, width=2))
        for sample, _label in self.params_legend.items:
            sample.update()

    @Slot()
    def _on_setting(self, setup: LinearSetup) -> None:
        if setup == self._setup:
            return
        restart = setup.seed != self._setup.seed
        self._setup = setup
        if self._loop is not None:
            self._loop.control.send(ApplyConfig(setup))
        if restart:
            self._saved = None  # a session's run not loaded yet: the new seed starts afresh instead
            self.message.emit(self.tr("New seed: new initial weights, training restarted from step 0."))

    # -- transport ---------------------------------------------------------------
    @Slot()
    def reset(self) -> None:
        if self.transport.playing:
            self.transport.set_playing(False, emit=True)
        if self._loop is None or self._loop.control.stopped:
            if self._loop is not None:  # after an error: a fresh worker from the settings shown
                self.shutdown()
                self._backend_wanted = True
                self._start_worker()
            return
        self._loop.control.send(Reset(self._setup))

    # -- progress ------------------------------------------------------------------
    @Slot(object)
    def on_progress(self, progress: Progress) -> None:
        snap = progress.snapshot
        if progress.generation != self._generation:
            self._generation = progress.generation
            self._trajectory = np.zeros((0, 3))
            self._saved = None  # the job has it now
            if not self._is_ready:
                self._is_ready = True
                self.transport.setEnabled(True)
                self.ready.emit()
        new = snap["trajectory"]
        if new.size:
            self._trajectory = np.concatenate([self._trajectory[: snap["first"]], new])
        self._step = progress.step
        previous, self._state = self._state, progress.state
        if progress.state in ("finished", "diverged"):
            self.transport.set_playing(False)
            if previous != progress.state:
                self.message.emit(self.tr("Reached the step limit: press Play to continue training.")
                                  if progress.state == "finished" else
                                  self.tr("Diverged: the learning rate is too large for this loss surface."))
        w, b = snap["w"], snap["b"]
        self.fit_line.set_data(self._x_line, w * self._x_line + b)
        self.current.setData(np.array([w]), np.array([b]))
        if progress.generation != self._surface_generation:
            self._surface_generation = progress.generation
            self._draw_surface()
        sync_plot(self.fit_plot)
        sync_plot(self.surface_plot)
        now = time.perf_counter()
        if now - self._last_secondary >= SECONDARY_REFRESH_S or progress.state != "running":
            self._last_secondary = now
            self._redraw_history()
            self._update_readout()


    def _draw_surface(self) -> None:
        known = self._trajectory[np.isfinite(self._trajectory[:, :2]).all(axis=1)]  # a session's run: w, b from its step
        w0, b0 = (known[0, 0], known[0, 1]) if len(known) else (0.0, 0.0)
        w_lo, w_hi = min(w0, 2.0) - 1.0, max(w0, 2.0) + 1.0
        b_lo, b_hi = min(b0, 0.0) - 1.0, max(b0, 0.0) + 1.0
        w = np.linspace(w_lo, w_hi, 121)
        b = np.linspace(b_lo, b_hi, 121)
        z = loss_surface(w[:, None], b[None, :])
        self.contours.item.setPath(contour_path(z, SURFACE_LEVELS, w_lo, w_hi, b_lo, b_hi))
        self.surface_plot.getPlotItem().setRange(xRange=(w_lo, w_hi), yRange=(b_lo, b_hi), padding=0)

    def _redraw_history(self) -> None:
        t = self._trajectory
        if not len(t):
            for curve in (self.w_curve, self.b_curve, self.loss_curve, self.path_line):
                curve.clear()
            return
        steps = np.arange(len(t), dtype=float)
        stride = max(1, len(t) // 2000)
        self.w_curve.set_data(steps[::stride], t[::stride, 0])
        self.b_curve.set_data(steps[::stride], t[::stride, 1])
        path = t[np.unique(np.append(np.arange(0, len(t), stride), len(t) - 1)), :2]  # up to the current point
        path = path[np.isfinite(path).all(axis=1)]
        self.path_line.set_data(path[:, 0], path[:, 1])
        with np.errstate(divide="ignore", invalid="ignore"):
            logs = np.log10(np.maximum(t[::stride, 2], 1e-12))
        self.loss_curve.set_data(steps[::stride], logs)
        changed = self._step_range.include(0, float(steps[-1]))
        params = t[:, :2][np.isfinite(t[:, :2])]
        if params.size:
            changed |= self._param_range.include(float(params.min()), float(params.max()))
        finite = logs[np.isfinite(logs)]
        if finite.size:
            changed |= self._loss_range.include(float(finite.min()), float(finite.max()))
        if changed or not self._ranges_set:
            self._ranges_set = True
            self.params_plot.getPlotItem().setRange(xRange=(self._step_range.lo, self._step_range.hi),
                                                    yRange=(self._param_range.lo, self._param_range.hi), padding=0)
            self.loss_plot.getPlotItem().setRange(xRange=(self._step_range.lo, self._step_range.hi),
                                                  yRange=(self._loss_range.lo, self._loss_range.hi), padding=0)
        sync_plot(self.params_plot)
        sync_plot(self.loss_plot)

    def _update_readout(self) -> None:
        t = self._trajectory
        if not len(t):
            self.readout.setText(self.tr("Loading PyTorch…") if not self._is_ready else "")
            self.status_label.setText("")
            return
        w, b, loss = t[-1]
        text = self.tr("Step {n}: w = {w}, b = {b}, loss = {loss}").format(
            n=len(t) - 1, w=f"{w:.5g}", b=f"{b:.5g}", loss=f"{loss:.4g}")
        self.readout.setText("<b>" + text + "</b>")
        self.status_label.setText(text)

    @Slot(object)
    def on_failed(self, error: WorkerError) -> None:
        log_worker_error(error)
        self.transport.set_playing(False)
        text = self.tr("Training stopped because of an error: {detail}\nPress Reset to start again.")
        self.message.emit(text.format(detail=error.detail()).replace("\n", " "))
