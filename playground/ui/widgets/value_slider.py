"""A slider over a list of allowed values, with its current value shown beside it.

A value set in code that lies between two stops (0.003 from a session or a sweep cell) is kept
exactly, and shown, until the user moves the slider."""

from __future__ import annotations

from typing import Callable, Sequence

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSlider, QWidget


class ValueSlider(QWidget):
    """Emits ``valueChanged(value)`` with the chosen value (not the slider position)."""

    valueChanged = Signal(object)

    def __init__(self, values: Sequence, fmt: Callable[[object], str] = str, parent: QWidget | None = None,
                 *, log_scale: bool = False) -> None:
        super().__init__(parent)
        self._values = list(values)
        self._exact = None  # a value between stops, set in code; None: the slider's stop
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
        return self._values[self.slider.value()] if self._exact is None else self._exact

    def setValue(self, value) -> None:
        """Show ``value``: the slider at the nearest stop, the label (and ``value()``) exactly ``value``."""
        key = np.log if self._log_scale and value > 0 else float
        distances = [abs(key(v) - key(value)) if v > 0 or not self._log_scale else np.inf for v in self._values]
        index = int(np.argmin(distances))
        self._exact = None
        self.slider.blockSignals(True)
        self.slider.setValue(index)
        self.slider.blockSignals(False)
        self._exact = None if value == self._values[index] else value
        self._show()

    def set_formatter(self, fmt: Callable[[object], str]) -> None:
        self._fmt = fmt
        self._show()

    def _show(self) -> None:
        self.label.setText(self._fmt(self.value()))

    def _on_position(self, index: int, emit: bool = True) -> None:
        self._exact = None  # the user chose a stop
        self._show()
        if emit:
            self.valueChanged.emit(self._values[index])
