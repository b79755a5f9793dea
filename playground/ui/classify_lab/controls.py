"""The Classification lab's control panel: every setting of a ClassifyConfig as a widget."""

from __future__ import annotations

import math
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QLabel,
                               QPushButton, QSpinBox, QToolButton, QVBoxLayout, QWidget)

from playground.core.classify_config import MAX_LAYERS, MAX_NEURONS, REGULARIZATIONS, ClassifyConfig
from playground.core.classify_data import CLASS_COLORS, DATASETS, DRAW, FEATURES
from playground.core.components import ACTIVATIONS, OPTIMIZERS
from playground.ui.widgets.forms import fill_device_box, form_group, names_box, select_data, set_row_visible
from playground.ui.widgets.value_slider import ValueSlider, log_values

LEARNING_RATES = log_values(1e-4, 1.0)
REG_RATES = [0.0, 1e-5, 1e-4, 3e-4, 1e-3, 3e-3, 0.01, 0.03, 0.1, 0.3, 1.0]
BATCH_SIZES = [0, 1, 2, 4, 8, 10, 16, 32, 64, 128, 256]
NOISES = [round(0.05 * i, 2) for i in range(0, 21)]
POINT_COUNTS = [50, 100, 200, 300, 400, 500, 750, 1000, 1500, 2000]
TEST_FRACTIONS = [round(0.1 * i, 1) for i in range(0, 10)]
CLASS_COUNTS = [2, 3, 4, 5]
MOMENTA = [0.0, 0.5, 0.8, 0.9, 0.95, 0.99]
NEW_LAYER_WIDTH = 4  # neurons in a layer the user adds
FEATURE_LABELS = {"x1": "x₁", "x2": "x₂", "x1^2": "x₁²", "x2^2": "x₂²", "x1x2": "x₁x₂",
                  "sin x1": "sin x₁", "sin x2": "sin x₂"}


class Stepper(QWidget):
    """A label, then − count +: a whole number between ``lo`` and ``hi`` (hidden layers, neurons)."""

    changed = Signal()

    def __init__(self, lo: int, hi: int, value: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lo, self.hi = lo, hi
        self.label = QLabel()
        self.minus = QToolButton()
        self.minus.setText("−")
        self.plus = QToolButton()
        self.plus.setText("+")
        self.count = QLabel()
        self.count.setAlignment(Qt.AlignCenter)
        self.count.setMinimumWidth(self.fontMetrics().horizontalAdvance("16") + 12)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.minus)
        layout.addWidget(self.count)
        layout.addWidget(self.plus)
        self._value = None
        self.set_value(value)
        self.minus.clicked.connect(lambda: self.set_value(self._value - 1, emit=True))
        self.plus.clicked.connect(lambda: self.set_value(self._value + 1, emit=True))

    def value(self) -> int:
        return self._value

    def set_value(self, value: int, emit: bool = False) -> None:
        value = max(self.lo, min(self.hi, value))
        changed = value != self._value
        self._value = value
        self.count.setText(str(value))
        self.minus.setEnabled(value > self.lo)
        self.plus.setEnabled(value < self.hi)
        if emit and changed:
            self.changed.emit()


