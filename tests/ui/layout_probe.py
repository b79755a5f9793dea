"""Run in a fresh interpreter by test_layout_sizes.py: the real window on an offscreen screen of W×H, every
tab in English and Chinese, normal and presentation mode; prints one JSON line with what it found.

usage: python -m tests.ui.layout_probe WIDTH HEIGHT SHOTS_DIR [--extras]

Checked for each state (a tab, a language, a mode), as a student would see it on that screen:
- the window fits the screen's free area;
- every visible plot lies inside the window and inside every widget around it (only a secondary plot
  in a column that scrolls up and down may be scrolled partly out of its view), draws no more than its view shows, and has a usable size: each plot at least
  MIN_PLOT_W × MIN_PLOT_H, the lab's main view at least MAIN_SHARE of the window's height in
  presentation mode (MAIN_SHARE_NORMAL in normal mode);
- every plot's view range holds its data: the Curve fit's x range and points, the gradient-descent point,
  the Linear lab's data points and loss-surface minimum, the decision heatmap's full extent;
- no text is cut: labels, buttons, check boxes, combo boxes and tab titles are at least as large as
  their text needs, no container is squeezed below its minimum size, nothing scrolls sideways.
``--extras`` adds the Curve lab with all three teaching views and a pinned run (in presentation mode the loss
plot at least LOSS_MIN_H and each teaching view VIEW_MIN_H px high, whole in view), and the Lessons panel
open with each lesson over its lab.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time

W, H = int(sys.argv[1]), int(sys.argv[2])
SHOTS = sys.argv[3]
EXTRAS = "--extras" in sys.argv

_tmp = tempfile.mkdtemp(prefix="nnplay-layout-")
_screen = os.path.join(_tmp, "screen.json")
with open(_screen, "w", encoding="utf-8") as _file:
    json.dump({"screens": [{"name": "s", "x": 0, "y": 0, "width": W, "height": H, "logicalDpi": 96,
                            "logicalDpiX": 96, "logicalDpiY": 96}]}, _file)
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_screen}"
os.environ["NN_PLAYGROUND_SETTINGS"] = os.path.join(_tmp, "settings.ini")
os.environ["NN_PLAYGROUND_DATA_DIR"] = os.path.join(_tmp, "data")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np  # noqa: E402
import pyqtgraph as pg  # noqa: E402
from PySide6.QtCore import QEventLoop, QPointF, QRect, QSize, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QAbstractScrollArea, QApplication,  # noqa: E402
                               QComboBox, QLabel, QStyle, QStyleOptionComboBox, QTabBar, QWidget)

MIN_PLOT_W, MIN_PLOT_H = 150, 100   # px: any plot shown (a loss curve, a teaching view, a chart)
MAIN_SHARE = 0.40                   # the lab's main view, of the window's height, in presentation mode
MAIN_SHARE_NORMAL = 0.35            # and in normal mode
SLACK = 1.5                         # px of rounding allowed everywhere

problems: list[str] = []
checked = {"states": 0, "plots": 0, "texts": 0}


def wait(ms: int) -> None:
    """Let the event loop run (QTest.qWait would keep the GIL from the worker threads: NOTES.md)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_until(condition, timeout_s: float = 120.0) -> bool:
    end = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > end:
            return False
        wait(50)
    return True


def window_rect(widget: QWidget, window: QWidget) -> QRect:
    return QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())


def shown(widget: QWidget, window: QWidget) -> bool:
    return widget.isVisible() and widget.isVisibleTo(window) and widget.width() > 0 and widget.height() > 0


