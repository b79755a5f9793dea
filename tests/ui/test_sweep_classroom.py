"""The Sweep lab in class: sessions (with the finished sweep), remembered set-up, presentation mode,
live theme and CSV export, driven through the window's menus and the lab's widgets."""

import csv
import json
import os
from dataclasses import replace

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from playground.core.curve.config import notes_preset
from playground.core.sweep.config import SweepConfig
from playground.ui import appearance, classroom, export, theme
from playground.ui.main_window import MainWindow
from playground.ui.settings import Settings
from playground.ui.sweep_lab.heat_colors import HEAT_STOPS
from tests.ui.helpers import choose
from tests.ui.test_sweep_lab import type_into

SHOTS = os.environ.get("NN_PLAYGROUND_SHOTS")  # a folder: save screenshots there for a look
STEPS = 150


def _shot(widget, name: str) -> None:
    if SHOTS:
        QApplication.processEvents()  # the palette and layout changes are posted events: show them settled
        widget.grab().save(os.path.join(SHOTS, name))


def _set_up(qtbot, sweep, rows=("hidden_width", "2, 8"), columns=("lr", "0.01, 0.1"), steps=STEPS):
    for box, edit, (name, values) in zip(sweep.axis_boxes, sweep.value_edits, (rows, columns)):
        choose(qtbot, box, name)
        if name:
            type_into(qtbot, edit, values)
    sweep.steps_box.setFocus()
    sweep.steps_box.selectAll()
    qtbot.keyClicks(sweep.steps_box, str(steps))
    assert sweep.steps_box.value() == steps


def _run(qtbot, sweep) -> None:
    assert sweep.run_button.isEnabled()
    qtbot.mouseClick(sweep.run_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: sweep._state == "finished", timeout=60_000)


def _table_texts(sweep):
    return [[sweep.table.item(r, c).text() for c in range(sweep.table.columnCount())]
            for r in range(sweep.table.rowCount())]


def _dialogs_answer(monkeypatch, path):
    monkeypatch.setattr(export, "ask_save_path", lambda *a: str(path))
    monkeypatch.setattr(classroom, "ask_open_path", lambda *a: str(path))


@pytest.fixture
def sweep(window):
    lab = window.labs["sweep"]
    window.tabs.setCurrentWidget(lab)
    lab.set_base_config(replace(notes_preset(), test_fraction=0.2))  # test losses too
    return lab


def _finished_sweep(qtbot, sweep):
    _set_up(qtbot, sweep)
    _run(qtbot, sweep)
    return sweep._train.copy(), sweep._test.copy(), _table_texts(sweep)


# -- sessions ---------------------------------------------------------------------------------------
def test_a_finished_sweep_comes_back_from_a_session_without_training(qtbot, window, sweep, classroom_env,
                                                                     monkeypatch, tmp_path):
    train, test, texts = _finished_sweep(qtbot, sweep)
    fits = [cell.fit.path().boundingRect() for cell in sweep.multiples.cells]
    best_text = sweep.best_label.text()
    history_path = tmp_path / "before.csv"
    _dialogs_answer(monkeypatch, history_path)
    sweep.multiples.widget.plot_export.csv_action.trigger()
    path = tmp_path / "class.nnplay"
    _dialogs_answer(monkeypatch, path)
    window.classroom.save_training_action.trigger()  # File → Save session with trained weights…
    entry = json.loads(path.read_text(encoding="utf-8"))["labs"]["sweep"]
    assert (entry["config"]["rows"], entry["config"]["row_values"]) == ("hidden_width", "2, 8")
    assert (entry["config"]["columns"], entry["config"]["max_steps"]) == ("lr", STEPS)
    assert entry["training"]["step"] == STEPS and len(entry["training"]["loss_history"]) == STEPS * 4

    # Another sweep replaces it on screen.
    _set_up(qtbot, sweep, rows=("activation", "Tanh, ReLU, Sigmoid"), columns=(None, ""), steps=40)
    _run(qtbot, sweep)
    assert sweep.table.rowCount() == 3

    window.classroom.open_action.trigger()  # File → Open session…
    assert sweep.axis_boxes[0].currentData() == "hidden_width" and sweep.value_edits[0].text() == "2, 8"
    assert sweep.axis_boxes[1].currentData() == "lr" and sweep.value_edits[1].text() == "0.01, 0.1"
    assert sweep.steps_box.value() == STEPS
    qtbot.waitUntil(lambda: sweep._state == "finished", timeout=60_000)
    np.testing.assert_allclose(sweep._train, train, rtol=1e-6)
    np.testing.assert_allclose(sweep._test, test, rtol=1e-6)
    assert _table_texts(sweep) == texts and sweep.best_label.text() == best_text
    assert [cell.fit.path().boundingRect() for cell in sweep.multiples.cells] == fits
    assert sweep.shown_step() == STEPS and not sweep.stop_button.isEnabled()
    # The loss histories came back too: the CSV is the same file as before saving.
    after = tmp_path / "after.csv"
    _dialogs_answer(monkeypatch, after)
    sweep.multiples.widget.plot_export.csv_action.trigger()
    assert after.read_text() == history_path.read_text()


