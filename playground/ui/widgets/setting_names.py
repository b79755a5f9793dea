"""Short, translated names of the Curve lab's settings and targets, for labels that say what differs
between runs ("learning rate = 0.01" rather than "lr=0.01"): the pinned runs and the Sweep lab."""

from __future__ import annotations

from typing import Iterable

from PySide6.QtCore import QObject

from playground.core.curve.targets import CUSTOM
from playground.core.sweep.config import format_value


class SettingNames(QObject):
    def names(self) -> dict[str, str]:
        return {"target": self.tr("target"), "expression": self.tr("expression"), "n_points": self.tr("points"),
                "noise": self.tr("noise"), "activation": self.tr("activation"), "hidden_width": self.tr("hidden width"),
                "depth": self.tr("hidden layers"), "loss": self.tr("loss"), "optimizer": self.tr("optimizer"),
                "lr": self.tr("learning rate"), "momentum": self.tr("momentum"), "batch_size": self.tr("batch size"),
                "weight_decay": self.tr("weight decay"), "seed": self.tr("seed")}

    def targets(self) -> dict[str, str]:
        return {"x^2": self.tr("y = x²"), "x^3": self.tr("y = x³"), "sin": self.tr("y = sin x"),
                "abs": self.tr("y = |x|"), "step": self.tr("y = step(x)"), CUSTOM: self.tr("Custom…")}

    def value(self, name: str, value) -> str:
        if name == "target":
            return self.targets().get(value, str(value))
        if name == "batch_size" and value == 0:
            return self.tr("full")
        return format_value(name, value)

    def describe(self, changes: Iterable[tuple[str, object]], separator: str = ", ") -> str:
        """"learning rate = 0.01, hidden width = 32" for [("lr", 0.01), ("hidden_width", 32)]."""
        names = self.names()
        return separator.join(self.tr("{name} = {value}").format(name=names.get(name, name), value=self.value(name, value))
                              for name, value in changes)
