"""The Curve lab: controls on the left, the live fit and loss plots on the right."""

from __future__ import annotations

from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QT_TRANSLATE_NOOP, Qt, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHBoxLayout, QSplitter, QTabWidget, QWidget

from playground.core.curve.config import CurveConfig
from playground.core.curve.data import make_curve_data
from playground.core.curve.presets import PRESETS
from playground.core.training.loop import Progress
from playground.ui.curve_lab.controls import CurveControls
from playground.ui.curve_lab.pinned_runs import SHOWN_ROWS, PinnedRuns
from playground.ui.curve_lab.plots import FitPlot, message_fill
from playground.ui.curve_lab.teaching import TeachingViews
from playground.ui.appearance import FONT_SCALE
from playground.ui.export import install_plot_export
from playground.ui.theme import plot_colors, recolor_pen
from playground.ui.loop_labs import TrainingLab, restored_config
from playground.ui.widgets.loss_plot import LossPlot
from playground.ui.widgets.settings_column import VerticalScroll, settings_column
from playground.ui.widgets.transport import install_transport_keys
from playground.ui.widgets.layouts import column, wrapped_label

PANEL_WIDTH = (300, 420)  # the settings column: minimum, maximum (× 1.45 in presentation mode)
LOSS_MIN_HEIGHT = (100, 120)  # px: its axes and title (normal, presentation mode's font: tick labels apart)
# The fit plot keeps this share of the lab's height (normal, presentation mode), whatever teaching views and
# pinned runs show (tests/ui/layout_probe.py asks for 35 % / 40 % of the window's height) ...
FIT_SHARE = (0.40, 0.45)
FIT_SCREEN_SHARE = 0.41  # ... and at most this share of the screen's
# Presentation mode on a lab lower than this, teaching views on: below the fit plot, the loss plot and each
# view take turns as tabs (side by side, each would be too low to read on a 768 px projector).
TABS_BELOW_HEIGHT = 900


def _make_job(config: CurveConfig):
    from playground.core.curve.job import CurveJob  # imports torch: runs on the worker thread

    return CurveJob(config)