def clipped_by(widget: QWidget, window: QWidget, *, scrolling_ok: bool) -> str | None:
    """The first widget around ``widget`` that cuts part of it off (None: it is whole on screen).
    With ``scrolling_ok``, a vertical scroll area's view may hide it (the user scrolls to it)."""
    rect = window_rect(widget, window).adjusted(SLACK, SLACK, -SLACK, -SLACK)
    parent = widget.parentWidget()
    while parent is not None:
        outer = window_rect(parent, window)
        if not outer.contains(rect):
            area = parent.parentWidget()
            in_scroll_view = isinstance(area, QAbstractScrollArea) and area.viewport() is parent
            fits_across = ((outer.left() <= rect.left() and rect.right() <= outer.right())
                           or (in_scroll_view and area.horizontalScrollBarPolicy() == Qt.ScrollBarAlwaysOn)
                           or isinstance(area, QAbstractItemView))  # a table's cells scroll both ways
            if not (scrolling_ok and in_scroll_view and fits_across):
                return type(parent).__name__ + (f" '{parent.objectName()}'" if parent.objectName() else "")
            return None  # scrolled out of view: the scroll area itself is checked as a widget
        if parent is window:
            break
        parent = parent.parentWidget()
    return None


def describe(widget: QWidget) -> str:
    text = widget.text() if hasattr(widget, "text") and callable(widget.text) else ""
    if isinstance(widget, QComboBox):
        text = widget.currentText()
    return f"{type(widget).__name__} {text[:40]!r}" if text else type(widget).__name__


# -- plots ---------------------------------------------------------------------------------------
def data_rect_in_view(plot: pg.PlotWidget, points) -> list[str]:
    """Problems: data points (x, y) outside the plot's view range."""
    (x_lo, x_hi), (y_lo, y_hi) = plot.getPlotItem().getViewBox().viewRange()
    tol_x, tol_y = 1e-6 * max(1.0, x_hi - x_lo), 1e-6 * max(1.0, y_hi - y_lo)
    out = [(x, y) for x, y in points if not (x_lo - tol_x <= x <= x_hi + tol_x and y_lo - tol_y <= y <= y_hi + tol_y)]
    if not out:
        return []
    return [f"{len(out)} data points outside the view x [{x_lo:.3g}, {x_hi:.3g}] y [{y_lo:.3g}, {y_hi:.3g}], "
            f"e.g. ({out[0][0]:.3g}, {out[0][1]:.3g})"]


def visible_in_viewport(plot: pg.PlotWidget, points) -> list[str]:
    """Problems: data points that map outside the part of the view box the widget shows."""
    view_box = plot.getPlotItem().getViewBox()
    box = plot.mapFromScene(view_box.mapRectToScene(view_box.rect())).boundingRect()
    shown_rect = box.intersected(plot.viewport().rect()).adjusted(-2, -2, 2, 2)
    outside = []
    for x, y in points:
        at = plot.mapFromScene(view_box.mapViewToScene(QPointF(x, y)))
        if not shown_rect.contains(at):
            outside.append((x, y))
    return [f"{len(outside)} data points drawn outside what the plot shows, e.g. {outside[0]}"] if outside else []


def path_points(item) -> list[tuple[float, float]]:
    path = item.path()
    return [(path.elementAt(i).x, path.elementAt(i).y) for i in range(path.elementCount())]


def lab_data(lab) -> dict:
    """{plot widget: [(x, y), …]} the data each plot of ``lab`` must show whole."""
    key = lab.key
    if key == "curve":
        fit = lab.fit_plot
        points = path_points(fit.target.item) + path_points(fit.train_points.item) + path_points(fit.test_points.item)
        return {fit.widget: points}
    if key == "classify":
        heat = lab.decision.heat
        rect = heat.mapRectToParent(heat.boundingRect())
        corners = [(rect.left(), rect.top()), (rect.right(), rect.bottom())]
        dots = [p for d in lab.decision.train_dots + lab.decision.test_dots for p in path_points(d.item)]
        return {lab.decision.widget: corners + dots}
    if key == "gd":
        return {lab.plot: [tuple(p) for p in np.asarray(lab.point.getData()).T]}
    if key == "linear":
        fit_points = [tuple(p) for p in np.asarray(lab.points.getData()).T]
        surface = [tuple(p) for p in np.asarray(lab.optimum_point.getData()).T]
        surface += [tuple(p) for p in np.asarray(lab.current.getData()).T]
        return {lab.fit_plot: fit_points, lab.surface_plot: surface}
    return {}


def main_view(lab) -> QWidget | None:
    return {"curve": lambda: lab.fit_plot.widget, "classify": lambda: lab.decision.widget, "gd": lambda: lab.plot,
            "linear": lambda: lab.fit_plot, "sweep": lambda: lab.multiples.widget, "mnist": lambda: lab.canvas,
            "autograd": lambda: lab.view}.get(lab.key, lambda: None)()