def test_results_of_another_set_up_are_not_saved(qtbot, window, sweep, classroom_env, monkeypatch, tmp_path):
    _finished_sweep(qtbot, sweep)
    type_into(qtbot, sweep.value_edits[0], "2, 8, 16")  # the set-up no longer matches the results on screen
    path = tmp_path / "setup.nnplay"
    _dialogs_answer(monkeypatch, path)
    window.classroom.save_training_action.trigger()
    entry = json.loads(path.read_text(encoding="utf-8"))["labs"]["sweep"]
    assert "training" not in entry and entry["config"]["row_values"] == "2, 8, 16"
    # Opening a set-up-only session shows that set-up and no stale results.
    type_into(qtbot, sweep.value_edits[0], "4")
    window.classroom.open_action.trigger()
    assert sweep.value_edits[0].text() == "2, 8, 16" and "6 runs" in sweep.run_button.text()
    assert sweep.table.rowCount() == 0 and sweep.multiples.cells == [] and sweep._state == "idle"


def _write_session(path, window, sweep_entry):
    labs = {"sweep": sweep_entry}
    path.write_text(json.dumps({"format": "nn-playground-session", "version": 1, "labs": labs}), encoding="utf-8")


def test_bad_sweep_sessions_are_refused_and_nothing_changes(qtbot, window, sweep, classroom_env, monkeypatch,
                                                             tmp_path):
    _finished_sweep(qtbot, sweep)
    path = tmp_path / "class.nnplay"
    _dialogs_answer(monkeypatch, path)
    window.classroom.save_training_action.trigger()
    good = json.loads(path.read_text(encoding="utf-8"))["labs"]["sweep"]
    before_config, before_train, before_texts = sweep.config(), sweep._train.copy(), _table_texts(sweep)

    def edited(config=None, training=None):
        entry = json.loads(json.dumps(good))
        entry["config"].update(config or {})
        entry["training"].update(training or {})
        return entry

    too_many = ", ".join(str(w) for w in range(1, 12))  # 11 × 10 = 110 > 64
    bad = {
        "too many combinations": edited({"row_values": too_many, "columns": "seed",
                                         "column_values": "0, 1, 2, 3, 4, 5, 6, 7, 8, 9"}),
        "unknown setting": edited({"rows": "colour"}),
        "wrong type": edited({"row_values": [2, 8]}),
        "same setting twice": edited({"columns": "hidden_width"}),
        "a value no network allows": edited({"row_values": "2, 999"}),
        "short history": edited(training={"loss_history": good["training"]["loss_history"][:-4]}),
        "step beyond the sweep": edited(training={"step": STEPS + 1,
                                                  "loss_history": good["training"]["loss_history"] + [1.0] * 4}),
        "weights of another sweep": edited({"row_values": "3, 8"}),
    }
    for name, entry in bad.items():
        bad_path = tmp_path / f"{name}.nnplay"
        _write_session(bad_path, window, entry)
        assert not window.classroom.open_session(str(bad_path)), name
        assert window.classroom.error_box.isVisible() and "Nothing was changed" in window.classroom.error_box.text()
        assert sweep.config() == before_config, name
        assert _table_texts(sweep) == before_texts and sweep._state == "finished", name
        np.testing.assert_array_equal(sweep._train, before_train)
    window.classroom.error_box.close()


