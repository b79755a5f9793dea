"""The Autograd lab: a program of named scalars as torch's computation graph, forward and backward step by step.

Everything shown comes from torch.autograd (core.autograd): the graph from
grad_fn/next_functions, values from the forward pass, gradients from backward
hooks. Graphs are tiny (microseconds per pass), so the lab runs on the GUI
thread with no worker; torch is imported when the tab is first shown
(``start_backend``), never at window start.
"""

from __future__ import annotations

import importlib
import sys
from dataclasses import replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QBoxLayout, QDoubleSpinBox, QFormLayout, QGroupBox, QLabel, QPlainTextEdit,
                               QPushButton, QScrollArea, QSizePolicy, QVBoxLayout, QWidget)

from playground.core.autograd.config import NOTES_NEURON, NOTES_QUADRATIC, AutogradConfig
from playground.core.autograd.program import Program, ProgramError, parse_program, with_leaf_value
from playground.core.config import from_dict
from playground.ui.autograd_lab.controls import LeafControls
from playground.ui.autograd_lab.explain import Explainer
from playground.ui.autograd_lab.graph_view import GraphView, format_value
from playground.ui.autograd_lab.network_panel import NetworkPanel
from playground.ui.export import install_plot_export
from playground.ui.i18n import core_text, set_all_texts
from playground.ui.lab_base import Lab
from playground.ui.theme import plot_colors
from playground.ui.widgets.flow_layout import FlowLayout
from playground.ui.widgets.transport import install_transport_keys
from playground.ui.widgets.layouts import column, fill, hbox, wrapped_label
from playground.workers.task_thread import TaskThread

LEFT_WIDTH = (300, 420)
EXAMPLES = {"quadratic": (NOTES_QUADRATIC, ""), "neuron": (NOTES_NEURON, "x")}


