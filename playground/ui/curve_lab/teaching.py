"""The Curve lab's teaching views: line pieces, the network diagram and the activation explorer.

Hooked into CurveLab with a few lines (a toggle bar, a panel in the plot
splitter, ``on_progress`` per report). Nothing extra is computed or painted
while all three toggles are off: the worker adds model details to its
snapshots only after a WantDetails command (core/training/commands.py) asks for them, and
the views repaint from the latest details at most 10 times a second.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QObject, Qt, QTimer, Slot
from PySide6.QtWidgets import QCheckBox, QFrame, QLabel, QSplitter, QVBoxLayout, QWidget

from playground.core.training.commands import WantDetails
from playground.core.training.loop import Progress
from playground.ui.widgets.flow_layout import FlowLayout
from playground.ui.widgets.settings_column import VerticalScroll
from playground.ui.curve_lab.activation_explorer import ActivationExplorer
from playground.ui.curve_lab.contributions import LinePiecesPlot
from playground.ui.widgets.network_diagram import NetworkDiagram
from playground.ui.plots import FastCurve, StickyRange, finite_min_max, make_plot
from playground.ui.teaching_plots import sync_plot
from playground.ui.theme import plot_colors, recolor_pen
from playground.ui.i18n import set_all_texts

REFRESH_MS = 100  # ≤ 10 Hz
VIEW_MIN_HEIGHT = 110  # px: each teaching plot (its title and axes in presentation mode's font)
TAB_VIEW_MIN_HEIGHT = 150  # px: the line pieces and activation plots as tabs (their notes scroll below them)
PANEL_MIN_HEIGHT = 100  # px: the panel, which scrolls when the lab is shorter than its views


class TeachingViews(QObject):
    def __init__(self, lab) -> None:
        super().__init__(lab)
        self.lab = lab
        lab.workerStarted.connect(self._post_flags)  # a new job (first start, after an error) learns the flags
        self._details = None
        self._fit = None
        self._dirty = False
        self._generation = -1
        self._wanted = False             # cached: checked on every report
        self._tabs = None                # a QTabWidget holding the views (a short screen: set_tabs), or None
        self._pages: dict[QWidget, VerticalScroll] = {}  # each view's tab page there
        self.selected_unit: tuple[int, int] | None = None

        self.toggle_bar = QWidget()
        bar = FlowLayout(self.toggle_bar)  # wraps onto two rows rather than widen a narrow lab
        bar.setContentsMargins(0, 0, 0, 0)
        self.pieces_box = QCheckBox()
        self.diagram_box = QCheckBox()
        self.activation_box = QCheckBox()
        for box in (self.pieces_box, self.diagram_box, self.activation_box):
            bar.addWidget(box)
            box.toggled.connect(self._on_toggled)

        self.pieces = LinePiecesPlot(self)
        self.diagram = NetworkDiagram()
        self.unit_plot = make_plot()
        self.unit_curve = FastCurve(self.unit_plot.getPlotItem(), pg.mkPen(width=2))  # colour: apply_theme
        self._unit_range = StickyRange(-0.1, 1, margin=0.15, limit=1e6)
        self._unit_range_shown = False
        self.diagram_panel = QSplitter(Qt.Vertical)
        self.diagram_panel.addWidget(self.diagram)
        self.diagram_panel.addWidget(self.unit_plot)
        self.explorer = ActivationExplorer()
        self.pieces_panel = QWidget()
        pieces_layout = QVBoxLayout(self.pieces_panel)
        pieces_layout.setContentsMargins(0, 0, 0, 0)
        self.pieces_legend = QLabel()
        self.pieces_legend.setWordWrap(True)
        pieces_layout.addWidget(self.pieces.widget, 1)
        pieces_layout.addWidget(self.pieces_legend)
        self.views = QSplitter(Qt.Horizontal)
        for stretch, w in ((3, self.pieces_panel), (2, self.diagram_panel), (2, self.explorer)):
            self.views.addWidget(w)
            self.views.setStretchFactor(self.views.count() - 1, stretch)
            w.setMinimumWidth(120)
            w.hide()
        for plot in (self.pieces.widget, self.unit_plot, self.explorer.plot, self.diagram):
            plot.setMinimumHeight(VIEW_MIN_HEIGHT)
        # The views scroll rather than take the fit plot's height (the lab keeps the fit plot's share).
        self.panel = VerticalScroll(self.views)
        self.panel.setFrameShape(QFrame.NoFrame)
        self.panel.setMinimumHeight(PANEL_MIN_HEIGHT)
        self.panel.hide()

        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self._refresh)
        self.pieces.unitHovered.connect(self.diagram.set_highlight)
        self.diagram.neuronClicked.connect(self._on_neuron_clicked)
        self.apply_theme()

    def apply_theme(self) -> None:
        """Recolour every view, shown or hidden (once, on a theme switch): hidden ones are right when shown."""
        self.pieces.apply_theme()
        self.diagram.apply_theme()
        self.explorer.apply_theme()
        recolor_pen(self.unit_curve.item, plot_colors().highlight)

    def retranslate(self) -> None:
        set_all_texts(
            (self.pieces_legend, self.tr("Thin: each hidden unit's output weight × activation (hover or click one). "
                                         "Orange: their sum + output bias; dashed: the network's fit (they coincide). "
                                         "Red ticks: where ReLU units bend.")),
            (self.pieces_box, self.tr("Line pieces"),
             self.tr("Show each hidden unit's contribution (output weight × activation) and their sum")),
            (self.diagram_box, self.tr("Network diagram"),
             self.tr("The network's neurons and weights, live; click a hidden neuron to plot its activation")),
            (self.activation_box, self.tr("Activation explorer"),
             self.tr("Each activation's f(x) and f′(x); the share of dead ReLU units while training")),
        )
        self.pieces.widget.getPlotItem().setTitle(self.tr("Line pieces"))
        self.diagram.set_layer_names(self.tr("input x"), self.tr("output y"))
        self._title_unit_plot()
        self.explorer.retranslate()
        self._retitle_tabs()

    def _title_unit_plot(self) -> None:
        if self.selected_unit is None:
            text = self.tr("Click a neuron above")
        else:
            layer, unit = self.selected_unit
            text = self.tr("Layer {layer}, neuron {unit}: h(x)").format(layer=layer + 1, unit=unit + 1)
        self.unit_plot.getPlotItem().setTitle(text)

    def any_on(self) -> bool:
        """Is at least one of the three views switched on?"""
        return any(box.isChecked() for _view, box in self._shown_views())

    def _shown_views(self) -> list[tuple[QWidget, QCheckBox]]:
        return [(self.pieces_panel, self.pieces_box), (self.diagram_panel, self.diagram_box),
                (self.explorer, self.activation_box)]

    def set_tabs(self, tabs) -> None:
        """Move the views into ``tabs`` (a QTabWidget: one tab per view that is on, each page scrolling with
        its plot TAB_VIEW_MIN_HEIGHT high), or back beside each other in the scrolling panel (``tabs`` None)."""
        if tabs is self._tabs:
            return
        old, self._tabs = self._tabs, tabs
        for index, (view, _box) in enumerate(self._shown_views()):
            page = self._pages.pop(view, None)
            if old is not None and page is not None:
                old.removeTab(old.indexOf(page))
                page.takeWidget()
                page.deleteLater()
            if tabs is not None:
                page = self._pages[view] = VerticalScroll(view)
                page.setFrameShape(QFrame.NoFrame)
                tabs.addTab(page, "")
                view.show()
            else:
                self.views.insertWidget(index, view)
                self.views.setStretchFactor(index, (3, 2, 2)[index])
        for plot in (self.pieces.widget, self.explorer.plot):
            plot.setMinimumHeight(TAB_VIEW_MIN_HEIGHT if tabs is not None else VIEW_MIN_HEIGHT)
        self._retitle_tabs()
        self._on_toggled()

    def _retitle_tabs(self) -> None:
        if self._tabs is not None:
            for view, box in self._shown_views():
                self.title_tab(self._tabs, self._pages[view], box.text())

    @staticmethod
    def title_tab(tabs, page: QWidget, title: str) -> None:
        """The tab's title, and in full as its tooltip (the tab bar shortens titles that do not fit)."""
        index = tabs.indexOf(page)
        if index >= 0:
            tabs.setTabText(index, title)
            tabs.setTabToolTip(index, title)

    @Slot()
    def _on_toggled(self) -> None:
        if self._tabs is not None:
            for view, box in self._shown_views():
                self._tabs.setTabVisible(self._tabs.indexOf(self._pages[view]), box.isChecked())
            self.panel.hide()
            self._follow_flags()
            return
        self.pieces_panel.setVisible(self.pieces_box.isChecked())
        self.diagram_panel.setVisible(self.diagram_box.isChecked())
        self.explorer.setVisible(self.activation_box.isChecked())
        wanted = self._wanted = self.any_on()
        if wanted and not self.panel.isVisible():
            self._make_room()
        self.panel.setVisible(wanted)
        stretch = {self.pieces_panel: 3, self.diagram_panel: 2, self.explorer: 2}
        shown = [stretch[self.views.widget(i)] if not self.views.widget(i).isHidden() else 0
                 for i in range(self.views.count())]
        width = max(self.views.width(), 600)
        self.views.setSizes([int(width * s / max(1, sum(shown))) for s in shown])
        self._follow_flags()

    def _follow_flags(self) -> None:
        """Refresh while a view is on, and tell the job what to send."""
        wanted = self._wanted = self.any_on()
        if wanted:
            self._timer.start()
            self._dirty = True
        else:
            self._timer.stop()
        self.explorer.select(self.lab.config().activation)
        self._post_flags()

    def _make_room(self) -> None:
        """Give the panel about 45 % of the plot column when it first appears."""
        splitter = self.panel.parentWidget()
        if isinstance(splitter, QSplitter):
            sizes = splitter.sizes()
            total = sum(sizes) or 600
            rest = sum(s for i, s in enumerate(sizes) if splitter.widget(i) is not self.panel)
            scale = 0.55 * total / (rest or 1)
            splitter.setSizes([int(0.45 * total) if splitter.widget(i) is self.panel else int(sizes[i] * scale)
                               for i in range(splitter.count())])

    @Slot()
    def _post_flags(self) -> None:
        """Tell the job what to add to its reports (again for each new worker: lab.workerStarted)."""
        self.lab.send(WantDetails(self._wanted, self.selected_unit))

    @Slot(int, int)
    def _on_neuron_clicked(self, layer: int, unit: int) -> None:
        self.selected_unit = (layer, unit)
        self.unit_curve.clear()
        self._unit_range.reset(-0.1, 1)
        self._unit_range_shown = False
        self._title_unit_plot()
        self._post_flags()

    # -- progress (every report; keep it cheap) ---------------------------------------
    def on_progress(self, progress: Progress) -> None:
        if not self._wanted:
            return
        details = progress.snapshot.get("details")
        if details is None:
            return
        if progress.generation != self._generation:
            self._generation = progress.generation
            x_plot = progress.snapshot["data"].x_plot
            self.pieces.reset(x_plot)
            self.unit_plot.getPlotItem().setXRange(float(x_plot[0]), float(x_plot[-1]), padding=0)
            self.explorer.select(progress.snapshot["config"].activation)
            if self.selected_unit is not None and details.get("selected_unit") is None:
                self.selected_unit = None
                self.diagram.selected = None
                self._title_unit_plot()
            self._dirty = True
        self._details = details
        self._fit = progress.snapshot["fit"]
        self._dirty = True
        if progress.state != "running":
            self._refresh()  # a single step or a pause: show it now

    @Slot()
    def _refresh(self) -> None:
        if not self._dirty or self._details is None:
            return
        self._dirty = False
        d = self._details
        if self.pieces_box.isChecked():
            self.pieces.set_pieces(d["pieces"], d["output_bias"], self._fit, d["kinks"])
        if self.diagram_box.isChecked():
            self.diagram.set_weights(d["weights"])
            curve = d.get("unit_curve")
            if curve is not None and self.pieces.x.size == curve.size:
                self.unit_curve.set_data(self.pieces.x, curve)
                lo, hi = finite_min_max(np.asarray(curve, dtype=np.float64))
                if self._unit_range.include(lo, hi) or not self._unit_range_shown:
                    self._unit_range_shown = True
                    x = self.pieces.x
                    self.unit_plot.getPlotItem().setRange(xRange=(float(x[0]), float(x[-1])),
                                                          yRange=(self._unit_range.lo, self._unit_range.hi), padding=0)
                sync_plot(self.unit_plot)
        if self.activation_box.isChecked():
            self.explorer.set_dead(d.get("dead_units"), d.get("hidden_units", 0))
