"""One row per leaf of the program: a slider and a box for its value, and its requires_grad switch."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QDoubleSpinBox, QGridLayout, QLabel, QSlider, QWidget

SLIDER_RANGE = (-10.0, 10.0)
SLIDER_STEP = 0.05
VALUE_RANGE = (-1000.0, 1000.0)


class LeafControls(QWidget):
    valueChanged = Signal(str, float)      # leaf name, new value
    trackingChanged = Signal(str, bool)    # leaf name, requires_grad

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.rows: dict[str, tuple[QLabel, QSlider, QDoubleSpinBox, QCheckBox]] = {}
        self._tip = ("", "")

    def set_leaves(self, values: dict[str, float], frozen: frozenset[str]) -> None:
        """Rebuild the rows when the names change; otherwise just show the values."""
        if list(values) != list(self.rows):
            for widgets in self.rows.values():
                for widget in widgets:
                    widget.deleteLater()
            self.rows = {}
            for row, name in enumerate(values):
                label = QLabel(name)
                slider = QSlider(Qt.Horizontal)
                slider.setRange(0, round((SLIDER_RANGE[1] - SLIDER_RANGE[0]) / SLIDER_STEP))
                box = QDoubleSpinBox()
                box.setRange(*VALUE_RANGE)
                box.setDecimals(3)
                box.setSingleStep(0.1)
                box.setKeyboardTracking(False)
                check = QCheckBox("requires_grad")
                slider.valueChanged.connect(lambda pos, n=name: self._on_slider(n, pos))
                box.valueChanged.connect(lambda v, n=name: self.valueChanged.emit(n, float(v)))
                check.toggled.connect(lambda on, n=name: self.trackingChanged.emit(n, on))
                self.grid.addWidget(label, 2 * row, 0)
                self.grid.addWidget(box, 2 * row, 1)
                self.grid.addWidget(check, 2 * row, 2)
                self.grid.addWidget(slider, 2 * row + 1, 0, 1, 3)
                self.rows[name] = (label, slider, box, check)
            self.set_tooltips(*self._tip)
        for name, value in values.items():
            self.show_value(name, value)
            check = self.rows[name][3]
            check.blockSignals(True)
            check.setChecked(name not in frozen)
            check.blockSignals(False)

    def show_value(self, name: str, value: float) -> None:
        _label, slider, box, _check = self.rows[name]
        for widget in (slider, box):
            widget.blockSignals(True)
        box.setValue(value)
        slider.setValue(round((min(max(value, SLIDER_RANGE[0]), SLIDER_RANGE[1]) - SLIDER_RANGE[0]) / SLIDER_STEP))
        for widget in (slider, box):
            widget.blockSignals(False)

    def _on_slider(self, name: str, position: int) -> None:
        value = round(SLIDER_RANGE[0] + position * SLIDER_STEP, 4)
        box = self.rows[name][2]
        box.blockSignals(True)
        box.setValue(value)
        box.blockSignals(False)
        self.valueChanged.emit(name, value)

    def set_tooltips(self, value_tip: str, grad_tip: str) -> None:
        self._tip = (value_tip, grad_tip)
        for _label, slider, box, check in self.rows.values():
            slider.setToolTip(value_tip)
            box.setToolTip(value_tip)
            check.setToolTip(grad_tip)
