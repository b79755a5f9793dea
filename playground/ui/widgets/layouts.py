"""Builders for the labs' layouts: a column or a row of widgets, a word-wrapped label, a read-only table.

An item of ``column``, ``row``, ``hbox`` and ``fill`` is a widget, a layout, ``(widget, stretch)``, or an
``int``: an empty stretch of that factor (``STRETCH`` pushes what follows to the far end).
"""

from __future__ import annotations

from PySide6.QtWidgets import (QAbstractItemView, QBoxLayout, QHBoxLayout, QHeaderView, QLabel, QLayout,
                               QTableWidget, QVBoxLayout, QWidget)

STRETCH = 1


def fill(layout: QBoxLayout, *items) -> QBoxLayout:
    """Add ``items`` to ``layout`` in order; returns the layout."""
    for item in items:
        if isinstance(item, int):
            layout.addStretch(item)
        elif isinstance(item, QLayout):
            layout.addLayout(item)
        elif isinstance(item, tuple):
            layout.addWidget(*item)
        else:
            layout.addWidget(item)
    return layout


def hbox(*items) -> QHBoxLayout:
    """A row of ``items`` to nest in another layout (a row of buttons)."""
    return fill(QHBoxLayout(), *items)


def column(*items) -> QWidget:
    """A widget holding ``items`` top to bottom, without margins: a part of a larger layout."""
    return _holding(QVBoxLayout, items)


def row(*items) -> QWidget:
    """A widget holding ``items`` left to right, without margins."""
    return _holding(QHBoxLayout, items)


def _holding(layout_type: type[QBoxLayout], items) -> QWidget:
    widget = QWidget()
    layout = layout_type(widget)
    layout.setContentsMargins(0, 0, 0, 0)  # its place in the larger layout has the margins
    fill(layout, *items)
    return widget


def wrapped_label(text: str = "") -> QLabel:
    """A label that wraps its text instead of widening its column."""
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def read_only_table(columns: int, resize: QHeaderView.ResizeMode | None = None,
                    column_resize: dict[int, QHeaderView.ResizeMode] | None = None) -> QTableWidget:
    """A table that is read, not edited, without row numbers; ``resize``: how every column is sized,
    ``column_resize``: the exceptions, by column."""
    table = QTableWidget(0, columns)
    table.setEditTriggers(QAbstractItemView.NoEditTriggers)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    if resize is not None:
        header.setSectionResizeMode(resize)
    for index, mode in (column_resize or {}).items():
        header.setSectionResizeMode(index, mode)
    return table
