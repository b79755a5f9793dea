"""The MNIST tab, driven like a user: draw with the mouse, train, save and open models, bad input."""

from __future__ import annotations

import math

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from playground.core.mnist.config import MnistConfig


@pytest.fixture
def lab(qtbot, app_theme):
    """The MNIST lab on its own (fast; independent of the other tabs), threads joined in teardown."""
    from playground.ui.mnist_lab.lab import MnistLab

    mnist = MnistLab()
    qtbot.addWidget(mnist)
    mnist.resize(1200, 760)
    mnist.show()
    mnist.start_backend()  # the bundled models load on a short-lived thread
    qtbot.waitUntil(mnist.is_ready, timeout=60_000)
    yield mnist
    mnist.shutdown()


def test_tab_and_file_menu_in_the_window(window, qtbot):
    mnist = window.labs["mnist"]
    assert window.tabs.tabText(window.tabs.indexOf(mnist)) == "MNIST"
    texts = [a.text() for a in window.file_menu.actions()]
    assert "Open MNIST model…" in texts and "Save MNIST model…" in texts
    window.tabs.setCurrentWidget(mnist)  # starts its backend
    qtbot.waitUntil(mnist.is_ready, timeout=60_000)
    assert mnist.save_model_action.isEnabled()


def draw(qtbot, canvas, points):
    """One stroke through image points (0…280) with the real mouse events."""
    first = canvas.to_widget(*points[0])
    qtbot.mousePress(canvas, Qt.LeftButton, pos=first)
    last = first
    try:
        for x, y in points[1:]:
            last = canvas.to_widget(x, y)
            QTest.mouseMove(canvas, last)
    finally:
        qtbot.mouseRelease(canvas, Qt.LeftButton, pos=last)


def vertical_stroke():
    return [(140 + 4 * i / 20, 45 + 9.5 * i) for i in range(21)]


def loop_stroke():
    return [(140 + 75 * math.sin(t / 24 * 2 * math.pi), 140 - 95 * math.cos(t / 24 * 2 * math.pi))
            for t in range(25)]


def shown_class(lab):
    return lab.prob_view.top_label.text()


def test_empty_canvas_shows_no_prediction(lab):
    assert lab.canvas.is_empty()
    assert lab.prob_view.probs is None and shown_class(lab) == "–"
    assert "MLP 784-128-10" in lab.model_label.text()


@pytest.mark.parametrize("model", ["bundled:mlp", "bundled:cnn"])
def test_drawn_one_and_zero_are_recognised(lab, qtbot, model):
    from tests.ui.helpers import choose

    choose(qtbot, lab.model_box, model)
    draw(qtbot, lab.canvas, vertical_stroke())
    qtbot.waitUntil(lambda: shown_class(lab) == "1", timeout=60_000)
    assert lab.prob_view.probs.sum() == pytest.approx(1.0, abs=1e-4)
    assert lab.prob_view.preview.pixmap() is not None and not lab.prob_view.preview.pixmap().isNull()
    qtbot.mouseClick(lab.clear_button, Qt.LeftButton)
    assert shown_class(lab) == "–"
    draw(qtbot, lab.canvas, loop_stroke())
    qtbot.waitUntil(lambda: shown_class(lab) == "0", timeout=60_000)


def test_undo_and_eraser(lab, qtbot):
    draw(qtbot, lab.canvas, vertical_stroke())
    qtbot.waitUntil(lambda: shown_class(lab) == "1", timeout=60_000)
    draw(qtbot, lab.canvas, loop_stroke())
    qtbot.mouseClick(lab.undo_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: shown_class(lab) == "1", timeout=60_000)
    qtbot.mouseClick(lab.eraser_button, Qt.LeftButton)
    assert lab.canvas.eraser
    draw(qtbot, lab.canvas, vertical_stroke())
    assert lab.canvas.pixels().max() == 0  # the eraser covered the whole stroke
    qtbot.waitUntil(lambda: shown_class(lab) == "–", timeout=60_000)


def _mean_rgb(widget) -> np.ndarray:
    image = widget.grab().toImage()
    pixels = [image.pixelColor(x, y) for x in range(2, image.width() - 2, 3) for y in range(2, image.height() - 2, 3)]
    return np.mean([[c.red(), c.green(), c.blue()] for c in pixels], axis=0)