class CurveLab(TrainingLab):
    """Emits ``ready()`` once the model exists and ``redrawn()`` after each fit redraw."""

    key = "curve"
    title = QT_TRANSLATE_NOOP("CurveLab", "Curve lab")
    tooltip = QT_TRANSLATE_NOOP("CurveLab", "Fit y = x² and other curves with a small network, live")
    config_type = CurveConfig
    presets = PRESETS

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._presentation = False
        self._build()
        self.retranslate()
        # The controls and Play work before torch has loaded: the data and target are drawn from numpy now,
        # and a press of Play trains as soon as the worker is ready (issue 14, "interactive").
        self._draw_data_preview(self._config)
        install_plot_export(self.fit_plot.widget, "curve_fit", csv=self._fit_rows)
        self._style_error_texts()

    # -- layout ------------------------------------------------------------
    def _build(self) -> None:
        self.controls = CurveControls()
        self.settings_panel, self.preset_label, self.preset_box, self.transport = settings_column(
            self.controls, PRESETS, *PANEL_WIDTH)

        self.fit_plot = FitPlot()
        self.loss_plot = LossPlot()
        self.error_label = wrapped_label()
        self.error_label.hide()
        plots = QSplitter(Qt.Vertical)
        plots.addWidget(self.fit_plot.widget)
        plots.addWidget(self.loss_plot.widget)
        plots.setStretchFactor(0, 3)
        plots.setStretchFactor(1, 2)
        plots.setChildrenCollapsible(False)
        self.loss_plot.widget.setMinimumHeight(LOSS_MIN_HEIGHT[0])
        self.teaching = TeachingViews(self)  # line pieces, network diagram, activation explorer
        plots.addWidget(self.teaching.panel)
        self.below_tabs = QTabWidget()  # the loss plot and the teaching views on a short screen (_arrange_below_fit)
        self.below_tabs.setDocumentMode(True)
        self.below_tabs.setElideMode(Qt.ElideRight)  # four titles on a 1024 px projector: shortened, in full as tooltips
        self.below_tabs.setUsesScrollButtons(False)
        self.below_tabs.hide()
        plots.addWidget(self.below_tabs)
        self._plots = plots
        self.pinned = PinnedRuns(self)  # "Pin this run": faded overlays and a table (pinned_runs.py)
        right = column(self.error_label, self.teaching.toggle_bar, (plots, 1), self.pinned.panel)
        for box in (self.teaching.pieces_box, self.teaching.diagram_box, self.teaching.activation_box):
            box.toggled.connect(self._share_height)

        layout = QHBoxLayout(self)
        layout.addWidget(self.settings_panel)
        layout.addWidget(right, 1)

        self.connect_controls()
        install_transport_keys(self, self.toggle_play, self.step_once, self.reset)

    def retranslate(self) -> None:
        self.retranslate_presets({"notes_x2": self.tr("Notes: y = x²"), "sine_tanh": self.tr("sin x, 2 × 32 Tanh"),
                                  "noisy_overfit": self.tr("Noisy data, big network (overfitting)")},
                                 self.tr("Load a ready-made experiment; 'Notes: y = x²' is the study notes' example"))
        fit_item = self.fit_plot.widget.getPlotItem()
        fit_item.setTitle(self.tr("Fit: target (dashed), data (dots), network (orange); shaded = outside the data"))
        fit_item.setLabel("bottom", "x")
        fit_item.setLabel("left", "y")
        loss_item = self.loss_plot.widget.getPlotItem()
        loss_item.setTitle(self.tr("Loss (log scale)"))
        self.teaching.title_tab(self.below_tabs, self.loss_plot.widget, self.tr("Loss (log scale)"))
        loss_item.setLabel("bottom", self.tr("step"))
        self.loss_plot.set_legend_names(self.tr("train"), self.tr("test"))
        self.transport.retranslate()
        self.controls.retranslate()
        self.teaching.retranslate()
        self.pinned.retranslate()
        self.update_status()

    # -- the worker ------------------------------------------------------------
    def make_job(self):
        config = self._config
        return lambda: _make_job(config)

    def before_config_change(self, config: CurveConfig) -> None:
        if self._last_progress is None:  # no worker report yet: the plot follows the settings without one
            self._draw_data_preview(config)

    def _draw_data_preview(self, config: CurveConfig) -> None:
        self.fit_plot.set_data(make_curve_data(config))

    def show_config_problems(self, problems: dict) -> None:
        self.controls.show_expression_error(list(problems.values()) or None)

    @Slot(object)
    def on_progress(self, progress: Progress) -> None:
        snapshot = progress.snapshot
        self.teaching.on_progress(progress)
        self.pinned.on_progress(progress)
        if self.take_progress(progress):
            self.fit_plot.set_data(snapshot["data"])
        self.fit_plot.set_fit(snapshot["fit"])
        self.redrawn.emit()
        self.follow_state(progress, snapshot["test_loss"])

    def show_plot_message(self, text: str) -> None:
        self.fit_plot.show_message(text)

    def hide_plot_message(self) -> None:
        self.fit_plot.hide_message()

    def update_status(self) -> None:
        p = self._last_progress
        test = None if p is None else p.snapshot.get("test_loss")
        self.status_label.setText(self.status_line(p, self.loss_plot.train_history.last(), test))

    # -- classroom: sessions, presentation mode, theme ----------------------------------------
    def restore_session(self, state: dict[str, Any]) -> None:
        """A validated session entry: the config, and the weights, optimizer state and loss history if present."""
        from playground.core.training.live_job import load_into_job

        self.restore_config(restored_config(CurveConfig, state))
        self.before_config_change(self._config)  # before the worker's first report: its data drawn now
        if self.wait_for_worker(state):
            return
        config = self._config
        weights, step, optimizer = state.get("weights"), state.get("step"), state.get("optimizer")
        self.restore_training(lambda job, notes: load_into_job(job, config, weights, step, optimizer, notes), state)

    def set_presentation(self, on: bool) -> None:
        super().set_presentation(on)  # the controls marked "advanced"
        self._presentation = on
        self.loss_plot.widget.setMinimumHeight(LOSS_MIN_HEIGHT[on])
        self._keep_fit_share()
        self._arrange_below_fit()
        scale = FONT_SCALE if on else 1.0  # room for the larger text
        # The floor grows less than the font: the column still widens to what its content needs.
        self.settings_panel.findChild(VerticalScroll).set_floor_width(int(PANEL_WIDTH[0] * (1.2 if on else 1.0)))
        self.settings_panel.setMaximumWidth(int(PANEL_WIDTH[1] * scale))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._keep_fit_share()
        self._arrange_below_fit()

    def _arrange_below_fit(self) -> None:
        """Below the fit plot: the loss plot and the teaching views one above the other, or as tabs where
        the lab is too low for them all (presentation mode on a projector)."""
        tabbed = self._presentation and self.teaching.any_on() and self.height() < TABS_BELOW_HEIGHT
        if tabbed == self.below_tabs.isVisibleTo(self):
            return
        loss, tabs, plots = self.loss_plot.widget, self.below_tabs, self._plots
        if tabbed:
            tabs.insertTab(0, loss, "")
            self.teaching.title_tab(tabs, loss, self.tr("Loss (log scale)"))
            self.teaching.set_tabs(tabs)
            tabs.setCurrentIndex(0)
            tabs.show()
            fit = self.fit_plot.widget.minimumHeight()
            plots.setSizes([fit if plots.widget(i) is self.fit_plot.widget else
                            max(0, sum(plots.sizes()) - fit) if plots.widget(i) is tabs else 0
                            for i in range(plots.count())])
        else:
            tabs.hide()
            self.teaching.set_tabs(None)
            tabs.removeTab(tabs.indexOf(loss))
            plots.insertWidget(1, loss)
            loss.show()

    def _keep_fit_share(self) -> None:
        """The fit plot keeps FIT_SHARE of the lab's height.

        Capped by the screen: a floor that followed the lab's height alone would ratchet the window past a
        small screen as soon as anything below the plot (wrapped toggles, a pinned run) needed more room."""
        screen = self.screen().availableGeometry().height() if self.screen() is not None else self.height()
        share = FIT_SHARE[self._presentation]
        self.fit_plot.widget.setMinimumHeight(int(min(share * self.height(), FIT_SCREEN_SHARE * screen)))

    def _share_height(self) -> None:
        """With teaching views shown, the pinned table keeps one row in view (it scrolls) and they the rest."""
        self.pinned.shown_rows = 1 if self.teaching.any_on() else SHOWN_ROWS
        self.pinned.fit_table()
        self._arrange_below_fit()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.FontChange:  # presentation mode: taller table rows
            self.pinned.fit_table()

    def apply_theme(self) -> None:
        """The lab's own items in the current theme's colours, teaching views and pinned runs included."""
        c = plot_colors()
        fit = self.fit_plot
        recolor_pen(fit.target.item, c.target)
        recolor_pen(fit.fit.item, c.fit)
        recolor_pen(fit.train_points.item, c.train_points)
        recolor_pen(fit.test_points.item, c.test_points)
        for shade in (fit.left_shade, fit.right_shade):
            shade.setBrush(QBrush(QColor(*c.shade)))
        fit.message.setColor(pg.mkColor(c.warning))
        fit.message.fill = message_fill()  # pyqtgraph's TextItem paints its ``fill`` brush
        fit.message.update()
        self.loss_plot.apply_theme()
        self.teaching.apply_theme()
        self.pinned.apply_theme()
        self._style_error_texts()
        self.retranslate()  # the legend rebuilds its samples from the proxies

    def _style_error_texts(self) -> None:
        """The training error and the custom-expression error in the theme's warning red (readable on light too)."""
        color = plot_colors().warning
        self.error_label.setStyleSheet(f"color: {color}; font-weight: bold;")
        self.controls.expression_error.setStyleSheet(f"color: {color};")

    def _fit_rows(self):
        progress = self.last_progress()
        if progress is None:
            return ("x", "target", "network"), []
        data, fit = progress.snapshot["data"], progress.snapshot["fit"]
        return ("x", "target", "network"), zip(map(float, data.x_plot), map(float, data.y_plot), map(float, fit))
