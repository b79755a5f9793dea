"""A settings form built from a config dataclass: one row per field, bound both ways.

The field's metadata (``core.config``: ``num``/``choice``/``text``) decides its editor:
``choices`` → a combo box (its items' tooltips are the components' translated notes), ``stops`` → a
ValueSlider (or a combo box, for the fields the panel names in ``combos``), a number without stops → a spin box, text →
a line edit (applied when editing finishes), and the field ``device`` → the device box. A panel may
pass its own editor for a field (any widget with ``value()``, ``setValue(v)`` and ``valueChanged``).
``advanced`` fields are hidden, with their labels, in presentation mode.

A user's change replaces only that field (``replace(config, field=value)``), so every other value,
including one between two slider stops that came from a session or a sweep cell, stays exactly as it
was. Subclasses give the item names in ``texts()``; labels and tooltips come from ``ui/widgets/field_texts.py``.
"""

from __future__ import annotations

from dataclasses import fields, replace
from typing import Any, Iterable

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import (QComboBox, QDoubleSpinBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QSpinBox,
                               QStyle, QStyleOptionComboBox, QVBoxLayout, QWidget)

from playground.ui.appearance import ADVANCED  # the widget property hidden in presentation mode
from playground.ui.component_notes import apply_notes
from playground.ui.widgets.field_texts import FieldTexts
from playground.ui.widgets.forms import fill_device_box, select_data
from playground.ui.widgets.value_slider import ValueSlider



