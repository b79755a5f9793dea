"""The Classification lab in the classroom: sessions with trained weights and drawn points, live theme,
CSV export, presentation mode."""

import csv
import json

import numpy as np
import torch
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from playground.core.persistence import session as sessions
from playground.core.classify.config import PRESETS, ClassifyConfig, build_classifier, session_config
from playground.ui import classroom, export, theme
from tests.ui.helpers import choose
from tests.ui.test_classify_lab import lab  # noqa: F401 (a fixture)
from tests.ui.test_classify_lab import click_plane, read_on_worker, shown_step, total_points

NO_POINTS = (np.zeros((0, 2), np.float32), np.zeros(0, np.int64))


def _weights(qtbot, lab):
    return read_on_worker(qtbot, lab, lambda job: {k: v.detach().clone() for k, v in job.model.state_dict().items()})


def _answer_dialogs(monkeypatch, path):
    monkeypatch.setattr(export, "ask_save_path", lambda *a: str(path))
    monkeypatch.setattr(classroom, "ask_open_path", lambda *a: str(path))


def _pause_and_settle(qtbot, lab):
    """Pause; wait until the screen shows the step the worker stopped at."""
    lab.pause()
    qtbot.waitUntil(lambda: lab.last_progress().state in ("paused", "finished"), timeout=60_000)
    step = read_on_worker(qtbot, lab, lambda job: job.step_count)
    qtbot.waitUntil(lambda: shown_step(lab) == step and len(lab.loss_plot.train_history) == step, timeout=60_000)
    return step


def _heatmap(lab):
    return lab.last_progress().snapshot["heatmap"].copy()


def test_trained_xor_comes_back_from_a_session_with_the_same_decision(qtbot, window, lab, classroom_env,
                                                                       monkeypatch, tmp_path):
    lab.preset_box.setFocus()
    qtbot.keyClick(lab.preset_box, Qt.Key_Down)  # "XOR with the x₁x₂ feature": 1500 steps
    qtbot.waitUntil(lambda: lab.last_progress().snapshot["config"] == lab.config(), timeout=60_000)
    lab.setFocus()
    qtbot.keyClick(lab, Qt.Key_Space)
    qtbot.waitUntil(lambda: lab.last_progress().state == "finished", timeout=60_000)
    step = _pause_and_settle(qtbot, lab)
    saved = lab.last_progress().snapshot
    assert saved["test_acc"] > 0.9 and saved["train_acc"] > 0.9
    saved_config, saved_heat, saved_weights = lab.config(), _heatmap(lab), _weights(qtbot, lab)
    saved_image = lab.decision.heat.pixmap().toImage()
    saved_history, saved_accuracy = lab.loss_plot.train_history.values().copy(), lab.accuracy_label.text()

    path = tmp_path / "xor.nnplay"
    _answer_dialogs(monkeypatch, path)
    window.classroom.save_training_action.trigger()  # File → Save session with trained weights…
    entry = json.loads(path.read_text(encoding="utf-8"))["labs"]["classify"]
    assert entry["config"]["dataset"] == "xor" and entry["config"]["drawn_points"] == []
    assert entry["training"]["step"] == step and len(entry["training"]["loss_history"]) == step
    assert entry["training"]["optimizer"]["name"] == "Adam"

    # Change everything: another dataset and network, trained a little.
    choose(qtbot, lab.controls.editor("dataset"), "circle")
    qtbot.mouseClick(lab.controls.hidden.layers.plus, Qt.LeftButton)
    generation = lab._generation
    qtbot.mouseClick(lab.transport.play_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: lab._generation != generation and shown_step(lab) > 30, timeout=60_000)
    _pause_and_settle(qtbot, lab)
    assert not np.array_equal(_heatmap(lab), saved_heat)

    generation = lab._generation
    window.classroom.open_action.trigger()  # File → Open session…
    assert lab.config() == saved_config and lab.controls.editor("dataset").currentData() == "xor"
    qtbot.waitUntil(lambda: lab._generation != generation and shown_step(lab) == step
                    and len(lab.loss_plot.train_history) == step, timeout=60_000)
    # Without pressing Play: the restored network's decision, accuracy and loss history are on screen.
    restored = lab.last_progress().snapshot
    np.testing.assert_array_equal(restored["heatmap"], saved_heat)
    assert lab.decision.heat.pixmap().toImage() == saved_image
    assert (restored["train_acc"], restored["test_acc"]) == (saved["train_acc"], saved["test_acc"])
    assert lab.accuracy_label.text() == saved_accuracy
    np.testing.assert_allclose(lab.loss_plot.train_history.values(), saved_history)
    weights = _weights(qtbot, lab)
    assert all(torch.equal(weights[k], saved_weights[k]) for k in saved_weights)
    assert not lab.transport.playing
    assert "Session opened" in window.statusBar().currentMessage()


