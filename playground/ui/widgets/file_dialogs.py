"""Ask for a file or a folder, then act on it: ``then(path)`` runs only if the user chose one.

The dialogs start where Qt starts them (``ui/export.ask_save_path`` and ``ui/classroom.ask_open_path``
start in the last folder used instead). Tests replace ``QFileDialog``'s static methods.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import QFileDialog, QWidget

Then = Callable[[str], object]


def open_file(parent: QWidget, title: str, filters: str, then: Then) -> None:
    path, _ = QFileDialog.getOpenFileName(parent, title, "", filters)
    if path:
        then(path)


def save_file(parent: QWidget, title: str, suggested: str, filters: str, then: Then) -> None:
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    if path:
        then(path)


def open_folder(parent: QWidget, title: str, then: Then) -> None:
    folder = QFileDialog.getExistingDirectory(parent, title)
    if folder:
        then(folder)