def check_plots(window, lab, where: str, presentation: bool) -> None:
    main = main_view(lab)
    data = lab_data(lab)
    for name, points in data.items():
        if not points:
            problems.append(f"{where}: a plot of the lab has no data to check")
    for plot in window.findChildren(pg.GraphicsView):
        if not shown(plot, window):
            continue
        checked["plots"] += 1
        name = plot.objectName() or (getattr(plot.getPlotItem().titleLabel, "text", "") if hasattr(plot, "getPlotItem") else "")
        label = f"{where}: plot {name[:30]!r}"
        if hasattr(plot, "sync"):
            plot.sync()
        cut = clipped_by(plot, window, scrolling_ok=plot is not main)
        if cut:
            problems.append(f"{label} at {window_rect(plot, window).getRect()} is cut off by its {cut}")
        item = getattr(plot, "centralWidget", None)
        if item is not None:
            content = item.mapRectToScene(item.boundingRect())
            port = plot.viewport().rect()
            if content.width() > port.width() + 2 or content.height() > port.height() + 2:
                problems.append(f"{label} draws {content.width():.0f}×{content.height():.0f} into a "
                                f"{port.width()}×{port.height()} view: its right or bottom part is cut")
        if plot.width() < MIN_PLOT_W or plot.height() < MIN_PLOT_H:
            problems.append(f"{label} is only {plot.width()}×{plot.height()} px (at least {MIN_PLOT_W}×{MIN_PLOT_H})")
        if plot in data:
            for problem in data_rect_in_view(plot, data[plot]) + visible_in_viewport(plot, data[plot]):
                problems.append(f"{label}: {problem}")
    if main is not None and shown(main, window):
        share = MAIN_SHARE if presentation else MAIN_SHARE_NORMAL
        if main.height() < share * window.height():
            problems.append(f"{where}: the main view is {main.height()} px high, under {share:.0%} of the window's "
                            f"{window.height()} px")
        cut = clipped_by(main, window, scrolling_ok=False)
        if cut and not isinstance(main, pg.GraphicsView):
            problems.append(f"{where}: the main view is cut off by its {cut}")
    elif main is not None:
        problems.append(f"{where}: the lab's main view is not shown")


# -- texts ---------------------------------------------------------------------------------------
def combo_needs(combo: QComboBox) -> int:
    """The width the combo box's current text needs (its arrow and frame included)."""
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    metrics = combo.fontMetrics()
    text = metrics.horizontalAdvance(combo.currentText())
    icon = combo.iconSize().width() + 4 if not combo.itemIcon(combo.currentIndex()).isNull() else 0
    return combo.style().sizeFromContents(QStyle.CT_ComboBox, option, QSize(text + icon, metrics.height()), combo).width()


