"""The gradient-descent table: one line per (x, y) pair, fixed decimals, never 1e-20 (issue 13, polish)."""

import re

import pytest
from PySide6.QtCore import Qt

from playground.ui.gd_lab.lab import CELL_PADDING, _number
from tests.ui.helpers import choose

PAIR = re.compile(r"^\(-?\d+\.\d{1,3}, -?\d+\.\d{1,3}\)$")


def test_numbers_have_fixed_decimals_and_no_tiny_exponents():
    assert [_number(v) for v in (5, 1e-20, -1e-20, -0.0004, -0.0006, 0.123456)] == [
        "5.000", "0.000", "0.000", "0.000", "-0.001", "0.123"]
    assert _number(-3.4e8) == "-3.40e+08" and _number(float("nan")) == "nan"  # a diverged walk: short and plain
    assert _number(2.5, 1) == "2.5"


@pytest.fixture
def gd(window, classroom_env):
    lab = window.labs["gd"]
    window.tabs.setCurrentWidget(lab)
    return lab


@pytest.mark.parametrize("left_width", [440, 320])  # the table column at its widest and narrowest
def test_each_pair_fits_one_line_of_its_column(qtbot, window, gd, left_width):
    window.resize(1280, 800)
    gd._left.setFixedWidth(left_width)  # the column as the window's layout would make it
    choose(qtbot, gd.controls.editor("function"), "bowl")
    for _ in range(40):  # the bowl from (5, 3): y is ~1e-20 after 40 steps
        qtbot.mouseClick(gd.transport.step_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: gd.gd.step_count == 40 and gd.table.rowCount() == 40, timeout=60_000)
    qtbot.waitUntil(lambda: gd.table.isVisible(), timeout=60_000)
    table, metrics = gd.table, gd.table.fontMetrics()
    assert not table.wordWrap()
    decimals = set()
    for row in range(table.rowCount()):
        for col in (1, 2, 3):
            text = table.item(row, col).text()
            assert PAIR.match(text) and "\n" not in text, text  # no exponent, no second line
            assert metrics.horizontalAdvance(text) + CELL_PADDING <= table.columnWidth(col), (text, table.columnWidth(col))
            decimals.add(len(text.split(",")[0].split(".")[1]))
    assert len(decimals) == 1  # one format for the whole table
    last = table.item(table.rowCount() - 1, 1).text()
    assert last.endswith(", 0.000)") or last.endswith(", 0.00)") or last.endswith(", 0.0)"), last
