"""The labs shown as tabs, in order. Adding a lab is one line here."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def create_labs(parent: QWidget | None = None) -> dict[str, QWidget]:
    from playground.ui.curve_lab.lab import CurveLab

    return {
        "curve": CurveLab(parent),
    }
