"""The Curve lab driven through its widgets, as a user would."""

from dataclasses import replace

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from playground.core.curve.config import notes_preset
from tests.ui.helpers import choose, drag_slider


def read_on_worker(qtbot, lab, fn):
    """Ask the worker thread for a value (the only thread allowed to touch the model)."""
    seen = []
    lab._loop.control.post(lambda job: seen.append(fn(job)))
    qtbot.waitUntil(lambda: bool(seen), timeout=60_000)
    return seen[0]


def shown_step(lab) -> int:
    return lab._last_progress.step


def test_configure_train_pause_step_change_lr_reset(qtbot, window):
    lab = window.curve_lab
    controls = lab.controls
    choose(qtbot, controls.editor("activation"), "Tanh")
    choose(qtbot, controls.editor("loss"), "Huber")
    choose(qtbot, controls.editor("optimizer"), "RMSprop")
    controls.editor("hidden_width").slider.setFocus()
    for _ in range(6):
        qtbot.keyClick(controls.editor("hidden_width").slider, Qt.Key_Right)
    assert controls.editor("hidden_width").value() == 16
    config = lab.config()
    assert (config.activation, config.loss, config.optimizer, config.hidden_width) == ("Tanh", "Huber", "RMSprop", 16)
    assert read_on_worker(qtbot, lab, lambda job: job.model[0].out_features) == 16

    qtbot.mouseClick(lab.transport.play_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: len(lab.loss_plot.train_history) > 50, timeout=60_000)
    first = float(lab.loss_plot.train_history.values()[0])
    qtbot.waitUntil(lambda: lab.loss_plot.train_history.last() < first / 5, timeout=60_000)
    assert "loss" in lab.status_label.text()

    # Pause, then one step: the counter moves by exactly one.
    qtbot.mouseClick(lab.transport.play_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: lab._last_progress.state == "paused", timeout=60_000)
    paused_at = read_on_worker(qtbot, lab, lambda job: job.step_count)
    qtbot.waitUntil(lambda: shown_step(lab) == paused_at, timeout=60_000)
    qtbot.mouseClick(lab.transport.step_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: shown_step(lab) == paused_at + 1, timeout=60_000)
    assert read_on_worker(qtbot, lab, lambda job: job.step_count) == paused_at + 1
    assert f"Step {paused_at + 1}" in lab.status_label.text()

    # Change the learning rate mid-run by dragging its slider: applied at once, weights kept.
    qtbot.mouseClick(lab.transport.play_button, Qt.LeftButton)
    generation = lab._generation
    drag_slider(qtbot, controls.editor("lr").slider, controls.editor("lr").slider.value() - 10)
    new_lr = controls.editor("lr").value()
    assert new_lr < 0.01
    qtbot.waitUntil(lambda: read_on_worker(qtbot, lab, lambda job: job.optimizer.param_groups[0]["lr"]) == new_lr,
                    timeout=60_000)
    assert lab._generation == generation  # no restart: the weights were kept
    qtbot.waitUntil(lambda: shown_step(lab) > paused_at + 20, timeout=60_000)  # and training goes on

    qtbot.mouseClick(lab.transport.reset_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: shown_step(lab) == 0 and lab._generation != generation, timeout=60_000)
    assert not lab.transport.playing
    assert len(lab.loss_plot.train_history) == 0


def test_keyboard_space_s_r(qtbot, window):
    lab = window.curve_lab
    lab.setFocus()
    qtbot.keyClick(lab, Qt.Key_S)
    qtbot.waitUntil(lambda: shown_step(lab) == 1, timeout=60_000)
    qtbot.keyClick(lab, Qt.Key_Space)
    assert lab.transport.playing
    qtbot.waitUntil(lambda: shown_step(lab) > 20, timeout=60_000)
    qtbot.keyClick(lab, Qt.Key_R)
    qtbot.waitUntil(lambda: shown_step(lab) == 0 and not lab.transport.playing, timeout=60_000)


def test_architecture_change_while_training_restarts_and_says_so(qtbot, window):
    lab = window.curve_lab
    lab.play()
    qtbot.waitUntil(lambda: shown_step(lab) > 100, timeout=60_000)
    generation = lab._generation
    drag_slider(qtbot, lab.controls.editor("depth").slider, 2)
    assert lab.config().depth == 3
    qtbot.waitUntil(lambda: lab._generation != generation, timeout=60_000)
    assert "restarted" in window.statusBar().currentMessage()
    assert read_on_worker(qtbot, lab, lambda job: sum(isinstance(m, type(job.model[0])) for m in job.model)) == 4
    assert lab.transport.playing  # it keeps training with the new network