def test_eraser_on_is_plain_to_see(lab, qtbot):
    """Checked, the Eraser is filled with the accent colour: its pixels change, not just a faint bevel."""
    qtbot.waitUntil(lambda: lab.eraser_button.isVisible(), timeout=60_000)
    off = _mean_rgb(lab.eraser_button)
    qtbot.mouseClick(lab.eraser_button, Qt.LeftButton)
    assert lab.eraser_button.isChecked()
    on = _mean_rgb(lab.eraser_button)
    assert np.abs(on - off).max() > 60, (off, on)
    qtbot.mouseClick(lab.eraser_button, Qt.LeftButton)
    assert not lab.eraser_button.isChecked()
    assert np.abs(_mean_rgb(lab.eraser_button) - off).max() < 5  # off looks as it did


def test_probability_axis_shows_its_top_label_whole(lab, qtbot):
    from PySide6.QtWidgets import QGraphicsSimpleTextItem

    plot = lab.prob_view.plot
    qtbot.waitUntil(lambda: plot.isVisible() and plot.height() > 100, timeout=60_000)
    plot.sync()
    axis = plot.getPlotItem().getAxis("left")
    top = [t for t in axis.childItems() if isinstance(t, QGraphicsSimpleTextItem) and t.isVisible() and t.text() == "1.0"]
    assert top, "no 1.0 tick label"
    rect = plot.mapFromScene(top[0].sceneBoundingRect()).boundingRect()
    assert rect.top() >= 0 and plot.viewport().rect().contains(rect), rect


def test_save_then_open_gives_identical_predictions(lab, qtbot, tmp_path):
    from tests.ui.helpers import choose

    choose(qtbot, lab.model_box, "bundled:cnn")
    draw(qtbot, lab.canvas, loop_stroke())
    qtbot.waitUntil(lambda: lab.prob_view.probs is not None, timeout=60_000)
    before = lab.prob_view.probs.copy()
    path = tmp_path / "cnn.pt"
    assert lab.save_model_to(str(path))
    choose(qtbot, lab.model_box, "bundled:mlp")
    assert not np.array_equal(lab.prob_view.probs, before)
    assert lab.open_model_from(str(path))
    np.testing.assert_array_equal(lab.prob_view.probs, before)
    assert lab.model_box.currentData() == "current"


@pytest.mark.parametrize("content, words", [(b"", "empty"), (b"not a model at all" * 10, "not a PyTorch")])
def test_bad_model_file_keeps_the_current_model(lab, qtbot, tmp_path, content, words):
    draw(qtbot, lab.canvas, vertical_stroke())
    qtbot.waitUntil(lambda: lab.prob_view.probs is not None, timeout=60_000)
    model, before = lab.model(), lab.prob_view.probs.copy()
    path = tmp_path / "bad.pt"
    path.write_bytes(content)
    assert not lab.open_model_from(str(path))
    assert lab.error_dialog is not None and lab.error_dialog.isVisible()
    assert "Could not open the model" in lab.error_dialog.text() and words in lab.error_dialog.text()
    assert lab.model() is model
    lab.update_prediction()
    np.testing.assert_array_equal(lab.prob_view.probs, before)
    lab.error_dialog.close()


def test_dataset_folders_good_and_bad(lab, qtbot, tmp_path):
    from playground.core.mnist.idx import write_idx

    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "readme.txt").write_text("hi")
    assert not lab.load_dataset_folder(str(bad))
    assert "expected" in lab.error_dialog.text().lower() and "readme.txt" in lab.error_dialog.text()
    lab.error_dialog.close()
    raw = tmp_path / "tv" / "MNIST" / "raw"
    raw.mkdir(parents=True)
    rng = np.random.default_rng(0)
    for prefix, n in (("train", 40), ("t10k", 20)):
        write_idx(raw / f"{prefix}-images-idx3-ubyte", rng.integers(0, 256, (n, 28, 28), dtype=np.uint8))
        write_idx(raw / f"{prefix}-labels-idx1-ubyte", (np.arange(n) % 10).astype(np.uint8))
    assert lab.load_dataset_folder(str(tmp_path / "tv"))
    assert "40 train / 20 test" in lab.dataset_label.text()


