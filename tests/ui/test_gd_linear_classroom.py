"""The Gradient-descent and Linear-regression tabs in class: sessions (a half-walked descent, trained w and b),
remembered settings, presentation mode, live theme, CSV export."""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

import numpy as np
import pytest
import torch
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from playground.core.persistence import session as sessions
from playground.core.gradient_descent.descent import GDConfig
from playground.core.linear.regression import LinearSetup, train
from playground.ui import classroom, export, theme
from playground.ui.main_window import MainWindow
from tests.ui.helpers import choose

SHOTS = Path(os.environ.get("GDLIN_SHOTS", "/tmp/lead/gdlin"))


def _type_value(qtbot, box, text):
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, text)
    qtbot.keyClick(box, Qt.Key_Return)


def _answer_dialogs(monkeypatch, path):
    monkeypatch.setattr(export, "ask_save_path", lambda *a: str(path))
    monkeypatch.setattr(classroom, "ask_open_path", lambda *a: str(path))


def _read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


def _table(lab):
    return [[lab.table.item(r, c).text() for c in range(lab.table.columnCount())] for r in range(lab.table.rowCount())]


@pytest.fixture
def gd(window, classroom_env):
    lab = window.labs["gd"]
    window.tabs.setCurrentWidget(lab)
    return lab


@pytest.fixture
def linear(window, qtbot, classroom_env):
    lab = window.labs["linear"]
    window.tabs.setCurrentWidget(lab)
    qtbot.waitUntil(lab.is_ready, timeout=60_000)
    return lab


def _walk_bowl(qtbot, gd, steps):
    choose(qtbot, gd.controls.editor("function"), "bowl")
    _type_value(qtbot, gd.controls.editor("lr"), "0.2")
    _type_value(qtbot, gd.controls.editor("momentum"), "0.3")
    for _ in range(steps):
        qtbot.mouseClick(gd.transport.step_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: gd.gd.step_count == steps, timeout=60_000)  # the walk's worker took them


def _train_linear(qtbot, lab, steps):
    _type_value(qtbot, lab.controls.editor("max_steps"), str(steps))
    qtbot.mouseClick(lab.transport.play_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: lab._state == "finished" and len(lab._trajectory) == steps + 1, timeout=60_000)


# -- sessions ---------------------------------------------------------------------------------------------
def test_a_half_walked_descent_comes_back_from_a_session(qtbot, window, gd, monkeypatch, tmp_path):
    _walk_bowl(qtbot, gd, 6)
    x, path, table, verdict = gd.gd.x.copy(), [p.copy() for p in gd.gd.path], _table(gd), gd.verdict_label.text()
    path_file = tmp_path / "walk.nnplay"
    _answer_dialogs(monkeypatch, path_file)
    window.classroom.save_training_action.trigger()  # File → Save session with trained weights…

    entry = json.loads(path_file.read_text(encoding="utf-8"))["labs"]["gd"]
    assert entry["config"] == {"function": "bowl", "start_x": 5.0, "start_y": 3.0, "lr": 0.2, "momentum": 0.3,
                               "pace": 10}
    assert entry["training"]["step"] == 6 and len(entry["training"]["loss_history"]) == 6
    assert entry["training"]["loss_history"][0] == 25 + 4 * 9  # f(5, 3) before the first step

    choose(qtbot, gd.controls.editor("function"), "x4")  # something else on screen
    qtbot.mouseClick(gd.transport.step_button, Qt.LeftButton)
    window.classroom.open_action.trigger()

    assert gd.config() == GDConfig("bowl", 5.0, 3.0, 0.2, 0.3, 10)
    assert gd.controls.editor("function").currentData() == "bowl" and gd.controls.editor("start_y").isVisibleTo(gd)
    assert gd.gd.step_count == 6
    np.testing.assert_array_equal(gd.gd.x, x)
    np.testing.assert_array_equal(np.array(gd.gd.path), np.array(path))
    assert _table(gd) == table and gd.verdict_label.text() == verdict
    assert gd.point.data["x"][0] == x[0] and gd.point.data["y"][0] == x[1]
    assert len(gd.path_points.data) == 7
    # and the walk goes on from there exactly as it would have
    qtbot.mouseClick(gd.transport.step_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: gd.gd.step_count == 7, timeout=60_000)
    assert gd.table.rowCount() == 7


