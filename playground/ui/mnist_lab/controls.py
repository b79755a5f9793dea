"""The MNIST lab's training settings: architecture, network, optimizer, lr, batch size, epochs, device."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QSpinBox, QVBoxLayout, QWidget

from playground.core.components import ACTIVATIONS, OPTIMIZERS
from playground.core.mnist_config import MnistConfig

LR_VALUES = [1e-4, 3e-4, 1e-3, 3e-3, 0.01, 0.03, 0.1]
BATCH_VALUES = [16, 32, 64, 128, 256, 512]
WIDTH_VALUES = [16, 32, 64, 128, 256, 512]


def _combo(values, fmt=str) -> QComboBox:
    box = QComboBox()
    for v in values:
        box.addItem(fmt(v), v)
    return box


class MnistControls(QGroupBox):
    configChanged = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.arch_box = QComboBox()
        self.arch_box.addItem("", "mlp")
        self.arch_box.addItem("", "cnn")
        self.width_box = _combo(WIDTH_VALUES)
        self.depth_box = QSpinBox()
        self.depth_box.setRange(1, 4)
        self.activation_box = _combo(ACTIVATIONS.names())
        self.optimizer_box = _combo(OPTIMIZERS.names())
        self.lr_box = _combo(LR_VALUES, lambda v: f"{v:g}")
        self.batch_box = _combo(BATCH_VALUES)
        self.epochs_box = QSpinBox()
        self.epochs_box.setRange(1, 100)
        self.device_box = QComboBox()
        for widget in (self.batch_box, self.device_box):
            widget.setProperty("advanced", True)  # hidden in presentation mode (ui/appearance.py)
        self.device_box.addItem("CPU", "cpu")
        form = QFormLayout()
        self._rows = []
        for widget in (self.arch_box, self.width_box, self.depth_box, self.activation_box, self.optimizer_box,
                       self.lr_box, self.batch_box, self.epochs_box, self.device_box):
            label = QLabel()
            form.addRow(label, widget)
            self._rows.append((label, widget))
        self.form = form
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.set_config(MnistConfig())
        for box in (self.arch_box, self.width_box, self.activation_box, self.optimizer_box, self.lr_box,
                    self.batch_box, self.device_box):
            box.currentIndexChanged.connect(self._emit)
        for spin in (self.depth_box, self.epochs_box):
            spin.valueChanged.connect(self._emit)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Training settings"))
        self.arch_box.setItemText(0, self.tr("MLP (notes: 784-128-10)"))
        self.arch_box.setItemText(1, self.tr("CNN (2 × conv + pool)"))
        names = [self.tr("Network"), self.tr("Hidden width"), self.tr("Hidden layers"), self.tr("Activation"),
                 self.tr("Optimizer"), self.tr("Learning rate"), self.tr("Batch size"), self.tr("Epochs"),
                 self.tr("Device")]
        for (label, _widget), name in zip(self._rows, names):
            label.setText(name)
        self.arch_box.setToolTip(self.tr("The network: the notes' MLP or their small CNN (two conv + pool blocks)"))
        self.width_box.setToolTip(self.tr("Units in each hidden layer of the MLP"))
        self.depth_box.setToolTip(self.tr("Number of hidden layers of the MLP"))
        self.activation_box.setToolTip(self.tr("The non-linearity after each hidden layer"))
        self.optimizer_box.setToolTip(self.tr("How the weights are updated from the gradients"))
        self.lr_box.setToolTip(self.tr("Step size of the optimizer; too large and the loss jumps or diverges"))
        self.batch_box.setToolTip(self.tr("Images per training step"))
        self.epochs_box.setToolTip(self.tr("Passes over the training images"))
        self.device_box.setToolTip(self.tr("Train on the CPU or on a CUDA GPU"))

    def set_devices(self, devices) -> None:
        current = self.device_box.currentData()
        self.device_box.blockSignals(True)
        self.device_box.clear()
        for d in devices:
            if d.available:
                self.device_box.addItem(d.label, d.id)
        index = max(0, self.device_box.findData(current))
        self.device_box.setCurrentIndex(index)
        self.device_box.blockSignals(False)

    def set_config(self, config: MnistConfig) -> None:
        widgets = (self.arch_box, self.width_box, self.activation_box, self.optimizer_box, self.lr_box,
                   self.batch_box, self.device_box, self.depth_box, self.epochs_box)
        for w in widgets:
            w.blockSignals(True)
        for box, value in ((self.arch_box, config.arch), (self.width_box, config.hidden_width),
                           (self.activation_box, config.activation), (self.optimizer_box, config.optimizer),
                           (self.lr_box, config.lr), (self.batch_box, config.batch_size),
                           (self.device_box, config.device)):
            index = box.findData(value)
            if index >= 0:
                box.setCurrentIndex(index)
        self.depth_box.setValue(config.depth)
        self.epochs_box.setValue(config.epochs)
        for w in widgets:
            w.blockSignals(False)
        self._update_enabled()
        self._seed = config.seed
        self._train_limit = config.train_limit

    def config(self) -> MnistConfig:
        return MnistConfig(arch=self.arch_box.currentData(), hidden_width=self.width_box.currentData(),
                           depth=self.depth_box.value(), activation=self.activation_box.currentData(),
                           optimizer=self.optimizer_box.currentData(), lr=self.lr_box.currentData(),
                           batch_size=self.batch_box.currentData(), epochs=self.epochs_box.value(),
                           seed=self._seed, device=self.device_box.currentData() or "cpu",
                           train_limit=self._train_limit)

    def _update_enabled(self) -> None:
        mlp = self.arch_box.currentData() == "mlp"
        self.width_box.setEnabled(mlp)
        self.depth_box.setEnabled(mlp)

    def _emit(self, *_args) -> None:
        self._update_enabled()
        self.configChanged.emit(self.config())
