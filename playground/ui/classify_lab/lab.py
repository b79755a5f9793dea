"""The Classification lab: 2-D datasets, a small classifier, live decision regions.

Same thread discipline as the Curve lab: the model lives on a LoopThread's
worker; the GUI posts commands (settings, drawn points) and shows the
snapshots it is sent, which already hold the decision heatmap as an image.
"""

from __future__ import annotations

import time
from dataclasses import replace

import numpy as np
from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QFileDialog, QHBoxLayout, QLabel, QSplitter, QTabWidget,
                               QVBoxLayout, QWidget)

from playground.core.classify_config import PRESETS, ClassifyConfig
from playground.core.classify_data import DRAW
from playground.core.config import keep_valid
from playground.core.loop import Progress
from playground.ui.classify_lab import classroom
from playground.ui.classify_lab.controls import ClassifyControls
from playground.ui.classify_lab.plots import DecisionPlot, NeuronView
from playground.ui.widgets.loss_plot import LossPlot
from playground.ui.widgets.settings_column import settings_column
from playground.ui.widgets.transport import install_transport_keys
from playground.ui.widgets.training_lab import TrainingLabMixin
from playground.ui.widgets.transport_mixin import TransportMixin
from playground.workers.loop_thread import LoopThread

SECONDARY_REFRESH_S = 0.2  # loss plot, accuracy and status text: 5 Hz; the heatmap follows every report
REMOVE_RADIUS = 0.6        # a right click removes the nearest point within this distance (plane units)


def _make_job(config: ClassifyConfig, drawn, background):
    from playground.core.classify_job import ClassifyJob  # imports torch: runs on the worker thread

    job = ClassifyJob(config, drawn)
    job.set_background(background)
    return job


def _make_diagram():
    try:
        from playground.ui.widgets.network_diagram import NetworkDiagram
    except ImportError:
        return None
    return NetworkDiagram()


