"""The Lessons menu and File → Export code…, used through the menus."""

import subprocess
import sys
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from playground.core.curve.code_export import parse_final_loss
from playground.core.curve.config import notes_preset
from tests.ui.test_curve_lab import read_on_worker


def _menu_action(menu, text):
    for action in menu.actions():
        if action.text() == text:
            return action
    raise AssertionError(f"{text!r} not in {[a.text() for a in menu.actions()]}")


def test_lessons_open_the_right_tab_with_the_notes_settings(qtbot, window, tmp_path):
    menus = window.teaching_menus
    menus.panel.language_box.setCurrentIndex(menus.panel.language_box.findData("en"))
    bar_titles = [a.text() for a in window.menuBar().actions()]
    assert bar_titles.index("&Lessons") < bar_titles.index("&Help")

    _menu_action(menus.lessons_menu, "Gradient descent on y = x²").trigger()
    gd = window.labs["gd"]
    assert window.tabs.currentWidget() is gd
    assert (gd.controls.editor("function").currentData(), gd.controls.editor("start_x").value(), gd.controls.editor("lr").value()) == ("x2", 5.0, 0.1)
    assert menus.dock.isVisible() and "28 steps" in menus.panel.text.toPlainText()

    linear = window.labs["linear"]
    lr_box = linear.controls.editor("lr")
    lr_box.setFocus()
    lr_box.selectAll()
    qtbot.keyClicks(lr_box, "0.2")
    qtbot.keyClick(lr_box, Qt.Key_Return)
    assert linear.setup().lr == 0.2
    _menu_action(menus.lessons_menu, "y = 2x with one nn.Linear(1, 1)").trigger()
    assert window.tabs.currentWidget() is linear
    assert (linear.controls.editor("lr").value(), linear.controls.editor("max_steps").value(), linear.controls.editor("seed").value()) == (0.01, 1000, 29)
    assert linear.setup().lr == 0.01

    curve = window.curve_lab
    curve.set_config(replace(curve.config(), hidden_width=50, activation="Tanh"))
    _menu_action(menus.lessons_menu, "y = x² with a 1-10-1 ReLU network").trigger()
    assert window.tabs.currentWidget() is curve
    assert curve.config() == replace(notes_preset(), device=curve.config().device)
    qtbot.waitUntil(lambda: read_on_worker(qtbot, curve, lambda job: job.model[0].out_features) == 10, timeout=60_000)
    assert "Line pieces" in menus.panel.text.toPlainText()

    menus.panel.language_box.setCurrentIndex(menus.panel.language_box.findData("zh"))
    assert "观察" in menus.panel.text.toPlainText()
    assert "拟合" in menus.panel.title.text()

    mnist = [a for a in menus.lessons_menu.actions() if "MNIST" in a.text()]
    assert len(mnist) == 2
    assert all(a.isEnabled() for a in mnist)
    cnn_action = next(a for a in mnist if "CNN" in a.text())
    cnn_action.trigger()
    assert window.tabs.currentWidget() is window.labs["mnist"]
    assert window.labs["mnist"].config().arch == "cnn"
    mlp_action = next(a for a in mnist if "CNN" not in a.text())
    mlp_action.trigger()
    config = window.labs["mnist"].config()
    assert (config.arch, config.hidden_width, config.lr, config.batch_size, config.epochs) == ("mlp", 128, 1e-3, 64, 5)
    assert window.grab().save(str(tmp_path / "lesson.png"))


@pytest.mark.slow
def test_export_code_round_trip_matches_the_gui(qtbot, window, tmp_path, monkeypatch):
    lab = window.curve_lab
    config = replace(notes_preset(), max_steps=300, device="cpu")
    lab.set_config(config)
    qtbot.mouseClick(lab.transport.play_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: lab._state == "finished", timeout=60_000)
    gui_loss = read_on_worker(qtbot, lab, lambda job: job.train_loss())

    target = tmp_path / "exported.py"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    action = _menu_action(window.file_menu, "Export code…")
    action.trigger()
    assert target.exists()
    assert "Saved" in window.statusBar().currentMessage()
    result = subprocess.run([sys.executable, str(target)], capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    assert parse_final_loss(result.stdout) == pytest.approx(gui_loss, rel=1e-4)


def test_export_to_an_unwritable_place_says_so(qtbot, window, tmp_path, monkeypatch):
    target = tmp_path / "missing-folder" / "x.py"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    assert window.teaching_menus.export_code() is None
    assert "Could not save" in window.statusBar().currentMessage()
    assert not target.exists()


def test_export_code_from_the_mnist_tab_writes_an_mnist_script(qtbot, window, tmp_path, monkeypatch):
    menus = window.teaching_menus
    cnn = next(a for a in menus.lessons_menu.actions() if "MNIST" in a.text() and "CNN" in a.text())
    cnn.trigger()
    assert window.tabs.currentWidget() is window.labs["mnist"]
    target = tmp_path / "mnist_cnn.py"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    menus.export_action.trigger()
    text = target.read_text(encoding="utf-8")
    assert "nn.Conv2d(1, 16, 3, padding=1)" in text and "EPOCHS = 5" in text
    compile(text, str(target), "exec")


def test_the_cnn_lesson_puts_the_bundled_cnn_on_the_canvas_and_says_what_to_do(qtbot, window):
    """Issue 13, fault 8: the MNIST lessons have no Play to press, and the CNN lesson reads with the CNN."""
    menus = window.teaching_menus
    _menu_action(menus.lessons_menu, "MNIST with a small CNN").trigger()
    lab = window.labs["mnist"]
    assert window.tabs.currentWidget() is lab and lab.config().arch == "cnn"
    message = window.statusBar().currentMessage()
    assert "press Train" in message and "Play" not in message
    lab.start_backend()
    qtbot.waitUntil(lambda: lab.model() is not None, timeout=60_000)
    assert lab.model_box.currentData() == "bundled:cnn" and lab.model() is lab.bundled_models()["cnn"].model
