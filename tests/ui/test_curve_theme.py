"""View → Theme recolours the Curve lab's teaching views and pinned runs live: shown or hidden, in
presentation mode too (the pens keep their presentation widths)."""

import os
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QGraphicsPathItem

from playground.core.curve.config import notes_preset
from playground.ui import appearance, theme
from playground.ui.curve_lab.contributions import PIECE_ALPHA
from playground.ui.curve_lab.pinned_runs import FADE_ALPHA, LIGHT_PIN_COLORS, PIN_COLORS
from tests.ui.test_curve_lab import shown_step
from tests.ui.test_pinned_runs import train_a_little

SHOTS = Path(os.environ.get("NN_PLAYGROUND_SHOTS", "")) if os.environ.get("NN_PLAYGROUND_SHOTS") else None


def _boxes(teaching):
    return teaching.pieces_box, teaching.diagram_box, teaching.activation_box


def _click(qtbot, box):
    qtbot.mouseClick(box, Qt.LeftButton, pos=QPoint(8, box.height() // 2))


def _train_and_pin(qtbot, lab, runs=2):
    lab.set_config(notes_preset())
    for run in range(runs):
        if run:
            lab.set_config(replace(lab.config(), lr=0.03))  # a second run to compare
        train_a_little(qtbot, lab, steps=150)
        qtbot.mouseClick(lab.pinned.pin_button, Qt.LeftButton)
    assert len(lab.pinned.runs) == runs


def _step(qtbot, lab):
    step = shown_step(lab)
    qtbot.mouseClick(lab.transport.step_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: shown_step(lab) == step + 1, timeout=60_000)


def _rgb(color: QColor) -> str:
    return color.name()


def _pens(lab):
    """(item, expected colour name, expected alpha) for every custom pen, in the current theme."""
    c = theme.plot_colors()
    t = lab.teaching
    return {
        "line pieces": (t.pieces.pieces.item, c.train_points, PIECE_ALPHA),
        "their sum": (t.pieces.total.item, c.fit, 255),
        "network fit (dashed)": (t.pieces.fit.item, c.highlight, 255),
        "hovered unit": (t.pieces.highlight.item, c.highlight, 255),
        "ReLU kinks": (t.pieces.kinks.item, c.warning, 255),
        "clicked neuron's h(x)": (t.unit_curve.item, c.highlight, 255),
        "other activations": (t.explorer.others.item, c.target, 110),
        "f(x)": (t.explorer.f_curve.item, c.fit, 255),
        "f'(x)": (t.explorer.df_curve.item, c.train_points, 255),
    }


def _assert_theme(lab, dark: bool):
    colors = theme.DARK if dark else theme.LIGHT
    assert theme.plot_colors() is colors
    for name, (item, color, alpha) in _pens(lab).items():
        pen = item.pen().color()
        assert (_rgb(pen), pen.alpha()) == (QColor(color).name(), alpha), name
    diagram = lab.teaching.diagram.colors
    assert _rgb(diagram.background) == colors.background and _rgb(diagram.positive) == colors.fit
    assert _rgb(diagram.negative) == colors.train_points and _rgb(diagram.highlight) == colors.highlight
    # the node fills sit between background and text: dark grey on dark, light grey on light
    assert (diagram.hidden_node.lightness() < 100) == dark
    hues = PIN_COLORS if dark else LIGHT_PIN_COLORS
    for run in lab.pinned.runs:
        rgb = hues[run.slot]
        for _plot, item in run.items:
            if isinstance(item, QGraphicsPathItem):  # the fit and loss overlays
                assert item.pen().color().getRgb() == (*rgb, FADE_ALPHA)
        assert run.label_item.brush().color().getRgb()[:3] == rgb
        assert "rgb(%d, %d, %d)" % rgb in run.show_box.styleSheet()


def _painted_background(widget) -> str:
    image = widget.grab().toImage()
    return image.pixelColor(3, 3).name()


def _shot(widget, name):
    if SHOTS is not None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        QApplication.processEvents()  # the palette change reaches the widgets through the event loop
        widget.grab().save(str(SHOTS / f"{name}.png"))


def test_teaching_views_and_pinned_runs_follow_a_theme_switch(qtbot, window, classroom_env):
    lab = window.curve_lab
    window.resize(1500, 950)
    _train_and_pin(qtbot, lab)
    for box in _boxes(lab.teaching):
        _click(qtbot, box)
    _step(qtbot, lab)  # details for the views
    qtbot.waitUntil(lambda: lab.teaching.pieces.units() == 10, timeout=60_000)
    qtbot.mouseClick(lab.teaching.diagram, Qt.LeftButton,
                     pos=lab.teaching.diagram.node_position(0, 3).toPoint())  # a neuron's h(x) below
    _step(qtbot, lab)
    qtbot.waitUntil(lambda: not lab.teaching.unit_curve.item.path().isEmpty(), timeout=60_000)
    _assert_theme(lab, dark=True)
    _shot(window, "curve_teaching_dark")

    window.classroom.light_action.trigger()  # View → Theme → Light
    _assert_theme(lab, dark=False)
    assert _painted_background(lab.teaching.diagram) == "#ffffff"
    _shot(window, "curve_teaching_light")

    window.classroom.dark_action.trigger()
    _assert_theme(lab, dark=True)
    assert _painted_background(lab.teaching.diagram) == theme.DARK.background


def test_hidden_teaching_views_are_right_when_shown_later(qtbot, window, classroom_env):
    lab = window.curve_lab
    assert not lab.teaching.panel.isVisible()
    window.classroom.light_action.trigger()
    for box in _boxes(lab.teaching):
        _click(qtbot, box)
    assert lab.teaching.diagram.isVisible()
    _assert_theme(lab, dark=False)
    assert _painted_background(lab.teaching.diagram) == "#ffffff"


def test_theme_switch_in_presentation_mode_keeps_thick_lines(qtbot, window, classroom_env):
    lab = window.curve_lab
    _train_and_pin(qtbot, lab, runs=1)
    for box in _boxes(lab.teaching):
        _click(qtbot, box)
    total = lab.teaching.pieces.total.item
    normal_width = total.pen().widthF()
    window.classroom.presentation.set_active(True)
    assert total.pen().widthF() == normal_width * appearance.PEN_SCALE
    window.classroom.light_action.trigger()
    assert total.pen().widthF() == normal_width * appearance.PEN_SCALE
    _assert_theme(lab, dark=False)
    _shot(window, "curve_teaching_presentation_light")
    window.classroom.dark_action.trigger()
    _assert_theme(lab, dark=True)
    _shot(window, "curve_teaching_presentation_dark")
    window.classroom.presentation.set_active(False)
    assert total.pen().widthF() == normal_width
    _assert_theme(lab, dark=True)


def _link_colors(browser) -> set[str]:
    """The colours the browser's document gives its links."""
    found = set()
    block = browser.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isAnchor():
                found.add(fmt.foreground().color().name())
            it += 1
        block = block.next()
    return found


def test_error_texts_lesson_panel_and_about_box_follow_the_theme(qtbot, window, classroom_env):
    from PySide6.QtGui import QPalette

    lab = window.curve_lab
    window.teaching_menus.open_lesson("curve_x2")  # Lessons → y = x²: the panel docks on the right
    window.classroom.show_about()
    about = window.classroom.about_dialog
    title = window.teaching_menus.panel.title
    assert title.font().bold() and title.text()
    dark_links = _link_colors(about.browser)
    assert dark_links == {QApplication.palette().color(QPalette.Link).name()}

    window.classroom.light_action.trigger()
    QApplication.processEvents()  # palette-change events reach the widgets through the event loop
    light_link = QApplication.palette().color(QPalette.Link).name()
    assert _link_colors(about.browser) == {light_link} != dark_links
    assert title.palette().color(QPalette.WindowText).lightness() < 100  # dark text on the light panel
    for label in (lab.error_label, lab.controls.expression_error):
        assert theme.LIGHT.warning in label.styleSheet()

    window.classroom.dark_action.trigger()
    QApplication.processEvents()
    assert _link_colors(about.browser) == dark_links
    assert title.palette().color(QPalette.WindowText).lightness() > 150
    assert theme.DARK.warning in lab.error_label.styleSheet()