def test_drawn_points_come_back_from_a_session_and_from_the_settings(qtbot, window, lab, classroom_env,
                                                                      monkeypatch, tmp_path):
    controls = lab.controls
    shown = total_points(lab.data())
    choose(qtbot, controls.editor("dataset"), "draw")  # starts from the points on screen
    choose(qtbot, controls.draw_class_box, 1)
    click_plane(qtbot, lab, 5.5, -5.5)
    qtbot.waitUntil(lambda: total_points(lab.data()) == shown + 1, timeout=60_000)
    drawn_points, drawn_classes = (a.copy() for a in lab.drawn_points())
    assert len(drawn_classes) == shown + 1 and drawn_classes[-1] == 1

    path = tmp_path / "drawing.nnplay"
    _answer_dialogs(monkeypatch, path)
    window.classroom.save_action.trigger()  # File → Save session… (no weights)
    entry = json.loads(path.read_text(encoding="utf-8"))["labs"]["classify"]
    assert "training" not in entry
    assert len(entry["config"]["drawn_points"]) == shown + 1 and entry["config"]["drawn_classes"][-1] == 1

    # Lose the drawing: remove the new point, then leave "Draw your own".
    click_plane(qtbot, lab, 5.5, -5.5, Qt.RightButton)
    qtbot.waitUntil(lambda: total_points(lab.data()) == shown, timeout=60_000)
    choose(qtbot, controls.editor("dataset"), "xor")

    def drawing_is_back():
        points, classes = lab.drawn_points()
        return (lab.config().dataset == "draw" and np.array_equal(points, drawn_points)
                and np.array_equal(classes, drawn_classes))

    window.classroom.open_action.trigger()
    assert drawing_is_back() and controls.draw_class_box.isVisible()
    qtbot.waitUntil(lambda: lab.last_progress().snapshot["config"].dataset == "draw"
                    and total_points(lab.data()) == shown + 1, timeout=60_000)
    on_worker = read_on_worker(qtbot, lab, lambda job: (job.drawn[0].copy(), job.drawn[1].copy()))
    np.testing.assert_array_equal(on_worker[0], drawn_points)
    np.testing.assert_array_equal(on_worker[1], drawn_classes)

    # The remembered settings keep the drawing between runs too.
    window.classroom.save_settings()
    choose(qtbot, controls.editor("dataset"), "circle")
    click_plane(qtbot, lab, 0.0, 0.0)  # not drawing now: nothing changes
    assert not drawing_is_back()
    assert window.classroom.restore_settings() == []
    assert drawing_is_back()


def _prepared_session(path, config, weights=None, step=None, history=None, points=NO_POINTS):
    entry = sessions.lab_entry(session_config(config, *points), weights=weights, step=step, loss_history=history)
    sessions.save(path, {"classify": entry})


