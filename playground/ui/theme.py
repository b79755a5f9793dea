"""The app's look: Fusion style with a dark or light palette, and matching plot colours."""

from __future__ import annotations

from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication


@dataclass(frozen=True)
class PlotColors:
    background: str
    foreground: str
    target: str
    fit: str
    train_points: str
    test_points: str
    train_loss: str
    test_loss: str
    shade: tuple[int, int, int, int]
    warning: str
    highlight: str = "#ffffff"  # the hovered or selected item: the most contrast with the background
    goal: str = "#7bd88f"       # where descent should end: a function's minimum, the best (w, b)


DARK = PlotColors("#1e1f22", "#c8ccd4", "#8a8f98", "#ff9f1c", "#4cc9f0", "#f72585",
                  "#4cc9f0", "#f72585", (255, 255, 255, 18), "#ff5c5c")
LIGHT = PlotColors("#ffffff", "#30343b", "#7a7f88", "#e07a00", "#1f77b4", "#c2185b",
                   "#1f77b4", "#c2185b", (0, 0, 0, 18), "#c62828", highlight="#000000",
                   goal="#2e9d4a")

_current = DARK


def plot_colors() -> PlotColors:
    return _current


def recolor_pen(item, color) -> None:
    """Give ``item``'s pen (a path or curve item) the colour ``color``, keeping its width, style and alpha."""
    pen = item.pen()
    new = pg.mkColor(color)
    new.setAlpha(pen.color().alpha())
    pen.setColor(new)
    item.setPen(pen)


def configure_plots(dark: bool = True) -> None:
    """Must run before any plot widget exists (pyqtgraph reads these at creation)."""
    global _current
    _current = DARK if dark else LIGHT
    # Antialiasing and auto-range per frame cost the training thread the GIL (NOTES.md).
    pg.setConfigOptions(antialias=False, background=_current.background, foreground=_current.foreground,
                        useOpenGL=False)


def apply_palette(app: QApplication, dark: bool = True) -> None:
    if app.style().name().lower() != "fusion":  # setting it again re-polishes (and re-lays out) every widget
        app.setStyle("Fusion")
    if not dark:
        app.setPalette(app.style().standardPalette())
        return
    p = QPalette()
    base, window, text, disabled = QColor("#1e1f22"), QColor("#2b2d31"), QColor("#dfe1e5"), QColor("#7d8088")
    p.setColor(QPalette.Window, window)
    p.setColor(QPalette.WindowText, text)
    p.setColor(QPalette.Base, base)
    p.setColor(QPalette.AlternateBase, window)
    p.setColor(QPalette.ToolTipBase, QColor("#3b3e45"))
    p.setColor(QPalette.ToolTipText, text)
    p.setColor(QPalette.Text, text)
    p.setColor(QPalette.Button, window)
    p.setColor(QPalette.ButtonText, text)
    p.setColor(QPalette.BrightText, QColor("#ff5c5c"))
    p.setColor(QPalette.Highlight, QColor("#3d7eff"))
    p.setColor(QPalette.HighlightedText, QColor("#ffffff"))
    p.setColor(QPalette.Link, QColor("#6ea8ff"))
    for role in (QPalette.Text, QPalette.ButtonText, QPalette.WindowText):
        p.setColor(QPalette.Disabled, role, disabled)
    app.setPalette(p)