def test_a_session_without_training_starts_the_descent_afresh(qtbot, window, gd, tmp_path):
    _walk_bowl(qtbot, gd, 3)
    path = str(tmp_path / "plain.nnplay")
    window.classroom.save_session(path, with_training=False)
    assert "training" not in json.loads(Path(path).read_text(encoding="utf-8"))["labs"]["gd"]
    assert window.classroom.open_session(path)
    assert gd.config().function == "bowl" and gd.gd.step_count == 0 and gd.table.rowCount() == 0


def test_trained_w_and_b_and_the_loss_history_come_back(qtbot, window, linear, monkeypatch, tmp_path):
    lab = linear
    _type_value(qtbot, lab.controls.editor("lr"), "0.02")
    _train_linear(qtbot, lab, 40)
    trajectory = lab._trajectory.copy()
    path_file = tmp_path / "linear.nnplay"
    _answer_dialogs(monkeypatch, path_file)
    window.classroom.save_training_action.trigger()

    entry = json.loads(path_file.read_text(encoding="utf-8"))["labs"]["linear"]
    assert entry["config"] == {"lr": 0.02, "max_steps": 40, "seed": 29}
    assert entry["training"]["step"] == 40
    np.testing.assert_allclose(entry["training"]["loss_history"], trajectory[:-1, 2], rtol=1e-12)

    qtbot.mouseClick(lab.transport.reset_button, Qt.LeftButton)
    _type_value(qtbot, lab.controls.editor("seed"), "3")  # other initial weights, back to step 0
    qtbot.waitUntil(lambda: len(lab._trajectory) == 1 and lab._trajectory[0, 0] != trajectory[0, 0], timeout=60_000)
    window.classroom.open_action.trigger()

    qtbot.waitUntil(lambda: len(lab._trajectory) == 41, timeout=60_000)
    assert lab.config() == LinearSetup(lr=0.02, max_steps=40, seed=29)
    assert (lab.controls.editor("lr").value(), lab.controls.editor("max_steps").value(), lab.controls.editor("seed").value()) == (0.02, 40, 29)
    assert tuple(lab._trajectory[-1]) == tuple(trajectory[-1])  # the same w, b and loss
    np.testing.assert_allclose(lab._trajectory[:-1, 2], trajectory[:-1, 2])  # every step's loss
    assert np.isnan(lab._trajectory[:-1, :2]).all()  # earlier w and b were not saved
    assert "Step 40" in lab.readout.text()
    assert lab.current.data["x"][0] == pytest.approx(trajectory[-1, 0])
    assert lab.loss_curve.item.path().elementCount() == 41
    # Training continues from the saved weights exactly as the uninterrupted run does.
    qtbot.mouseClick(lab.transport.step_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: len(lab._trajectory) == 42, timeout=60_000)
    w, b = train(LinearSetup(lr=0.02, max_steps=41, seed=29)).weights()
    assert tuple(lab._trajectory[-1, :2]) == pytest.approx((w, b), rel=1e-6)


def test_a_linear_session_opened_before_the_tab_is_shown_loads_when_it_is(qtbot, window, classroom_env, tmp_path):
    lab = window.labs["linear"]
    assert lab._loop is None  # never shown: no worker yet
    job = train(LinearSetup(lr=0.05, max_steps=30, seed=5))
    weights, step, history = job.training_state()
    path = tmp_path / "early.nnplay"
    sessions.save(path, {"linear": sessions.lab_entry(LinearSetup(lr=0.05, max_steps=30, seed=5), weights=weights,
                                                      step=step, loss_history=history)})
    assert window.classroom.open_session(str(path))
    assert lab.controls.editor("seed").value() == 5 and lab._loop is None
    again = str(tmp_path / "again.nnplay")  # saved before the tab was shown: the run is kept
    window.classroom.save_session(again, with_training=True)
    assert json.loads(Path(again).read_text(encoding="utf-8"))["labs"]["linear"]["training"]["step"] == 30

    window.tabs.setCurrentWidget(lab)
    qtbot.waitUntil(lambda: lab.is_ready() and len(lab._trajectory) == 31, timeout=60_000)
    assert tuple(lab._trajectory[-1, :2]) == job.weights()
    assert not lab.contours.item.path().isEmpty() and lab.path_line.item.path().elementCount() == 1


