"""Locations of files shipped with the application.

In a source checkout (or an editable install) the repository's ``resources/`` folder
is used; an installed wheel carries the same files as the package
``playground.resources`` (setup.py), found through ``importlib.resources``.
"""

from __future__ import annotations

import importlib.resources
import os
import sys
from pathlib import Path

RESOURCE_PACKAGE = "playground.resources"
ICON_FILE = "icons/nn-playground.svg"


def _checkout_root() -> Path | None:
    """The repository root when running from a source checkout, else None.

    Checked by pyproject.toml beside ``resources/``, so that a stray ``resources``
    folder in site-packages (other packages do install one) is never taken for ours.
    """
    root = Path(__file__).resolve().parents[2]
    if (root / "pyproject.toml").is_file() and (root / "resources" / "__init__.py").is_file():
        return root
    return None


def resources_dir() -> Path:
    root = _checkout_root()
    if root is not None:
        return root / "resources"
    # Wheels install as plain folders (pip never runs a package from a zip), so this is a real path.
    return Path(str(importlib.resources.files(RESOURCE_PACKAGE)))


def icon_path() -> Path:
    return resources_dir() / ICON_FILE


def readme_text() -> str:
    """The README: the checkout's file, or the installed distribution's long description (the same text)."""
    root = _checkout_root()
    if root is not None:
        try:
            return (root / "README.md").read_text(encoding="utf-8")
        except OSError:
            return ""
    try:
        from importlib.metadata import PackageNotFoundError, metadata

        return metadata("nn-playground").get_payload() or ""
    except (PackageNotFoundError, OSError):
        return ""


def xdg_data_home() -> Path:
    """``$XDG_DATA_HOME`` (default ``~/.local/share``); the spec says a relative value is ignored."""
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if value and os.path.isabs(value) else Path.home() / ".local" / "share"


def user_data_dir() -> Path:
    """The app's own folder for files it writes (the log): what Qt's AppDataLocation gives, without Qt.

    ``NN_PLAYGROUND_DATA_DIR`` overrides it (the tests use a temporary folder).
    """
    override = os.environ.get("NN_PLAYGROUND_DATA_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local") / "NN Playground"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "NN Playground"
    return xdg_data_home() / "nn-playground"
