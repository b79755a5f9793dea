"""The Sweep lab's table of final losses under titles naming the two swept settings, no taller than its rows
(the small multiples above it get the rest of the height)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QSizePolicy, QTableWidget, QVBoxLayout, QWidget

from playground.ui.widgets.layouts import fill, hbox


class ResultsTable(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget()
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.table.setSelectionMode(QTableWidget.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        # Rows fit their text, also when presentation mode enlarges the font.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.row_title = QLabel()      # "↓ hidden width": the setting that changes down the rows
        self.column_title = QLabel()   # "learning rate →": the one that changes across the columns
        self.column_title.setAlignment(Qt.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        fill(layout, hbox(self.row_title, (self.column_title, 1)), self.table)
        self.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Maximum)

    def set_titles(self, rows: str, columns: str) -> None:
        """The swept settings' names (translated by the lab); empty: no sweep, or no second setting."""
        self.row_title.setText(f"↓ {rows}" if rows else "")
        self.column_title.setText(f"{columns} →" if columns else "")
        self.fit_height()

    def content_height(self) -> int:
        """The titles, the header and every row: what the table needs to show them without empty space."""
        table = self.table
        table.resizeRowsToContents()
        rows = sum(table.rowHeight(r) for r in range(table.rowCount()))
        header = table.horizontalHeader().sizeHint().height() if table.columnCount() else 0
        titles = max(self.row_title.sizeHint().height(), self.column_title.sizeHint().height())
        return titles + self.layout().spacing() + header + rows + 2 * table.frameWidth()

    def fit_height(self) -> None:
        """No taller than the rows (a new sweep, presentation mode's font); a tall grid still scrolls."""
        self.setMaximumHeight(self.content_height())