def test_hand_edited_bad_entries_are_refused_and_nothing_changes(qtbot, window, gd, tmp_path):
    _walk_bowl(qtbot, gd, 4)
    good = tmp_path / "good.nnplay"
    window.classroom.save_session(str(good), with_training=True)
    linear = window.labs["linear"]
    good_linear = train(LinearSetup(max_steps=5))
    weights, step, history = good_linear.training_state()
    document = json.loads(good.read_text(encoding="utf-8"))
    document["labs"]["linear"] = sessions.lab_entry(LinearSetup(max_steps=5), weights=weights, step=step,
                                                    loss_history=history)
    gd_before, table_before, linear_before = gd.config(), _table(gd), linear.config()

    def variant(name, lab_key, mutate):
        doc = json.loads(json.dumps(document))
        mutate(doc["labs"][lab_key])
        path = tmp_path / f"{name}.nnplay"
        path.write_text(json.dumps(doc), encoding="utf-8")
        return path

    def set_weights(state):
        return lambda entry: entry["training"]["weights"].update(data=sessions.encode_weights(state))

    cases = {
        "gd_step": ("gd", lambda e: e["training"].update(step=5), "not where 5 steps"),
        "gd_history": ("gd", lambda e: e["training"]["loss_history"].__setitem__(1, 3.5), "values of f"),
        "gd_shape": ("gd", set_weights({"x": torch.zeros(1, dtype=torch.float64)}), "2 coordinate"),
        "gd_lr": ("gd", lambda e: e["config"].update(lr=30), "lr"),
        "gd_function": ("gd", lambda e: e["config"].update(function="x^3"), "unknown value"),
        "linear_shape": ("linear", set_weights({"weight": torch.zeros(1, 1), "bias": torch.zeros(2)}), "bias"),
        "linear_nan": ("linear", set_weights({"weight": torch.full((1, 1), float("nan")), "bias": torch.zeros(1)}),
                       "NaN"),
        "linear_history": ("linear", lambda e: e["training"]["loss_history"].pop(), "4 values"),
        "linear_seed": ("linear", lambda e: e["config"].update(seed=-1), "seed"),
    }
    for name, (key, mutate, reason) in cases.items():
        assert not window.classroom.open_session(str(variant(name, key, mutate))), name
        box = window.classroom.error_box
        assert box.isVisible() and reason in box.text() and "Nothing was changed" in box.text(), (name, box.text())
        box.close()
    assert gd.config() == gd_before and _table(gd) == table_before and gd.gd.step_count == 4
    assert linear.config() == linear_before and linear._saved is None
    assert window.classroom.open_session(str(variant("unchanged", "gd", lambda e: None)))
    assert gd.gd.step_count == 4 and linear.config() == LinearSetup(max_steps=5) and linear._saved[1] == 5


# -- remembered settings ---------------------------------------------------------------------------------
def test_both_labs_settings_come_back_after_a_restart(qtbot, window, gd, classroom_env):
    _walk_bowl(qtbot, gd, 2)
    gd.transport.pace_box.setCurrentIndex(4)  # 2 steps/s
    linear = window.labs["linear"]
    window.tabs.setCurrentWidget(linear)
    qtbot.waitUntil(linear.is_ready, timeout=60_000)
    _type_value(qtbot, linear.controls.editor("lr"), "0.03")
    _type_value(qtbot, linear.controls.editor("seed"), "7")
    expected_gd, expected_linear = gd.config(), linear.config()
    assert expected_gd.pace == 2 and expected_linear == LinearSetup(lr=0.03, max_steps=1000, seed=7)
    window.close()  # saves the settings

    win = MainWindow()
    qtbot.addWidget(win)
    try:
        assert win.classroom.restore_settings() == []
        assert win.labs["gd"].config() == expected_gd
        assert win.labs["gd"].controls.editor("function").currentData() == "bowl" and win.labs["gd"].controls.editor("momentum").value() == 0.3
        assert win.labs["gd"].transport.pace_box.currentIndex() == 4
        assert win.labs["linear"].config() == expected_linear and win.labs["linear"].controls.editor("seed").value() == 7
        assert win.tabs.currentWidget() is win.labs["linear"]
    finally:
        win.shutdown()


def test_bad_remembered_settings_fall_back_per_value(qtbot, window, classroom_env):
    from playground.ui.settings import Settings

    settings = Settings()
    settings.set_lab_state("gd", {"config": {"function": "bowl", "lr": "fast", "pace": 50}})
    settings.set_lab_state("linear", {"config": {"seed": 4, "max_steps": 0}})
    settings.sync()
    win = MainWindow()
    qtbot.addWidget(win)
    try:
        problems = win.classroom.restore_settings()
        assert win.labs["gd"].config() == GDConfig(function="bowl", pace=50)
        assert win.labs["linear"].config() == LinearSetup(seed=4)
        assert any("labs/gd: lr" in p for p in problems) and any("labs/linear: max_steps" in p for p in problems)
    finally:
        win.shutdown()