# -- remembered settings ------------------------------------------------------------------------------
def test_the_set_up_is_remembered_across_a_restart(qtbot, window, sweep, classroom_env):
    _set_up(qtbot, sweep, rows=("optimizer", "SGD, Adam"), columns=("depth", "1, 2, 3"), steps=321)
    expected = sweep.config()
    window.close()  # saves the settings

    win = MainWindow()
    qtbot.addWidget(win)
    assert win.classroom.restore_settings() == []
    again = win.labs["sweep"]
    assert again.config() == expected
    assert again.axis_boxes[0].currentData() == "optimizer" and again.value_edits[0].text() == "SGD, Adam"
    assert again.axis_boxes[1].currentData() == "depth" and again.steps_box.value() == 321
    assert again.base_config().test_fraction == 0.2  # the settings not varied came back too
    assert "6 runs" in again.run_button.text()


def test_remembered_nonsense_is_clamped_to_a_sweep_that_can_run(qtbot, classroom_env):
    nonsense = {"rows": "activation", "row_values": "1, 2", "columns": "activation", "column_values": 7,
                "max_steps": 10**9, "hidden_width": "wide", "bogus": True}
    Settings().set_lab_state("sweep", {"config": nonsense})
    win = MainWindow()
    qtbot.addWidget(win)
    problems = win.classroom.restore_settings()
    assert any("max_steps" in p for p in problems) and any("column_values" in p for p in problems)
    assert "invalid" in win.statusBar().currentMessage()
    lab = win.labs["sweep"]
    config = lab.config()
    assert config.spec()[0] is not None and lab.run_button.isEnabled() and not lab.problem_label.isVisibleTo(lab)
    assert config.max_steps == SweepConfig().max_steps and config.hidden_width == SweepConfig().hidden_width


# -- presentation mode and theme ----------------------------------------------------------------------
def test_presentation_hides_the_details_and_enlarges_the_grid(qtbot, window, sweep, classroom_env):
    _finished_sweep(qtbot, sweep)
    cell = sweep.multiples.cells[0]
    fit_width, label_size = cell.fit.pen().widthF(), cell.label.font().pointSizeF()
    row_height = sweep.table.rowHeight(0)
    assert sweep.steps_box.isVisible() and sweep.use_curve_button.isVisible()

    qtbot.keyClick(window, Qt.Key_F11)
    assert window.isFullScreen()
    assert sweep.steps_box.isHidden() and sweep.steps_label.isHidden() and sweep.use_curve_button.isHidden()
    assert sweep.axis_boxes[0].isVisible() and sweep.value_edits[1].isVisible() and sweep.run_button.isVisible()
    assert cell.fit.pen().widthF() == 2 * fit_width and cell.label.font().pointSizeF() > label_size
    qtbot.waitUntil(lambda: sweep.table.rowHeight(0) > row_height, timeout=60_000)  # the two lines of larger text fit
    _shot(window, "sweep_presentation.png")
    # A new sweep during the presentation is drawn thick as well.
    qtbot.mouseClick(sweep.run_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: sweep._state == "finished", timeout=60_000)
    assert sweep.multiples.cells[0].fit.pen().widthF() == 2 * fit_width

    qtbot.keyClick(window, Qt.Key_Escape)
    assert not window.isFullScreen()
    assert sweep.steps_box.isVisible() and sweep.use_curve_button.isVisible()
    cell = sweep.multiples.cells[0]
    assert cell.fit.pen().widthF() == fit_width and cell.label.font().pointSizeF() == label_size


def _cell_colours(sweep):
    items = [sweep.table.item(r, c) for r in range(sweep.table.rowCount()) for c in range(sweep.table.columnCount())]
    return [(i.background().color().name(), i.foreground().color().name()) for i in items]


def _contrast_ok(background: str, foreground: str) -> bool:
    from PySide6.QtGui import QColor

    def luma(c):
        c = QColor(c)
        return 0.2126 * c.red() + 0.7152 * c.green() + 0.0722 * c.blue()

    return abs(luma(background) - luma(foreground)) > 100


