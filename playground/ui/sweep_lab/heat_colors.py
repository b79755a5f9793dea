"""The Sweep lab's heatmap colours: final losses best → worst in the current theme, readable text on them."""

from __future__ import annotations

import math

from PySide6.QtGui import QColor

from playground.ui.theme import DARK, plot_colors

# Heatmap of final losses, best → worst, per theme: every colour keeps black or white text readable.
HEAT_STOPS = {
    True: ((32, 160, 120), (200, 170, 50), (150, 40, 40)),      # dark theme: deep colours
    False: ((150, 220, 190), (245, 225, 140), (235, 150, 150)),  # light theme: pastels
}
DIVERGED = {True: QColor(90, 90, 90), False: QColor(200, 200, 200)}


def heat_color(t: float) -> QColor:
    """0 (best) → 1 (worst) in the current theme's heatmap colours; NaN (diverged) → grey."""
    dark = plot_colors() is DARK
    if not math.isfinite(t):
        return QColor(DIVERGED[dark])
    stops = HEAT_STOPS[dark]
    u = min(max(t, 0.0), 1.0) * (len(stops) - 1)
    i = min(int(u), len(stops) - 2)
    c0, c1 = stops[i], stops[i + 1]
    return QColor(*(int(a + (b - a) * (u - i)) for a, b in zip(c0, c1)))


def text_color(background: QColor) -> QColor:
    """Black on light cells, white on dark ones."""
    luma = 0.2126 * background.red() + 0.7152 * background.green() + 0.0722 * background.blue()
    return QColor(0, 0, 0) if luma > 140 else QColor(255, 255, 255)