# -- presentation mode ------------------------------------------------------------------------------------
def test_presentation_hides_advanced_controls_and_esc_brings_them_back(qtbot, window, gd, linear):
    def shown(lab, *widgets):
        return [w.isVisibleTo(lab) for w in widgets]

    gd_advanced = (gd.controls.editor("momentum"), gd.transport.pace_box)
    linear_advanced = (linear.controls.editor("seed"), linear.controls.editor("max_steps"), linear.transport.pace_box)
    assert all(shown(gd, *gd_advanced)) and all(shown(linear, *linear_advanced))

    qtbot.keyClick(window, Qt.Key_F11)
    assert window.isFullScreen()
    assert not any(shown(gd, *gd_advanced)) and not any(shown(linear, *linear_advanced))
    assert all(shown(gd, gd.controls.editor("lr"), gd.controls.editor("start_x"), gd.controls.editor("function"), gd.table, gd.transport.step_button))
    assert all(shown(linear, linear.controls.editor("lr"), linear.transport.play_button, linear.readout))
    # No gaps: the table takes the room of the hidden rows, the plots reach the labs' right edges.
    left = gd.table.parentWidget()
    assert gd.table.geometry().bottom() >= left.height() - 15
    assert left.width() > 440 and gd.plot.geometry().right() >= gd.width() - 15  # wider column for larger text
    assert linear.loss_plot.mapTo(linear, linear.loss_plot.rect().bottomRight()).x() >= linear.width() - 15
    qtbot.keyClick(window, Qt.Key_Escape)
    assert not window.isFullScreen()
    assert all(shown(gd, *gd_advanced)) and all(shown(linear, *linear_advanced))


# -- theme ---------------------------------------------------------------------------------------------------
def _pen(item) -> str:
    return item.pen().color().name()


def _scatter(item) -> tuple[str, str]:
    return item.opts["pen"].color().name(), item.opts["brush"].color().name()


def _gd_colours(gd):
    return {"curve": _pen(gd.curve.item), "contours": _pen(gd.contours.item), "tangent": _pen(gd.tangent.item),
            "path": _pen(gd.path_line.item), "step": _pen(gd.step_line.item), "points": _scatter(gd.path_points),
            "point": _scatter(gd.point), "minima": _scatter(gd.minima),
            "arrow": (gd.arrow.opts["pen"].color().name(), gd.arrow.opts["brush"].color().name()),
            "banner": gd.banner.color.name()}


def _expected_gd(c):
    return {"curve": c.target, "contours": c.target, "tangent": c.train_points, "path": c.test_loss, "step": c.fit,
            "points": (c.test_loss,) * 2, "point": (c.fit,) * 2, "minima": (c.goal,) * 2, "arrow": (c.fit,) * 2,
            "banner": c.warning}


def _linear_colours(lab):
    return {"target": _pen(lab.target_line.item), "fit": _pen(lab.fit_line.item), "w": _pen(lab.w_curve.item),
            "b": _pen(lab.b_curve.item), "contours": _pen(lab.contours.item), "path": _pen(lab.path_line.item),
            "loss": _pen(lab.loss_curve.item), "points": _scatter(lab.points), "current": _scatter(lab.current),
            "optimum": _scatter(lab.optimum_point), "w_goal": lab.w_goal.pen.color().name(),
            "b_goal": lab.b_goal.pen.color().name(),
            "legend": tuple(p.opts["pen"].color().name() for p in lab._legend_proxies)}


def _expected_linear(c):
    return {"target": c.target, "fit": c.fit, "w": c.fit, "b": c.train_points, "contours": c.target, "path": c.fit,
            "loss": c.train_loss, "points": (c.train_points,) * 2, "current": (c.fit,) * 2,
            "optimum": (c.goal,) * 2, "w_goal": c.fit, "b_goal": c.train_points, "legend": (c.fit, c.train_points)}


