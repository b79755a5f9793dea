"""File → Save session / Open session: a round trip restores configs and weights; bad files change nothing."""

import json
from dataclasses import replace

import numpy as np
import torch
from PySide6.QtCore import Qt

from playground.ui import classroom, export
from tests.ui.helpers import choose
from tests.ui.test_curve_lab import read_on_worker, shown_step


def _weights(qtbot, lab):
    return read_on_worker(qtbot, lab, lambda job: {k: v.detach().clone() for k, v in job.model.state_dict().items()})


def _answer_dialogs(monkeypatch, path):
    monkeypatch.setattr(export, "ask_save_path", lambda *a: str(path))
    monkeypatch.setattr(classroom, "ask_open_path", lambda *a: str(path))


def test_save_then_open_restores_config_weights_and_history(qtbot, window, classroom_env, monkeypatch, tmp_path):
    lab = window.curve_lab
    choose(qtbot, lab.controls.editor("activation"), "Tanh")
    qtbot.mouseClick(lab.transport.play_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: shown_step(lab) > 150, timeout=60_000)
    qtbot.mouseClick(lab.transport.play_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: lab.last_progress().state == "paused", timeout=60_000)
    step = read_on_worker(qtbot, lab, lambda job: job.step_count)
    qtbot.waitUntil(lambda: shown_step(lab) == step, timeout=60_000)
    assert len(lab.loss_plot.train_history) == step
    saved_config, saved_weights = lab.config(), _weights(qtbot, lab)
    saved_history = lab.loss_plot.train_history.values().copy()

    path = tmp_path / "lesson.nnplay"
    _answer_dialogs(monkeypatch, path)
    window.classroom.save_training_action.trigger()  # File → Save session with trained weights…
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["format"] == "nn-playground-session" and document["labs"]["curve"]["training"]["step"] == step

    # Change everything: another network, retrained.
    choose(qtbot, lab.controls.editor("activation"), "ReLU")
    lab.set_config(replace(lab.config(), hidden_width=20, lr=0.05))
    generation = lab._generation
    lab.play()
    qtbot.waitUntil(lambda: lab._generation != generation and shown_step(lab) > 20, timeout=60_000)
    assert read_on_worker(qtbot, lab, lambda job: job.model[0].out_features) == 20
    lab.pause()

    generation = lab._generation
    window.classroom.open_action.trigger()  # File → Open session…
    assert lab.config() == saved_config
    assert lab.controls.editor("activation").currentData() == "Tanh" and lab.controls.editor("hidden_width").value() == 10
    qtbot.waitUntil(lambda: lab._generation != generation and shown_step(lab) == step
                    and len(lab.loss_plot.train_history) == step, timeout=60_000)
    restored = _weights(qtbot, lab)
    assert restored.keys() == saved_weights.keys()
    assert all(torch.equal(restored[k], saved_weights[k]) for k in saved_weights)
    np.testing.assert_allclose(lab.loss_plot.train_history.values(), saved_history)
    assert not lab.transport.playing
    assert "Session opened" in window.statusBar().currentMessage()
    # It trains on from there.
    lab.play()
    qtbot.waitUntil(lambda: shown_step(lab) > step + 10, timeout=60_000)
    assert len(lab.loss_plot.train_history) > step

    # Recent files: the session is listed and opens from there.
    recent = [a for a in window.classroom.recent_menu.actions() if a.data()]
    assert [a.data() for a in recent] == [str(path.resolve())]
    lab.pause()
    recent[0].trigger()
    qtbot.waitUntil(lambda: shown_step(lab) == step, timeout=60_000)


def test_config_only_session_round_trip(qtbot, window, classroom_env, monkeypatch, tmp_path):
    lab = window.curve_lab
    lab.set_config(replace(lab.config(), target="sin", hidden_width=32, depth=2, lr=0.003))
    expected = lab.config()
    path = tmp_path / "config_only"
    _answer_dialogs(monkeypatch, path)
    window.classroom.save_action.trigger()
    saved = tmp_path / "config_only.nnplay"
    assert "training" not in json.loads(saved.read_text())["labs"]["curve"]
    lab.set_config(replace(expected, hidden_width=3, target="x^3"))
    assert window.classroom.open_session(str(saved))
    assert lab.config() == expected
    qtbot.waitUntil(lambda: read_on_worker(qtbot, lab, lambda job: job.model[0].out_features) == 32, timeout=60_000)


