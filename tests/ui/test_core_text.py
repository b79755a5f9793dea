"""English made in core (errors, problems, reasons) is shown in Chinese when the UI is in Chinese."""

from __future__ import annotations

import json
import re

import pytest
from PySide6.QtCore import Qt

from playground.core.persistence.model_io import bundled_model_path
from playground.core.persistence.session import SessionError
from playground.core.text import joined, user_text
from playground.ui import classroom, i18n
from playground.ui.i18n import core_text

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def chinese(qapp, classroom_env):
    """The UI in Chinese for one test (classroom_env puts English back)."""
    assert i18n.manager().set_language(i18n.CHINESE) == i18n.CHINESE
    yield


def test_core_text_translates_templates_and_their_parameters(chinese):
    found = user_text("The file '{path}' is {found}; expected {expected} (magic number {magic}).", path="a",
                      found=user_text("an IDX label file"), expected=user_text("an IDX image file"),
                      magic="0x00000803")
    assert core_text(found) == "文件“a”是IDX 标签文件；应为IDX 图像文件（魔数 (magic number) 0x00000803）。"
    assert core_text(ValueError(user_text("text too long"))) == "文本太长"
    assert core_text(SessionError([user_text("expected a JSON object"), "plain"])) == "应为 JSON 对象; plain"
    assert core_text(joined("; ", [user_text("text too long"), "x"])) == "文本太长; x"
    unknown = user_text("no translation for {this} yet", this="x")
    assert core_text(unknown) == "no translation for x yet"  # falls back to the English
    assert core_text("plain") == "plain" and core_text(OSError("disk full")) == "disk full"
    i18n.manager().set_language(i18n.ENGLISH)
    assert core_text(found) == str(found)


@pytest.fixture
def mnist(qtbot, window):
    lab = window.labs["mnist"]
    window.tabs.setCurrentWidget(lab)  # starts its backend
    qtbot.waitUntil(lab.is_ready, timeout=60_000)
    return lab


def test_corrupt_model_file_message_is_chinese_detail_included(chinese, mnist, tmp_path):
    good = bundled_model_path("mlp").read_bytes()
    path = tmp_path / "cut.pt"
    path.write_bytes(good[: len(good) // 2])
    assert not mnist.open_model_from(str(path))
    box = mnist.error_dialog
    assert box is not None and box.isVisible()
    assert box.text() == "无法打开模型：“cut.pt”不完整或已损坏：文件提前结束了，或者保存之后被改动过。"
    box.close()


def test_bad_dataset_folder_message_is_chinese(chinese, mnist, tmp_path):
    (tmp_path / "readme.txt").write_text("hi")
    assert not mnist.load_dataset_folder(str(tmp_path))
    text = mnist.error_dialog.text()
    assert text.startswith("无法打开数据集：在“") and "没有找到 MNIST 格式的数据集" in text and "readme.txt" in text
    assert "Expected" not in text and "Found" not in text
    mnist.error_dialog.close()


def test_invalid_custom_expression_error_is_chinese_and_follows_the_language(qtbot, window, classroom_env):
    from tests.ui.helpers import choose

    assert window.classroom.set_language("zh") == "zh"
    controls = window.curve_lab.controls
    choose(qtbot, controls.editor("target"), "custom")
    controls.editor("expression").clear()
    qtbot.keyClicks(controls.editor("expression"), "sin(x) + y")
    qtbot.keyClick(controls.editor("expression"), Qt.Key_Return)
    assert controls.expression_error.isVisible()
    assert controls.expression_error.text() == "自定义表达式无效：第 10 列的名称“y”未知；变量是 x。"
    box = controls.editor("device")
    unavailable = [box.itemText(i) for i in range(box.count()) if box.itemData(i) == "cuda"]
    assert all(text in ("CUDA（不可用：这个 PyTorch 版本不支持 CUDA）", "CUDA（不可用：没有找到 NVIDIA GPU 或其驱动程序）")
               for text in unavailable)
    import torch

    assert unavailable or torch.cuda.is_available()  # none on a machine with a GPU
    window.classroom.set_language("en")  # shown again in the new language, live
    assert controls.expression_error.text() == ("the custom expression is invalid: Unknown name 'y' at column 10; "
                                                "the variable is x.")


def test_malformed_session_lists_its_problems_in_chinese(qtbot, window, classroom_env, monkeypatch, tmp_path):
    assert window.classroom.set_language("zh") == "zh"
    good = tmp_path / "good.nnplay"
    window.classroom.save_session(str(good))
    document = json.loads(good.read_text(encoding="utf-8"))
    document["version"] = 99
    document["labs"]["curve"]["config"]["lr"] = "fast"
    bad = tmp_path / "bad.nnplay"
    bad.write_text(json.dumps(document), encoding="utf-8")
    before = window.curve_lab.config()
    monkeypatch.setattr(classroom, "ask_open_path", lambda *a: str(bad))
    window.classroom.open_action.trigger()  # File → Open session…
    box = window.classroom.error_box
    assert box is not None and box.isVisible()
    assert box.windowTitle() == "无法打开这个课堂文件"
    problems = box.text().split("问题如下：\n")[1].split("\n")
    assert problems == ["• 由更新版本的应用保存（格式版本 99；本应用只能读取 1）"]
    assert window.curve_lab.config() == before
    box.close()

    document["version"] = 1
    bad.write_text(json.dumps(document), encoding="utf-8")
    window.classroom.open_action.trigger()
    box = window.classroom.error_box
    assert box.text().split("问题如下：\n")[1] == "• curve：lr：应为数字，实际为 'fast'"
    box.close()
