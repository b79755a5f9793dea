"""Issue 18 in the real window: hostile settings never stop the app from starting (item 1); hostile
session, model and dataset files end in the usual message box and change nothing (items 2, 3, 6);
a failed save names the user's file (item 5)."""

from __future__ import annotations

import json
import os
import struct

import pytest
import torch

from playground.core.curve.config import CurveConfig
from playground.core.mnist.models import build_model
from playground.core.persistence.model_io import FORMAT, VERSION
from playground.ui import classroom, export
from playground.ui.main_window import MainWindow
from playground.ui.settings import Settings
from tests.ui.test_mnist_lab import lab  # noqa: F401  (the MNIST lab fixture)

DEEP = "[" * 2000 + "]" * 2000


@pytest.mark.parametrize("key, value", [
    ("files/recent", DEEP),
    ("labs/curve", DEEP),
    ("labs/curve", '{"config": {"lr": ' + DEEP + "}}"),
    ("labs/curve", '{"config": {"target": "custom", "expression": "\\ud800"}}'),
    ("labs/classify", '{"config": ' + '{"a": ' * 3000 + "1" + "}" * 3001),
    ("window/tab", "\\ud800"),
])
def test_a_corrupted_settings_file_never_stops_the_app_from_starting(qtbot, classroom_env, key, value):
    settings = Settings()
    settings.qsettings.setValue(key, value)
    settings.sync()
    for _ in range(2):  # this start, and every later one (the window saves its settings on close)
        classroom.startup()
        win = MainWindow()
        qtbot.addWidget(win)
        problems = win.classroom.restore_settings()
        assert win.curve_lab.config() == CurveConfig()  # defaults where values are unusable
        assert win.classroom.recent_menu is not None
        win.show()
        win.close()
        win.shutdown()
        if problems:  # said once, in the status bar
            assert "invalid" in win.statusBar().currentMessage()
    assert Settings().recent_files() == []


def _answer(monkeypatch, path):
    monkeypatch.setattr(classroom, "ask_open_path", lambda *a: str(path))
    monkeypatch.setattr(export, "ask_save_path", lambda *a: str(path))


@pytest.mark.parametrize("kind", ["fifo", "deep", "surrogate", "huge"])
def test_hostile_sessions_end_in_the_message_box(qtbot, window, classroom_env, monkeypatch, tmp_path, kind):
    path = tmp_path / f"{kind}.nnplay"
    if kind == "fifo":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no named pipes on this system")
        os.mkfifo(path)
    elif kind == "deep":
        path.write_text('{"format": "nn-playground-session", "version": 1, "labs": {"curve": ' + DEEP + "}}")
    elif kind == "surrogate":
        path.write_text('{"format": "nn-playground-session", "version": 1, "labs": {"curve": {"config": '
                        '{"target": "custom", "expression": "\\ud800"}}}}')
    else:
        with open(path, "wb") as handle:
            handle.truncate(200 * 2**20)
    before = window.curve_lab.config()
    _answer(monkeypatch, path)
    window.classroom.open_action.trigger()  # returns: a FIFO would block here forever
    box = window.classroom.error_box
    assert box is not None and box.isVisible() and "Nothing was changed" in box.text()
    assert window.curve_lab.config() == before
    box.close()


def _model_file(path, **metadata):
    torch.manual_seed(0)
    spec = {"arch": "mlp", "hidden_width": 16, "depth": 1, "activation": "ReLU"}
    torch.save({"format": FORMAT, "version": VERSION, "spec": spec, "state_dict": build_model(spec).state_dict(),
                "metadata": metadata}, path)
    return path


@pytest.mark.parametrize("metadata", [{"mean": "abc"}, {"std": [1, 2]}, {"class_names": list(range(10))},
                                      {"steps": "x"}])
def test_a_model_with_bad_metadata_changes_nothing(qtbot, lab, tmp_path, metadata):  # noqa: F811
    model, label, names = lab.model(), lab.model_label.text(), list(lab.prob_view.class_names)
    assert not lab.open_model_from(str(_model_file(tmp_path / "bad.pt", **metadata)))
    assert lab.error_dialog is not None and lab.error_dialog.isVisible()
    assert "invalid metadata" in lab.error_dialog.text()
    assert lab.model() is model and lab.model_label.text() == label and list(lab.prob_view.class_names) == names
    lab.error_dialog.close()
    state = lab.session_state(with_training=True)  # still works: "Save session with trained weights"
    assert json.dumps({k: v for k, v in state.items() if k != "weights"})


def test_a_dataset_whose_header_overflows_gets_a_message(qtbot, lab, tmp_path):  # noqa: F811
    folder = tmp_path / "mnist"
    folder.mkdir()
    header = bytes([0, 0, 8, 3]) + struct.pack(">3I", 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF)
    for name in ("train-images-idx3-ubyte", "t10k-images-idx3-ubyte"):
        (folder / name).write_bytes(header + b"\0" * 100)
    for name in ("train-labels-idx1-ubyte", "t10k-labels-idx1-ubyte"):
        (folder / name).write_bytes(bytes([0, 0, 8, 1]) + struct.pack(">I", 10) + bytes(range(10)))
    assert not lab.load_dataset_folder(str(folder))
    assert lab.error_dialog is not None and lab.error_dialog.isVisible()
    assert "declares" in lab.error_dialog.text()
    lab.error_dialog.close()


def test_a_full_disk_while_saving_a_model_names_the_file(qtbot, lab, tmp_path, monkeypatch):  # noqa: F811
    path = tmp_path / "mine.pt"

    def full_disk(obj, handle, *args, **kwargs):
        raise RuntimeError("PytorchStreamWriter failed writing file data/0: file write failed")

    monkeypatch.setattr(torch, "save", full_disk)
    assert not lab.save_model_to(str(path))
    assert lab.error_dialog is not None and lab.error_dialog.isVisible()
    assert str(path) in lab.error_dialog.text() and "nnplay-tmp" not in lab.error_dialog.text()
    assert not path.exists() and os.listdir(tmp_path) == []
    lab.error_dialog.close()
