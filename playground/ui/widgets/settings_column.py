"""The left column of the Curve and Classification labs: preset box, transport bar, scrolling settings."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QScrollArea, QWidget

from playground.ui.widgets.transport import TransportBar
from playground.ui.widgets.layouts import column, hbox


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
    preset_label = QLabel()
    settings = column(hbox(preset_label, (preset_box, 1)), transport, (scroll, 1))
    settings.setMinimumWidth(min_width)
    settings.setMaximumWidth(max_width)
    return settings, preset_label, preset_box, transport
