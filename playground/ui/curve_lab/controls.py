"""The Curve lab's settings panel: a ConfigForm over CurveConfig, plus the custom expression's error line."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from playground.core.curve.config import CurveConfig
from playground.core.curve.targets import CUSTOM
from playground.ui.i18n import core_texts
from playground.ui.widgets.config_form import ConfigForm
from playground.ui.widgets.setting_names import SettingNames

GROUPS = [
    ("data", ["target", "expression", "noise", "n_points", "test_fraction"]),
    ("network", ["activation", "hidden_width", "depth"]),
    ("training", ["loss", "optimizer", "lr", "momentum", "batch_size", "seed", "device", "max_steps"]),
]


class CurveControls(ConfigForm):
    """Emits ``configChanged(CurveConfig)`` whenever the user changes a setting."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(CurveConfig, GROUPS, formats={"test_fraction": lambda v: f"{v:.0%}",
                                                       "n_points": str, "hidden_width": str, "depth": str},
                         parent=parent)
        self._expression_problems: list | None = None
        self.editor("expression").setPlaceholderText("sin(2*x) + x^2/4")
        self.editor("max_steps").setSingleStep(500)
        self.expression_error = QLabel()
        self.expression_error.setWordWrap(True)
        self.expression_error.hide()
        self.add_row_after("expression", self.expression_error)
        self.set_config(self.config())
        self.retranslate()

    def texts(self) -> dict:
        return {
            "groups": {"data": self.tr("Data"), "network": self.tr("Network"), "training": self.tr("Training")},
            "fields": {
                "target": (self.tr("Target"), self.tr("The function the network should learn from the sample points")),
                "expression": (self.tr("y ="), self.tr("Your own function of x: numbers, x, + - * / ^ and sin, cos, exp, log, sqrt, abs, tanh …")),
                "noise": (self.tr("Noise"), self.tr("Random noise added to each sample point (standard deviation)")),
                "n_points": (self.tr("Points"), self.tr("How many sample points the data has")),
                "test_fraction": (self.tr("Test share"), self.tr("Share of points held out to measure how well the fit generalises")),
                "activation": (self.tr("Activation"), self.tr("The non-linear function applied after each hidden layer")),
                "hidden_width": (self.tr("Hidden width"), self.tr("Neurons in each hidden layer: more units, more line pieces to bend the curve")),
                "depth": (self.tr("Hidden layers"), self.tr("How many hidden layers the network stacks")),
                "loss": (self.tr("Loss"), self.tr("How the error between prediction and target is measured")),
                "optimizer": (self.tr("Optimizer"), self.tr("The rule that turns gradients into weight updates")),
                "lr": (self.tr("Learning rate"), self.tr("Step size of each update: too small is slow, too large diverges")),
                "momentum": (self.tr("Momentum"), self.tr("How much of the previous update carries over (SGD + momentum only)")),
                "batch_size": (self.tr("Batch size"), self.tr("Points used per step; 'full' uses all of them (full-batch gradient descent)")),
                "seed": (self.tr("Seed"), self.tr("Fixes the random start: the same seed gives the same run")),
                "device": (self.tr("Device"), self.tr("Where the network runs: the CPU, or an NVIDIA GPU through CUDA")),
                "max_steps": (self.tr("Stop at step"), self.tr("Pause automatically after this many steps (0 = keep going)")),
            },
            "items": {"target": SettingNames().targets()},
        }

    def retranslate(self) -> None:
        super().retranslate()
        self.editor("batch_size").set_formatter(lambda v: self.tr("full") if v == 0 else str(v))
        self.editor("max_steps").setSpecialValueText(self.tr("never"))
        self.show_expression_error(self._expression_problems)  # core text, in the new language

    def update_rows(self, config: CurveConfig) -> None:
        custom = config.target == CUSTOM
        self.set_row_visible("expression", custom)
        if not custom:
            self.expression_error.hide()
        self.set_row_visible("momentum", config.optimizer == "SGD + momentum")

    def show_expression_error(self, problems: list | None) -> None:
        """``problems``: core's messages (``core.text.Text``), shown in the current language; None hides them."""
        self._expression_problems = problems
        message = "\n".join(core_texts(problems or []))
        self.expression_error.setText(message)
        self.expression_error.setVisible(bool(message))
        # The field itself is marked too (a border only: its colours still follow the theme).
        self.editor("expression").setStyleSheet("QLineEdit { border: 2px solid #ff6b6b; }" if message else "")
