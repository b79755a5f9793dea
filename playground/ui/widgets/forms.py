"""Pieces the labs' settings panels share: registry combo boxes, form groups, the device box."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QWidget

from playground.ui.i18n import core_text


def names_box(registry) -> QComboBox:
    """A combo box of a registry's entries (data = the name), each with its note as tooltip."""
    box = QComboBox()
    for entry in registry:
        box.addItem(entry.name, entry.name)
        box.setItemData(box.count() - 1, entry.note, Qt.ToolTipRole)
    return box


def form_group() -> tuple[QGroupBox, QFormLayout]:
    group = QGroupBox()
    form = QFormLayout(group)
    form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
    return group, form


def select_data(box: QComboBox, data) -> None:
    """Select the item whose data is ``data``; leave the box as it is if there is none."""
    index = box.findData(data)
    if index >= 0:
        box.setCurrentIndex(index)


def set_row_visible(rows, widget: QWidget, visible: bool) -> None:
    """Show or hide ``widget``'s form row (with its label); ``rows``: (form, widget, key) triples."""
    for form, row_widget, _key in rows:
        if row_widget is widget:
            form.setRowVisible(widget, visible)


def fill_device_box(box: QComboBox, devices, current: str) -> None:
    """DeviceChoice items; unavailable ones are listed disabled with their reason (in the current language)."""
    box.clear()
    for device in devices:
        label = device.label
        if not device.available:
            label = QCoreApplication.translate("DeviceBox", "CUDA (not available: {reason})").format(
                reason=core_text(device.reason))
        box.addItem(label, device.id)
        if not device.available:
            item = box.model().item(box.count() - 1)
            item.setEnabled(False)
            item.setToolTip(core_text(device.reason))
    select_data(box, current)
