"""The MNIST tab in class: sessions with its trained model, presentation mode's bigger canvas, live theme,
core's names shown translated."""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pytest
import torch
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtGui import QColor

from playground.core.persistence import session as sessions
from playground.core.mnist.config import MnistConfig
from playground.ui import classroom, export, theme
from tests.ui.helpers import choose
from tests.ui.test_mnist_lab import draw, loop_stroke, shown_class, vertical_stroke

SHOTS = Path(os.environ.get("MNIST_SHOTS", "/tmp/lead/mnist"))


@pytest.fixture
def mnist(window, qtbot, classroom_env):
    lab = window.labs["mnist"]
    window.tabs.setCurrentWidget(lab)  # starts its backend: the bundled models load
    qtbot.waitUntil(lambda: lab.is_ready() and len(lab.bundled_models()) == 2, timeout=60_000)
    return lab


def _answer_dialogs(monkeypatch, path):
    monkeypatch.setattr(export, "ask_save_path", lambda *a: str(path))
    monkeypatch.setattr(classroom, "ask_open_path", lambda *a: str(path))


def _predict(qtbot, lab, stroke):
    qtbot.mouseClick(lab.clear_button, Qt.LeftButton)
    draw(qtbot, lab.canvas, stroke)
    qtbot.waitUntil(lambda: lab.prob_view.probs is not None, timeout=60_000)
    return lab.prob_view.probs.copy()


def _train(qtbot, lab, **config):
    lab.set_config(MnistConfig(**config))
    qtbot.mouseClick(lab.train_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: lab.confusion.matrix is not None, timeout=60_000)
    if lab.model_box.findData("trained") >= 0:  # less accurate than the bundled model: offered, not taken
        choose(qtbot, lab.model_box, "trained")
    assert lab.model_box.currentData() == "current"


# -- sessions with weights ----------------------------------------------------------------------------
def test_trained_model_and_loss_history_survive_a_session(window, mnist, qtbot, monkeypatch, tmp_path):
    lab = mnist
    _train(qtbot, lab, arch="mlp", hidden_width=64, depth=2, activation="Tanh", epochs=1, train_limit=640)
    before = _predict(qtbot, lab, loop_stroke())
    history = lab.loss_history().values().copy()
    path = tmp_path / "lesson.nnplay"
    _answer_dialogs(monkeypatch, path)
    window.classroom.save_training_action.trigger()  # File → Save session with trained weights…

    entry = json.loads(path.read_text(encoding="utf-8"))["labs"]["mnist"]
    assert entry["config"]["hidden_width"] == 64 and entry["config"]["activation"] == "Tanh"
    assert entry["training"]["step"] == len(history) == 10  # 640 images / batch 64
    assert path.stat().st_size < 1_000_000  # ~60k floats: about 320 KB of base64

    # Something else on the canvas and in the settings, then open the session.
    choose(qtbot, lab.model_box, "bundled:cnn")
    lab.set_config(MnistConfig(arch="cnn"))
    assert not np.array_equal(_predict(qtbot, lab, loop_stroke()), before)
    window.classroom.open_action.trigger()

    assert lab.model_box.currentData() == "current" and lab.model_box.currentText() == "From the session"
    assert lab.model_label.text().startswith("MLP 784-64-64-10 Tanh") and "10 training steps" in lab.model_label.text()
    np.testing.assert_array_equal(lab.prob_view.probs, before)  # the drawing on the canvas, predicted at once
    np.testing.assert_array_equal(_predict(qtbot, lab, loop_stroke()), before)
    np.testing.assert_array_equal(lab.loss_history().values(), history)
    assert lab.loss_curve.item.path().elementCount() == len(history)
    assert lab.confusion.matrix is None  # it belonged to the run before
    config = lab.config()
    assert (config.arch, config.hidden_width, config.depth, config.activation) == ("mlp", 64, 2, "Tanh")
    # and the restored model can be saved again, as a model file
    assert lab.save_model_to(str(tmp_path / "again.pt"))


