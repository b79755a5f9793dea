"""The Curve lab's control panel: every setting of a CurveConfig as a widget."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QComboBox, QFormLayout, QLabel, QLineEdit, QSpinBox,
                               QVBoxLayout, QWidget)

from playground.core.components import ACTIVATIONS, LOSSES, OPTIMIZERS
from playground.core.curve_config import CurveConfig
from playground.core.targets import CUSTOM, TARGETS
from playground.ui.component_notes import apply_notes
from playground.ui.i18n import core_texts
from playground.ui.widgets.forms import fill_device_box, form_group, names_box, select_data, set_row_visible
from playground.ui.widgets.value_slider import ValueSlider, log_values

WIDTHS = list(range(1, 257))
DEPTHS = [1, 2, 3, 4]
LEARNING_RATES = log_values(1e-4, 1.0)
BATCH_SIZES = [0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512]
NOISES = [0.0, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1.0, 1.5, 2.0]
POINT_COUNTS = [10, 20, 30, 50, 75, 100, 150, 200, 300, 500, 1000]
TEST_FRACTIONS = [round(0.05 * i, 2) for i in range(0, 11)]
MOMENTA = [0.0, 0.5, 0.8, 0.9, 0.95, 0.99]


class CurveControls(QWidget):
    """Emits ``configChanged(CurveConfig)`` whenever the user changes a setting."""

    configChanged = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._config = CurveConfig()
        self._updating = False
        self._build()
        self.set_config(self._config)
        self.retranslate()

    # -- construction -----------------------------------------------------
    def _build(self) -> None:
        self.target_box = QComboBox()
        for name in TARGETS.names() + [CUSTOM]:
            self.target_box.addItem(name, name)
        self.expression_edit = QLineEdit()
        self.expression_edit.setPlaceholderText("sin(2*x) + x^2/4")
        self.expression_error = QLabel()
        self.expression_error.setWordWrap(True)
        self.expression_error.setStyleSheet("color: #ff6b6b;")
        self.expression_error.hide()
        self.noise_slider = ValueSlider(NOISES, lambda v: f"{v:g}")
        self.points_slider = ValueSlider(POINT_COUNTS)
        self.test_slider = ValueSlider(TEST_FRACTIONS, lambda v: f"{v:.0%}")

        self.activation_box = names_box(ACTIVATIONS)
        self.width_slider = ValueSlider(WIDTHS)
        self.depth_slider = ValueSlider(DEPTHS)

        self.loss_box = names_box(LOSSES)
        self.optimizer_box = names_box(OPTIMIZERS)
        self.lr_slider = ValueSlider(LEARNING_RATES, lambda v: f"{v:g}", log_scale=True)
        self.momentum_slider = ValueSlider(MOMENTA, lambda v: f"{v:g}")
        self.batch_slider = ValueSlider(BATCH_SIZES)
        self.seed_box = QSpinBox()
        self.seed_box.setRange(0, 2**31 - 1)
        self.device_box = QComboBox()
        self.device_box.addItem("CPU", "cpu")
        self.steps_box = QSpinBox()
        self.steps_box.setRange(0, 10_000_000)
        self.steps_box.setSingleStep(500)

        self.data_group, data_form = form_group()
        self.net_group, net_form = form_group()
        self.train_group, train_form = form_group()
        self._rows: list[tuple[QFormLayout, QWidget, str]] = []
        for form, widget, key in [
            (data_form, self.target_box, "target"), (data_form, self.expression_edit, "expression"),
            (data_form, self.noise_slider, "noise"), (data_form, self.points_slider, "points"),
            (data_form, self.test_slider, "test"),
            (net_form, self.activation_box, "activation"), (net_form, self.width_slider, "width"),
            (net_form, self.depth_slider, "depth"),
            (train_form, self.loss_box, "loss"), (train_form, self.optimizer_box, "optimizer"),
            (train_form, self.lr_slider, "lr"), (train_form, self.momentum_slider, "momentum"),
            (train_form, self.batch_slider, "batch"), (train_form, self.seed_box, "seed"),
            (train_form, self.device_box, "device"), (train_form, self.steps_box, "steps"),
        ]:
            form.addRow(QLabel(), widget)
            self._rows.append((form, widget, key))
            if widget is self.expression_edit:
                form.addRow(self.expression_error)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for group in (self.data_group, self.net_group, self.train_group):
            layout.addWidget(group)
        layout.addStretch(1)

        for box in (self.target_box, self.activation_box, self.loss_box, self.optimizer_box, self.device_box):
            box.currentIndexChanged.connect(self._changed)
        for slider in (self.noise_slider, self.points_slider, self.test_slider, self.width_slider,
                       self.depth_slider, self.lr_slider, self.momentum_slider, self.batch_slider):
            slider.valueChanged.connect(self._changed)
        self.seed_box.valueChanged.connect(self._changed)
        self.steps_box.valueChanged.connect(self._changed)
        self.expression_edit.editingFinished.connect(self._changed)

    def retranslate(self) -> None:
        self.data_group.setTitle(self.tr("Data"))
        self.net_group.setTitle(self.tr("Network"))
        self.train_group.setTitle(self.tr("Training"))
        labels = {
            "target": (self.tr("Target"), self.tr("The function the network should learn from the sample points")),
            "expression": (self.tr("y ="), self.tr("Your own function of x: numbers, x, + - * / ^ and sin, cos, exp, log, sqrt, abs, tanh …")),
            "noise": (self.tr("Noise"), self.tr("Random noise added to each sample point (standard deviation)")),
            "points": (self.tr("Points"), self.tr("How many sample points the data has")),
            "test": (self.tr("Test share"), self.tr("Share of points held out to measure how well the fit generalises")),
            "activation": (self.tr("Activation"), self.tr("The non-linear function applied after each hidden layer")),
            "width": (self.tr("Hidden width"), self.tr("Neurons in each hidden layer: more units, more line pieces to bend the curve")),
            "depth": (self.tr("Hidden layers"), self.tr("How many hidden layers the network stacks")),
            "loss": (self.tr("Loss"), self.tr("How the error between prediction and target is measured")),
            "optimizer": (self.tr("Optimizer"), self.tr("The rule that turns gradients into weight updates")),
            "lr": (self.tr("Learning rate"), self.tr("Step size of each update: too small is slow, too large diverges")),
            "momentum": (self.tr("Momentum"), self.tr("How much of the previous update carries over (SGD + momentum only)")),
            "batch": (self.tr("Batch size"), self.tr("Points used per step; 'full' uses all of them (full-batch gradient descent)")),
            "seed": (self.tr("Seed"), self.tr("Fixes the random start: the same seed gives the same run")),
            "device": (self.tr("Device"), self.tr("Where the network runs: the CPU, or an NVIDIA GPU through CUDA")),
            "steps": (self.tr("Stop at step"), self.tr("Pause automatically after this many steps (0 = keep going)")),
        }
        for form, widget, key in self._rows:
            text, tip = labels[key]
            label = form.labelForField(widget)
            label.setText(text)
            label.setToolTip(tip)
            widget.setToolTip(tip)
        target_names = {"x^2": self.tr("y = x²"), "x^3": self.tr("y = x³"), "sin": self.tr("y = sin x"),
                        "abs": self.tr("y = |x|"), "step": self.tr("y = step(x)"), CUSTOM: self.tr("Custom…")}
        for i in range(self.target_box.count()):
            self.target_box.setItemText(i, target_names.get(self.target_box.itemData(i), self.target_box.itemData(i)))
        for box in (self.activation_box, self.loss_box, self.optimizer_box):
            apply_notes(box)  # translated item tooltips (ui/component_notes.py)
        self.batch_slider.set_formatter(lambda v: self.tr("full") if v == 0 else str(v))
        self.steps_box.setSpecialValueText(self.tr("never"))
        self.show_expression_error(getattr(self, "_expression_problems", None))  # core text, in the new language
        if getattr(self, "_devices", None):
            self.set_devices(self._devices)

    # -- config <-> widgets --------------------------------------------------
    def config(self) -> CurveConfig:
        return self._config

    def set_config(self, config: CurveConfig) -> None:
        """Show ``config`` in the widgets without emitting configChanged."""
        self._updating = True
        try:
            self._config = config
            select_data(self.target_box, config.target)
            self.expression_edit.setText(config.expression)
            self.noise_slider.setValue(config.noise)
            self.points_slider.setValue(config.n_points)
            self.test_slider.setValue(config.test_fraction)
            select_data(self.activation_box, config.activation)
            self.width_slider.setValue(config.hidden_width)
            self.depth_slider.setValue(config.depth)
            select_data(self.loss_box, config.loss)
            select_data(self.optimizer_box, config.optimizer)
            self.lr_slider.setValue(config.lr)
            self.momentum_slider.setValue(config.momentum)
            self.batch_slider.setValue(config.batch_size)
            self.seed_box.setValue(config.seed)
            select_data(self.device_box, config.device)
            self.steps_box.setValue(config.max_steps)
            self._update_visibility()
        finally:
            self._updating = False

    def _read(self) -> CurveConfig:
        return replace(
            self._config,
            target=self.target_box.currentData(), expression=self.expression_edit.text().strip(),
            noise=self.noise_slider.value(), n_points=self.points_slider.value(),
            test_fraction=self.test_slider.value(), activation=self.activation_box.currentData(),
            hidden_width=self.width_slider.value(), depth=self.depth_slider.value(),
            loss=self.loss_box.currentData(), optimizer=self.optimizer_box.currentData(),
            lr=self.lr_slider.value(), momentum=self.momentum_slider.value(),
            batch_size=self.batch_slider.value(), seed=self.seed_box.value(),
            device=self.device_box.currentData() or "cpu", max_steps=self.steps_box.value(),
        )

    def _changed(self, *_args) -> None:
        self._update_visibility()
        if self._updating:
            return
        new = self._read()
        if new != self._config:
            self._config = new
            self.configChanged.emit(new)

    def _update_visibility(self) -> None:
        custom = self.target_box.currentData() == CUSTOM
        self._set_row_visible(self.expression_edit, custom)
        if not custom:
            self.expression_error.hide()
        self._set_row_visible(self.momentum_slider, self.optimizer_box.currentData() == "SGD + momentum")

    def _set_row_visible(self, widget: QWidget, visible: bool) -> None:
        set_row_visible(self._rows, widget, visible)

    def show_expression_error(self, problems: list | None) -> None:
        """``problems``: core's messages (``core.text.Text``), shown in the current language; None hides them."""
        self._expression_problems = problems
        message = "\n".join(core_texts(problems or []))
        self.expression_error.setText(message)
        self.expression_error.setVisible(bool(message))
        # The field itself is marked too (a border only: its colours still follow the theme).
        self.expression_edit.setStyleSheet("QLineEdit { border: 2px solid #ff6b6b; }" if message else "")

    def set_devices(self, devices) -> None:
        """``devices``: DeviceChoice items; unavailable ones are listed disabled with their reason."""
        self._devices = devices
        self._updating = True
        try:
            fill_device_box(self.device_box, devices, self._config.device)
        finally:
            self._updating = False