class AutogradLab(Lab):
    key = "autograd"
    title = QT_TRANSLATE_NOOP("AutogradLab", "Autograd")
    tooltip = QT_TRANSLATE_NOOP("AutogradLab", "Watch torch.autograd build a computation graph and send gradients back through it")
    config_type = AutogradConfig

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._config = AutogradConfig()
        self._program: Program = parse_program(self._config.program)
        self._frozen: frozenset[str] = frozenset()
        self.walk = None              # core Walkthrough, built once torch is loaded (start_backend)
        self._torch_loader: TaskThread | None = None
        self.selected: int | None = None
        self.explainer = Explainer(self)
        self._build()
        self.retranslate()
        self._show_program_in_editor()

    # -- layout ----------------------------------------------------------------------------------
    def _build(self) -> None:
        self.program_edit = QPlainTextEdit()
        self.program_edit.setTabChangesFocus(True)
        self.program_edit.setFixedHeight(self.program_edit.fontMetrics().lineSpacing() * 4 + 14)
        self.error_label = wrapped_label()
        self.error_label.hide()
        self.build_button = QPushButton()
        self.quadratic_button = QPushButton()
        self.neuron_button = QPushButton()
        self.program_group = QGroupBox()
        fill(QVBoxLayout(self.program_group), self.program_edit, self.error_label, self.build_button,
             hbox(self.quadratic_button, self.neuron_button))

        self.forward_step_button, self.forward_all_button = QPushButton(), QPushButton()
        self.backward_step_button, self.backward_all_button = QPushButton(), QPushButton()
        self.zero_grad_button, self.reset_button = QPushButton(), QPushButton()
        self.steps_group = QGroupBox()
        steps = QVBoxLayout(self.steps_group)
        for pair in ((self.forward_step_button, self.forward_all_button),
                     (self.backward_step_button, self.backward_all_button),
                     (self.zero_grad_button, self.reset_button)):
            steps.addLayout(hbox(*pair))

        self.leaf_controls = LeafControls()
        self.leaves_group = QGroupBox()
        QVBoxLayout(self.leaves_group).addWidget(self.leaf_controls)

        self.lr_box = QDoubleSpinBox()
        self.lr_box.setRange(0.0001, 10.0)
        self.lr_box.setDecimals(4)
        self.lr_box.setSingleStep(0.05)
        self.lr_box.setValue(self._config.lr)
        self.descent_button, self.why_button = QPushButton(), QPushButton()
        self.descent_group = QGroupBox()
        descent = QFormLayout(self.descent_group)
        self.lr_label = QLabel()
        descent.addRow(self.lr_label, self.lr_box)
        descent.addRow(self.descent_button)
        descent.addRow(self.why_button)

        self.network = NetworkPanel()
        self.network.setProperty("advanced", True)  # a second lesson: hidden on the projector
        for button in (self.quadratic_button, self.neuron_button):  # the Lessons menu has them too
            button.setProperty("advanced", True)

        # The groups in a column beside the graph; in presentation mode in rows below it, wrapping onto
        # a second row rather than scrolling sideways (set_presentation moves them between the two).
        self._groups = (self.program_group, self.steps_group, self.leaves_group, self.descent_group, self.network)
        controls = QWidget()
        column_layout = self._column_layout = QVBoxLayout(controls)
        column_layout.setContentsMargins(0, 0, 4, 0)
        for group in self._groups:
            column_layout.addWidget(group)
        column_layout.addStretch(1)
        self._rows = QWidget()
        self._rows_layout = FlowLayout(self._rows)
        self._rows_layout.setContentsMargins(0, 0, 4, 0)
        self._rows.hide()
        column_layout.addWidget(self._rows)
        self.scroll = QScrollArea()
        self.scroll.setWidget(controls)
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self._column = controls
        self._set_left_width(1.0)

        self.view = GraphView()
        self.view.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.explanation = wrapped_label()
        self.explanation.setTextFormat(Qt.RichText)
        self.explanation.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        self.note = wrapped_label()
        self.note.setTextFormat(Qt.RichText)
        self.note.hide()
        right = column((self.view, 1), self.explanation, self.note)

        # Side by side; in presentation mode the graph takes the whole width and the controls line up below it
        layout = self._main_layout = QBoxLayout(QBoxLayout.LeftToRight, self)
        layout.addWidget(self.scroll)
        layout.addWidget(right, 1)
        install_plot_export(self.view, "autograd_graph")

        self.build_button.clicked.connect(self.apply_program)
        QShortcut(QKeySequence("Ctrl+Return"), self.program_edit, self.apply_program)
        self.quadratic_button.clicked.connect(lambda: self.load_example("quadratic"))
        self.neuron_button.clicked.connect(lambda: self.load_example("neuron"))
        for action in ("forward_step", "forward_all", "backward_step", "backward_all", "zero_grad"):
            getattr(self, action + "_button").clicked.connect(lambda _=False, action=action: self._do(action))
        self.reset_button.clicked.connect(self.reset)
        self.descent_button.clicked.connect(self.descent_step)
        self.why_button.clicked.connect(self.explain_no_grad)
        self.network.message.connect(self.message)
        self.leaf_controls.valueChanged.connect(self.set_leaf_value)
        self.leaf_controls.trackingChanged.connect(self.set_leaf_tracking)
        self.view.nodeClicked.connect(self.select_node)
        install_transport_keys(self, self.next_step, self.next_step, self.reset)

    def retranslate(self) -> None:
        set_all_texts(
            (self.program_group, self.tr("Program: named numbers, one per statement")),
            (self.program_edit, None, self.tr("Inputs are names given a number (w = 1); the last statement is the "
                                              "output that backward starts from. Operators + − * / ^ %, functions "
                                              "such as sin, exp, relu, max. Ctrl+Enter builds the graph.")),
            (self.build_button, self.tr("Build graph"), self.tr("Parse the program and let torch build its graph (Ctrl+Enter)")),
            (self.quadratic_button, self.tr("Notes: x² + 3x + 1"),
             self.tr("The notes' first example: x = 2 gives y = 11 and dy/dx = 7")),
            (self.neuron_button, self.tr("Notes: one neuron"),
             self.tr("The notes' neuron: w = 1, b = 0.5, x = 2, target 3: loss 0.25, ∂loss/∂w = −2, ∂loss/∂b = −1")),
            (self.steps_group, self.tr("Forward and backward")),
            (self.forward_step_button, self.tr("Forward step"),
             self.tr("Compute the next operation's value (Space or S: the next step)")),
            (self.forward_all_button, self.tr("Forward"), self.tr("Compute every value at once")),
            (self.backward_step_button, self.tr("Backward step"),
             self.tr("The next gradient, in the order torch's backward reached the nodes")),
            (self.backward_all_button, self.tr("Backward"), self.tr("y.backward(): press it twice to see .grad accumulate")),
            (self.zero_grad_button, self.tr("Zero grad"), self.tr("x.grad.zero_() for every input")),
            (self.reset_button, self.tr("Reset"), self.tr("A fresh graph: no values shown, no gradients (R)")),
            (self.leaves_group, self.tr("Inputs (leaves)")),
            (self.descent_group, self.tr("A gradient-descent step")),
            (self.lr_label, self.tr("Learning rate")),
            (self.lr_box, None, self.tr("lr in w -= lr * w.grad")),
            (self.descent_button, self.tr("Step under no_grad"),
             self.tr("with torch.no_grad(): w -= lr * w.grad, for every input with a gradient")),
            (self.why_button, self.tr("And without no_grad?"),
             self.tr("Try the same update without torch.no_grad() (on copies) and see what goes wrong")),
        )
        self.leaf_controls.set_tooltips(self.tr("The input's value: everything is recomputed at once"),
                                        self.tr("Off: torch tracks no operation on this input (its branch greys out)"))
        self.network.retranslate()
        self.view.set_words(value=self.tr("value"), grad=self.tr("grad"), untracked=self.tr("not tracked"))
        self._refresh()

    def start_backend(self) -> None:
        """The graph needs torch: if no other lab has loaded it yet, it loads on a TaskThread (seconds)
        while the window stays responsive; the graphs themselves are tiny and run on the GUI thread."""
        if self.walk is not None or self._torch_loader is not None:
            return
        if "torch" in sys.modules:
            self._new_walk()
            return
        self._torch_loader = TaskThread(lambda: importlib.import_module("torch"), self, name="autograd-torch")
        self._torch_loader.done.connect(lambda _torch: self._on_torch_loaded())
        self._torch_loader.failed.connect(self._on_torch_failed)
        self.status_label.setText(self.tr("Loading PyTorch…"))
        self._torch_loader.start()

    def _on_torch_loaded(self) -> None:
        if self._torch_loader is None:
            return  # shut down meanwhile
        self._torch_loader.stop()
        self._torch_loader = None
        self.status_label.setText("")
        self._new_walk()

    def _on_torch_failed(self, error) -> None:
        if self._torch_loader is None:
            return  # shut down meanwhile
        self._torch_loader.stop()
        self._torch_loader = None
        self.message.emit(self.tr("PyTorch could not be loaded: {detail}").format(detail=error.detail()))

    def shutdown(self) -> None:
        """Only the loading of torch runs on a thread (the graphs are tiny and run on the GUI thread)."""
        if self._torch_loader is not None:
            self._torch_loader.stop()
            self._torch_loader = None

    # -- hooks: settings, sessions, lessons, theme, presentation, export --------------------------------
    def config(self) -> AutogradConfig:
        return replace(self._config, program=self._program.text, frozen=",".join(sorted(self._frozen)),
                       lr=self.lr_box.value(), point=self.network.point_box.value())

    def set_config(self, config: AutogradConfig) -> None:
        self._config = config
        self._program = parse_program(config.program)
        self._frozen = config.frozen_names() & {leaf.name for leaf in self._program.leaves}
        self.lr_box.setValue(config.lr)
        self.network.point_box.setValue(min(config.point, self.network.point_box.maximum()))
        self.error_label.hide()
        self._show_program_in_editor()
        if self.walk is not None:
            self._new_walk()

    def load_lesson(self, settings: dict) -> None:
        config, _problems = from_dict(AutogradConfig, settings)
        self.set_config(config)
        self.start_backend()

    def load_example(self, key: str) -> None:
        program, frozen = EXAMPLES[key]
        self.set_config(replace(self.config(), program=program, frozen=frozen))
        self.start_backend()

    def set_network_source(self, source) -> None:
        """``source()`` returns the Curve lab's {"config", "weights"} (main_window wires it)."""
        self.network.source = source

    def export_script(self) -> tuple[str, str]:
        """File → Export code… while this tab is shown: the graph as a short PyTorch script."""
        from playground.core.autograd.snippet import render_snippet

        values = self.walk.values() if self.walk is not None else None
        return "autograd_graph.py", render_snippet(self._program, values, self._frozen)

    def apply_theme(self) -> None:
        self.network.diagram.apply_theme()
        self.error_label.setStyleSheet(f"color: {plot_colors().warning};")
        self._refresh()

    def set_presentation(self, on: bool) -> None:
        """A projector is wide and low: the graph spans the width, the controls sit in rows below it."""
        super().set_presentation(on)  # the controls marked "advanced"
        self._main_layout.setDirection(QBoxLayout.BottomToTop if on else QBoxLayout.LeftToRight)
        for index, group in enumerate(self._groups):
            (self._column_layout if not on else self._rows_layout).removeWidget(group)
            if on:
                self._rows_layout.addWidget(group)
            else:
                self._column_layout.insertWidget(index, group)
        self._rows.setVisible(on)
        if on:
            self.scroll.setMinimumWidth(0)
            self.scroll.setMaximumWidth(16777215)
            self._fit_controls_height()
            QTimer.singleShot(0, self._fit_controls_height)  # again once the larger font has been laid out
        else:
            self.scroll.setMinimumHeight(0)
            self.scroll.setMaximumHeight(16777215)
            self._set_left_width(1.0)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_controls_height()  # a new width wraps the rows differently

    def _fit_controls_height(self) -> None:
        """As high as the wrapped rows need, at most 42 % of the lab (the graph keeps ≥ 40 % of the window; beyond,
        the rows scroll up and down)."""
        if self._main_layout.direction() != QBoxLayout.BottomToTop:
            return
        width = (self.scroll.viewport().width() or self.width()) - self._column_layout.contentsMargins().right()
        wanted = self._rows_layout.heightForWidth(width) + 2 * self.scroll.frameWidth() + 2
        limit = int(0.42 * max(self.height(), 400))
        self.scroll.setFixedHeight(min(wanted, limit))

    def _set_left_width(self, scale: float) -> None:
        """As wide as the controls need (they grow with the presentation font), within limits."""
        needed = self._column.minimumSizeHint().width() + self.scroll.verticalScrollBar().sizeHint().width() + 4
        self.scroll.setMinimumWidth(max(int(LEFT_WIDTH[0] * scale), min(needed, int(LEFT_WIDTH[1] * scale))))
        self.scroll.setMaximumWidth(int(LEFT_WIDTH[1] * scale))

    # -- program -------------------------------------------------------------------------------------
    def apply_program(self) -> bool:
        """Parse the editor's text; a bad program is explained at the field and changes nothing."""
        text = self.program_edit.toPlainText()
        try:
            program = parse_program(text)
            if self.walk is not None:
                from playground.core.autograd.walkthrough import Walkthrough

                Walkthrough(program, frozen=self._frozen)  # torch must be able to build it too
        except ProgramError as exc:
            self._show_error(exc)
            return False
        self.error_label.hide()
        self._program = program
        self._frozen = self._frozen & {leaf.name for leaf in program.leaves}
        self.selected = None
        self._new_walk()
        self.message.emit(self.tr("Graph built: press Forward step (or Space) to compute it node by node."))
        return True

    def _show_error(self, exc: ProgramError) -> None:
        self.error_label.setText(core_text(exc))
        self.error_label.setStyleSheet(f"color: {plot_colors().warning};")
        self.error_label.show()
        if exc.column is not None:
            cursor = self.program_edit.textCursor()
            cursor.setPosition(min(exc.column, len(self.program_edit.toPlainText())))
            self.program_edit.setTextCursor(cursor)
        self.message.emit(core_text(exc))

    def _show_program_in_editor(self) -> None:
        if self.program_edit.toPlainText() != self._program.text:
            self.program_edit.setPlainText(self._program.text)

    def _new_walk(self, keep_phase: bool = False) -> None:
        from playground.core.autograd.walkthrough import Walkthrough

        old = self.walk
        try:
            self.walk = Walkthrough(self._program, frozen=self._frozen)
        except ProgramError as exc:  # torch refused an operation: keep what was shown
            self._show_error(exc)
            return
        if keep_phase and old is not None:
            if old.backward_shown:
                self.walk.backward_all()
            elif old.forward_done:
                self.walk.forward_all()
        self.view.set_graph(self.walk.graph)
        self.leaf_controls.set_leaves(self._program.values(), self._frozen)
        self._refresh()

    # -- stepping ------------------------------------------------------------------------------------
    def _do(self, action: str) -> None:
        self.start_backend()
        walk = self.walk
        if action.startswith("backward") and not walk.can_backward():
            self.message.emit(self.tr("Nothing to differentiate: every input has requires_grad off."))
            return
        getattr(walk, action)()
        self.selected = None
        if action == "backward_all" and walk.passes > 1:
            self.message.emit(self.explainer.accumulation(walk))
        self._refresh()

    def next_step(self) -> None:
        """Space / S: the next forward step, then the next backward step."""
        self.start_backend()
        if not self.walk.forward_done and not self.walk.backward_ran:
            self._do("forward_step")
        elif not self.walk.backward_done:
            self._do("backward_step")
        else:
            self.message.emit(self.tr("Backward is done. Press Backward again to see .grad accumulate, or Reset."))

    def reset(self) -> None:
        self.selected = None
        self.note.hide()
        self._new_walk()

    def select_node(self, node_id: int) -> None:
        self.selected = node_id
        self._refresh()

    def set_leaf_value(self, name: str, value: float) -> None:
        """A slider moved: the program's text follows, and everything is recomputed at once."""
        try:
            self._program = parse_program(with_leaf_value(self._program, name, value))
        except ProgramError as exc:  # e.g. the longer number no longer fits the length limit
            self._show_error(exc)
            self.leaf_controls.show_value(name, self._program.leaf(name).value)
            return
        self._show_program_in_editor()
        if self.walk is not None:
            self.walk.program = self._program
            self.walk.set_values({name: value})
            self.view.graph = self.walk.graph  # the same structure: the items stay, their texts change
        self._refresh()

    def set_leaf_tracking(self, name: str, on: bool) -> None:
        self._frozen = (self._frozen - {name}) if on else (self._frozen | {name})
        self._new_walk(keep_phase=True)

    def descent_step(self) -> None:
        self.start_backend()
        walk = self.walk
        if not any(walk.leaf_grad(n) for n in walk.leaves if walk.leaf_grad(n) is not None):
            self.message.emit(self.tr("Run Backward first: the update needs a gradient in .grad."))
            return
        values = walk.descent_step(self.lr_box.value())
        try:
            text = self._program.text
            for name, value in values.items():  # the program shows the new values
                text = with_leaf_value(parse_program(text), name, value)
            program = parse_program(text)
        except ProgramError:  # NaN or infinity (a huge learning rate): no number the program can hold
            self.message.emit(self.tr("That step made an input infinite or NaN; try a smaller learning rate."))
            self._new_walk()  # back to the program's values
            return
        self._program = program
        walk.program = self._program
        self._show_program_in_editor()
        self.leaf_controls.set_leaves(self._program.values(), self._frozen)
        self.view.graph = walk.graph
        out = walk.graph.node(walk.graph.output)
        self.message.emit(self.tr("One step: {out} is now {value}. The gradients are still in .grad: press Zero grad "
                                  "before the next Backward.").format(out=out.title, value=format_value(out.value)))
        self._refresh()

    def explain_no_grad(self) -> None:
        from playground.core.autograd.walkthrough import no_grad_demo

        self.start_backend()
        names = [n for n in self.walk.leaves if self.walk.leaf_grad(n) is not None]
        demo = no_grad_demo(self.walk, names[0], self.lr_box.value()) if names else None
        self.note.setText(self.explainer.no_grad(demo))
        self.note.show()

    # -- showing -----------------------------------------------------------------------------------
    def _refresh(self) -> None:
        walk = self.walk
        if walk is None:
            self.explanation.setText(self.explainer.hint())
            self.status_label.setText("")
            return
        self.view.show_state(walk, self.selected)
        focus = self.selected if self.selected is not None else walk.current()
        self.explanation.setText(self.explainer.node(walk, focus))
        accumulation = self.explainer.accumulation(walk)
        if accumulation:
            self.note.setText(accumulation)
            self.note.show()
        out = walk.graph.node(walk.graph.output)
        self.status_label.setText(self.tr("Forward {f}/{F}  ·  Backward {b}/{B}  ·  {out} = {value}").format(
            f=walk.forward_shown, F=len(walk.forward_steps), b=walk.backward_shown, B=len(walk.graph.backward_order),
            out=out.title, value=format_value(out.value) if walk.value_shown(out) else "?"))
