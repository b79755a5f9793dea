"""Locations of files shipped with the application, and of the user's own data."""

from __future__ import annotations

import os
import sys
from pathlib import Path

DATA_ENV = "NN_PLAYGROUND_DATA"


def resources_dir() -> Path:
    """The repository's ``resources/`` folder (a sibling of the ``playground`` package)."""
    return Path(__file__).resolve().parents[2] / "resources"


def user_data_dir() -> Path:
    """Where the app keeps what the user makes (collected digits, …): ``$NN_PLAYGROUND_DATA`` if set
    (the tests point it at a temporary folder), else the platform's per-user data folder. Not created here."""
    if os.environ.get(DATA_ENV):
        return Path(os.environ[DATA_ENV])
    home = Path.home()
    if sys.platform.startswith("win"):
        return Path(os.environ.get("APPDATA") or home / "AppData" / "Roaming") / "NN Playground"
    if sys.platform == "darwin":
        return home / "Library" / "Application Support" / "NN Playground"
    return Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share") / "NN Playground"
