"""The Classification lab: 2-D datasets, a small classifier, live decision regions.

Same thread discipline as the Curve lab: the model lives on a LoopThread's
worker; the GUI posts commands (settings, drawn points) and shows the
snapshots it is sent, which already hold the decision heatmap as an image.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Slot
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import QApplication, QFileDialog, QHBoxLayout, QLabel, QSplitter, QTabWidget, QWidget

from playground.core.classify.config import (MAX_LAYERS, PRESETS, ClassifyConfig, ClassifySessionConfig,
                                             session_config, split_session_config)
from playground.core.classify.data import DRAW, POINT_COLUMNS
from playground.core.training.commands import SetBackground, SetDrawnPoints, WantWeights
from playground.core.config import to_dict
from playground.core.training.loop import Progress
from playground.ui.classify_lab.controls import ClassifyControls
from playground.ui.classify_lab.plots import DecisionPlot, NeuronView
from playground.ui.export import install_plot_export
from playground.ui.theme import plot_colors
from playground.ui.loop_labs import TrainingLab, restored_config
from playground.ui.widgets.loss_plot import LossPlot
from playground.ui.widgets.network_diagram import NetworkDiagram
from playground.ui.widgets.settings_column import settings_column
from playground.ui.widgets.transport import install_transport_keys
from playground.ui.widgets.layouts import column, row, wrapped_label

NO_POINTS = (np.zeros((0, 2), np.float32), np.zeros(0, np.int64))
ACCURACY_FONT_SCALE = 1.2      # the accuracy line reads larger than the rest, in every font size
SIDE_PANEL_WIDTH = 280         # the neurons / network tabs at most ...
PRESENTATION_SIDE_PANEL = 0.8  # ... and this share of it in presentation mode: larger text, same heatmaps
PRESENTATION_POINTS = 1.4      # points grow less than lines in presentation mode (doubled, they merge)
REMOVE_RADIUS = 0.6        # a right click removes the nearest point within this distance (plane units)


def _make_job(config: ClassifyConfig, drawn, background):
    from playground.core.classify.job import ClassifyJob  # imports torch: runs on the worker thread

    job = ClassifyJob(config, drawn)
    job.set_background(background)
    return job


def background_rgb() -> tuple[int, int, int]:
    """The plot background as RGB: the worker's heatmaps fade to it where the network is unsure."""
    colour = pg.mkColor(plot_colors().background)
    return colour.red(), colour.green(), colour.blue()


