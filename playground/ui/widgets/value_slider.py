"""A slider over a list of allowed values, with its current value shown beside it."""

from __future__ import annotations

from typing import Callable, Sequence

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSlider, QWidget


def log_values(lo: float, hi: float, per_decade: int = 10) -> list[float]:
    """Values evenly spaced on a log scale, rounded so that 1e-3, 0.01, 0.1 are exact."""
    decades = np.log10(hi) - np.log10(lo)
    count = int(round(decades * per_decade)) + 1
    return [float(f"{v:.3g}") for v in np.logspace(np.log10(lo), np.log10(hi), count)]


class ValueSlider(QWidget):
    """Emits ``valueChanged(value)`` with the chosen value (not the slider position)."""

    valueChanged = Signal(object)

    def __init__(self, values: Sequence, fmt: Callable[[object], str] = str, parent: QWidget | None = None,
                 *, log_scale: bool = False) -> None:
        super().__init__(parent)
        self._values = list(values)
        self._log_scale = log_scale
        self._fmt = fmt
        self.slider = QSlider(Qt.Horizontal)
        self.slider.setRange(0, len(self._values) - 1)
        self.slider.setPageStep(max(1, len(self._values) // 10))
        self.label = QLabel()
        self.label.setMinimumWidth(self.fontMetrics().horizontalAdvance("0.000300") + 4)
        self.label.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.label)
        self.slider.valueChanged.connect(self._on_position)
        self._on_position(self.slider.value(), emit=False)

    def value(self):
        return self._values[self.slider.value()]

    def setValue(self, value) -> None:
        """Select the allowed value nearest to ``value``."""
        key = np.log if self._log_scale else float
        index = int(np.argmin([abs(key(v) - key(value)) for v in self._values]))
        self.slider.setValue(index)
        self._on_position(index, emit=False)

    def set_formatter(self, fmt: Callable[[object], str]) -> None:
        self._fmt = fmt
        self._on_position(self.slider.value(), emit=False)

    def _on_position(self, index: int, emit: bool = True) -> None:
        self.label.setText(self._fmt(self._values[index]))
        if emit:
            self.valueChanged.emit(self._values[index])
