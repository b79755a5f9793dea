"""Pinning Curve-lab runs: faded overlays labelled by what differs, a table, show/hide and remove."""

import os

from PySide6.QtCore import QPoint, Qt

SHOTS = os.environ.get("NN_PLAYGROUND_SHOTS")


def train_a_little(qtbot, lab, steps: int = 60) -> None:
    start = lab.last_progress().step
    qtbot.mouseClick(lab.transport.play_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: lab.last_progress().step >= start + steps, timeout=60_000)
    qtbot.mouseClick(lab.transport.play_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: lab.last_progress().state == "paused", timeout=60_000)


def test_pin_compare_hide_and_remove_runs(qtbot, window):
    lab = window.curve_lab
    pinned = lab.pinned
    assert not pinned.pin_button.isEnabled()  # nothing trained yet
    train_a_little(qtbot, lab)
    qtbot.mouseClick(pinned.pin_button, Qt.LeftButton)
    assert len(pinned.runs) == 1 and pinned.table.rowCount() == 1
    first = pinned.runs[0]
    assert first.steps == lab.last_progress().step and first.train_loss is not None
    assert pinned.table.item(0, 1).text() == "same settings"
    fit_scene = lab.fit_plot.widget.scene()
    assert all(item.scene() is fit_scene for plot, item in first.items if plot is lab.fit_plot.widget.getPlotItem())

    # A larger learning rate (keyboard on the lr slider): the pinned run is now labelled by its own lr.
    slider = lab.controls.editor("lr").slider
    slider.setFocus()
    for _ in range(5):
        qtbot.keyClick(slider, Qt.Key_Right)
    new_lr = lab.config().lr
    assert new_lr != first.config.lr
    assert pinned.table.item(0, 1).text() == f"learning rate = {first.config.lr:g}"
    assert first.label_item.text() == f"learning rate = {first.config.lr:g}"
    train_a_little(qtbot, lab)
    qtbot.mouseClick(pinned.pin_button, Qt.LeftButton)
    assert pinned.table.rowCount() == 2
    assert pinned.runs[1].config.lr == new_lr and pinned.table.item(1, 1).text() == "same settings"
    assert pinned.runs[0].color != pinned.runs[1].color
    if SHOTS:
        window.grab().save(os.path.join(SHOTS, "pinned_runs.png"))

    # Hide the first run with its checkbox, then show it again.
    box = pinned.table.cellWidget(0, 0)
    qtbot.mouseClick(box, Qt.LeftButton, pos=QPoint(10, box.height() // 2))
    assert not box.isChecked() and not any(item.isVisible() for _plot, item in first.items)
    qtbot.mouseClick(box, Qt.LeftButton, pos=QPoint(10, box.height() // 2))
    assert all(item.isVisible() for _plot, item in first.items)

    # Remove it: its overlays leave the plots and its row the table.
    qtbot.mouseClick(pinned.table.cellWidget(0, 6), Qt.LeftButton)
    assert len(pinned.runs) == 1 and pinned.table.rowCount() == 1
    assert all(item.scene() is None for _plot, item in first.items)
    assert pinned.runs[0].config.lr == new_lr


def test_at_most_eight_pinned_runs(qtbot, window):
    lab = window.curve_lab
    train_a_little(qtbot, lab, steps=5)
    for _ in range(8):
        qtbot.mouseClick(lab.pinned.pin_button, Qt.LeftButton)
    assert len(lab.pinned.runs) == 8 and not lab.pinned.pin_button.isEnabled()
    assert lab.pinned.pin() is None and len(lab.pinned.runs) == 8
    qtbot.mouseClick(lab.pinned.table.cellWidget(3, 6), Qt.LeftButton)
    assert len(lab.pinned.runs) == 7 and lab.pinned.pin_button.isEnabled()


def test_labels_of_what_differs_are_translated(qapp, classroom_env):
    """Issue 13, item 6: pinned-run and sweep labels name the settings in the UI's language, not by field."""
    from playground.ui import i18n
    from playground.ui.widgets.setting_names import SettingNames

    changes = [("lr", 0.01), ("hidden_width", 4), ("target", "x^2"), ("batch_size", 0)]
    assert SettingNames().describe(changes) == "learning rate = 0.01, hidden width = 4, target = y = x², batch size = full"
    assert i18n.manager().set_language(i18n.CHINESE) == i18n.CHINESE
    text = SettingNames().describe(changes)
    assert "学习率" in text and "隐藏层宽度" in text and "lr" not in text and "hidden_width" not in text