def test_divergence_pauses_explains_and_reset_recovers(qtbot, window):
    lab = window.curve_lab
    lab.set_config(replace(lab.config(), target="x^3", optimizer="SGD", lr=1.0, hidden_width=32))
    lab.play()
    qtbot.waitUntil(lambda: lab._state == "diverged", timeout=60_000)
    assert not lab.transport.playing
    assert lab.fit_plot.message.isVisible()
    assert "smaller learning rate" in lab.fit_plot.message.toPlainText()
    assert "DIVERGED" in lab.status_label.text()
    assert "diverged" in window.statusBar().currentMessage().lower()
    drag_slider(qtbot, lab.controls.editor("lr").slider, 0)  # the smallest learning rate
    qtbot.mouseClick(lab.transport.reset_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: shown_step(lab) == 0 and not lab.fit_plot.message.isVisible(), timeout=60_000)
    lab.play()
    qtbot.waitUntil(lambda: shown_step(lab) > 50, timeout=60_000)
    assert lab._state == "running"
    assert np.isfinite(lab.loss_plot.train_history.values()).all()


def test_bad_custom_expression_is_shown_and_not_applied(qtbot, window):
    lab = window.curve_lab
    controls = lab.controls
    choose(qtbot, controls.editor("target"), "custom")
    running_target = lab.config().target
    assert running_target != "custom"  # an empty expression is not applied
    controls.editor("expression").clear()
    qtbot.keyClicks(controls.editor("expression"), "sin(x")
    qtbot.keyClick(controls.editor("expression"), Qt.Key_Return)
    assert controls.expression_error.isVisible()
    assert "Syntax error" in controls.expression_error.text()
    assert lab.config().target == running_target  # the running experiment keeps its target
    drag_slider(qtbot, controls.editor("lr").slider, 5)  # other changes still apply meanwhile
    assert lab.config().lr == controls.editor("lr").value() and lab.config().target == running_target
    assert controls.expression_error.isVisible()
    controls.editor("expression").clear()
    qtbot.keyClicks(controls.editor("expression"), "sin(x) * 3")
    qtbot.keyClick(controls.editor("expression"), Qt.Key_Return)
    assert not controls.expression_error.isVisible()
    assert lab.config().expression == "sin(x) * 3"
    qtbot.waitUntil(lambda: read_on_worker(qtbot, lab, lambda job: job.config.expression) == "sin(x) * 3", timeout=60_000)


def test_notes_preset_trains_to_the_notes_result_in_the_gui(qtbot, window):
    lab = window.curve_lab
    index = lab.preset_box.findData("notes_x2")
    lab.preset_box.setCurrentIndex(index)
    lab.preset_box.activated.emit(index)
    assert lab.config() == replace(notes_preset(), device=lab.config().device)
    qtbot.mouseClick(lab.transport.play_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: lab._state == "finished", timeout=60_000)
    assert shown_step(lab) == 2000
    assert read_on_worker(qtbot, lab, lambda job: job.train_loss()) <= 0.01
    assert not lab.transport.playing


def test_device_box_lists_cpu_and_explains_missing_cuda(window):
    import torch

    box = window.curve_lab.controls.editor("device")
    assert box.itemData(0) == "cpu"
    if not torch.cuda.is_available():
        item = box.model().item(1)
        assert not item.isEnabled()
        assert "not available" in box.itemText(1)


def test_closing_mid_training_stops_and_joins_the_thread(qtbot, window):
    lab = window.curve_lab
    lab.play()
    qtbot.waitUntil(lambda: shown_step(lab) > 100, timeout=60_000)
    thread = lab._loop._thread
    assert thread.isRunning()
    window.close()
    assert not thread.isRunning()
    assert lab._loop is None


def test_screenshot_shows_the_fit_while_training(qtbot, window, tmp_path):
    lab = window.curve_lab
    lab.play()
    qtbot.waitUntil(lambda: shown_step(lab) > 500, timeout=60_000)
    path = tmp_path / "curve_lab.png"
    assert window.grab().save(str(path))
    image = window.grab().toImage()
    fit = QColor("#ff9f1c")
    plot = lab.fit_plot.widget
    origin = plot.mapTo(window, plot.rect().topLeft())
    orange = sum(1 for x in range(0, plot.width(), 3) for y in range(0, plot.height(), 3)
                 if _close(image.pixelColor(origin.x() + x, origin.y() + y), fit))
    assert orange > 50  # the fitted curve is drawn


def _close(a: QColor, b: QColor, tolerance: int = 40) -> bool:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) < tolerance
