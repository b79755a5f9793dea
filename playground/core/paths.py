"""Locations of files shipped with the application."""

from __future__ import annotations

from pathlib import Path


def resources_dir() -> Path:
    """The repository's ``resources/`` folder (a sibling of the ``playground`` package)."""
    return Path(__file__).resolve().parents[2] / "resources"