def test_malformed_session_is_refused_and_the_current_state_kept(qtbot, window, classroom_env, monkeypatch, tmp_path):
    lab = window.curve_lab
    lab.set_config(replace(lab.config(), hidden_width=12, activation="ELU"))
    lab.play()
    qtbot.waitUntil(lambda: shown_step(lab) > 30, timeout=60_000)
    lab.pause()
    qtbot.waitUntil(lambda: lab.last_progress().state == "paused", timeout=60_000)
    good = tmp_path / "good.nnplay"
    window.classroom.save_session(str(good), with_training=True)
    before_config, before_weights, generation = lab.config(), _weights(qtbot, lab), lab._generation
    document = json.loads(good.read_text())

    def variant(name, mutate):
        doc = json.loads(json.dumps(document))
        mutate(doc)
        path = tmp_path / f"{name}.nnplay"
        path.write_text(json.dumps(doc) if not isinstance(doc, str) else doc)
        return path

    cases = {
        "truncated": (tmp_path / "truncated.nnplay", "not valid JSON"),
        "lr": (variant("lr", lambda d: d["labs"]["curve"]["config"].update(lr="fast")), "lr"),
        "width": (variant("width", lambda d: d["labs"]["curve"]["config"].update(hidden_width=99)), "do not fit"),
        "weights": (variant("weights", lambda d: d["labs"]["curve"]["training"]["weights"].update(data="AAAA")), "weights"),
        "format": (variant("format", lambda d: d.update(format="something else")), "format"),
    }
    (tmp_path / "truncated.nnplay").write_text(good.read_text()[: len(good.read_text()) // 2])
    for name, (path, reason) in cases.items():
        _answer_dialogs(monkeypatch, path)
        window.classroom.open_action.trigger()
        box = window.classroom.error_box
        assert box is not None and box.isVisible(), name
        assert reason in box.text() and "Nothing was changed" in box.text(), (name, box.text())
        assert lab.config() == before_config, name
        box.close()
    assert lab._generation == generation  # the job was never rebuilt
    after = _weights(qtbot, lab)
    assert all(torch.equal(after[k], before_weights[k]) for k in before_weights)
    assert "cannot be opened" in window.statusBar().currentMessage()


def test_missing_recent_file_is_removed_from_the_list(qtbot, window, classroom_env, tmp_path):
    path = tmp_path / "gone.nnplay"
    window.classroom.save_session(str(path))
    path.unlink()
    window.classroom.rebuild_recent_menu()
    [action] = [a for a in window.classroom.recent_menu.actions() if a.data()]
    action.trigger()
    assert not [a for a in window.classroom.recent_menu.actions() if a.data()]
    assert "no longer exists" in window.statusBar().currentMessage()


def test_every_lab_with_a_config_round_trips_through_a_session(qtbot, window, classroom_env, tmp_path):
    """Labs without their own hooks take part through config() / set_config() over a config dataclass."""
    labs = {key: lab for key, lab in window.labs.items() if lab.config_type is not None}
    assert "curve" in labs
    saved = {key: lab.config() for key, lab in labs.items()}
    path = tmp_path / "all.nnplay"
    window.classroom.save_session(str(path))
    assert set(json.loads(path.read_text())["labs"]) == set(labs)
    for key, lab in labs.items():
        config = lab.config()  # every config has a seed but the GD lab's (nothing random there)
        lab.set_config(replace(config, seed=config.seed + 5) if hasattr(config, "seed") else replace(config, lr=config.lr / 2))
        assert lab.config() != saved[key]
    assert window.classroom.open_session(str(path))
    for key, lab in labs.items():
        assert lab.config() == saved[key], key


def test_a_curve_session_opened_before_its_worker_started_keeps_its_weights(qtbot, window, classroom_env, tmp_path):
    """Opened from another tab of a fresh window (the Curve lab built, its worker not started yet): the
    weights wait for the worker instead of being dropped."""
    from playground.ui.main_window import MainWindow

    lab = window.curve_lab
    qtbot.mouseClick(lab.transport.play_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: shown_step(lab) > 100, timeout=60_000)
    qtbot.mouseClick(lab.transport.play_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: lab.last_progress().state == "paused", timeout=60_000)
    step = read_on_worker(qtbot, lab, lambda job: job.step_count)
    saved = _weights(qtbot, lab)
    path = tmp_path / "trained.nnplay"
    assert window.classroom.save_session(str(path), with_training=True)

    fresh = MainWindow()
    qtbot.addWidget(fresh)
    try:
        fresh.show()
        fresh.show_lab("linear")
        assert fresh.classroom.open_session(str(path))  # its current tab: the Curve lab, no worker yet
        curve = fresh.curve_lab
        assert curve.session_state(with_training=True)["step"] == step  # kept while it waits
        fresh.start_backends()
        qtbot.waitUntil(lambda: curve.last_progress() is not None and curve.last_progress().step == step,
                        timeout=60_000)
        restored = _weights(qtbot, curve)
        assert all(torch.equal(restored[name], saved[name]) for name in saved)
    finally:
        fresh.shutdown()
