"""The Curve lab: controls on the left, the live fit and loss plots on the right."""

from __future__ import annotations

import time
from dataclasses import replace

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QSplitter, QVBoxLayout,
                               QWidget)

from playground.core.config import keep_valid
from playground.core.curve_config import CurveConfig
from playground.core.curve_presets import PRESETS
from playground.core.loop import Progress
from playground.ui.curve_lab import classroom
from playground.ui.curve_lab.controls import CurveControls
from playground.ui.curve_lab.pinned_runs import PinnedRuns
from playground.ui.curve_lab.plots import FitPlot
from playground.ui.widgets.loss_plot import LossPlot
from playground.ui.curve_lab.teaching import TeachingViews
from playground.ui.widgets.settings_column import settings_column
from playground.ui.widgets.transport import install_transport_keys
from playground.ui.widgets.training_lab import TrainingLabMixin
from playground.ui.widgets.transport_mixin import TransportMixin
from playground.workers.loop_thread import LoopThread

SECONDARY_REFRESH_S = 0.2  # the loss plot and status text refresh at 5 Hz; only the fit follows every report


def _make_job(config: CurveConfig):
    from playground.core.curve_job import CurveJob  # imports torch: runs on the worker thread

    return CurveJob(config)


class CurveLab(TransportMixin, TrainingLabMixin, QWidget):
    """Emits ``message(text)`` for the window's status bar; ``ready()`` once the model exists."""

    message = Signal(str)
    ready = Signal()
    redrawn = Signal()  # after each fit redraw (benchmarks count these)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._config = CurveConfig()
        self._loop: LoopThread | None = None
        self._generation = -1
        self._last_secondary = 0.0
        self._last_progress: Progress | None = None
        self._state = "paused"
        self._is_ready = False
        self._build()
        self.retranslate()
        self._set_interactive(False)
        classroom.install_exports(self)  # right-click a plot: PNG, SVG, CSV
        classroom.style_error_texts(self)  # again on each theme switch

    # -- layout ------------------------------------------------------------
    def _build(self) -> None:
        self.controls = CurveControls()
        left, self.preset_label, self.preset_box, self.transport = settings_column(self.controls, PRESETS, 300)

        self.fit_plot = FitPlot()
        self.loss_plot = LossPlot()
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        plots = QSplitter(Qt.Vertical)
        plots.addWidget(self.fit_plot.widget)
        plots.addWidget(self.loss_plot.widget)
        plots.setStretchFactor(0, 3)
        plots.setStretchFactor(1, 2)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.error_label)
        self.teaching = TeachingViews(self)  # line pieces, network diagram, activation explorer
        right_layout.addWidget(self.teaching.toggle_bar)
        plots.addWidget(self.teaching.panel)
        right_layout.addWidget(plots, 1)
        self.pinned = PinnedRuns(self)  # "Pin this run": faded overlays and a table (pinned_runs.py)
        right_layout.addWidget(self.pinned.panel)

        layout = QHBoxLayout(self)
        layout.addWidget(left)
        layout.addWidget(right, 1)

        self.status_label = QLabel()  # placed in the window's status bar by the main window

        self.connect_transport()
        self.controls.configChanged.connect(self._on_config_changed)
        self.preset_box.activated.connect(self._on_preset)
        install_transport_keys(self, self.toggle_play, self.step_once, self.reset)

    # -- classroom hooks (sessions, presentation mode, theme): see classroom.py --
    config_type = CurveConfig

    def session_state(self, with_training: bool = False) -> dict:
        return classroom.session_state(self, with_training)

    def restore_session(self, state: dict) -> None:
        classroom.restore_session(self, state)

    def set_presentation(self, on: bool) -> None:
        classroom.set_presentation(self, on)

    def apply_theme(self) -> None:
        classroom.apply_theme(self)

    def tab_title(self) -> str:
        return self.tr("Curve lab")

    def tab_tooltip(self) -> str:
        return self.tr("Fit y = x² and other curves with a small network, live")

    def retranslate(self) -> None:
        self.preset_label.setText(self.tr("Preset"))
        names = {"notes_x2": self.tr("Notes: y = x²"), "sine_tanh": self.tr("sin x, 2 × 32 Tanh"),
                 "noisy_overfit": self.tr("Noisy data, big network (overfitting)")}
        self.preset_box.setItemText(0, self.tr("Choose a preset…"))
        for i in range(1, self.preset_box.count()):
            self.preset_box.setItemText(i, names.get(self.preset_box.itemData(i), self.preset_box.itemData(i)))
        self.preset_box.setToolTip(self.tr("Load a ready-made experiment; 'Notes: y = x²' is the study notes' example"))
        fit_item = self.fit_plot.widget.getPlotItem()
        fit_item.setTitle(self.tr("Fit: target (dashed), data (dots), network (orange); shaded = outside the data"))
        fit_item.setLabel("bottom", "x")
        fit_item.setLabel("left", "y")
        loss_item = self.loss_plot.widget.getPlotItem()
        loss_item.setTitle(self.tr("Loss (log scale)"))
        loss_item.setLabel("bottom", self.tr("step"))
        self.loss_plot.set_legend_names(self.tr("train"), self.tr("test"))
        self.transport.retranslate()
        self.controls.retranslate()
        self.teaching.retranslate()
        self.pinned.retranslate()
        self._update_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- backend -----------------------------------------------------------
    def start_backend(self) -> None:
        """Create the model in a worker thread (torch loads there, after the window is up)."""
        if self._loop is not None and self._loop.is_running() and not self._loop.control.stopped:
            return
        config = self._config
        self._loop = LoopThread(lambda: _make_job(config), self, name="curve-training")
        self._loop.progress.connect(self._on_progress)
        self._loop.failed.connect(self._on_failed)
        self._generation = -1
        self._loop.start()

    def shutdown(self) -> None:
        """Stop and join the training thread (window closing, app quitting)."""
        if self._loop is not None:
            self._loop.stop()
            self._loop = None

    def is_ready(self) -> bool:
        return self._is_ready

    def last_progress(self) -> Progress | None:
        """The latest report from the training thread (None before the first)."""
        return self._last_progress

    def _set_interactive(self, enabled: bool) -> None:
        self.transport.setEnabled(enabled)

    # -- user actions --------------------------------------------------------
    def config(self) -> CurveConfig:
        return self._config

    def set_config(self, config: CurveConfig) -> None:
        """Load a whole config (preset, session): the run restarts from step 0."""
        self.controls.set_config(config)
        self._on_config_changed(config)

    def before_resume(self) -> None:
        if self._state == "diverged":
            self.message.emit(self.tr("The loss diverged; training goes on, but a smaller learning rate and Reset will help."))

    @Slot(int)
    def _on_preset(self, index: int) -> None:
        key = self.preset_box.itemData(index)
        if key in PRESETS:
            self.set_config(replace(PRESETS[key], device=self._config.device))
            self.message.emit(self.tr("Preset loaded: press Play (Space) to train."))
        self.preset_box.setCurrentIndex(0)

    @Slot(object)
    def _on_config_changed(self, config: CurveConfig) -> None:
        # Invalid values (a custom expression being typed) keep their last good
        # value; every other change still applies.
        config, problems = keep_valid(config, self._config)
        self.controls.show_expression_error(list(problems.values()) or None)
        live, restart = config.live_changes(self._config)
        self._config = config
        if self._loop is None or not (live or restart):
            return
        self._loop.control.post(lambda job: job.apply(config))
        if restart:
            self.message.emit(self.tr("Network or data changed: training restarted from step 0."))

    # -- progress from the worker ---------------------------------------------
    @Slot(object)
    def _on_progress(self, progress: Progress) -> None:
        snapshot = progress.snapshot
        self.teaching.on_progress(progress)
        self.pinned.on_progress(progress)
        if progress.generation != self._generation:
            self._generation = progress.generation
            self.fit_plot.set_data(snapshot["data"])
            self.loss_plot.reset()
            if not self._is_ready:
                self._become_ready()
        self._last_progress = progress
        self.fit_plot.set_fit(snapshot["fit"])
        self.redrawn.emit()
        self.loss_plot.add(progress.losses, progress.step, snapshot["test_loss"])
        previous, self._state = self._state, progress.state
        if progress.state in ("diverged", "finished") or previous != progress.state:
            self._on_state(progress.state, previous)
        now = time.perf_counter()
        if now - self._last_secondary >= SECONDARY_REFRESH_S or progress.state != "running":
            self._last_secondary = now
            self.loss_plot.redraw()
            self._update_status()

    def _on_state(self, state: str, previous: str) -> None:
        """React to the loop's state changing (or staying diverged/finished)."""
        if state == "diverged":
            self.transport.set_playing(False)
            text = self.tr("Diverged: the loss became NaN or infinite.\nTry a smaller learning rate, then press Reset.")
            self.fit_plot.show_message(text)
            self.message.emit(text.replace("\n", " "))
        elif state == "finished":
            self.transport.set_playing(False)
            self.message.emit(self.tr("Reached the step limit: press Play to continue training."))
        elif state == "running":
            self.fit_plot.hide_message()

    def _update_status(self) -> None:
        p = self._last_progress
        test = None if p is None else p.snapshot.get("test_loss")
        self.status_label.setText(self._status_line(p, self.loss_plot.train_history.last(), test))
