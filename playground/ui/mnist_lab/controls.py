"""The MNIST lab's training settings: a ConfigForm over MnistConfig (architecture, network, optimizer,
learning rate, batch size, epochs, device); the seed and the training-image limit are kept as they come."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from playground.core.mnist.config import MnistConfig
from playground.ui.widgets.config_form import ConfigForm

GROUPS = [("training", ["arch", "hidden_width", "depth", "activation", "optimizer", "lr", "batch_size", "epochs",
                        "device"])]


class MnistControls(ConfigForm):
    lab = "mnist"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(MnistConfig, GROUPS, combos=("hidden_width", "lr", "batch_size"), stretch=False,
                         formats={"hidden_width": str, "batch_size": str}, parent=parent)
        self.set_config(self.config())
        self.retranslate()

    def texts(self) -> dict:
        return {"items": {"arch": {"mlp": self.tr("MLP (notes: 784-128-10)"), "cnn": self.tr("CNN (2 × conv + pool)")}}}

    def update_rows(self, config: MnistConfig) -> None:
        mlp = config.arch == "mlp"
        self.editor("hidden_width").setEnabled(mlp)
        self.editor("depth").setEnabled(mlp)
