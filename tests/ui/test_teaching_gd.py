"""The gradient-descent lab driven through its widgets."""

import math
import re

import pytest
from PySide6.QtCore import Qt

from playground.core.gradient_descent.descent import closed_form_x2
from tests.ui.helpers import choose


def _type_value(qtbot, box, text):
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, text)
    qtbot.keyClick(box, Qt.Key_Return)


@pytest.fixture
def gd(window):
    lab = window.labs["gd"]
    window.tabs.setCurrentWidget(lab)
    return lab


def test_notes_settings_reach_the_minimum_within_30_steps(qtbot, gd, tmp_path):
    assert (gd.controls.editor("lr").value(), gd.controls.editor("start_x").value(), gd.controls.editor("function").currentData()) == (0.1, 5.0, "x2")
    assert not gd.controls.editor("start_y").isVisible()  # 1-D function: no y start
    for _ in range(30):
        qtbot.mouseClick(gd.transport.step_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: gd.table.rowCount() == 30, timeout=60_000)  # the walk's worker took the steps
    for row in range(30):
        x = float(gd.table.item(row, 1).text())
        grad = float(gd.table.item(row, 2).text())
        new_x = float(gd.table.item(row, 3).text())
        # the table shows 3 decimals (issue 13: fixed decimals, no 1e-20)
        assert x == pytest.approx(closed_form_x2(5.0, 0.1, row), abs=6e-4)
        assert grad == pytest.approx(2 * x, abs=2e-3)
        assert new_x == pytest.approx((1 - 2 * 0.1) * x, abs=2e-3)
    assert abs(gd.gd.x[0]) < 0.01
    assert "within 0.01" in gd.verdict_label.text()
    assert gd.point.data["x"][0] == pytest.approx(gd.gd.x[0])
    assert gd.window().grab().save(str(tmp_path / "gd_lab.png"))


def test_large_learning_rate_visibly_diverges_and_says_so(qtbot, gd):
    _type_value(qtbot, gd.controls.editor("lr"), "1.1")
    assert gd.controls.editor("lr").value() == pytest.approx(1.1)
    choose_index = gd.transport.pace_box.findText(gd.transport.pace_box.itemText(0))
    gd.transport.pace_box.setCurrentIndex(choose_index)  # max speed
    qtbot.mouseClick(gd.transport.play_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: gd.gd.step_count >= 6, timeout=60_000)
    assert "Diverging" in gd.verdict_label.text() or "Diverged" in gd.verdict_label.text()
    assert "lr > 1" in gd.verdict_label.text() or "Diverged" in gd.verdict_label.text()
    assert abs(gd.gd.x[0]) > 5
    assert gd.banner.isVisible() and gd.banner.toPlainText()
    qtbot.mouseClick(gd.transport.play_button, Qt.LeftButton)  # pause
    assert not gd.transport.playing


def test_x4_minus_3x2_finds_the_minimum_on_the_side_it_starts(qtbot, gd):
    choose(qtbot, gd.controls.editor("function"), "x4")
    _type_value(qtbot, gd.controls.editor("lr"), "0.02")
    for start, sign in (("0.5", 1), ("-0.5", -1)):
        _type_value(qtbot, gd.controls.editor("start_x"), start)
        assert gd.gd.step_count == 0  # a new start point starts over
        gd.transport.pace_box.setCurrentIndex(0)
        qtbot.mouseClick(gd.transport.play_button, Qt.LeftButton)
        qtbot.waitUntil(lambda: not gd.transport.playing, timeout=60_000)
        assert gd.gd.x[0] == pytest.approx(sign * math.sqrt(1.5), abs=1e-3)
        assert "within 0.01" in gd.verdict_label.text()


def test_2d_bowl_shows_contours_and_moves_in_two_dimensions(qtbot, gd):
    choose(qtbot, gd.controls.editor("function"), "bowl")
    assert gd.controls.editor("start_y").isVisible()
    assert not gd.contours.item.path().isEmpty()
    assert gd.curve.item.path().isEmpty()
    qtbot.mouseClick(gd.transport.step_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: gd.table.rowCount() == 1, timeout=60_000)
    # fixed decimals, as many as the column fits (tests/ui/test_gd_table_format.py)
    assert re.fullmatch(r"\(5\.0{1,3}, 3\.0{1,3}\)", gd.table.item(0, 1).text())
    assert re.fullmatch(r"\(10\.0{1,3}, 24\.0{1,3}\)", gd.table.item(0, 2).text())
    assert gd.gd.x.tolist() == pytest.approx([4.0, 0.6])
    _type_value(qtbot, gd.controls.editor("momentum"), "0.5")
    for _ in range(3):
        qtbot.keyClick(gd, Qt.Key_S)
    qtbot.waitUntil(lambda: gd.gd.step_count == 3, timeout=60_000)
    assert gd.table.rowCount() == 3
    qtbot.keyClick(gd, Qt.Key_R)
    assert gd.gd.step_count == 0 and gd.table.rowCount() == 0
