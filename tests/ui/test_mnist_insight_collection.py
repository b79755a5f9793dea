"""The MNIST lab's Look inside and My handwriting tabs, driven like a user."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from tests.ui.test_mnist_lab import draw, loop_stroke, shown_class, vertical_stroke


@pytest.fixture
def lab(qtbot, app_theme, tmp_path, monkeypatch):
    """The MNIST lab on its own, with an empty data folder of its own."""
    monkeypatch.setenv("NN_PLAYGROUND_DATA_DIR", str(tmp_path / "data"))
    from playground.ui.mnist_lab.lab import MnistLab

    mnist = MnistLab()
    qtbot.addWidget(mnist)
    mnist.resize(1280, 800)
    mnist.show()
    mnist.start_backend()
    qtbot.waitUntil(mnist.is_ready, timeout=30_000)
    yield mnist
    mnist.shutdown()


def test_look_inside_works_only_while_shown_and_follows_the_drawing(lab, qtbot):
    panel = lab.insight
    draw(qtbot, lab.canvas, vertical_stroke())
    qtbot.waitUntil(lambda: shown_class(lab) == "1", timeout=60_000)
    assert panel.last_saliency is None                  # hidden: nothing computed
    qtbot.mouseClick(lab.side_tabs.tabBar(), Qt.LeftButton,
                     pos=lab.side_tabs.tabBar().tabRect(lab.side_tabs.indexOf(panel)).center())
    qtbot.waitUntil(lambda: panel.last_neighbours is not None, timeout=30_000)
    assert panel.last_saliency.top == 1 and panel.last_verdict == "confident"
    assert "1" in panel.verdict_label.text()
    labels = panel.index_for(lab.model(), None).labels   # the same index (same model) is reused
    assert (labels[panel.last_neighbours] == 1).sum() >= 6  # "it looks like these": mostly 1s
    assert not panel.heat_view.pixmap().isNull() and not panel.layer_view.pixmap().isNull()
    qtbot.mouseClick(lab.clear_button, Qt.LeftButton)
    draw(qtbot, lab.canvas, loop_stroke())
    qtbot.waitUntil(lambda: panel.last_saliency is not None and panel.last_saliency.top == 0, timeout=5000)
    qtbot.mouseClick(lab.clear_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: panel.last_verdict == "empty", timeout=5000)


def test_cnn_feature_maps_are_shown(lab, qtbot):
    from tests.ui.helpers import choose

    choose(qtbot, lab.model_box, "bundled:cnn")
    lab.side_tabs.setCurrentWidget(lab.insight)
    draw(qtbot, lab.canvas, vertical_stroke())
    qtbot.waitUntil(lambda: lab.insight.last_neighbours is not None, timeout=30_000)
    assert lab.insight.maps2_view.isVisible() and not lab.insight.maps2_view.pixmap().isNull()


def test_a_scribble_is_not_announced_as_a_digit(lab, qtbot):
    for y in range(20, 280, 18):  # cover the canvas with ink
        draw(qtbot, lab.canvas, [(10, y), (270, y)])
    qtbot.waitUntil(lambda: "not look like a digit" in lab.prob_view.confidence_label.text(), timeout=5000)


def test_collect_browse_relabel_delete_survive_a_restart(lab, qtbot, tmp_path):
    panel = lab.collection
    lab.side_tabs.setCurrentWidget(panel)
    qtbot.mouseClick(panel.collect_button, Qt.LeftButton)
    assert panel.prompt_label.text() == "Draw a 0"
    qtbot.mouseClick(panel.save_button, Qt.LeftButton)      # nothing drawn: nothing saved
    assert len(panel.collection) == 0
    draw(qtbot, lab.canvas, loop_stroke())
    qtbot.mouseClick(panel.save_button, Qt.LeftButton)
    assert len(panel.collection) == 1 and lab.canvas.is_empty()
    assert panel.prompt_label.text() == "Draw a 1"
    draw(qtbot, lab.canvas, vertical_stroke())
    qtbot.mouseClick(panel.save_button, Qt.LeftButton)
    assert panel.collection.labels.tolist() == [0, 1] and panel.thumbs.count() == 2
    # relabel the first as 6, delete the second
    panel.thumbs.item(0).setSelected(True)
    panel.relabel_box.setCurrentIndex(6)
    qtbot.mouseClick(panel.relabel_button, Qt.LeftButton)
    panel.thumbs.item(1).setSelected(True)
    qtbot.mouseClick(panel.delete_button, Qt.LeftButton)
    assert panel.collection.labels.tolist() == [6] and panel.thumbs.item(0).text() == "6"
    # a new lab (a restart) finds them
    from playground.ui.mnist_lab.collection_panel import CollectionPanel

    again = CollectionPanel(lambda: None, lambda: None)
    qtbot.addWidget(again)
    assert again.collection.labels.tolist() == [6]
    assert np.array_equal(again.collection.images, panel.collection.images)
    # export / import as IDX
    assert panel.export_to(str(tmp_path))
    assert panel.import_from(str(tmp_path / "my-digits-images-idx3-ubyte"))
    assert panel.collection.labels.tolist() == [6, 6]


def test_a_damaged_collection_file_is_kept_aside(lab, qtbot, tmp_path):
    from playground.core.mnist.collection import default_path
    from playground.ui.mnist_lab.collection_panel import CollectionPanel

    path = default_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"garbage")
    panel = CollectionPanel(lambda: None, lambda: None)
    qtbot.addWidget(panel)
    assert panel.problem and "could not be read" in panel.problem and len(panel.collection) == 0
    kept = [p for p in path.parent.iterdir() if "damaged" in p.name]
    assert len(kept) == 1 and kept[0].read_bytes() == b"garbage"


def test_fine_tune_from_the_tab_reports_before_and_after(lab, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from playground.core.mnist.digit_strokes import TEMPLATES, jitter, render
    from playground.core.mnist.preprocess import preprocess_drawing

    panel = lab.collection
    rng = np.random.default_rng(2)
    for i in range(8):
        panel.collection.add(preprocess_drawing(render(jitter(TEMPLATES[7]["crossed"], rng), 64, 8)), 7)
    lab.side_tabs.setCurrentWidget(panel)
    tune = panel.finetune
    tune.start()
    qtbot.waitUntil(lambda: tune.state in ("finished", "failed"), timeout=240_000)
    assert tune.state == "finished"
    assert "→" in tune.result_label.text() and "Your held-out digits" in tune.result_label.text()
    assert lab.model_box.currentData() == "current" and "Fine-tuned" in lab.model_box.currentText()
    assert tune.save_button.isEnabled()
    saved = tmp_path / "tuned.pt"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(saved), ""))
    qtbot.mouseClick(tune.save_button, Qt.LeftButton)
    from playground.core.persistence.model_io import load_model

    assert load_model(saved).metadata["fine_tuned"]["personal_examples"] == 6


def test_class_names_can_be_corrected(lab, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from playground.core.mnist.idx import write_idx

    rng = np.random.default_rng(0)
    for prefix, n in (("train", 30), ("t10k", 10)):  # filled shapes in a neutral folder: Fashion-MNIST
        write_idx(tmp_path / f"{prefix}-images-idx3-ubyte", rng.integers(1, 256, (n, 28, 28), dtype=np.uint8))
        write_idx(tmp_path / f"{prefix}-labels-idx1-ubyte", (np.arange(n) % 10).astype(np.uint8))
    assert not lab.class_names_action.isEnabled()
    assert lab.load_dataset_folder(str(tmp_path))
    assert lab.training.dataset().class_names[0] == "T-shirt/top" and lab.class_names_action.isEnabled()
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("a, b, c, d, e, f, g, h, i, j", True))
    lab.class_names_action.trigger()
    assert lab.training.dataset().class_names == list("abcdefghij")
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("only, three, names", True))
    lab.class_names_action.trigger()
    assert lab.training.dataset().class_names == list("abcdefghij")  # refused, nothing lost
