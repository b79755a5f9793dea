"""The Curve lab's teaching views (line pieces, network diagram, activation explorer), driven as a user would."""

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from playground.core.curve.config import notes_preset
from playground.core.curve.network_summary import MAX_WIDTH, MIN_WIDTH
from playground.ui.curve_lab.lab import TABS_BELOW_HEIGHT
from tests.ui.helpers import choose
from tests.ui.test_curve_lab import read_on_worker


def _details(lab):
    p = lab._last_progress
    return None if p is None else p.snapshot.get("details")


def test_line_pieces_diagram_and_explorer_live(qtbot, window, tmp_path):
    lab = window.curve_lab
    teaching = lab.teaching
    lab.set_config(notes_preset())
    assert not teaching.panel.isVisible()
    assert read_on_worker(qtbot, lab, lambda job: job.want_details) is False
    for box in (teaching.pieces_box, teaching.diagram_box, teaching.activation_box):
        qtbot.mouseClick(box, Qt.LeftButton, pos=QPoint(8, box.height() // 2))
        assert box.isChecked()
    assert teaching.panel.isVisible()
    assert read_on_worker(qtbot, lab, lambda job: job.want_details) is True
    qtbot.mouseClick(lab.transport.play_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: lab._last_progress is not None and lab._last_progress.step > 300, timeout=60_000)
    qtbot.waitUntil(lambda: teaching.pieces.units() == 10, timeout=60_000)
    qtbot.mouseClick(lab.transport.play_button, Qt.LeftButton)  # pause
    qtbot.waitUntil(lambda: lab._last_progress.state == "paused", timeout=60_000)
    qtbot.waitUntil(lambda: lab._last_progress.step == read_on_worker(qtbot, lab, lambda j: j.step_count), timeout=60_000)
    teaching._refresh()

    # the sum of the pieces + bias is the network's fit, to float precision
    pieces = teaching.pieces
    fit = read_on_worker(qtbot, lab, lambda job: job.fit_curve())
    np.testing.assert_allclose(pieces.values.sum(axis=1) + pieces.bias, fit, rtol=1e-5, atol=1e-4)
    assert pieces.max_error < 1e-4
    # kinks: where first-layer units bend, -b/w
    w, b = read_on_worker(qtbot, lab, lambda job: (job.model[0].weight.detach().numpy().ravel().copy(),
                                                   job.model[0].bias.detach().numpy().copy()))
    expected = np.sort((-b / w)[(np.abs(w) > 0) & (-b / w >= pieces.x[0]) & (-b / w <= pieces.x[-1])])
    np.testing.assert_allclose(pieces._kink_x, expected, rtol=1e-5)
    assert not pieces.kinks.item.path().isEmpty()

    # hovering a unit's curve highlights it and its edge in the diagram
    unit = int(np.argmax(np.abs(pieces.values).max(axis=0)))
    i = int(np.argmax(np.abs(pieces.values[:, unit])))
    view = pieces.widget.getPlotItem().getViewBox()
    scene_point = view.mapViewToScene(pg.Point(float(pieces.x[i]), float(pieces.values[i, unit])))
    widget_point = pieces.widget.mapFromScene(scene_point)
    QTest.mouseMove(pieces.widget.viewport(), widget_point)
    qtbot.waitUntil(lambda: pieces.hovered == unit, timeout=60_000)
    assert teaching.diagram.highlight_unit == unit
    assert not pieces.highlight.item.path().isEmpty()

    # the diagram's edges: widths follow |weight| relative to the largest weight
    diagram = teaching.diagram
    weights = read_on_worker(qtbot, lab, lambda job: [m.weight.detach().numpy().copy() for m in job.model
                                                       if hasattr(m, "weight")])
    max_abs = max(np.abs(m).max() for m in weights)
    assert len(diagram.layout_.edges) == 20
    for e in diagram.layout_.edges:
        wv = weights[e.layer][e.dst, e.src]
        assert e.width == pytest.approx(MIN_WIDTH + (MAX_WIDTH - MIN_WIDTH) * abs(wv) / max_abs, rel=1e-4)

    # clicking a hidden neuron plots its activation over x
    pos = diagram.node_position(0, 4).toPoint()
    qtbot.mouseClick(diagram, Qt.LeftButton, pos=pos)
    assert teaching.selected_unit == (0, 4)
    assert read_on_worker(qtbot, lab, lambda job: job.selected_unit) == (0, 4)
    before = read_on_worker(qtbot, lab, lambda job: job.step_count)
    qtbot.mouseClick(lab.transport.step_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: lab._last_progress.step == before + 1, timeout=60_000)
    assert _details(lab)["selected_unit"] == (0, 4)
    teaching._refresh()
    h = read_on_worker(qtbot, lab, lambda job: np.maximum(
        job.model[0](job.x_plot).detach().numpy()[:, 4], 0))
    np.testing.assert_allclose(_details(lab)["unit_curve"], h, rtol=1e-5, atol=1e-6)
    assert not teaching.unit_curve.item.path().isEmpty()
    assert "neuron 5" in teaching.unit_plot.getPlotItem().titleLabel.text

    # the explorer shows ReLU and the share of dead units
    assert teaching.explorer.selected == "ReLU"
    assert "Dead ReLU units" in teaching.explorer.dead_label.text()
    d = _details(lab)
    assert teaching.explorer.dead_fraction == pytest.approx(d["dead_units"] / 10)
    assert window.grab().save(str(tmp_path / "teaching_curve.png"))

    # all off: the worker stops computing details
    for box in (teaching.pieces_box, teaching.diagram_box, teaching.activation_box):
        qtbot.mouseClick(box, Qt.LeftButton, pos=QPoint(8, box.height() // 2))
    assert not teaching.panel.isVisible()
    assert read_on_worker(qtbot, lab, lambda job: job.want_details) is False
    qtbot.mouseClick(lab.transport.step_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: _details(lab) is None, timeout=60_000)


def test_explorer_follows_the_activation_and_deep_nets_show_the_last_layer(qtbot, window):
    lab = window.curve_lab
    teaching = lab.teaching
    qtbot.mouseClick(teaching.activation_box, Qt.LeftButton, pos=QPoint(8, teaching.activation_box.height() // 2))
    qtbot.mouseClick(teaching.pieces_box, Qt.LeftButton, pos=QPoint(8, teaching.pieces_box.height() // 2))
    choose(qtbot, lab.controls.editor("activation"), "Tanh")
    lab.controls.editor("depth").setValue(3)
    lab.controls.editor("depth").valueChanged.emit(3)
    assert lab.config().depth == 3 and lab.config().activation == "Tanh"
    qtbot.mouseClick(lab.transport.step_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: teaching.explorer.selected == "Tanh" and teaching.pieces.units() == lab.config().hidden_width,
                    timeout=60_000)
    assert "saturates" in teaching.explorer.note.text()
    assert teaching.explorer.dead_label.text() == ""  # no dead units without ReLU
    teaching._refresh()
    fit = read_on_worker(qtbot, lab, lambda job: job.fit_curve())
    np.testing.assert_allclose(teaching.pieces.values.sum(axis=1) + teaching.pieces.bias, fit, rtol=1e-5, atol=1e-5)


def test_on_a_short_screen_in_presentation_mode_the_loss_plot_and_views_take_turns_as_tabs(qtbot, window):
    lab = window.curve_lab
    teaching, tabs = lab.teaching, lab.below_tabs
    for box in (teaching.pieces_box, teaching.activation_box):
        box.setChecked(True)
    window.resize(1024, 740)  # the lab lower than TABS_BELOW_HEIGHT, as on a 1024×768 projector
    lab.set_presentation(True)
    qtbot.waitUntil(lambda: lab.height() < TABS_BELOW_HEIGHT and tabs.isVisible(), timeout=60_000)
    assert not teaching.panel.isVisible()
    shown = [tabs.tabText(i) for i in range(tabs.count()) if tabs.isTabVisible(i)]
    assert shown == [lab.tr("Loss (log scale)"), teaching.pieces_box.text(), teaching.activation_box.text()]
    assert lab.loss_plot.widget.isVisible()
    tabs.setCurrentWidget(teaching._pages[teaching.pieces_panel])
    qtbot.waitUntil(teaching.pieces.widget.isVisible, timeout=60_000)
    assert teaching.pieces.widget.height() >= 150
    teaching.diagram_box.setChecked(True)  # a view turned on while tabbed gets its tab
    assert tabs.isTabVisible(tabs.indexOf(teaching._pages[teaching.diagram_panel]))

    lab.set_presentation(False)  # back beside each other, the loss plot above them
    qtbot.waitUntil(teaching.panel.isVisible, timeout=60_000)
    assert not tabs.isVisible()
    assert lab.loss_plot.widget.isVisible() and teaching.pieces_panel.isVisible() and teaching.diagram_panel.isVisible()
    assert lab.loss_plot.widget.parentWidget() is lab.fit_plot.widget.parentWidget()
