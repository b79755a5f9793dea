"""How the window looks: light/dark theme switched live, and presentation mode.

Colours are defined in ``theme.py``; this module applies them to what already
exists. A theme switch sets the palette, then restyles every pyqtgraph view in
the window once (background, axes, titles, legends) and calls each lab's
optional ``apply_theme()`` to recolour its own curves. Presentation mode (F11)
goes full screen with larger fonts, thicker plot lines and each lab's advanced
controls hidden (``set_presentation(on)``); Esc leaves it.

Nothing here runs per frame: everything happens once, when the user switches.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QGraphicsPathItem, QMainWindow

from playground.ui import theme

FONT_SCALE = 1.45        # application font in presentation mode
PEN_SCALE = 2.0          # plot line widths in presentation mode
TITLE_PT, LABEL_PT, LEGEND_PT = 11, 10, 9  # pyqtgraph's text sizes, scaled in presentation mode


def graphics_views(root) -> list[pg.GraphicsView]:
    return root.findChildren(pg.GraphicsView)


def restyle_views(root, *, text_scale: float = 1.0) -> None:
    """Background, axes, titles and legends of every plot under ``root`` in the current colours."""
    colors = theme.plot_colors()
    fg = colors.foreground
    scaled = text_scale != 1.0
    tick_font = QFont(QApplication.font()) if scaled else None
    for view in graphics_views(root):
        view.setBackground(colors.background)
        for item in view.scene().items():
            if isinstance(item, pg.AxisItem):
                item.setPen(fg)
                item.setTextPen(fg)
                item.setTickFont(tick_font)
                if scaled:
                    item.labelStyle["font-size"] = f"{LABEL_PT * text_scale:.0f}pt"
                else:
                    item.labelStyle.pop("font-size", None)
                item._updateLabel()
            elif isinstance(item, pg.PlotItem):
                title = item.titleLabel
                if title.text:
                    title.setText(title.text, color=fg, size=f"{TITLE_PT * text_scale:.0f}pt")
                else:
                    title.opts.update(color=fg, size=f"{TITLE_PT * text_scale:.0f}pt")
            elif isinstance(item, pg.LegendItem):
                item.setLabelTextColor(fg)
                item.setLabelTextSize(f"{LEGEND_PT * text_scale:.0f}pt")
                for _sample, label in item.items:
                    label.setText(label.text)  # setAttr alone does not re-render
        grid = getattr(view, "grid", None)  # ui.plots.GridLines
        if grid is not None:
            pen = grid.item.pen()
            color = pg.mkColor(fg)
            color.setAlpha(pen.color().alpha())
            pen.setColor(color)
            grid.item.setPen(pen)


def apply_theme(window: QMainWindow | None, dark: bool) -> None:
    """Switch the palette and plot colours live; labs recolour their own items in ``apply_theme()``."""
    app = QApplication.instance()
    theme.apply_palette(app, dark=dark)
    theme.configure_plots(dark=dark)
    if window is None:
        return
    presentation = getattr(window, "presentation", None)
    if presentation is not None and presentation.active:
        presentation.scale_pens(False)
    for lab in window.labs.built().values():  # a lab built later takes the theme's colours as it is made
        lab.apply_theme()
    restyle_views(window, text_scale=FONT_SCALE if presentation is not None and presentation.active else 1.0)
    if presentation is not None and presentation.active:
        presentation.scale_pens(True)


def is_dark() -> bool:
    return theme.plot_colors() is theme.DARK


class Presentation(QObject):
    """Full screen, larger fonts, thicker lines, fewer controls; F11 toggles, Esc leaves."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.active = False
        self._normal_font: QFont | None = None
        self._was_maximized = False
        self._pens: list[tuple[object, object]] = []  # (item, original pen)
        self.escape = QShortcut(QKeySequence(Qt.Key_Escape), window)
        self.escape.setContext(Qt.WindowShortcut)
        self.escape.setEnabled(False)
        self.escape.activated.connect(lambda: self.set_active(False))

    def toggle(self) -> None:
        self.set_active(not self.active)

    def set_active(self, on: bool) -> None:
        if on == self.active:
            return
        self.active = on
        app = QApplication.instance()
        if on:
            self._normal_font = QFont(app.font())
            self._was_maximized = self.window.isMaximized()
            big = QFont(self._normal_font)
            big.setPointSizeF(self._normal_font.pointSizeF() * FONT_SCALE)
            app.setFont(big)
            self.window.showFullScreen()
        else:
            if self._normal_font is not None:
                app.setFont(self._normal_font)
            if self._was_maximized:
                self.window.showMaximized()
            else:
                self.window.showNormal()
        for lab in self.window.labs.built().values():  # a lab built later: adopt()
            lab.set_presentation(on)  # ui.lab_base.Lab: hides the "advanced" widgets unless the lab does more
        self.scale_pens(on)
        restyle_views(self.window, text_scale=FONT_SCALE if on else 1.0)
        self.escape.setEnabled(on)

    def adopt(self, lab) -> None:
        """A lab built while presentation mode is on: its controls, text and lines as the others'."""
        lab.set_presentation(True)
        self.scale_pens(True)
        restyle_views(self.window, text_scale=FONT_SCALE)

    def scale_pens(self, on: bool) -> None:
        """Thicker lines for the projector (once; plots keep their items, so this lasts)."""
        for item, pen in self._pens:
            item.setPen(pen)
        self._pens = []
        if not on:
            return
        for view in graphics_views(self.window):
            for item in view.scene().items():
                if item.zValue() < 0 or not isinstance(item, (QGraphicsPathItem, pg.PlotCurveItem)):
                    continue  # grid lines and shading stay thin
                pen = item.pen()
                if pen.style() == Qt.NoPen:
                    continue
                self._pens.append((item, pg.mkPen(pen)))
                wider = pg.mkPen(pen)
                wider.setWidthF(max(1.0, pen.widthF()) * PEN_SCALE)
                item.setPen(wider)


ADVANCED = "advanced"  # widget.setProperty("advanced", True): hidden in presentation mode


def hide_advanced(root, on: bool) -> None:
    """Hide (or show again) every widget marked ``advanced`` under ``root``, with its form label."""
    from PySide6.QtWidgets import QFormLayout, QWidget

    for widget in root.findChildren(QWidget):
        if not widget.property(ADVANCED):
            continue
        parent = widget.parentWidget()
        forms = [f for f in parent.findChildren(QFormLayout) if f.indexOf(widget) >= 0] if parent is not None else []
        if forms:
            forms[0].setRowVisible(widget, not on)
        elif on:
            widget.setProperty("_shown_before_presentation", widget.isVisibleTo(parent) if parent else True)
            widget.hide()
        elif widget.property("_shown_before_presentation"):
            widget.show()