def check_texts(window, where: str) -> None:
    for widget in window.findChildren(QWidget):
        if not shown(widget, window):
            continue
        problem = None
        if isinstance(widget, QLabel) and widget.text() and widget.pixmap().isNull():
            checked["texts"] += 1
            hint = widget.sizeHint()
            if widget.wordWrap():
                needed = widget.heightForWidth(widget.width())
                if needed > widget.height() + SLACK and widget.maximumHeight() >= needed:
                    problem = f"is {widget.height()} px high, its wrapped text needs {needed}"
            elif widget.width() + SLACK < hint.width() or widget.height() + SLACK < widget.minimumSizeHint().height():
                problem = f"is {widget.width()}×{widget.height()} px, its text needs {hint.width()}×{hint.height()}"
        elif isinstance(widget, QAbstractButton) and widget.text():
            checked["texts"] += 1
            hint = widget.sizeHint()
            if widget.width() + SLACK < hint.width():
                problem = f"is {widget.width()} px wide, its text needs {hint.width()}"
        elif isinstance(widget, QComboBox) and widget.currentText():
            checked["texts"] += 1
            needed = combo_needs(widget)
            if widget.width() + SLACK < needed:
                problem = f"is {widget.width()} px wide, its text needs {needed}"
        elif isinstance(widget, QTabBar):
            scroll_buttons = [b for b in widget.findChildren(QAbstractButton) if b.isVisible()]
            if scroll_buttons and widget.parentWidget() is not window.tabs:  # the window's tabs may scroll
                problems.append(f"{where}: the tab bar {[widget.tabText(i) for i in range(widget.count())]} "
                                f"scrolls: a tab title is hidden")
            # A tab bar made to shorten its titles may do so while the Lessons panel takes the room, or where
            # it says each title in full as the tab's tooltip (the Curve lab's tabs below the fit on a projector).
            lessons_open = window.teaching_menus.dock.isVisible()
            for i in range(widget.count()):
                checked["texts"] += 1
                if widget.elideMode() != Qt.ElideNone and (lessons_open or widget.tabToolTip(i) == widget.tabText(i)):
                    continue
                if widget.tabRect(i).width() + SLACK < widget.tabSizeHint(i).width():
                    problems.append(f"{where}: tab title {widget.tabText(i)!r} is cut "
                                    f"({widget.tabRect(i).width()} of {widget.tabSizeHint(i).width()} px)")
        elif isinstance(widget, QAbstractScrollArea) and widget.horizontalScrollBar().isVisible():
            if not isinstance(widget, pg.GraphicsView) and type(widget).__name__ not in ("QTableWidget", "QTextBrowser"):
                problem = "scrolls sideways: its content is wider than the column"
        if problem is None and widget.layout() is not None and not isinstance(widget.parentWidget(), QAbstractScrollArea):
            # (a widget capped below its layout's minimum by its own maximum, e.g. a table no taller than its rows, is
            # not squeezed by its surroundings)
            minimum = widget.minimumSizeHint().boundedTo(widget.maximumSize()).expandedTo(widget.minimumSize())
            if widget.width() + SLACK < minimum.width() or widget.height() + SLACK < minimum.height():
                problem = (f"is squeezed to {widget.width()}×{widget.height()} px, below its minimum "
                           f"{minimum.width()}×{minimum.height()}: its contents are cut")
        if problem is None and (isinstance(widget, (QLabel, QAbstractButton, QComboBox))):
            cut = clipped_by(widget, window, scrolling_ok=True)
            if cut:
                problem = f"is cut off by its {cut}"
        if problem:
            problems.append(f"{where}: {describe(widget)} {problem}")


# -- the run ---------------------------------------------------------------------------------------
def check(window, where: str, presentation: bool, shot: str) -> None:
    checked["states"] += 1
    wait(150)
    QApplication.processEvents()
    area = window.screen().availableGeometry()
    frame = window.frameGeometry()
    if not area.adjusted(-1, -1, 1, 1).contains(frame):
        problems.append(f"{where}: the window {frame.getRect()} does not fit the screen's free area {area.getRect()}")
    lab = window.current_lab()
    check_plots(window, lab, where, presentation)
    check_texts(window, where)
    window.grab().save(os.path.join(SHOTS, shot + ".png"))


def ready(lab) -> bool:
    """The lab shows its data (its worker's first report has arrived, where it has a worker)."""
    if lab.key == "gd":  # a numpy job: no "ready" of its own
        return len(lab.point.getData()[0]) > 0
    return lab.is_ready() if hasattr(lab, "is_ready") else True


def visit_tabs(window, language: str, mode: str) -> None:
    for index, key in enumerate(window.labs):
        window.tabs.setCurrentIndex(index)
        lab = window.current_lab()
        if not wait_until(lambda: ready(lab)):
            problems.append(f"{W}x{H} {language} {mode} {key}: the lab was not ready within 120 s")
        check(window, f"{W}x{H} {language} {mode} {key}", mode == "presentation", f"{W}x{H}_{language}_{mode}_{index}_{key}")


def pin_a_run(lab) -> None:
    """All three teaching views on, a few steps trained, the run pinned."""
    for box in (lab.teaching.pieces_box, lab.teaching.diagram_box, lab.teaching.activation_box):
        box.setChecked(True)
    start = lab.last_progress().step
    lab.play()
    wait_until(lambda: lab.last_progress().step >= start + 30)
    lab.pause()
    wait_until(lambda: lab.last_progress().state == "paused")
    lab.pinned.pin_button.click()
    if not lab.pinned.runs:
        problems.append(f"{W}x{H}: the run could not be pinned")


