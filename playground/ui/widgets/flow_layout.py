"""A layout that puts its widgets in a row and wraps them onto more rows when the row is too narrow.

For a short row of toggles above a plot (the Curve lab's teaching views): in presentation mode's font or
beside the Lessons panel the row would otherwise set the lab's minimum width and push the window past
a small screen. Qt calls these methods only when the layout changes, never per frame.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, *, fill: bool = False) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.fill = fill  # widen the items of each row to fill it (a row of buttons), or leave them their size

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        shown = [item.sizeHint() for item in self._items if not item.isEmpty()]
        width = sum(size.width() for size in shown) + max(0, self.spacing()) * max(0, len(shown) - 1)
        height = max((size.height() for size in shown), default=0)
        margins = self.contentsMargins()
        return QSize(width + margins.left() + margins.right(), height + margins.top() + margins.bottom())

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            if not item.isEmpty():
                size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        """Place the items row by row within ``rect``; the height they take."""
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        spacing = max(0, self.spacing())
        rows: list[list[tuple[QLayoutItem, QSize]]] = [[]]
        used = 0
        for item in self._items:
            if item.isEmpty():
                continue
            size = item.sizeHint()
            if rows[-1] and used + size.width() > area.width():
                rows.append([])
                used = 0
            rows[-1].append((item, size))
            used += size.width() + spacing
        y = area.y()
        for row in rows:
            if not row:
                continue
            height = max(size.height() for _item, size in row)
            free = area.width() - sum(size.width() for _item, size in row) - spacing * (len(row) - 1)
            extra = max(0, free) // len(row) if self.fill else 0
            x = area.x()
            for item, size in row:
                if move:
                    item.setGeometry(QRect(QPoint(x, y), QSize(size.width() + extra, height)))
                x += size.width() + extra + spacing
            y += height + spacing
        if y == area.y():  # nothing shown: just the margins
            return margins.top() + margins.bottom()
        return y - spacing - rect.y() + margins.bottom()
