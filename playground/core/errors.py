"""Exceptions raised by the Qt-free core.

Messages are plain English sentences meant to be shown to the user; they name
the file or folder and say what was found and what was expected. They are
built with ``core.text.user_text`` so the UI can show them in the user's
language (``ui.i18n.core_text(exc)``).
"""

from __future__ import annotations

import os

from playground.core.text import Text


class DatasetError(Exception):
    """A dataset file or folder is missing, unreadable or malformed.

    ``path`` (optional) is the file or folder the problem is about.
    """

    def __init__(self, message: Text | str, path: str | os.PathLike[str] | None = None):
        super().__init__(message)
        self.message = message
        self.path = None if path is None else os.fspath(path)

    def __str__(self) -> str:
        return self.message
