"""The Classification lab's settings panel: a ConfigForm over ClassifyConfig with three editors of its own
(the input features, the hidden layers, the seed with Regenerate) and the class a left click draws."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QGridLayout, QHBoxLayout, QLabel, QPushButton, QSpinBox,
                               QToolButton, QVBoxLayout, QWidget)

from playground.core.classify.config import MAX_LAYERS, MAX_NEURONS, ClassifyConfig
from playground.core.classify.data import CLASS_COLORS, DRAW, FEATURES
from playground.ui.widgets.config_form import ConfigForm

NEW_LAYER_WIDTH = 4  # neurons in a layer the user adds
FEATURE_LABELS = {"x1": "x₁", "x2": "x₂", "x1^2": "x₁²", "x2^2": "x₂²", "x1x2": "x₁x₂",
                  "sin x1": "sin x₁", "sin x2": "sin x₂"}
GROUPS = [
    ("data", ["dataset", "n_classes", "n_points", "noise", "test_fraction", "seed"]),
    ("features", ["features"]),
    ("network", ["hidden", "activation"]),
    ("training", ["optimizer", "lr", "momentum", "batch_size", "regularization", "reg_rate", "device", "max_steps"]),
]


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


class HiddenLayersEditor(QWidget):
    """The ``hidden`` field: − layers + and, for each layer, − neurons +. A layer added later starts at
    NEW_LAYER_WIDTH neurons, whatever it had before it was removed."""

    valueChanged = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layers = Stepper(0, MAX_LAYERS, 0)
        self.rows = [Stepper(1, MAX_NEURONS, NEW_LAYER_WIDTH) for _ in range(MAX_LAYERS)]
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.layers)
        for row in self.rows:
            layout.addWidget(row)
            row.changed.connect(self._emit)
        self.layers.changed.connect(self._on_depth)

    def value(self) -> tuple:
        return tuple(row.value() for row in self.rows[:self.layers.value()])

    def setValue(self, hidden) -> None:  # noqa: N802 (the editors' protocol)
        self.layers.set_value(len(hidden))
        for row, width in zip(self.rows, hidden):
            row.set_value(width)
        self._reset_unused()

    def _on_depth(self) -> None:
        self._reset_unused()
        self._emit()

    def _reset_unused(self) -> None:
        for i, row in enumerate(self.rows):
            row.setVisible(i < self.layers.value())
            if i >= self.layers.value():
                row.set_value(NEW_LAYER_WIDTH)

    def _emit(self) -> None:
        self.valueChanged.emit(self.value())


class FeaturesEditor(QWidget):
    """The ``features`` field: one checkbox per input feature; the last ticked one cannot be unticked."""

    valueChanged = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.boxes: dict[str, QCheckBox] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        for i, name in enumerate(FEATURES):
            box = QCheckBox(FEATURE_LABELS[name])
            self.boxes[name] = box
            grid.addWidget(box, i // 4, i % 4)
            box.toggled.connect(lambda on, box=box: self._on_toggled(box, on))

    def value(self) -> tuple:
        return tuple(name for name in FEATURES if self.boxes[name].isChecked())

    def setValue(self, features) -> None:  # noqa: N802
        for name, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(name in features)
            box.blockSignals(False)

    def _on_toggled(self, box: QCheckBox, on: bool) -> None:
        if not on and not self.value():  # at least one input is needed: undo the unticking
            box.blockSignals(True)
            box.setChecked(True)
            box.blockSignals(False)
            return
        self.valueChanged.emit(self.value())


class SeedEditor(QWidget):
    """The ``seed`` field and a Regenerate button (the next seed)."""

    valueChanged = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spin = QSpinBox()
        self.spin.setRange(0, 2**31 - 1)
        self.regenerate_button = QPushButton()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.spin, 1)
        layout.addWidget(self.regenerate_button)
        self.spin.valueChanged.connect(lambda seed: self.valueChanged.emit(seed))
        self.regenerate_button.clicked.connect(lambda: self.spin.setValue(self.spin.value() + 1))

    def value(self) -> int:
        return self.spin.value()

    def setValue(self, seed: int) -> None:  # noqa: N802
        self.spin.blockSignals(True)
        self.spin.setValue(int(seed))
        self.spin.blockSignals(False)


class ClassifyControls(ConfigForm):
    """Emits ``configChanged(ClassifyConfig)`` whenever the user changes a setting."""
    lab = "classify"

    def __init__(self, parent: QWidget | None = None) -> None:
        features, hidden, seed = FeaturesEditor(), HiddenLayersEditor(), SeedEditor()
        super().__init__(ClassifyConfig, GROUPS, parent=parent, spanning=("features", "hidden"),
                         editors={"features": features, "hidden": hidden, "seed": seed},
                         formats={"noise": lambda v: f"{v:.0%}", "test_fraction": lambda v: f"{v:.0%}",
                                  "n_classes": str, "n_points": str})
        self.features, self.hidden, self.seed = features, hidden, seed
        self.draw_class_box = QComboBox()
        self.draw_class_label = QLabel()
        self.draw_hint = QLabel()
        self.draw_hint.setWordWrap(True)
        self.add_row_after("n_classes", self.draw_hint)
        self.add_row_after("n_classes", self.draw_class_box, self.draw_class_label)
        self.editor("max_steps").setSingleStep(500)
        self.set_config(self.config())
        self.retranslate()

    def texts(self) -> dict:
        return {
            "group_tips": {"features": self.tr("What the network is given about each point; x₁² + x₂² makes a circle easy, x₁x₂ makes XOR easy")},
            "items": {
                "dataset": {"circle": self.tr("Circle"), "xor": self.tr("XOR"), "gaussians": self.tr("Gaussian blobs"),
                            "spiral": self.tr("Spiral"), "moons": self.tr("Moons"), DRAW: self.tr("Draw your own")},
                "regularization": {"none": self.tr("None"), "L1": "L1", "L2": "L2"},
            },
        }

    def retranslate(self) -> None:
        super().retranslate()
        feature_tips = {
            "x1": self.tr("The point's first coordinate, as it is"),
            "x2": self.tr("The point's second coordinate, as it is"),
            "x1^2": self.tr("x₁ squared: with x₂², lets even a network without hidden layers draw circles"),
            "x2^2": self.tr("x₂ squared: with x₁², lets even a network without hidden layers draw circles"),
            "x1x2": self.tr("The product x₁·x₂: positive in two opposite quadrants, the key to XOR"),
            "sin x1": self.tr("sin x₁: a wave along x₁, useful for spirals and stripes"),
            "sin x2": self.tr("sin x₂: a wave along x₂, useful for spirals and stripes"),
        }
        for name, box in self.features.boxes.items():
            box.setToolTip(feature_tips.get(name, self.tr("An input feature computed from the point's coordinates")))
        self.seed.regenerate_button.setText(self.tr("Regenerate"))
        self.seed.regenerate_button.setToolTip(self.tr("New random points (the next seed); training restarts"))
        self.draw_class_label.setText(self.tr("Draw class"))
        self.draw_class_box.setToolTip(self.tr("The class that a left click adds"))
        self.draw_hint.setText(self.tr("Left click on the plot adds a point of this class; right click removes the nearest point."))
        self.hidden.layers.label.setText(self.tr("Hidden layers"))
        self.hidden.layers.plus.setToolTip(self.tr("Add a hidden layer"))
        self.hidden.layers.minus.setToolTip(self.tr("Remove the last hidden layer"))
        for i, row in enumerate(self.hidden.rows):
            row.label.setText(self.tr("Layer {n}: neurons").format(n=i + 1))
            row.minus.setToolTip(self.tr("One neuron fewer"))
            row.plus.setToolTip(self.tr("One neuron more"))
        self.editor("batch_size").set_formatter(lambda v: self.tr("full") if v == 0 else str(v))
        self.editor("max_steps").setSpecialValueText(self.tr("never"))
        self._fill_draw_classes(self.config().n_classes)

    def _fill_draw_classes(self, n_classes: int) -> None:
        current = max(0, self.draw_class_box.currentIndex())
        self.draw_class_box.blockSignals(True)
        self.draw_class_box.clear()
        for k in range(n_classes):
            self.draw_class_box.addItem(_swatch(CLASS_COLORS[k]), self.tr("Class {n}").format(n=k + 1), k)
        self.draw_class_box.setCurrentIndex(min(current, self.draw_class_box.count() - 1))
        self.draw_class_box.blockSignals(False)

    def draw_class(self) -> int:
        return int(self.draw_class_box.currentData() or 0)

    def update_rows(self, config: ClassifyConfig) -> None:
        draw = config.dataset == DRAW
        if self.draw_class_box.count() != config.n_classes:
            self._fill_draw_classes(config.n_classes)
        self.set_extra_row_visible("n_classes", self.draw_class_box, draw)
        self.set_extra_row_visible("n_classes", self.draw_hint, draw)
        for name in ("n_points", "noise"):
            self.set_row_visible(name, not draw)
        self.seed.regenerate_button.setEnabled(not draw)
        self.set_row_visible("momentum", config.optimizer == "SGD + momentum")
        self.set_row_visible("reg_rate", config.regularization != "none")


def _swatch(rgb):
    from PySide6.QtGui import QColor, QIcon, QPixmap

    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(*rgb))
    return QIcon(pixmap)