def test_bundled_model_in_a_session_comes_back_as_the_bundled_entry(window, mnist, qtbot, tmp_path):
    lab = mnist
    choose(qtbot, lab.model_box, "bundled:cnn")
    lab.set_config(MnistConfig(arch="mlp", hidden_width=256, lr=0.01))  # settings for the next training
    before = _predict(qtbot, lab, vertical_stroke())
    path = str(tmp_path / "cnn.nnplay")
    window.classroom.save_session(path, with_training=True)
    entry = json.loads(Path(path).read_text(encoding="utf-8"))["labs"]["mnist"]
    assert entry["config"]["arch"] == "cnn" and entry["config"]["lr"] == 0.01  # network fields = the model's
    assert "loss_history" not in entry["training"] and "step" not in entry["training"]

    choose(qtbot, lab.model_box, "bundled:mlp")
    assert window.classroom.open_session(path)
    assert lab.model_box.currentData() == "bundled:cnn" and "test accuracy" in lab.model_label.text()
    np.testing.assert_array_equal(lab.prob_view.probs, before)
    assert lab.config().arch == "cnn" and not lab.controls.editor("hidden_width").isEnabled()


def test_session_without_weights_keeps_the_current_model(window, mnist, qtbot, tmp_path):
    lab = mnist
    lab.set_config(MnistConfig(arch="cnn", epochs=9))
    path = str(tmp_path / "plain.nnplay")
    window.classroom.save_session(path, with_training=False)
    assert "training" not in json.loads(Path(path).read_text(encoding="utf-8"))["labs"]["mnist"]
    choose(qtbot, lab.model_box, "bundled:cnn")
    lab.set_config(MnistConfig())
    model = lab.model()
    assert window.classroom.open_session(path)
    assert lab.model() is model and lab.model_box.currentData() == "bundled:cnn"
    assert (lab.config().arch, lab.config().epochs) == ("cnn", 9)


def _write_session(path, config: MnistConfig, weights):
    sessions.save(path, {"mnist": sessions.lab_entry(config, weights=weights, step=3, loss_history=[2.3, 2.1, 1.9])})


@pytest.mark.parametrize("weights, config, words", [
    ({"1.weight": torch.zeros(128, 784), "1.bias": torch.zeros(128)}, MnistConfig(),
     "fit neither MNIST network"),
    ({"0.weight": torch.zeros(16, 1, 5, 5)}, MnistConfig(), "fit neither MNIST network"),
    ("cnn", MnistConfig(arch="mlp"), "the weights are for CNN conv16-conv32-10 ReLU but the configuration describes MLP"),
    ("mlp", MnistConfig(hidden_width=64), "describes MLP 784-64-10"),
])
def test_weights_that_fit_no_network_are_refused_and_nothing_changes(window, mnist, qtbot, tmp_path, weights,
                                                                     config, words):
    lab = mnist
    if isinstance(weights, str):
        weights = lab.bundled_models()[weights].model.state_dict()
    path = tmp_path / "edited.nnplay"
    _write_session(path, config, weights)
    lab.set_config(MnistConfig(arch="cnn", epochs=4))
    before, model, history = _predict(qtbot, lab, vertical_stroke()), lab.model(), len(lab.loss_history())

    assert not window.classroom.open_session(str(path))
    box = window.classroom.error_box
    assert box.isVisible() and "Nothing was changed" in box.text() and words in box.text()
    assert lab.model() is model and (lab.config().arch, lab.config().epochs) == ("cnn", 4)
    assert len(lab.loss_history()) == history
    lab.update_prediction()
    np.testing.assert_array_equal(lab.prob_view.probs, before)
    box.close()


