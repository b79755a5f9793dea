"""The labs shown as tabs, in order. Adding a lab is one line here (see docs/CONTRIBUTING.md)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from playground.ui.lab_base import Lab


def lab_classes() -> list[type[Lab]]:
    # Imported here, not at module level: the window module stays cheap to import.
    from playground.ui.classify_lab.lab import ClassifyLab
    from playground.ui.curve_lab.lab import CurveLab
    from playground.ui.gd_lab.lab import GDLab
    from playground.ui.linear_lab.lab import LinearLab
    from playground.ui.mnist_lab.lab import MnistLab
    from playground.ui.sweep_lab.lab import SweepLab

    return [CurveLab, ClassifyLab, GDLab, LinearLab, SweepLab, MnistLab]


def create_labs(parent: QWidget | None = None) -> dict[str, Lab]:
    return {cls.key: cls(parent) for cls in lab_classes()}
