"""The Sweep lab driven through its widgets: a 2 × 3 grid, trained together, opened in the Curve lab."""

import os

import numpy as np
from PySide6.QtCore import Qt

from tests.ui.helpers import choose

SHOTS = os.environ.get("NN_PLAYGROUND_SHOTS")  # a folder: save screenshots there for a look


def type_into(qtbot, edit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key_Delete)
    qtbot.keyClicks(edit, text)


def test_two_by_three_sweep_trains_together_and_opens_best_in_curve_lab(qtbot, window):
    sweep = window.labs["sweep"]
    window.tabs.setCurrentWidget(sweep)
    rows_box, cols_box = sweep.axis_boxes
    choose(qtbot, rows_box, "lr")
    type_into(qtbot, sweep.value_edits[0], "0.003, 0.03")
    choose(qtbot, cols_box, "hidden_width")
    type_into(qtbot, sweep.value_edits[1], "2, 8, 32")
    sweep.steps_box.setFocus()
    sweep.steps_box.selectAll()
    qtbot.keyClicks(sweep.steps_box, "600")
    assert sweep.steps_box.value() == 600
    assert sweep.run_button.isEnabled() and "6" in sweep.run_button.text()

    qtbot.mouseClick(sweep.run_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: len(sweep.multiples.cells) == 6 and min(sweep.multiples.update_counts()) >= 1,
                    timeout=60_000)
    first = [cell.fit.path().boundingRect() for cell in sweep.multiples.cells]
    qtbot.waitUntil(lambda: sweep._state == "finished", timeout=60_000)
    assert len(sweep.multiples.cells) == 6
    last = [cell.fit.path().boundingRect() for cell in sweep.multiples.cells]
    assert all(cell.fit.path().elementCount() == 400 for cell in sweep.multiples.cells)
    assert all(a != b for a, b in zip(first, last)), "every mini plot's fit moved while training"
    assert sweep.table.rowCount() == 2 and sweep.table.columnCount() == 3
    train = sweep._train
    assert np.isfinite(train).all() and train.shape == (6,)
    best = sweep.best_index()
    assert train[best] == train.min()
    row, col = sweep.cell_of(best)
    assert sweep.table.item(row, col).text().startswith("★")
    if SHOTS:
        window.grab().save(os.path.join(SHOTS, "sweep_lab.png"))

    expected = sweep.configs()[best]
    rect = sweep.table.visualItemRect(sweep.table.item(row, col))
    qtbot.mouseClick(sweep.table.viewport(), Qt.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.tabs.currentWidget() is window.curve_lab, timeout=60_000)
    config = window.curve_lab.config()
    assert (config.lr, config.hidden_width, config.max_steps) == (expected.lr, expected.hidden_width, 600)
    assert window.curve_lab.controls.editor("hidden_width").value() == expected.hidden_width
    if SHOTS:
        window.grab().save(os.path.join(SHOTS, "sweep_opened_in_curve_lab.png"))


def test_bad_values_are_explained_and_do_not_run(qtbot, window):
    sweep = window.labs["sweep"]
    window.tabs.setCurrentWidget(sweep)
    type_into(qtbot, sweep.value_edits[0], "4, ten")
    assert not sweep.run_button.isEnabled()
    assert sweep.problem_label.isVisible() and "ten" in sweep.problem_label.text()
    type_into(qtbot, sweep.value_edits[0], ", ".join(str(w) for w in range(1, 31)))  # 30 × 3 = 90 > 64
    assert not sweep.run_button.isEnabled() and "64" in sweep.problem_label.text()
    type_into(qtbot, sweep.value_edits[0], "4, 16")
    assert sweep.run_button.isEnabled()
