"""The labs shown as tabs, in order. Adding a lab is one line here."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def create_labs(parent: QWidget | None = None) -> dict[str, QWidget]:
    from playground.ui.autograd_lab.lab import AutogradLab
    from playground.ui.classify_lab.lab import ClassifyLab
    from playground.ui.curve_lab.lab import CurveLab
    from playground.ui.gd_lab.lab import GDLab
    from playground.ui.linear_lab.lab import LinearLab
    from playground.ui.sweep_lab.lab import SweepLab
    from playground.ui.mnist_lab.lab import MnistLab

    return {
        "curve": CurveLab(parent),
        "classify": ClassifyLab(parent),
        "gd": GDLab(parent),
        "linear": LinearLab(parent),
        "sweep": SweepLab(parent),
        "mnist": MnistLab(parent),
        "autograd": AutogradLab(parent),
    }
