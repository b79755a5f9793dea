"""The Sweep lab's results table names its two settings (translated, also after a language switch) and is no taller than its rows: the small
multiples get the rest (issue 13, polish)."""

from PySide6.QtCore import Qt

from tests.ui.helpers import choose
from tests.ui.test_sweep_lab import type_into


def _run(qtbot, sweep, rows, row_values, cols, col_values):
    choose(qtbot, sweep.axis_boxes[0], rows)
    type_into(qtbot, sweep.value_edits[0], row_values)
    choose(qtbot, sweep.axis_boxes[1], cols)
    type_into(qtbot, sweep.value_edits[1], col_values)
    sweep.steps_box.setValue(50)
    qtbot.mouseClick(sweep.run_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: sweep._state == "finished", timeout=60_000)


def test_results_table_has_axis_titles_and_no_empty_space(qtbot, window, classroom_env):
    from playground.ui import i18n

    window.resize(1280, 800)
    sweep = window.labs["sweep"]
    window.tabs.setCurrentWidget(sweep)
    _run(qtbot, sweep, "hidden_width", "4, 10", "lr", "0.01, 0.1")
    results, table = sweep.results, sweep.table
    assert results.row_title.text() == "↓ hidden width" and results.column_title.text() == "learning rate →"
    assert [table.horizontalHeaderItem(c).text() for c in range(2)] == ["0.01", "0.1"]
    qtbot.waitUntil(lambda: results.isVisible() and results.height() > 0, timeout=60_000)
    rows = sum(table.rowHeight(r) for r in range(table.rowCount()))
    assert table.viewport().height() - rows <= 2, (table.viewport().height(), rows)  # no empty area below the rows
    assert results.height() <= results.content_height()
    assert sweep.multiples.widget.height() > 2 * results.height()  # the plots get the room
    try:
        i18n.manager().set_language("zh")
        assert results.row_title.text() == "↓ 隐藏层宽度 (hidden width)"
        assert results.column_title.text() == "学习率 (learning rate) →"
        labels = [cell.label.text() for cell in sweep.multiples.cells] + [sweep.best_label.text()]
        assert all("hidden_width" not in text and "\nlearning rate" not in text for text in labels), labels
        assert labels[0].startswith("隐藏层宽度 (hidden width) = 4") and "最好" in labels[-1], labels
    finally:
        i18n.manager().set_language("en")
    assert results.row_title.text() == "↓ hidden width"