def test_opening_a_session_while_training_stops_the_training_first(window, mnist, qtbot, tmp_path):
    lab = mnist
    choose(qtbot, lab.model_box, "bundled:cnn")
    before = _predict(qtbot, lab, loop_stroke())
    path = str(tmp_path / "cnn.nnplay")
    window.classroom.save_session(path, with_training=True)
    choose(qtbot, lab.model_box, "bundled:mlp")
    lab.set_config(MnistConfig(epochs=50, batch_size=16))
    qtbot.mouseClick(lab.train_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: lab.last_progress() is not None and lab.last_progress().step > 5, timeout=60_000)

    assert window.classroom.open_session(path)
    assert not lab.is_training() and not lab.has_training_worker()
    assert lab.train_button.isEnabled() and not lab.stop_button.isEnabled() and lab.controls.isEnabled()
    assert lab.model_box.currentData() == "bundled:cnn"
    np.testing.assert_array_equal(lab.prob_view.probs, before)
    assert lab.progress_bar.format() == "Model opened from a session"
    # and nothing of the stopped run comes back later
    qtbot.wait(300)
    assert lab.model_box.currentData() == "bundled:cnn"


def test_a_fashion_model_is_not_put_in_a_session(window, mnist, qtbot, tmp_path):
    """Sessions keep the standard MNIST normalisation and digit names only: say so, save the settings."""
    from playground.core.mnist.data import FASHION_CLASS_NAMES
    from playground.core.persistence.model_io import LoadedModel

    lab = mnist
    bundled = lab.bundled_models()["mlp"]
    meta = dict(bundled.metadata, dataset="Fashion-MNIST", mean=0.286, std=0.353, class_names=FASHION_CLASS_NAMES)
    lab.use_model(LoadedModel(bundled.model, bundled.spec, meta), str(tmp_path / "fashion.pt"))
    messages = []
    lab.message.connect(messages.append)
    path = str(tmp_path / "f.nnplay")
    window.classroom.save_session(path, with_training=True)
    assert "training" not in json.loads(Path(path).read_text(encoding="utf-8"))["labs"]["mnist"]
    assert any("Save MNIST model" in m for m in messages)


# -- presentation mode ------------------------------------------------------------------------------------
def _side(lab):
    return lab.canvas._square().width()


def test_presentation_enlarges_canvas_and_bars_and_strokes_still_read(window, mnist, qtbot):
    lab = mnist
    window.resize(1280, 800)  # the window's usual size on a laptop
    qtbot.waitUntil(lambda: window.width() == 1280, timeout=60_000)
    normal_side, normal_bars = _side(lab), lab.prob_view.plot.width()
    normal_font = lab.prob_view.top_label.font().pointSize()
    window.classroom.presentation.set_active(True)
    # The offscreen test screen is 800×800: give the full-screen window a projector's 1920×1080.
    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: _side(lab) >= 1.5 * normal_side, timeout=60_000)
    assert lab.prob_view.top_label.font().pointSize() >= 1.5 * normal_font
    assert lab.prob_view.plot.width() >= 1.2 * normal_bars
    assert lab.controls.editor("batch_size").isHidden() and lab.controls.editor("device").isHidden()
    assert lab.train_button.isVisible() and lab.controls.editor("epochs").isVisible()
    # Strokes on the enlarged canvas still map onto the 280×280 image (and so onto 28×28).
    draw(qtbot, lab.canvas, vertical_stroke())
    qtbot.waitUntil(lambda: shown_class(lab) == "1", timeout=60_000)
    SHOTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(SHOTS / "presentation.png"))
    qtbot.mouseClick(lab.clear_button, Qt.LeftButton)
    draw(qtbot, lab.canvas, loop_stroke())
    qtbot.waitUntil(lambda: shown_class(lab) == "0", timeout=60_000)
    rows = np.flatnonzero(lab.canvas.pixels().max(axis=1) > 128)
    assert abs(rows[0] - 31) <= 2 and abs(rows[-1] - 249) <= 2  # the loop spans y 45…235, ± half the 28 px pen

    qtbot.keyClick(window, Qt.Key_Escape)
    assert not window.classroom.presentation.active
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: abs(_side(lab) - normal_side) <= 2, timeout=60_000)
    assert lab.prob_view.top_label.font().pointSize() == normal_font
    assert abs(lab.prob_view.plot.width() - normal_bars) <= 2
    assert not lab.controls.editor("batch_size").isHidden()


# -- theme --------------------------------------------------------------------------------------------------
def _pen_color(item):
    return item.pen().color().name()