class ClassifyControls(QWidget):
    """Emits ``configChanged(ClassifyConfig)`` whenever the user changes a setting."""

    configChanged = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._config = ClassifyConfig()
        self._updating = False
        self._build()
        self.set_config(self._config)
        self.retranslate()

    # -- construction -------------------------------------------------------------
    def _build(self) -> None:
        self.dataset_box = QComboBox()
        for name in DATASETS:
            self.dataset_box.addItem(name, name)
        self.classes_slider = ValueSlider(CLASS_COUNTS)
        self.points_slider = ValueSlider(POINT_COUNTS)
        self.noise_slider = ValueSlider(NOISES, lambda v: f"{v:.0%}")
        self.test_slider = ValueSlider(TEST_FRACTIONS, lambda v: f"{v:.0%}")
        self.seed_box = QSpinBox()
        self.seed_box.setRange(0, 2**31 - 1)
        self.regenerate_button = QPushButton()
        seed_row = QWidget()
        seed_layout = QHBoxLayout(seed_row)
        seed_layout.setContentsMargins(0, 0, 0, 0)
        seed_layout.addWidget(self.seed_box, 1)
        seed_layout.addWidget(self.regenerate_button)
        self.draw_class_box = QComboBox()
        self.draw_hint = QLabel()
        self.draw_hint.setWordWrap(True)

        self.feature_boxes: dict[str, QCheckBox] = {}
        features_widget = QWidget()
        grid = QGridLayout(features_widget)
        grid.setContentsMargins(0, 0, 0, 0)
        for i, name in enumerate(FEATURES):
            box = QCheckBox(FEATURE_LABELS[name])
            self.feature_boxes[name] = box
            grid.addWidget(box, i // 4, i % 4)
            box.toggled.connect(self._changed)

        self.layers = Stepper(0, MAX_LAYERS, 0)
        self.layers_label, self.layer_count = self.layers.label, self.layers.count
        self.add_layer_button, self.remove_layer_button = self.layers.plus, self.layers.minus
        self.layer_rows = [Stepper(1, MAX_NEURONS, NEW_LAYER_WIDTH) for _ in range(MAX_LAYERS)]
        self.activation_box = names_box(ACTIVATIONS)

        self.optimizer_box = names_box(OPTIMIZERS)
        self.lr_slider = ValueSlider(LEARNING_RATES, lambda v: f"{v:g}", log_scale=True)
        self.momentum_slider = ValueSlider(MOMENTA, lambda v: f"{v:g}")
        self.batch_slider = ValueSlider(BATCH_SIZES)
        self.reg_box = QComboBox()
        for name in REGULARIZATIONS:
            self.reg_box.addItem(name, name)
        self.reg_rate_slider = ValueSlider(REG_RATES, lambda v: f"{v:g}")
        self.device_box = QComboBox()
        # Hidden in presentation mode (ui/appearance.py): detail a projected class can do without.
        for widget in (self.test_slider, self.seed_box, self.batch_slider, self.reg_box, self.reg_rate_slider,
                       self.device_box):
            widget.setProperty("advanced", True)
        self.device_box.addItem("CPU", "cpu")
        self.steps_box = QSpinBox()
        self.steps_box.setRange(0, 10_000_000)
        self.steps_box.setSingleStep(500)

        self.data_group, data_form = form_group()
        self.features_group = QGroupBox()
        QVBoxLayout(self.features_group).addWidget(features_widget)
        self.net_group = QGroupBox()
        net_layout = QVBoxLayout(self.net_group)
        net_layout.addWidget(self.layers)
        for row in self.layer_rows:
            net_layout.addWidget(row)
        net_form = QFormLayout()
        net_layout.addLayout(net_form)
        self.train_group, train_form = form_group()
        self._rows: list[tuple[QFormLayout, QWidget, str]] = []
        for form, widget, key in [
            (data_form, self.dataset_box, "dataset"), (data_form, self.classes_slider, "classes"),
            (data_form, self.draw_class_box, "draw_class"),
            (data_form, self.points_slider, "points"), (data_form, self.noise_slider, "noise"),
            (data_form, self.test_slider, "test"), (data_form, seed_row, "seed"),
            (net_form, self.activation_box, "activation"),
            (train_form, self.optimizer_box, "optimizer"), (train_form, self.lr_slider, "lr"),
            (train_form, self.momentum_slider, "momentum"), (train_form, self.batch_slider, "batch"),
            (train_form, self.reg_box, "regularization"), (train_form, self.reg_rate_slider, "reg_rate"),
            (train_form, self.device_box, "device"), (train_form, self.steps_box, "steps"),
        ]:
            form.addRow(QLabel(), widget)
            self._rows.append((form, widget, key))
            if widget is self.draw_class_box:
                form.addRow(self.draw_hint)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for group in (self.data_group, self.features_group, self.net_group, self.train_group):
            layout.addWidget(group)
        layout.addStretch(1)

        for box in (self.dataset_box, self.activation_box, self.optimizer_box, self.reg_box, self.device_box):
            box.currentIndexChanged.connect(self._changed)
        for slider in (self.classes_slider, self.points_slider, self.noise_slider, self.test_slider,
                       self.lr_slider, self.momentum_slider, self.batch_slider, self.reg_rate_slider):
            slider.valueChanged.connect(self._changed)
        self.seed_box.valueChanged.connect(self._changed)
        self.steps_box.valueChanged.connect(self._changed)
        self.regenerate_button.clicked.connect(lambda: self.seed_box.setValue(self.seed_box.value() + 1))
        for row in self.layer_rows:
            row.changed.connect(self._changed)
        self.layers.changed.connect(self._on_depth_changed)

    def retranslate(self) -> None:
        self.data_group.setTitle(self.tr("Data"))
        self.features_group.setTitle(self.tr("Input features"))
        self.features_group.setToolTip(self.tr("What the network is given about each point; x₁² + x₂² makes a circle easy, x₁x₂ makes XOR easy"))
        feature_tips = {
            "x1": self.tr("The point's first coordinate, as it is"),
            "x2": self.tr("The point's second coordinate, as it is"),
            "x1^2": self.tr("x₁ squared: with x₂², lets even a network without hidden layers draw circles"),
            "x2^2": self.tr("x₂ squared: with x₁², lets even a network without hidden layers draw circles"),
            "x1x2": self.tr("The product x₁·x₂: positive in two opposite quadrants, the key to XOR"),
            "sin x1": self.tr("sin x₁: a wave along x₁, useful for spirals and stripes"),
            "sin x2": self.tr("sin x₂: a wave along x₂, useful for spirals and stripes"),
        }
        for name, box in self.feature_boxes.items():
            box.setToolTip(feature_tips.get(name, self.tr("An input feature computed from the point's coordinates")))
        self.net_group.setTitle(self.tr("Network"))
        self.train_group.setTitle(self.tr("Training"))
        labels = {
            "dataset": (self.tr("Dataset"), self.tr("The points to classify; 'Draw your own' lets you click points onto the plane")),
            "classes": (self.tr("Classes"), self.tr("How many classes (colours); more than two uses a softmax output")),
            "draw_class": (self.tr("Draw class"), self.tr("The class that a left click adds")),
            "points": (self.tr("Points"), self.tr("How many points the dataset has")),
            "noise": (self.tr("Noise"), self.tr("How much the points scatter across the ideal shape")),
            "test": (self.tr("Test share"), self.tr("Share of points held out (drawn with a white ring) to measure generalisation")),
            "seed": (self.tr("Seed"), self.tr("Fixes the random data and the random start; Regenerate picks the next seed")),
            "activation": (self.tr("Activation"), self.tr("The non-linear function applied after each hidden layer")),
            "optimizer": (self.tr("Optimizer"), self.tr("The rule that turns gradients into weight updates")),
            "lr": (self.tr("Learning rate"), self.tr("Step size of each update: too small is slow, too large diverges")),
            "momentum": (self.tr("Momentum"), self.tr("How much of the previous update carries over (SGD + momentum only)")),
            "batch": (self.tr("Batch size"), self.tr("Points used per step; 'full' uses all training points")),
            "regularization": (self.tr("Regularisation"), self.tr("A penalty on large weights added to the loss: L1 drives weights to zero, L2 keeps them small")),
            "reg_rate": (self.tr("Regularisation rate"), self.tr("How strongly the penalty counts against the cross-entropy")),
            "device": (self.tr("Device"), self.tr("Where the network runs: the CPU, or an NVIDIA GPU through CUDA")),
            "steps": (self.tr("Stop at step"), self.tr("Pause automatically after this many steps (0 = keep going)")),
        }
        for form, widget, key in self._rows:
            text, tip = labels[key]
            label = form.labelForField(widget)
            label.setText(text)
            label.setToolTip(tip)
            widget.setToolTip(tip)
        names = {"circle": self.tr("Circle"), "xor": self.tr("XOR"), "gaussians": self.tr("Gaussian blobs"),
                 "spiral": self.tr("Spiral"), "moons": self.tr("Moons"), DRAW: self.tr("Draw your own")}
        for i in range(self.dataset_box.count()):
            self.dataset_box.setItemText(i, names[self.dataset_box.itemData(i)])
        reg_names = {"none": self.tr("None"), "L1": "L1", "L2": "L2"}
        for i in range(self.reg_box.count()):
            self.reg_box.setItemText(i, reg_names[self.reg_box.itemData(i)])
        self.regenerate_button.setText(self.tr("Regenerate"))
        self.regenerate_button.setToolTip(self.tr("New random points (the next seed); training restarts"))
        self.draw_hint.setText(self.tr("Left click on the plot adds a point of this class; right click removes the nearest point."))
        self.layers_label.setText(self.tr("Hidden layers"))
        self.add_layer_button.setToolTip(self.tr("Add a hidden layer"))
        self.remove_layer_button.setToolTip(self.tr("Remove the last hidden layer"))
        for i, row in enumerate(self.layer_rows):
            row.label.setText(self.tr("Layer {n}: neurons").format(n=i + 1))
            row.minus.setToolTip(self.tr("One neuron fewer"))
            row.plus.setToolTip(self.tr("One neuron more"))
        self.batch_slider.set_formatter(lambda v: self.tr("full") if v == 0 else str(v))
        self.steps_box.setSpecialValueText(self.tr("never"))
        self._fill_draw_classes()
        if getattr(self, "_devices", None):
            self.set_devices(self._devices)  # the "not available" reasons, in the new language

    def _fill_draw_classes(self, n_classes: int | None = None) -> None:
        current = max(0, self.draw_class_box.currentIndex())
        self.draw_class_box.blockSignals(True)
        self.draw_class_box.clear()
        for k in range(n_classes or self._config.n_classes):
            self.draw_class_box.addItem(_swatch(CLASS_COLORS[k]), self.tr("Class {n}").format(n=k + 1), k)
        self.draw_class_box.setCurrentIndex(min(current, self.draw_class_box.count() - 1))
        self.draw_class_box.blockSignals(False)

    def draw_class(self) -> int:
        return int(self.draw_class_box.currentData() or 0)

    # -- config <-> widgets ---------------------------------------------------------
    def config(self) -> ClassifyConfig:
        return self._config

    def set_config(self, config: ClassifyConfig) -> None:
        """Show ``config`` in the widgets without emitting configChanged."""
        self._updating = True
        try:
            self._config = config
            select_data(self.dataset_box, config.dataset)
            self.classes_slider.setValue(config.n_classes)
            self.points_slider.setValue(config.n_points)
            self.noise_slider.setValue(config.noise)
            self.test_slider.setValue(config.test_fraction)
            self.seed_box.setValue(config.seed)
            for name, box in self.feature_boxes.items():
                box.setChecked(name in config.features)
            self.layers.set_value(len(config.hidden))
            for row, width in zip(self.layer_rows, config.hidden):
                row.set_value(width)
            self._reset_unused_rows()
            select_data(self.activation_box, config.activation)
            select_data(self.optimizer_box, config.optimizer)
            self.lr_slider.setValue(config.lr)
            self.momentum_slider.setValue(config.momentum)
            self.batch_slider.setValue(config.batch_size)
            select_data(self.reg_box, config.regularization)
            self.reg_rate_slider.setValue(config.reg_rate)
            select_data(self.device_box, config.device)
            self.steps_box.setValue(config.max_steps)
            self._fill_draw_classes()
            self._update_visibility()
        finally:
            self._updating = False

    def _on_depth_changed(self) -> None:
        self._reset_unused_rows()
        self._changed()

    def _reset_unused_rows(self) -> None:
        """A layer added later starts at NEW_LAYER_WIDTH neurons, whatever it had before it was removed."""
        for row in self.layer_rows[self.layers.value():]:
            row.set_value(NEW_LAYER_WIDTH)

    def _read(self) -> ClassifyConfig:
        features = tuple(name for name in FEATURES if self.feature_boxes[name].isChecked())
        return replace(
            self._config,
            dataset=self.dataset_box.currentData(), n_classes=self.classes_slider.value(),
            n_points=self.points_slider.value(), noise=self.noise_slider.value(),
            test_fraction=self.test_slider.value(), seed=self.seed_box.value(),
            features=features or self._config.features,
            hidden=tuple(row.value() for row in self.layer_rows[:self.layers.value()]),
            activation=self.activation_box.currentData(), optimizer=self.optimizer_box.currentData(),
            lr=_kept(self._config.lr, self.lr_slider.value(), LEARNING_RATES), momentum=self.momentum_slider.value(),
            batch_size=self.batch_slider.value(), regularization=self.reg_box.currentData(),
            reg_rate=_kept(self._config.reg_rate, self.reg_rate_slider.value(), REG_RATES), device=self.device_box.currentData() or "cpu",
            max_steps=self.steps_box.value(),
        )

    def _changed(self, *_args) -> None:
        if self._updating:
            self._update_visibility()
            return
        new = self._read()
        if not any(box.isChecked() for box in self.feature_boxes.values()):
            # At least one input is needed: undo the last unticking.
            self._updating = True
            for name in new.features:
                self.feature_boxes[name].setChecked(True)
            self._updating = False
        if new.n_classes != self._config.n_classes:
            self._fill_draw_classes(new.n_classes)
        self._update_visibility()
        if new != self._config:
            self._config = new
            self.configChanged.emit(new)

    def _update_visibility(self) -> None:
        draw = self.dataset_box.currentData() == DRAW
        self._set_row_visible(self.draw_class_box, draw)
        self.draw_hint.setVisible(draw)
        for widget in (self.points_slider, self.noise_slider):
            self._set_row_visible(widget, not draw)
        self.regenerate_button.setEnabled(not draw)
        self._set_row_visible(self.momentum_slider, self.optimizer_box.currentData() == "SGD + momentum")
        self._set_row_visible(self.reg_rate_slider, self.reg_box.currentData() != "none")
        for i, row in enumerate(self.layer_rows):
            row.setVisible(i < self.layers.value())

    def _set_row_visible(self, widget: QWidget, visible: bool) -> None:
        set_row_visible(self._rows, widget, visible)

    def set_devices(self, devices) -> None:
        """``devices``: DeviceChoice items; unavailable ones are listed disabled with their reason."""
        self._devices = devices
        self._updating = True
        try:
            fill_device_box(self.device_box, devices, self._config.device)
        finally:
            self._updating = False


def _kept(current: float, shown: float, values: list[float]) -> float:
    """A preset's value between two slider stops (lr 0.03) stays as it is until the slider is moved."""
    nearest = min(values, key=lambda v: abs(math.log(max(v, 1e-12)) - math.log(max(current, 1e-12))))
    return current if nearest == shown else shown


def _swatch(rgb):
    from PySide6.QtGui import QColor, QIcon, QPixmap

    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(*rgb))
    return QIcon(pixmap)