def test_theme_switch_recolours_the_grid_and_the_heatmap(qtbot, window, sweep, classroom_env):
    _finished_sweep(qtbot, sweep)
    cell = sweep.multiples.cells[0]
    dark_cells = _cell_colours(sweep)
    assert cell.fit.pen().color().name() == theme.DARK.fit
    assert all(_contrast_ok(bg, fg) for bg, fg in dark_cells)
    _shot(window, "sweep_dark.png")

    window.classroom.set_theme(False)
    light_cells = _cell_colours(sweep)
    assert cell.fit.pen().color().name() == theme.LIGHT.fit and cell.target.pen().color().name() == theme.LIGHT.target
    assert cell.label.brush().color().name() == theme.LIGHT.foreground
    assert all(a[0] != b[0] for a, b in zip(dark_cells, light_cells)), "every heatmap cell changed colour"
    assert all(_contrast_ok(bg, fg) for bg, fg in light_cells)
    best_row, best_col = sweep.cell_of(sweep.best_index())
    best = sweep.table.item(best_row, best_col).background().color()
    assert best.getRgb()[:3] == HEAT_STOPS[False][0]
    assert theme.LIGHT.warning in sweep.problem_label.styleSheet()
    _shot(window, "sweep_light.png")

    window.classroom.set_theme(True)
    assert _cell_colours(sweep) == dark_cells and cell.fit.pen().color().name() == theme.DARK.fit
    assert appearance.is_dark()


# -- CSV ------------------------------------------------------------------------------------------------
def _read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


def test_results_table_and_loss_histories_export_to_csv(qtbot, window, sweep, classroom_env, monkeypatch,
                                                         tmp_path):
    train, test, _texts = _finished_sweep(qtbot, sweep)
    table_actions = [a.text() for a in sweep.table.actions()]
    assert table_actions == ["Save as CSV…"] and sweep.table.contextMenuPolicy() == Qt.ActionsContextMenu
    _dialogs_answer(monkeypatch, tmp_path / "results")  # ".csv" is added
    sweep.table.table_export.csv_action.trigger()
    rows = _read_csv(tmp_path / "results.csv")
    assert rows[0] == ["run", "hidden_width", "lr", "train_loss", "test_loss", "steps"]
    assert [r[1:3] for r in rows[1:]] == [["2", "0.01"], ["2", "0.1"], ["8", "0.01"], ["8", "0.1"]]
    np.testing.assert_allclose([float(r[3]) for r in rows[1:]], train, rtol=1e-6)
    np.testing.assert_allclose([float(r[4]) for r in rows[1:]], test, rtol=1e-6)
    assert {r[5] for r in rows[1:]} == {str(STEPS)}
    assert "Saved" in window.statusBar().currentMessage()

    plot = sweep.multiples.widget
    assert [a.text() for a in plot.actions()] == ["Save image (PNG)…", "Save image (SVG)…", "Save data (CSV)…"]
    _dialogs_answer(monkeypatch, tmp_path / "histories.csv")
    plot.plot_export.csv_action.trigger()
    rows = _read_csv(tmp_path / "histories.csv")
    assert rows[0] == ["run", "hidden_width", "lr", "step", "train_loss"]
    assert len(rows) == 1 + 4 * STEPS
    assert rows[1][:4] == ["1", "2", "0.01", "1"] and rows[-1][:4] == ["4", "8", "0.1", str(STEPS)]
    losses = np.array([float(r[4]) for r in rows[1:]]).reshape(4, STEPS)
    assert (losses[:, -1] < losses[:, 0]).all(), "every run's loss went down"
    _dialogs_answer(monkeypatch, tmp_path / "grid.png")
    assert plot.plot_export.save_image("png") and (tmp_path / "grid.png").stat().st_size > 1000


def test_csv_before_any_sweep_and_a_failed_write_do_not_crash(qtbot, window, classroom_env, monkeypatch, tmp_path):
    sweep = window.labs["sweep"]
    _dialogs_answer(monkeypatch, tmp_path / "empty.csv")
    sweep.table.table_export.csv_action.trigger()
    assert _read_csv(tmp_path / "empty.csv") == [["run"]]
    _dialogs_answer(monkeypatch, tmp_path / "no-such-folder" / "x.csv")
    assert sweep.table.table_export.save_csv() is None
    assert "Could not save" in window.statusBar().currentMessage()