def test_session_opened_before_the_tab_is_shown_loads_its_weights_when_it_is(qtbot, window, classroom_env, tmp_path):
    from playground.core.classify.job import train_classifier

    trained = train_classifier(PRESETS["xor_hidden"])  # a lesson prepared elsewhere
    step = trained.step_count
    history = np.geomspace(0.7, 0.01, step).astype(np.float32)
    path = tmp_path / "prepared.nnplay"
    _prepared_session(path, trained.config, trained.model.state_dict(), step, history)
    lab = window.labs["classify"]
    assert lab._loop is None  # its tab was never shown
    assert window.classroom.open_session(str(path))
    assert lab.config() == PRESETS["xor_hidden"]
    again = tmp_path / "again.nnplay"  # saving now keeps the weights not yet loaded
    window.classroom.save_session(str(again), with_training=True)
    assert json.loads(again.read_text())["labs"]["classify"]["training"]["step"] == step

    bar = window.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.LeftButton, pos=bar.tabRect(window.tabs.indexOf(lab)).center())
    qtbot.waitUntil(lambda: lab.is_ready() and lab.last_progress() is not None and shown_step(lab) == step
                    and len(lab.loss_plot.train_history) == step, timeout=60_000)
    snapshot = lab.last_progress().snapshot
    np.testing.assert_array_equal(snapshot["heatmap"], trained.heatmap())
    assert snapshot["test_acc"] == trained.evaluate(trained.x_test, trained.y_test)[1] > 0.9
    np.testing.assert_allclose(lab.loss_plot.train_history.values(), history)


def test_bad_drawn_points_or_weights_are_refused_and_nothing_changes(qtbot, window, lab, classroom_env, tmp_path):
    before_config, before_drawn, generation = lab.config(), lab.drawn_points(), lab._generation
    draw = ClassifyConfig(dataset="draw", hidden=(4,))
    points = (np.array([[1.0, 2.0], [-3.0, 4.5]], np.float32), np.array([0, 1]))
    good = tmp_path / "good.nnplay"
    _prepared_session(good, draw, build_classifier(draw).state_dict(), 0, points=points)
    document = json.loads(good.read_text())

    def variant(name, mutate):
        doc = json.loads(json.dumps(document))
        mutate(doc["labs"]["classify"])
        path = tmp_path / f"{name}.nnplay"
        path.write_text(json.dumps(doc))
        return path

    cases = {
        "outside": (lambda e: e["config"]["drawn_points"][0].__setitem__(0, 99.0), "drawn_points"),
        "class": (lambda e: e["config"]["drawn_classes"].__setitem__(1, 7), "drawn_classes"),
        "lengths": (lambda e: e["config"]["drawn_classes"].append(0), "3 entries in drawn_classes"),
        "shape": (lambda e: e["config"]["drawn_points"].append([1.0]), "drawn_points"),
        "network": (lambda e: e["config"].update(hidden=[8]), "do not fit"),
    }
    for name, (mutate, reason) in cases.items():
        assert not window.classroom.open_session(str(variant(name, mutate))), name
        box = window.classroom.error_box
        assert box.isVisible() and reason in box.text() and "Nothing was changed" in box.text(), (name, box.text())
        box.close()
    assert lab.config() == before_config and lab.drawn_points() is before_drawn
    assert lab._generation == generation  # the job was never rebuilt
    assert window.classroom.open_session(str(good))  # the unmodified file opens
    qtbot.waitUntil(lambda: total_points(lab.data()) == 2, timeout=60_000)


def _pen_color(points) -> str:
    return points.item.pen().color().name()


def test_theme_switch_recolours_heatmaps_points_and_loss_curves(qtbot, window, lab, classroom_env):
    qtbot.mouseClick(lab.transport.play_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: shown_step(lab) > 50, timeout=60_000)
    _pause_and_settle(qtbot, lab)
    dark_heat, dark_neurons = _heatmap(lab), lab.neurons.pixmap().toImage()
    assert not lab.decision.test_edge.item.isVisible()  # white rings need no edge on the dark background

    window.classroom.light_action.trigger()  # View → Theme → Light
    qtbot.waitUntil(lambda: not np.array_equal(_heatmap(lab), dark_heat), timeout=60_000)
    light_heat = _heatmap(lab)
    assert light_heat[..., :3].mean() > dark_heat[..., :3].mean() + 60  # regions fade to white, not black
    qtbot.waitUntil(lambda: lab.neurons.pixmap().toImage() != dark_neurons, timeout=60_000)
    light = theme.LIGHT
    # the raw mini-batch losses may be faded under their running mean (ui/widgets/loss_plot.py): compare RGB
    assert lab.loss_plot.train.item.pen().color().rgb() == QColor(light.train_loss).rgb()
    assert lab.loss_plot.train_smooth.item.pen().color() == QColor(light.train_loss)
    assert lab.loss_plot.test.item.pen().color() == QColor(light.test_loss)
    assert lab.decision.test_edge.item.isVisible() and _pen_color(lab.decision.test_edge) == light.foreground
    assert lab.decision.message.color == QColor(light.warning)
    assert lab.accuracy_label.palette().windowText().color().lightness() < 100  # dark text on the light window
    assert light.warning in lab.error_label.styleSheet()

    window.classroom.dark_action.trigger()
    qtbot.waitUntil(lambda: np.array_equal(_heatmap(lab), dark_heat), timeout=60_000)  # the same network
    assert lab.loss_plot.train.item.pen().color().rgb() == QColor(theme.DARK.train_loss).rgb()
    assert not lab.decision.test_edge.item.isVisible()
    assert lab.accuracy_label.palette().windowText().color().lightness() > 150