class ClassifyLab(TrainingLab):
    key = "classify"
    title = QT_TRANSLATE_NOOP("ClassifyLab", "Classification lab")
    tooltip = QT_TRANSLATE_NOOP("ClassifyLab", "Classify 2-D points (circle, XOR, spiral, your own) and watch the decision regions form")
    config_type = ClassifyConfig
    presets = PRESETS

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data_version = -1
        self._data = None
        self._drawn = NO_POINTS
        self._build()
        install_plot_export(self.decision.widget, "classify_points", csv=self._point_rows)
        self._style_labels()
        self.retranslate()
        self._set_interactive(False)

    # -- layout ---------------------------------------------------------------------
    def _build(self) -> None:
        self.controls = ClassifyControls()
        left, self.preset_label, self.preset_box, self.transport = settings_column(self.controls, PRESETS, 320)

        self.decision = DecisionPlot(self)
        self.neurons = NeuronView()
        self.neurons_title = wrapped_label()
        neurons_panel = QTabWidget()
        neurons_panel.setDocumentMode(True)
        neurons_panel.addTab(column(self.neurons_title, (self.neurons, 1)), "")
        self.side_tabs = neurons_panel
        self.diagram = NetworkDiagram()
        neurons_panel.addTab(self.diagram, "")
        neurons_panel.currentChanged.connect(self._on_side_tab)
        neurons_panel.setMaximumWidth(SIDE_PANEL_WIDTH)
        neurons_panel.setUsesScrollButtons(False)  # both titles always shown: the panel is as wide as they need
        self.accuracy_label = QLabel()
        self.accuracy_label.setAlignment(Qt.AlignCenter)
        self.accuracy_label.setWordWrap(True)  # its large font must not widen the plot column on small screens
        self.loss_plot = LossPlot()
        self.error_label = wrapped_label()
        self.error_label.hide()

        centre = column(self.accuracy_label, (self.decision.widget, 1))
        plots = QSplitter(Qt.Vertical)
        plots.addWidget(row(neurons_panel, (centre, 1)))
        plots.addWidget(self.loss_plot.widget)
        plots.setStretchFactor(0, 3)
        plots.setStretchFactor(1, 1)
        right = column(self.error_label, (plots, 1))

        layout = QHBoxLayout(self)
        layout.addWidget(left)
        layout.addWidget(right, 1)

        self.connect_controls()
        self.decision.pointClicked.connect(self._on_point_clicked)
        install_transport_keys(self, self.toggle_play, self.step_once, self.reset)

    def retranslate(self) -> None:
        self.retranslate_presets({"xor_product": self.tr("XOR with the x₁x₂ feature, no hidden layer"),
                                  "xor_hidden": self.tr("XOR with one hidden layer"),
                                  "circle_squares": self.tr("Circle from x₁² and x₂²"),
                                  "spiral_deep": self.tr("Spiral, 3 × 16 Tanh"),
                                  "moons_softmax": self.tr("Four moons, softmax")},
                                 self.tr("Load a ready-made experiment"))
        plot_item = self.decision.widget.getPlotItem()
        plot_item.setTitle(self.tr("Decision regions (white rings: test points)"))
        self.decision.widget.setToolTip(self.tr("Colour = the predicted class, stronger = more confident. "
                                                "Dark rings: training points; white rings: test points."))
        plot_item.setLabel("bottom", "x₁")
        plot_item.setLabel("left", "x₂")
        self.side_tabs.setTabText(0, self.tr("Neurons"))
        self.side_tabs.setTabToolTip(0, self.tr("Small heatmaps: how each input and hidden neuron responds over the plane"))
        self.side_tabs.setTabText(1, self.tr("Network"))
        self.side_tabs.setTabToolTip(1, self.tr("The network's weights: thickness = |weight|, orange > 0, blue < 0"))
        self.diagram.set_layer_names(self.tr("inputs"), self.tr("classes"))
        self.neurons_title.setText(self.tr("What each unit responds to: inputs, then hidden layers 1, 2, … (blue < 0 < orange)"))
        self.neurons.set_headers([(self.tr("Inputs"), "x")] + [(self.tr("Layer {n}").format(n=n), str(n))
                                                             for n in range(1, MAX_LAYERS + 1)])
        loss_item = self.loss_plot.widget.getPlotItem()
        loss_item.setTitle(self.tr("Cross-entropy loss (log scale)"))
        loss_item.setLabel("bottom", self.tr("step"))
        self.loss_plot.set_legend_names(self.tr("train"), self.tr("test"))
        self.transport.retranslate()
        self.controls.retranslate()
        self._retranslate_menus()
        self.update_status()

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
        from playground.core.classify.export import render_classify_script
        from playground.core.training.script_code import write_script

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

    # -- the worker ------------------------------------------------------------------------
    def make_job(self):
        config, drawn, background = self._config, self._drawn, background_rgb()
        return lambda: _make_job(config, drawn, background)

    def backend_starting(self) -> None:
        super().backend_starting()
        self._data_version = -1

    def backend_started(self) -> None:
        self._on_side_tab(self.side_tabs.currentIndex())
        super().backend_started()

    def data(self):
        """The dataset shown now (ClassifyData), or None before the first report."""
        return self._data

    def drawn_points(self) -> tuple[np.ndarray, np.ndarray]:
        """The user's own points (kept whatever the dataset): (n, 2) float32 and (n,) class numbers."""
        return self._drawn

    # -- user actions ---------------------------------------------------------------------
    def before_config_change(self, config: ClassifyConfig) -> None:
        if config.dataset == DRAW and self._config.dataset != DRAW and self._data is not None:
            # Start drawing from the points on screen, so they can be edited.
            points, labels = self._data.all_points()
            self._post_drawn(points, labels)

    @Slot(int)
    def _on_side_tab(self, index: int) -> None:
        want = self.side_tabs.widget(index) is self.diagram
        self.send(WantWeights(want))

    def _post_drawn(self, points: np.ndarray, labels: np.ndarray) -> None:
        self._drawn = (np.asarray(points, np.float32).reshape(-1, 2), np.asarray(labels, np.int64))
        points, labels = self._drawn
        self.send(SetDrawnPoints(points, labels))

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
    def on_progress(self, progress: Progress) -> None:
        snapshot = progress.snapshot
        self.take_progress(progress)
        if snapshot["data_version"] != self._data_version or snapshot["data"] is not self._data:
            self._data_version = snapshot["data_version"]
            self._data = snapshot["data"]
            self.decision.set_points(self._data)
        self.decision.set_heatmap(snapshot["heatmap"])
        self.redrawn.emit()
        if "neurons" in snapshot:
            self.neurons.set_columns(len(snapshot["neuron_layout"]))
            self.neurons.set_mosaic(snapshot["neurons"])
        if "weights" in snapshot:
            self.diagram.set_weights(snapshot["weights"])
        self.follow_state(progress, snapshot["test_loss"])

    def on_state(self, state: str) -> None:
        if state == "finished" and self._data is not None and len(self._data.y_train) == 0:
            self.transport.set_playing(False)
            self.message.emit(self.tr("No training points: click on the plot to add some."))
            return
        super().on_state(state)

    def show_plot_message(self, text: str) -> None:
        self.decision.show_message(text)

    def hide_plot_message(self) -> None:
        self.decision.hide_message()

    def update_status(self) -> None:
        p = self._last_progress
        if p is None:
            self.accuracy_label.setText("")
            self.status_label.setText(self.status_line(None, None, None))
            return
        s = p.snapshot
        acc_parts = [self.tr("Train accuracy {acc}").format(acc=_pct(s["train_acc"]))]
        if s["test_acc"] is not None:
            acc_parts.append(self.tr("test accuracy {acc}").format(acc=_pct(s["test_acc"])))
        self.accuracy_label.setText("   ·   ".join(acc_parts))
        self.status_label.setText(self.status_line(p, s["train_loss"], s["test_loss"]))

    # -- classroom: sessions, presentation mode, theme, export -----------------------------------
    def session_state(self, with_training: bool = False) -> dict[str, Any]:
        """{"config": the config with the drawn points} plus, if asked and a model exists, "weights",
        "step", "loss_history" and "optimizer"."""
        state = super().session_state(with_training)
        # Only while drawing: choosing "Draw your own" later starts again from the points on screen.
        drawn = self._drawn if self._config.dataset == DRAW else NO_POINTS
        state["config"] = to_dict(session_config(self._config, *drawn))
        return state

    def restore_session(self, state: dict[str, Any]) -> None:
        """A validated session entry: config and drawn points, and the weights, optimizer state and loss
        history if present. The heatmap and loss plot follow with the rebuilt job's first report."""
        config, points, labels = split_session_config(restored_config(ClassifySessionConfig, state))
        self.restore_config(config)
        self._drawn = drawn = (points, labels)
        if self.wait_for_worker(state):  # the job is built from this config and these drawn points
            return
        config = self._config
        weights, step, optimizer = state.get("weights"), state.get("step"), state.get("optimizer")
        self.restore_training(lambda job, notes: job.restore(config, drawn, weights, step, optimizer, notes), state)

    def set_presentation(self, on: bool) -> None:
        super().set_presentation(on)  # the controls marked "advanced" in controls.py, with their labels
        self.decision.set_point_scale(PRESENTATION_POINTS if on else 1.0)
        self.side_tabs.setMaximumWidth(int(SIDE_PANEL_WIDTH * (PRESENTATION_SIDE_PANEL if on else 1.0)))
        self._style_labels()  # the application font has just changed

    def _style_labels(self) -> None:
        """The accuracy line: bold and larger than the application font (no style sheet: a widget with
        one keeps its old palette when the theme changes); the error line in the theme's warning colour."""
        font = QFont(QApplication.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * ACCURACY_FONT_SCALE)
        self.accuracy_label.setFont(font)
        self.error_label.setStyleSheet(f"color: {plot_colors().warning}; font-weight: bold;")

    def apply_theme(self) -> None:
        """The lab's own items; the heatmaps are recomputed by the worker in the new background."""
        background = background_rgb()
        self.send(SetBackground(background))  # a report follows, even when paused
        self.decision.apply_theme(plot_colors())
        self.loss_plot.apply_theme()
        self._style_labels()
        self.diagram.update()
        self.retranslate()  # the legend rebuilds its samples from the proxies

    def _point_rows(self):
        return (POINT_COLUMNS, []) if self._data is None else self._data.table()


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f}\u00a0%"  # no line break before the % sign