LOSS_MIN_H, VIEW_MIN_H = 120, 150  # px: the loss plot, each teaching view, with all three on (tick labels apart)


def check_views_readable(window, curve, where: str) -> None:
    """The loss plot and each teaching view, in turn where they share the room as tabs, are whole and high enough."""
    t = curve.teaching
    views = [("loss plot", curve.loss_plot.widget, LOSS_MIN_H), ("line pieces", t.pieces.widget, VIEW_MIN_H),
             ("network diagram", t.diagram_panel, VIEW_MIN_H), ("activation explorer", t.explorer.plot, VIEW_MIN_H)]
    tabs = getattr(curve, "below_tabs", None)  # where they take turns (absent: never)
    tabbed = tabs is not None and tabs.isVisible()
    for name, view, least in views:
        if tabbed:
            page = next((tabs.widget(i) for i in range(tabs.count()) if tabs.widget(i).isAncestorOf(view)
                         or tabs.widget(i) is view), None)
            if page is not None:
                tabs.setCurrentWidget(page)
                wait(100)
        checked["plots"] += 1
        if not shown(view, window):
            problems.append(f"{where}: the {name} is not shown")
            continue
        area = window_rect(view, window)
        port = area  # the part no widget around it cuts off (a tab page that scrolls shows a part)
        parent = view.parentWidget()
        while parent is not None:
            port = port.intersected(window_rect(parent, window))
            parent = None if parent is window else parent.parentWidget()
        if view.height() < least or port.height() < least:
            problems.append(f"{where}: the {name} is {view.height()} px high, {port.height()} px in view "
                            f"(at least {least}); at {area.getRect()}")
    if tabbed:
        tabs.setCurrentIndex(0)


def extras(window, language: str) -> None:
    curve = window.show_lab("curve")
    pin_a_run(curve)
    for mode in ("normal", "presentation"):
        window.presentation.set_active(mode == "presentation")
        check(window, f"{W}x{H} {language} {mode} curve+teaching+pinned", mode == "presentation",
              f"{W}x{H}_{language}_{mode}_curve_teaching_pinned")
        if mode == "presentation":
            check_views_readable(window, curve, f"{W}x{H} {language} {mode} curve+teaching+pinned")
    window.presentation.set_active(False)
    for box in (curve.teaching.pieces_box, curve.teaching.diagram_box, curve.teaching.activation_box):
        box.setChecked(False)
    menus = window.teaching_menus
    from playground.core.lessons.catalog import LESSONS

    for lesson in LESSONS:  # each lesson over its lab (the MNIST CNN lesson: "CNN (2 × conv + pool)" whole)
        menus.open_lesson(lesson.key)
        lab = window.current_lab()
        wait_until(lambda: ready(lab))
        for mode in ("normal", "presentation"):
            window.presentation.set_active(mode == "presentation")
            check(window, f"{W}x{H} {language} {mode} lesson {lesson.key}", mode == "presentation",
                  f"{W}x{H}_{language}_{mode}_lesson_{lesson.key}")
        window.presentation.set_active(False)
    menus.dock.hide()


def main() -> int:
    from playground.app import create_app
    from playground.ui import classroom, i18n
    from playground.ui.main_window import MainWindow

    os.makedirs(SHOTS, exist_ok=True)
    app = create_app()
    classroom.startup(app)
    window = MainWindow()
    window.classroom.restore_settings()
    window.show()
    window.start_backends()
    languages = ["en"] + (["zh"] if i18n.has_cjk_font() else [])
    skipped = [] if "zh" in languages else ["zh: no Chinese font installed"]
    try:
        for language in languages:
            window.classroom.set_language(language)
            for mode in ("normal", "presentation"):
                window.presentation.set_active(mode == "presentation")
                visit_tabs(window, language, mode)
            window.presentation.set_active(False)
            if EXTRAS:
                extras(window, language)
    finally:
        window.shutdown()
    print(json.dumps({"problems": problems, "checked": checked, "skipped": skipped}))
    app.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