class ClassifyLab(TransportMixin, TrainingLabMixin, QWidget):
    message = Signal(str)
    ready = Signal()
    redrawn = Signal()  # after each heatmap redraw (benchmarks count these)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._config = ClassifyConfig()
        self._loop: LoopThread | None = None
        self._generation = -1
        self._data_version = -1
        self._last_secondary = 0.0
        self._last_progress: Progress | None = None
        self._state = "paused"
        self._is_ready = False
        self._data = None
        self._drawn = (np.zeros((0, 2), np.float32), np.zeros(0, np.int64))
        self._pending_session: dict | None = None  # a session with weights opened before the worker started
        self._build()
        classroom.install_exports(self)  # right-click a plot: PNG, SVG, CSV
        classroom.style_labels(self)
        self.retranslate()
        self._set_interactive(False)

    # -- classroom hooks (sessions, presentation mode, theme): classroom.py's functions of the lab, as methods --
    session_state = classroom.session_state
    restore_session = classroom.restore_session
    set_presentation = classroom.set_presentation
    apply_theme = classroom.apply_theme

    # -- layout ---------------------------------------------------------------------
    def _build(self) -> None:
        self.controls = ClassifyControls()
        left, self.preset_label, self.preset_box, self.transport = settings_column(self.controls, PRESETS, 320)

        self.decision = DecisionPlot(self)
        self.neurons = NeuronView()
        self.neurons_title = QLabel()
        self.neurons_title.setWordWrap(True)
        neurons_page = QWidget()
        neurons_layout = QVBoxLayout(neurons_page)
        neurons_layout.setContentsMargins(0, 0, 0, 0)
        neurons_layout.addWidget(self.neurons_title)
        neurons_layout.addWidget(self.neurons, 1)
        neurons_panel = QTabWidget()
        neurons_panel.setDocumentMode(True)
        neurons_panel.addTab(neurons_page, "")
        self.side_tabs = neurons_panel
        self.diagram = _make_diagram()  # the Curve lab's network diagram, when it is installed
        if self.diagram is not None:
            neurons_panel.addTab(self.diagram, "")
        neurons_panel.currentChanged.connect(self._on_side_tab)
        neurons_panel.setMaximumWidth(classroom.SIDE_PANEL_WIDTH)
        self.accuracy_label = QLabel()
        self.accuracy_label.setAlignment(Qt.AlignCenter)
        self.accuracy_label.setWordWrap(True)  # its large font must not widen the plot column on small screens
        self.loss_plot = LossPlot()
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        top = QWidget()
        top_layout = QHBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(neurons_panel)
        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.addWidget(self.accuracy_label)
        centre_layout.addWidget(self.decision.widget, 1)
        top_layout.addWidget(centre, 1)
        plots = QSplitter(Qt.Vertical)
        plots.addWidget(top)
        plots.addWidget(self.loss_plot.widget)
        plots.setStretchFactor(0, 3)
        plots.setStretchFactor(1, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.error_label)
        right_layout.addWidget(plots, 1)

        layout = QHBoxLayout(self)
        layout.addWidget(left)
        layout.addWidget(right, 1)
        self.status_label = QLabel()

        self.connect_transport()
        self.controls.configChanged.connect(self._on_config_changed)
        self.preset_box.activated.connect(self._on_preset)
        self.decision.pointClicked.connect(self._on_point_clicked)
        install_transport_keys(self, self.toggle_play, self.step_once, self.reset)

    def tab_title(self) -> str:
        return self.tr("Classification lab")

    def tab_tooltip(self) -> str:
        return self.tr("Classify 2-D points (circle, XOR, spiral, your own) and watch the decision regions form")

    def retranslate(self) -> None:
        self.preset_label.setText(self.tr("Preset"))
        names = {"xor_product": self.tr("XOR with the x₁x₂ feature, no hidden layer"),
                 "xor_hidden": self.tr("XOR with one hidden layer"),
                 "circle_squares": self.tr("Circle from x₁² and x₂²"),
                 "spiral_deep": self.tr("Spiral, 3 × 16 Tanh"),
                 "moons_softmax": self.tr("Four moons, softmax")}
        self.preset_box.setItemText(0, self.tr("Choose a preset…"))
        for i in range(1, self.preset_box.count()):
            key = self.preset_box.itemData(i)
            self.preset_box.setItemText(i, names.get(key, key))
        self.preset_box.setToolTip(self.tr("Load a ready-made experiment"))
        plot_item = self.decision.widget.getPlotItem()
        plot_item.setTitle(self.tr("Decision regions (white rings: test points)"))
        self.decision.widget.setToolTip(self.tr("Colour = the predicted class, stronger = more confident. "
                                                "Dark rings: training points; white rings: test points."))
        plot_item.setLabel("bottom", "x₁")
        plot_item.setLabel("left", "x₂")
        self.side_tabs.setTabText(0, self.tr("Neurons"))
        self.side_tabs.setTabToolTip(0, self.tr("Small heatmaps: how each input and hidden neuron responds over the plane"))
        if self.diagram is not None:
            self.side_tabs.setTabText(1, self.tr("Network"))
            self.side_tabs.setTabToolTip(1, self.tr("The network's weights: thickness = |weight|, orange > 0, blue < 0"))
            self.diagram.set_layer_names(self.tr("inputs"), self.tr("classes"))
        self.neurons_title.setText(self.tr("What each unit responds to: inputs, then hidden layers 1, 2, … (blue < 0 < orange)"))
        loss_item = self.loss_plot.widget.getPlotItem()
        loss_item.setTitle(self.tr("Cross-entropy loss (log scale)"))
        loss_item.setLabel("bottom", self.tr("step"))
        self.loss_plot.set_legend_names(self.tr("train"), self.tr("test"))
        self.transport.retranslate()
        self.controls.retranslate()
        self._retranslate_menus()
        self._update_status()

    # -- menus ----------------------------------------------------------------------------------
    def install_menus(self, window) -> None:
        self.export_action = QAction(window)
        self.export_action.triggered.connect(lambda: self.export_code())
        window.add_file_actions([self.export_action])
        self._retranslate_menus()

    def _retranslate_menus(self) -> None:
        action = getattr(self, "export_action", None)
        if action is not None:
            action.setText(self.tr("Export classification code…"))
            action.setToolTip(self.tr("Save the Classification lab's setup and points as a standalone PyTorch script"))

    def export_code(self, path: str | None = None) -> str | None:
        """Write the setup as a PyTorch script (asks where, unless ``path`` is given); returns the path."""
        from playground.core.classify_export import render_classify_script, write_script

        if self._data is None:
            self.message.emit(self.tr("Nothing to export yet: the model is still loading."))
            return None
        if path is None:
            path, _filter = QFileDialog.getSaveFileName(self, self.tr("Export the Classification lab as a PyTorch script"),
                                                        "classify.py", self.tr("Python scripts (*.py)"))
            if not path:
                return None
        try:
            write_script(path, render_classify_script(self._config, self._data))
        except OSError as exc:
            self.message.emit(self.tr("Could not save the script: {detail}").format(detail=exc.strerror or str(exc)))
            return None
        self.message.emit(self.tr("Saved {path}").format(path=path))
        return path

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- backend ------------------------------------------------------------------------
    def start_backend(self) -> None:
        if self._loop is not None and self._loop.is_running() and not self._loop.control.stopped:
            return
        config, drawn, background = self._config, self._drawn, classroom.background_rgb()
        self._loop = LoopThread(lambda: _make_job(config, drawn, background), self, name="classify-training")
        self._loop.progress.connect(self._on_progress)
        self._loop.failed.connect(self._on_failed)
        self._generation = -1
        self._data_version = -1
        self._loop.start()
        self._on_side_tab(self.side_tabs.currentIndex())
        if self._pending_session is not None:
            classroom.restore_session(self, self._pending_session)  # now the weights can be loaded

    def shutdown(self) -> None:
        if self._loop is not None:
            self._loop.stop()
            self._loop = None

    def is_ready(self) -> bool:
        return self._is_ready

    def last_progress(self) -> Progress | None:
        return self._last_progress

    def data(self):
        """The dataset shown now (ClassifyData), or None before the first report."""
        return self._data

    def drawn_points(self) -> tuple[np.ndarray, np.ndarray]:
        """The user's own points (kept whatever the dataset): (n, 2) float32 and (n,) class numbers."""
        return self._drawn

    def _set_interactive(self, enabled: bool) -> None:
        self.transport.setEnabled(enabled)

    # -- user actions ---------------------------------------------------------------------
    def config(self) -> ClassifyConfig:
        return self._config

    def set_config(self, config: ClassifyConfig) -> None:
        self.controls.set_config(config)
        self._on_config_changed(config)

    @Slot(int)
    def _on_preset(self, index: int) -> None:
        key = self.preset_box.itemData(index)
        if key in PRESETS:
            self.set_config(replace(PRESETS[key], device=self._config.device))
            self.message.emit(self.tr("Preset loaded: press Play (Space) to train."))
        self.preset_box.setCurrentIndex(0)

    @Slot(object)
    def _on_config_changed(self, config: ClassifyConfig) -> None:
        config, _problems = keep_valid(config, self._config)
        live, restart = config.live_changes(self._config)
        if config.dataset == DRAW and self._config.dataset != DRAW and self._data is not None:
            # Start drawing from the points on screen, so they can be edited.
            points, labels = self._data.all_points()
            self._post_drawn(points, labels)
        self._config = config
        if self._loop is None or not (live or restart):
            return
        self._loop.control.post(lambda job: job.apply(config))
        if restart:
            self.message.emit(self.tr("Network or data changed: training restarted from step 0."))

    @Slot(int)
    def _on_side_tab(self, index: int) -> None:
        want = self.diagram is not None and self.side_tabs.widget(index) is self.diagram
        if self._loop is not None:
            self._loop.control.post(lambda job: setattr(job, "want_weights", want))

    def _post_drawn(self, points: np.ndarray, labels: np.ndarray) -> None:
        self._drawn = (np.asarray(points, np.float32).reshape(-1, 2), np.asarray(labels, np.int64))
        if self._loop is not None:
            points, labels = self._drawn
            self._loop.control.post(lambda job: job.set_drawn_points(points, labels))

    @Slot(float, float, bool)
    def _on_point_clicked(self, x: float, y: float, add: bool) -> None:
        if self._config.dataset != DRAW:
            self.message.emit(self.tr("Choose the dataset 'Draw your own' to add or remove points with the mouse."))
            return
        points, labels = self._drawn
        if add:
            klass = min(self.controls.draw_class(), self._config.n_classes - 1)
            self._post_drawn(np.vstack([points, [[x, y]]]), np.append(labels, klass))
            return
        if len(labels) == 0:
            return
        distance = np.hypot(points[:, 0] - x, points[:, 1] - y)
        nearest = int(np.argmin(distance))
        if distance[nearest] <= REMOVE_RADIUS:
            keep = np.arange(len(labels)) != nearest
            self._post_drawn(points[keep], labels[keep])

    # -- progress from the worker ------------------------------------------------------------
    @Slot(object)
    def _on_progress(self, progress: Progress) -> None:
        snapshot = progress.snapshot
        if progress.generation != self._generation:
            self._generation = progress.generation
            self.loss_plot.reset()
            if not self._is_ready:
                self._become_ready()
        if snapshot["data_version"] != self._data_version or snapshot["data"] is not self._data:
            self._data_version = snapshot["data_version"]
            self._data = snapshot["data"]
            self.decision.set_points(self._data)
        self._last_progress = progress
        self.decision.set_heatmap(snapshot["heatmap"])
        self.redrawn.emit()
        if "neurons" in snapshot:
            self.neurons.set_mosaic(snapshot["neurons"])
        if "weights" in snapshot and self.diagram is not None:
            self.diagram.set_weights(snapshot["weights"])
        self.loss_plot.add(progress.losses, progress.step, snapshot["test_loss"])
        previous, self._state = self._state, progress.state
        if progress.state in ("diverged", "finished") or previous != progress.state:
            self._on_state(progress.state)
        now = time.perf_counter()
        if now - self._last_secondary >= SECONDARY_REFRESH_S or progress.state != "running":
            self._last_secondary = now
            self.loss_plot.redraw()
            self._update_status()

    def _on_state(self, state: str) -> None:
        if state == "diverged":
            self.transport.set_playing(False)
            text = self.tr("Diverged: the loss became NaN or infinite.\nTry a smaller learning rate, then press Reset.")
            self.decision.show_message(text)
            self.message.emit(text.replace("\n", " "))
        elif state == "finished":
            self.transport.set_playing(False)
            if self._data is not None and len(self._data.y_train) == 0:
                self.message.emit(self.tr("No training points: click on the plot to add some."))
            else:
                self.message.emit(self.tr("Reached the step limit: press Play to continue training."))
        elif state == "running":
            self.decision.hide_message()

    def _update_status(self) -> None:
        p = self._last_progress
        if p is None:
            self.accuracy_label.setText("")
            self.status_label.setText(self._status_line(None, None, None))
            return
        s = p.snapshot
        acc_parts = [self.tr("Train accuracy {acc}").format(acc=_pct(s["train_acc"]))]
        if s["test_acc"] is not None:
            acc_parts.append(self.tr("test accuracy {acc}").format(acc=_pct(s["test_acc"])))
        self.accuracy_label.setText("   ·   ".join(acc_parts))
        self.status_label.setText(self._status_line(p, s["train_loss"], s["test_loss"]))


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f}\u00a0%"  # no line break before the % sign
