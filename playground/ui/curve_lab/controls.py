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
    lab = "curve"

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
        return {"items": {"target": SettingNames().targets()}}

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
