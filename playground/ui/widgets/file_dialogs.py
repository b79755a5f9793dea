"""Ask for a file or a folder, then act on it: ``then(path)`` runs only if the user chose one.

The dialogs start where Qt starts them (``ui/export.ask_save_path`` and ``ui/classroom.ask_open_path``
start in the last folder used instead). Tests replace ``QFileDialog``'s static methods.
"""

from __future__ import annotations

from typing import Callable, TypeVar

from PySide6.QtWidgets import QFileDialog, QWidget

from playground.ui.i18n import core_text

Then = Callable[[str], object]
T = TypeVar("T")


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


def read_or_explain(read: Callable[[], T], error: type[Exception], explain: Callable[[str], object]) -> T | None:
    """``read()`` a file the user chose; whatever it holds, a failure is ``explain(why)`` (in the user's
    language) and None, never a crash."""
    try:
        return read()
    except (error, OSError, ValueError, MemoryError) as exc:
        explain(core_text(exc))
        return None