def test_training_run_shows_progress_confusion_and_is_offered_beside_a_better_model(lab, qtbot):
    from tests.ui.helpers import choose

    lab.set_config(MnistConfig(epochs=2, train_limit=800, batch_size=64))
    qtbot.mouseClick(lab.train_button, Qt.LeftButton)
    assert not lab.controls.isEnabled() and lab.stop_button.isEnabled()
    qtbot.waitUntil(lambda: lab.confusion.matrix is not None, timeout=60_000)
    assert lab.confusion.matrix.sum() == 1000
    assert "Finished" in lab.progress_bar.format()
    assert "Epoch 2: train" in lab.accuracy_label.text()
    # Two short epochs are less accurate than the bundled model: the canvas keeps it and offers the new one.
    assert lab.model_box.currentData() == "bundled:mlp" and lab.model() is lab.bundled_models()["mlp"].model
    assert "Just trained (" in lab.model_box.itemText(lab.model_box.findData("trained"))
    choose(qtbot, lab.model_box, "trained")
    assert lab.model_box.currentData() == "current" and "Just trained" in lab.model_box.currentText()
    assert lab.controls.isEnabled()
    # click the diagonal cell of class 1 in the confusion matrix: its test images are listed
    from PySide6.QtCore import QPointF

    plot = lab.confusion.plot
    qtbot.waitUntil(lambda: plot.isVisible(), timeout=60_000)
    scene_pos = plot.getPlotItem().getViewBox().mapViewToScene(QPointF(1.5, 1.5))
    qtbot.mouseClick(plot.viewport(), Qt.LeftButton, pos=plot.mapFromScene(scene_pos))
    qtbot.waitUntil(lambda: lab.confusion.examples.count() > 0, timeout=60_000)
    assert lab.confusion.shown_cell[:2] == (1, 1)
    assert lab.confusion.examples.count() == min(int(lab.confusion.matrix[1, 1]), 60)
    assert "True 1, predicted 1" in lab.confusion.examples_label.text()
    assert "Per-class test accuracy" in lab.confusion.per_class_label.text()
    draw(qtbot, lab.canvas, vertical_stroke())
    qtbot.waitUntil(lambda: lab.prob_view.probs is not None, timeout=60_000)


def test_stop_and_pause(lab, qtbot):
    lab.set_config(MnistConfig(epochs=50, batch_size=16))
    qtbot.mouseClick(lab.train_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: lab.last_progress() is not None and lab.last_progress().step > 5, timeout=60_000)
    qtbot.mouseClick(lab.pause_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: lab.last_progress().state == "paused", timeout=60_000)
    qtbot.mouseClick(lab.stop_button, Qt.LeftButton)
    assert not lab.has_training_worker() and lab.controls.isEnabled()
    assert "Stopped" in lab.progress_bar.format()


def test_small_off_centre_drawing_is_centred_and_20_px_tall(lab, qtbot):
    from playground.core.mnist.preprocess import preprocess_drawing

    draw(qtbot, lab.canvas, [(40 + i, 30 + 3 * i) for i in range(20)])  # small, in the top-left corner
    qtbot.waitUntil(lambda: lab.prob_view.probs is not None, timeout=60_000)
    image = preprocess_drawing(lab.canvas.pixels())
    rows = np.flatnonzero(image.max(axis=1) > 0.1)
    assert 19 <= rows[-1] - rows[0] + 1 <= 21
    ys, xs = np.indices(image.shape)
    assert abs((image * ys).sum() / image.sum() - 14) < 1.0
    assert abs((image * xs).sum() / image.sum() - 14) < 1.0


def test_session_hooks_round_trip_the_training_settings(lab):
    lab.set_config(MnistConfig(arch="cnn", epochs=7, lr=0.003))
    state = lab.session_state()
    lab.set_config(MnistConfig())
    lab.restore_session(state)
    config = lab.config()
    assert (config.arch, config.epochs, config.lr) == ("cnn", 7, 0.003)
    assert not lab.controls.editor("hidden_width").isEnabled()  # width and depth apply to the MLP only
    lab.restore_session({"config": {"epochs": -3, "arch": "rnn"}})  # bad values fall back to defaults
    assert lab.config().arch == "mlp" and lab.config().epochs == 5


def test_a_more_accurate_training_run_takes_over_the_canvas(lab, qtbot):
    """Issue 13, fault 10: the canvas keeps the more accurate model; a trained one that beats it is used."""
    bundled = lab.bundled_models()["mlp"]
    lab.drawing.adopt_trained(bundled.spec, bundled.model.state_dict(), {"test_accuracy": 0.5, "epochs": 1})
    assert lab.model() is bundled.model and lab.model_box.findData("trained") >= 0
    assert "50.0%" in lab.model_box.itemText(lab.model_box.findData("trained"))
    lab.drawing.adopt_trained(bundled.spec, bundled.model.state_dict(), {"test_accuracy": 0.99, "epochs": 2})
    assert lab.model() is not bundled.model and lab.model_box.currentData() == "current"
    assert "99.0%" in lab.model_label.text()
