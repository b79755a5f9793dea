"""The left column of the Curve and Classification labs: preset box, transport bar, scrolling settings."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from playground.ui.widgets.transport import TransportBar


def settings_column(controls: QWidget, preset_keys, min_width: int, max_width: int = 420):
    """Returns (column, preset_label, preset_box, transport); the preset box's first item is the empty choice."""
    preset_box = QComboBox()
    preset_box.addItem("", None)
    for key in preset_keys:
        preset_box.addItem(key, key)
    transport = TransportBar()
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(controls)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
    column = QWidget()
    layout = QVBoxLayout(column)
    layout.setContentsMargins(0, 0, 0, 0)
    preset_label = QLabel()
    preset_row = QHBoxLayout()
    preset_row.addWidget(preset_label)
    preset_row.addWidget(preset_box, 1)
    layout.addLayout(preset_row)
    layout.addWidget(transport)
    layout.addWidget(scroll, 1)
    column.setMinimumWidth(min_width)
    column.setMaximumWidth(max_width)
    return column, preset_label, preset_box, transport
