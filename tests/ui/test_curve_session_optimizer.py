"""Save session with trained weights keeps the optimizer's state: opened in a fresh window, the Curve lab's
next step is the step the original run takes (Adam's moments are not lost); a corrupt optimizer entry is
refused, one for another optimizer is skipped with a status message."""

import json
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt

from tests.ui.helpers import choose
from tests.ui.test_curve_lab import read_on_worker, shown_step
from tests.ui.test_session import _answer_dialogs

STEPS = 300


def _train_adam(qtbot, lab, steps=STEPS):
    choose(qtbot, lab.controls.editor("optimizer"), "Adam")
    lab.set_config(replace(lab.config(), max_steps=steps))
    qtbot.mouseClick(lab.transport.play_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: shown_step(lab) == steps and lab.last_progress().state == "finished", timeout=60_000)


def _step_and_loss(qtbot, lab) -> float:
    """Press Step; the training loss after that step (all training points, read on the worker)."""
    step = shown_step(lab)
    qtbot.mouseClick(lab.transport.step_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: shown_step(lab) == step + 1, timeout=60_000)
    return read_on_worker(qtbot, lab, lambda job: job.train_loss())


def _open(qtbot, window, monkeypatch, path):
    lab = window.curve_lab
    generation = lab._generation
    _answer_dialogs(monkeypatch, path)
    window.classroom.open_action.trigger()  # File → Open session…
    qtbot.waitUntil(lambda: lab._generation != generation and shown_step(lab) == STEPS, timeout=60_000)


def test_resumed_training_takes_the_original_runs_next_step(qtbot, window, classroom_env, monkeypatch, tmp_path):
    lab = window.curve_lab
    _train_adam(qtbot, lab)
    path = tmp_path / "adam.nnplay"
    _answer_dialogs(monkeypatch, path)
    window.classroom.save_training_action.trigger()  # File → Save session with trained weights…
    entry = json.loads(path.read_text(encoding="utf-8"))["labs"]["curve"]["training"]
    assert entry["optimizer"]["name"] == "Adam" and entry["optimizer"]["encoding"] == "torch.save+base64"
    expected = _step_and_loss(qtbot, lab)  # the original run goes on by one step

    without = tmp_path / "without_optimizer.nnplay"
    document = json.loads(path.read_text(encoding="utf-8"))
    del document["labs"]["curve"]["training"]["optimizer"]
    without.write_text(json.dumps(document), encoding="utf-8")

    window.shutdown()  # "a fresh window": only one training thread at a time on these small machines
    from playground.ui.main_window import MainWindow

    fresh = MainWindow()
    qtbot.addWidget(fresh)
    fresh.show()
    fresh.start_backends()
    try:
        qtbot.waitUntil(fresh.curve_lab.is_ready, timeout=60_000)
        other = fresh.curve_lab
        _open(qtbot, fresh, monkeypatch, path)
        assert other.config().optimizer == "Adam" and "Session opened" in fresh.statusBar().currentMessage()
        assert _step_and_loss(qtbot, other) == pytest.approx(expected, abs=1e-6)
        # Without the optimizer's state the same step lands elsewhere: the check above can fail.
        _open(qtbot, fresh, monkeypatch, without)
        assert abs(_step_and_loss(qtbot, other) - expected) > 1e-5
    finally:
        fresh.shutdown()


def test_corrupt_optimizer_state_is_refused_and_nothing_changes(qtbot, window, classroom_env, monkeypatch, tmp_path):
    lab = window.curve_lab
    _train_adam(qtbot, lab, steps=40)
    good = tmp_path / "good.nnplay"
    window.classroom.save_session(str(good), with_training=True)
    lab.set_config(replace(lab.config(), hidden_width=12))
    before, generation = lab.config(), lab._generation
    document = json.loads(good.read_text(encoding="utf-8"))
    document["labs"]["curve"]["training"]["optimizer"]["data"] = "QUJD"  # base64 of "ABC": no torch file
    bad = tmp_path / "bad_optimizer.nnplay"
    bad.write_text(json.dumps(document), encoding="utf-8")
    _answer_dialogs(monkeypatch, bad)
    window.classroom.open_action.trigger()
    box = window.classroom.error_box
    assert box is not None and box.isVisible()
    assert "training.optimizer: cannot be read" in box.text() and "Nothing was changed" in box.text()
    assert lab.config() == before and lab._generation == generation
    box.close()


def test_state_for_another_optimizer_is_skipped_with_a_message(qtbot, window, classroom_env, monkeypatch, tmp_path):
    lab = window.curve_lab
    _train_adam(qtbot, lab, steps=STEPS)
    path = tmp_path / "edited.nnplay"
    window.classroom.save_session(str(path), with_training=True)
    document = json.loads(path.read_text(encoding="utf-8"))
    document["labs"]["curve"]["config"]["optimizer"] = "RMSprop"  # edited by hand after saving
    path.write_text(json.dumps(document), encoding="utf-8")
    _open(qtbot, window, monkeypatch, path)
    qtbot.waitUntil(lambda: "optimizer starts afresh" in window.statusBar().currentMessage(), timeout=60_000)
    message = window.statusBar().currentMessage()
    assert "saved for Adam" in message and "RMSprop" in message
    assert lab.controls.editor("optimizer").currentData() == "RMSprop"
    assert read_on_worker(qtbot, lab, lambda job: type(job.optimizer).__name__) == "RMSprop"
    _step_and_loss(qtbot, lab)  # and it trains on
    assert lab.last_progress().state != "diverged" and not lab.error_label.isVisible()