def _read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


def test_points_and_loss_history_export_to_csv(qtbot, window, lab, classroom_env, monkeypatch, tmp_path):
    qtbot.mouseClick(lab.transport.play_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: shown_step(lab) > 40, timeout=60_000)
    step = _pause_and_settle(qtbot, lab)
    plot = lab.decision.widget
    assert [a.text() for a in plot.actions()] == ["Save image (PNG)…", "Save image (SVG)…", "Save data (CSV)…"]

    _answer_dialogs(monkeypatch, tmp_path / "points.csv")
    plot.plot_export.csv_action.trigger()
    header, *rows = _read_csv(tmp_path / "points.csv")
    data = lab.data()
    assert header == ["x1", "x2", "class", "split"] and len(rows) == total_points(data)
    assert sum(row[3] == "test" for row in rows) == len(data.y_test) > 0
    assert float(rows[0][0]) == data.x_train[0, 0] and int(rows[0][2]) == data.y_train[0]

    _answer_dialogs(monkeypatch, tmp_path / "loss.csv")
    lab.loss_plot.widget.plot_export.csv_action.trigger()
    header, *rows = _read_csv(tmp_path / "loss.csv")
    assert header == ["step", "train_loss", "test_loss"] and len(rows) == step
    np.testing.assert_allclose([float(r[1]) for r in rows], lab.loss_plot.train_history.values(), rtol=1e-6)

    _answer_dialogs(monkeypatch, tmp_path / "regions.png")
    plot.plot_export.png_action.trigger()
    assert (tmp_path / "regions.png").stat().st_size > 1000


def test_presentation_mode_hides_advanced_controls_and_enlarges_points_and_accuracy(qtbot, window, lab, classroom_env):
    controls, decision = lab.controls, lab.decision
    ring_width = decision.train_ring.item.pen().widthF()
    accuracy_size = lab.accuracy_label.font().pointSizeF()
    side_width = lab.side_tabs.maximumWidth()
    assert controls.editor("seed").isVisible() and controls.editor("test_fraction").isVisible()

    window.classroom.presentation_action.trigger()  # View → Presentation mode (F11)
    assert not controls.editor("seed").isVisible() and not controls.editor("test_fraction").isVisible()
    assert not controls.editor("device").isVisible() and controls.editor("lr").isVisible()
    assert decision.train_ring.item.pen().widthF() == ring_width * 1.4  # not doubled like the lines
    assert lab.accuracy_label.font().pointSizeF() > accuracy_size * 1.4  # the application font grows 1.45×
    assert lab.loss_plot.train.item.pen().widthF() == 2  # lines: doubled by the window
    assert lab.side_tabs.maximumWidth() < side_width  # the neuron heatmaps leave room to the decision plot

    window.classroom.presentation.set_active(False)  # Esc
    assert controls.editor("seed").isVisible() and controls.editor("test_fraction").isVisible()
    assert decision.train_ring.item.pen().widthF() == ring_width
    assert lab.accuracy_label.font().pointSizeF() == accuracy_size and lab.side_tabs.maximumWidth() == side_width