class ComboEditor(QComboBox):
    """A combo box over values (data = the value); a value that is not one of them is shown as an
    extra item, so it survives until the user picks another."""

    valueChanged = Signal(object)

    def __init__(self, values: Iterable, fmt=str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fmt = fmt
        for value in values:
            self.addItem(fmt(value), value)
        self._extra = -1
        # Its size follows its texts in any font and language (presentation mode, Chinese).
        self.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        self.currentIndexChanged.connect(self._on_index)
        self.currentIndexChanged.connect(self.updateGeometry)  # minimumSizeHint follows the chosen text

    def minimumSizeHint(self) -> QSize:
        """As wide as the chosen item's text: a layout may not squeeze it and cut the text ("CNN (2 × conv + po")."""
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        metrics = self.fontMetrics()
        text = QSize(metrics.horizontalAdvance(self.currentText()), metrics.height())
        size = self.style().sizeFromContents(QStyle.CT_ComboBox, option, text, self)
        return size.expandedTo(QSize(0, self.sizeHint().height()))

    def value(self):
        return self.currentData()

    def setValue(self, value) -> None:
        self.blockSignals(True)
        try:
            index = self.findData(value)
            if index < 0:
                if self._extra < 0:
                    self.addItem("", None)
                    self._extra = self.count() - 1
                self.setItemText(self._extra, self.fmt(value))
                self.setItemData(self._extra, value)
                index = self._extra
            self.setCurrentIndex(index)
        finally:
            self.blockSignals(False)

    def retitle(self, names: dict) -> None:
        """Item texts from ``names`` (value → text); values without a name keep ``fmt(value)``."""
        for i in range(self.count()):
            value = self.itemData(i)
            self.setItemText(i, names.get(value, self.fmt(value)))

    def _on_index(self, _index: int) -> None:
        self.valueChanged.emit(self.currentData())


class SpinEditor(QSpinBox):
    """A spin box whose ``setValue`` from code emits nothing (its ``valueChanged`` is the user's)."""

    def setValue(self, value) -> None:  # noqa: N802 (Qt's name)
        self.blockSignals(True)
        super().setValue(int(value))
        self.blockSignals(False)


class DoubleSpinEditor(QDoubleSpinBox):
    """A number typed in (applied when the user stops typing); ``setValue`` from code emits nothing."""

    def setValue(self, value) -> None:  # noqa: N802 (Qt's name)
        self.blockSignals(True)
        super().setValue(float(value))
        self.blockSignals(False)


class TextEditor(QLineEdit):
    """A line edit whose ``valueChanged`` fires when editing finishes."""

    valueChanged = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editingFinished.connect(lambda: self.valueChanged.emit(self.value()))

    def value(self) -> str:
        return self.text().strip()

    def setValue(self, value: str) -> None:
        self.setText(value)


class DeviceEditor(ComboEditor):
    """CPU, or each CUDA device; ``set_devices`` lists unavailable ones disabled with their reason."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(["cpu"], lambda v: "CPU" if v == "cpu" else str(v), parent)
        self.devices = None

    def set_devices(self, devices) -> None:
        self.devices = devices
        current = self.currentData()
        self.blockSignals(True)
        try:
            self._extra = -1
            fill_device_box(self, devices, current)
        finally:
            self.blockSignals(False)

    def retitle(self, names: dict) -> None:
        if self.devices:
            self.set_devices(self.devices)  # the reasons, in the current language


def editor_for(f, slider_fmt=None, combo: bool = False) -> QWidget:
    """The default editor of dataclass field ``f``."""
    meta = f.metadata
    if f.name == "device":
        return DeviceEditor()
    if "choices" in meta:
        return ComboEditor(list(meta["choices"]()))
    if "stops" in meta:
        if combo:
            return ComboEditor(meta["stops"], slider_fmt or (lambda v: f"{v:g}"))
        return ValueSlider(meta["stops"], slider_fmt or (lambda v: f"{v:g}"), log_scale=meta.get("log", False))
    if meta.get("kind") is int:
        spin = SpinEditor()
        spin.setRange(*(int(v) for v in meta["range"]))
        return spin
    if meta.get("kind") is float:
        spin = DoubleSpinEditor()
        spin.setDecimals(4)
        spin.setRange(*meta["range"])
        spin.setKeyboardTracking(False)
        return spin
    return TextEditor()


class ConfigForm(QWidget):
    """Rows for the fields of ``config_type`` in titled groups; emits ``configChanged(config)``.

    ``groups``: (group key, field names) pairs, in order. ``editors``: field → a widget of the panel's own.
    ``formats``: field → how a slider or combo shows its values. ``spanning``: fields whose editor takes
    the whole row (it labels itself; the group's title says what it is). ``combos``: fields with stops
    shown as a list instead of a slider. ``stretch``: room below the groups (in a scrolling column).
    """

    configChanged = Signal(object)
    lab = ""  # the lab's key: picks its own entries in FieldTexts ("gd.lr")

    def __init__(self, config_type: type, groups: list[tuple[str, list[str]]], *,
                 editors: dict[str, QWidget] | None = None, formats: dict | None = None,
                 spanning: Iterable[str] = (), combos: Iterable[str] = (), stretch: bool = True,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.config_type = config_type
        self._config = config_type()
        self._updating = False
        known = {f.name: f for f in fields(config_type)}
        self.editors: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}
        self.groups: dict[str, QGroupBox] = {}
        self._forms: dict[str, QFormLayout] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for group_key, names in groups:
            group = QGroupBox()
            form = QFormLayout(group)
            form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
            # A narrow column (a small screen, the Lessons panel beside it, presentation mode's font) puts a
            # field under its label rather than cut either.
            form.setRowWrapPolicy(QFormLayout.WrapLongRows)
            self.groups[group_key] = group
            for name in names:
                f = known[name]
                editor = (editors or {}).get(name) or editor_for(f, (formats or {}).get(name), name in combos)
                editor.setProperty(ADVANCED, bool(f.metadata.get("advanced")))
                label = QLabel()
                if name in spanning:
                    form.addRow(editor)
                else:
                    form.addRow(label, editor)
                self.editors[name], self.labels[name], self._forms[name] = editor, label, form
                editor.valueChanged.connect(lambda _v=None, name=name: self._on_edit(name))
            layout.addWidget(group)
        if stretch:
            layout.addStretch(1)

    # -- translated texts: subclasses ----------------------------------------------------------
    def texts(self) -> dict[str, Any]:
        """What only this form shows: {"group_tips": {key: tooltip}, "items": {name: {value: text}}}, and
        titles and labels ``FieldTexts`` does not have: {"groups": {key: title}, "fields": {name: (label, tooltip)}}
        (a new lab can keep its own texts in its own package; these win over ``FieldTexts``)."""
        return {}

    def retranslate(self) -> None:
        texts = self.texts()
        shared = FieldTexts()
        titles = {**shared.for_lab(shared.groups(), self.lab), **texts.get("groups", {})}
        rows = {**shared.for_lab(shared.fields(), self.lab), **texts.get("fields", {})}
        for key, group in self.groups.items():
            group.setTitle(titles.get(key, ""))
        for name in self.labels:
            if name not in rows:
                continue  # an editor of the panel's own that labels itself
            label, tip = rows[name]
            self.labels[name].setText(label)
            self.labels[name].setToolTip(tip)
            self.editors[name].setToolTip(tip)
        for key, tip in texts.get("group_tips", {}).items():
            self.groups[key].setToolTip(tip)
        items = texts.get("items", {})
        for name, editor in self.editors.items():
            if isinstance(editor, ComboEditor):
                editor.retitle(items.get(name, {}))
                apply_notes(editor)  # activations, losses, optimizers: their translated notes

    # -- config <-> editors ---------------------------------------------------------------------
    def config(self):
        return self._config

    def set_config(self, config) -> None:
        """Show ``config`` in the editors without emitting configChanged."""
        self._updating = True
        try:
            self._config = config
            for name, editor in self.editors.items():
                editor.setValue(getattr(config, name))
            self.update_rows(config)
        finally:
            self._updating = False

    def editor(self, name: str) -> QWidget:
        return self.editors[name]

    def set_devices(self, devices) -> None:
        """DeviceChoice items for the ``device`` field; unavailable ones are listed disabled with their reason."""
        editor = self.editors["device"]
        editor.set_devices(devices)
        select_data(editor, self._config.device)

    def set_row_visible(self, name: str, visible: bool) -> None:
        self._forms[name].setRowVisible(self.editors[name], visible)

    def add_row_after(self, name: str, widget: QWidget, label: QLabel | None = None) -> None:
        """A row that is no config field (a hint, an error line, a choice for the mouse) after ``name``'s."""
        form = self._forms[name]
        row, _role = form.getWidgetPosition(self.editors[name])
        if label is None:
            form.insertRow(row + 1, widget)
        else:
            form.insertRow(row + 1, label, widget)

    def set_extra_row_visible(self, name: str, widget: QWidget, visible: bool) -> None:
        """Show or hide a row added with ``add_row_after(name, widget)``."""
        self._forms[name].setRowVisible(widget, visible)

    def update_rows(self, config) -> None:
        """Show or hide rows that depend on other settings (subclasses)."""

    def _on_edit(self, name: str) -> None:
        if self._updating:
            return
        new = replace(self._config, **{name: self.editors[name].value()})
        self.update_rows(new)
        if new != self._config:
            self._config = new
            self.configChanged.emit(new)