def test_theme_switch_recolours_bars_loss_curve_and_confusion_matrix(window, mnist, qtbot):
    lab = mnist
    _train(qtbot, lab, epochs=1, train_limit=320)
    draw(qtbot, lab.canvas, vertical_stroke())
    qtbot.waitUntil(lambda: lab.prob_view.probs is not None, timeout=60_000)
    SHOTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(SHOTS / "dark.png"))
    dark = _theme_colours(lab)
    assert dark["loss"] == theme.DARK.train_loss and dark["top_bar"] == theme.DARK.fit

    window.classroom.set_theme(False)
    light = _theme_colours(lab)
    qtbot.waitUntil(lambda: lab.palette().window().color().lightness() > 128, timeout=60_000)  # palette: posted
    window.grab().save(str(SHOTS / "light.png"))
    lab.side_tabs.setCurrentWidget(lab.confusion)
    lab.grab().save(str(SHOTS / "light_confusion.png"))
    assert light["loss"] == theme.LIGHT.train_loss and light["top_bar"] == theme.LIGHT.fit
    assert light["bar"] == theme.LIGHT.target and light["frame"] == theme.LIGHT.target
    for key in dark:
        assert dark[key] != light[key], key
    # counts stay readable: dark text on the light low-share cells, light text on the dark diagonal
    diagonal, off = lab.confusion.texts[1][1], lab.confusion.texts[1][7]
    assert diagonal.color.lightness() > 128 and off.color.lightness() < 128

    window.classroom.set_theme(True)
    assert _theme_colours(lab) == dark


def _theme_colours(lab):
    bars = lab.prob_view.bars.opts["brushes"]
    top = int(np.argmax(lab.prob_view.probs))
    return {"loss": _pen_color(lab.loss_curve.item), "top_bar": bars[top].color().name(),
            "bar": bars[(top + 1) % 10].color().name(), "frame": lab.canvas.frame_color.name(),
            "zero_cell": QColor(*lab.confusion.lut[0][:3]).name(),
            "full_cell": QColor(*lab.confusion.lut[-1][:3]).name()}


# -- core's names through the UI's translation -------------------------------------------------------------
MNIST_CONTEXTS = ("MnistLab", "DrawingPanel", "TrainingPanel", "MnistNames")  # the classes of ui/mnist_lab


class _Marker(QTranslator):
    """Wraps every MnistLab string in «», so a test sees which texts went through tr()."""

    def isEmpty(self):  # an empty translator would not make Qt send LanguageChange
        return False

    def translate(self, context, source, disambiguation=None, n=-1):
        return f"«{source}»" if context in MNIST_CONTEXTS else None


def test_model_and_dataset_names_from_core_go_through_tr(mnist, qtbot, tmp_path):
    from playground.core.mnist.idx import write_idx

    lab = mnist
    raw = tmp_path / "FashionMNIST" / "raw"
    raw.mkdir(parents=True)
    rng = np.random.default_rng(0)
    for prefix, n in (("train", 30), ("t10k", 10)):
        write_idx(raw / f"{prefix}-images-idx3-ubyte", rng.integers(0, 256, (n, 28, 28), dtype=np.uint8))
        write_idx(raw / f"{prefix}-labels-idx1-ubyte", (np.arange(n) % 10).astype(np.uint8))
    assert lab.load_dataset_folder(str(tmp_path))
    marker = _Marker()
    QCoreApplication.installTranslator(marker)
    try:
        qtbot.waitUntil(lambda: lab.model_label.text().startswith("«MLP 784-128-10 ReLU»"), timeout=60_000)
        assert lab.model_label.text().endswith(" · «MNIST (5k subset)»")
        assert lab.dataset_label.text() == "«Data: «Fashion-MNIST: 30 train / 10 test images»»"
    finally:
        QCoreApplication.removeTranslator(marker)
    qtbot.waitUntil(lambda: "«" not in lab.model_label.text(), timeout=60_000)
    assert lab.model_label.text().startswith("MLP 784-128-10 ReLU")
    assert lab.dataset_label.text() == "Data: Fashion-MNIST: 30 train / 10 test images"
