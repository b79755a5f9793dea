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
        labels = [cell.text for cell in sweep.multiples.cells] + [sweep.best_label.text()]
        assert all("hidden_width" not in text and "\nlearning rate" not in text for text in labels), labels
        assert labels[0].startswith("隐藏层宽度 (hidden width) = 4") and "最好" in labels[-1], labels
    finally:
        i18n.manager().set_language("en")
    assert results.row_title.text() == "↓ hidden width"


def test_small_multiple_labels_fit_their_cells_in_presentation_mode(qtbot, window, classroom_env):
    """Long translated names ("隐藏层宽度 (hidden width) = 4") in presentation mode's font would run into the
    next cell: each line is shortened in the middle, so the setting's value stays."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QFontMetrics

    from playground.ui import i18n

    window.resize(1024, 768)
    sweep = window.labs["sweep"]
    window.tabs.setCurrentWidget(sweep)
    try:
        i18n.manager().set_language("zh")
        window.classroom.presentation.set_active(True)
        _run(qtbot, sweep, "hidden_width", "4, 10, 32", "lr", "0.001, 0.01, 0.1")
        qtbot.waitUntil(lambda: sweep.multiples.widget.width() > 300, timeout=60_000)
        sweep.multiples.fit_labels()
        box = sweep.multiples.view.getViewBox()
        cell_px = box.mapViewToDevice(QRectF(0, 0, 1, 1)).boundingRect().width()
        for cell in sweep.multiples.cells:
            metrics = QFontMetrics(cell.label.font())
            lines = cell.label.text().split("\n")
            assert all(metrics.horizontalAdvance(line) < cell_px for line in lines), (lines, cell_px)
            assert lines[0].endswith(cell.text.split("\n")[0][-3:])  # the value is still there
    finally:
        window.classroom.presentation.set_active(False)
        i18n.manager().set_language("en")
