"""The left column of the Curve and Classification labs: preset box, transport bar, scrolling settings."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, QTimer
from PySide6.QtWidgets import QComboBox, QLabel, QScrollArea, QWidget

from playground.ui.widgets.transport import TransportBar
from playground.ui.widgets.layouts import column, hbox


class VerticalScroll(QScrollArea):
    """A column that scrolls up and down only and is never made narrower than its content needs.

    A QScrollArea's own minimum width ignores its widget's, so a splitter or layout would squeeze
    the content under it and cut its text (combo boxes, labels) on a small screen; this one asks
    for the content's minimum width and re-asks when the font or the language changes it.
    """

    def __init__(self, widget: QWidget, floor_width: int = 0) -> None:
        super().__init__()
        self.floor_width = floor_width  # at least this wide (an explicit minimum width would let Qt squeeze the content)
        self.setWidget(widget)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        content = self.widget()
        if content is None:
            return hint
        needed = content.minimumSizeHint().width() + self.verticalScrollBar().sizeHint().width() + 2 * self.frameWidth()
        return QSize(max(hint.width(), needed, self.floor_width), hint.height())

    def set_floor_width(self, width: int) -> None:
        self.floor_width = width
        self.updateGeometry()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.FontChange, QEvent.LanguageChange):
            QTimer.singleShot(0, self, self.updateGeometry)  # once the content has its new texts and font


def settings_column(controls: QWidget, preset_keys, min_width: int, max_width: int = 420):
    """Returns (column, preset_label, preset_box, transport); the preset box's first item is the empty choice."""
    preset_box = QComboBox()
    preset_box.addItem("", None)
    for key in preset_keys:
        preset_box.addItem(key, key)
    transport = TransportBar()
    scroll = VerticalScroll(controls, min_width)
    preset_label = QLabel()
    settings = column(hbox(preset_label, (preset_box, 1)), transport, (scroll, 1))
    settings.setMaximumWidth(max_width)
    return settings, preset_label, preset_box, transport