def test_theme_switch_recolours_every_item_of_both_labs(qtbot, window, gd, linear):
    window.tabs.setCurrentWidget(gd)
    _type_value(qtbot, gd.controls.editor("lr"), "1.1")  # diverging: the warning banner shows
    for _ in range(5):
        qtbot.mouseClick(gd.transport.step_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: gd.gd.step_count == 5, timeout=60_000)
    assert gd.banner.toPlainText()
    _train_linear(qtbot, linear, 60)
    dashes = gd.tangent.item.pen().style(), linear.target_line.item.pen().style(), linear.w_goal.pen.style()
    assert _gd_colours(gd) == _expected_gd(theme.DARK)
    assert _linear_colours(linear) == _expected_linear(theme.DARK)

    window.classroom.light_action.trigger()  # View → Theme → Light
    assert _gd_colours(gd) == _expected_gd(theme.LIGHT)
    assert _linear_colours(linear) == _expected_linear(theme.LIGHT)
    assert dashes == (gd.tangent.item.pen().style(), linear.target_line.item.pen().style(), linear.w_goal.pen.style())
    assert theme.LIGHT.warning in gd.verdict_label.styleSheet()
    _screenshots(window, gd, linear, "light")

    window.classroom.dark_action.trigger()
    assert _gd_colours(gd) == _expected_gd(theme.DARK)
    assert _linear_colours(linear) == _expected_linear(theme.DARK)
    assert gd.curve.item.pen().color() == QColor(theme.DARK.target)
    _screenshots(window, gd, linear, "dark")


def _screenshots(window, gd, linear, name):
    if not SHOTS.is_dir():
        return
    for lab in (gd, linear):
        window.tabs.setCurrentWidget(lab)
        QApplication.processEvents()  # the palette change reaches every widget before the picture
        window.grab().save(str(SHOTS / f"test_{type(lab).__name__}_{name}.png"))


# -- CSV -------------------------------------------------------------------------------------------------------
def test_gd_path_exports_to_csv(qtbot, window, gd, monkeypatch, tmp_path):
    for _ in range(3):
        qtbot.mouseClick(gd.transport.step_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: gd.gd.step_count == 3, timeout=60_000)
    assert [a.text() for a in gd.plot.actions()] == ["Save image (PNG)…", "Save image (SVG)…", "Save data (CSV)…"]
    _answer_dialogs(monkeypatch, tmp_path / "path.csv")
    gd.plot.plot_export.csv_action.trigger()
    header, *rows = _read_csv(tmp_path / "path.csv")
    assert header == ["step", "x", "f(x)", "gradient"]
    assert [int(r[0]) for r in rows] == [0, 1, 2, 3]
    x = [float(r[1]) for r in rows]
    assert x == pytest.approx([5.0, 4.0, 3.2, 2.56])  # x ← (1 − 2·0.1)·x
    assert [float(r[2]) for r in rows] == pytest.approx([v * v for v in x])
    assert [float(r[3]) for r in rows] == pytest.approx([2 * v for v in x])

    choose(qtbot, gd.controls.editor("function"), "bowl")  # 2-D: both coordinates and both partial derivatives
    qtbot.mouseClick(gd.transport.step_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: gd.gd.step_count == 1, timeout=60_000)
    _answer_dialogs(monkeypatch, tmp_path / "table.csv")
    gd.table.table_export.csv_action.trigger()  # the table of steps offers the same
    header, *rows = _read_csv(tmp_path / "table.csv")
    assert header == ["step", "x", "y", "f(x, y)", "gradient_x", "gradient_y"]
    assert [float(v) for v in rows[0]] == [0, 5, 3, 61, 10, 24]


def test_linear_loss_history_and_fit_export_to_csv(qtbot, window, linear, monkeypatch, tmp_path):
    lab = linear
    _train_linear(qtbot, lab, 25)
    t = lab._trajectory
    _answer_dialogs(monkeypatch, tmp_path / "loss.csv")
    lab.loss_plot.plot_export.csv_action.trigger()
    header, *rows = _read_csv(tmp_path / "loss.csv")
    assert header == ["step", "train_loss", "test_loss"] and len(rows) == 25
    assert [int(r[0]) for r in rows] == list(range(1, 26))
    np.testing.assert_allclose([float(r[1]) for r in rows], t[:-1, 2], rtol=1e-8)  # step k: the loss it started from

    _answer_dialogs(monkeypatch, tmp_path / "fit.csv")
    lab.fit_plot.plot_export.csv_action.trigger()
    header, *rows = _read_csv(tmp_path / "fit.csv")
    w, b = t[-1, :2]
    assert header == ["x", "y", "prediction", "w", "b"]
    np.testing.assert_allclose([[float(v) for v in r] for r in rows], [[x, 2 * x, w * x + b, w, b] for x in (1, 2, 3)])

    _answer_dialogs(monkeypatch, tmp_path / "path.csv")
    lab.surface_plot.plot_export.csv_action.trigger()
    header, *rows = _read_csv(tmp_path / "path.csv")
    assert header == ["step", "w", "b", "loss"] and len(rows) == 26
    np.testing.assert_allclose([[float(v) for v in r[1:]] for r in rows], t, rtol=1e-8)
