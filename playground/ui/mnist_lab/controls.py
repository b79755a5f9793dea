"""The MNIST lab's training settings: a ConfigForm over MnistConfig (architecture, network, optimizer,
learning rate, batch size, epochs, device); the seed and the training-image limit are kept as they come."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from playground.core.mnist.config import MnistConfig
from playground.ui.widgets.config_form import ConfigForm

GROUPS = [("training", ["arch", "hidden_width", "depth", "activation", "optimizer", "lr", "batch_size", "epochs",
                        "device"])]


class MnistControls(ConfigForm):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(MnistConfig, GROUPS, combos=("hidden_width", "lr", "batch_size"), stretch=False,
                         formats={"hidden_width": str, "batch_size": str}, parent=parent)
        self.set_config(self.config())
        self.retranslate()

    def texts(self) -> dict:
        return {
            "groups": {"training": self.tr("Training settings")},
            "fields": {
                "arch": (self.tr("Network"), self.tr("The network: the notes' MLP or their small CNN (two conv + pool blocks)")),
                "hidden_width": (self.tr("Hidden width"), self.tr("Units in each hidden layer of the MLP")),
                "depth": (self.tr("Hidden layers"), self.tr("Number of hidden layers of the MLP")),
                "activation": (self.tr("Activation"), self.tr("The non-linearity after each hidden layer")),
                "optimizer": (self.tr("Optimizer"), self.tr("How the weights are updated from the gradients")),
                "lr": (self.tr("Learning rate"), self.tr("Step size of the optimizer; too large and the loss jumps or diverges")),
                "batch_size": (self.tr("Batch size"), self.tr("Images per training step")),
                "epochs": (self.tr("Epochs"), self.tr("Passes over the training images")),
                "device": (self.tr("Device"), self.tr("Train on the CPU or on a CUDA GPU")),
            },
            "items": {"arch": {"mlp": self.tr("MLP (notes: 784-128-10)"), "cnn": self.tr("CNN (2 × conv + pool)")}},
        }

    def update_rows(self, config: MnistConfig) -> None:
        mlp = config.arch == "mlp"
        self.editor("hidden_width").setEnabled(mlp)
        self.editor("depth").setEnabled(mlp)
