"""The Classification lab driven through its widgets, as a user would."""

import pytest
from PySide6.QtCore import QPoint, Qt

from tests.ui.helpers import choose


@pytest.fixture
def lab(qtbot, window):
    lab = window.labs["classify"]
    window.tabs.setCurrentWidget(lab)
    qtbot.waitUntil(lab.is_ready, timeout=60_000)
    qtbot.waitUntil(lambda: lab.data() is not None, timeout=60_000)
    return lab


def read_on_worker(qtbot, lab, fn):
    seen = []
    lab._loop.control.post(lambda job: seen.append(fn(job)))
    qtbot.waitUntil(lambda: bool(seen), timeout=60_000)
    return seen[0]


def shown_step(lab) -> int:
    return lab.last_progress().step


def click_plane(qtbot, lab, x, y, button=Qt.LeftButton):
    view = lab.decision.widget
    scene_pos = lab.decision.scene_pos_of(x, y)
    pos = view.mapFromScene(scene_pos)
    qtbot.mouseClick(view.viewport(), button, pos=QPoint(pos.x(), pos.y()))


def total_points(data) -> int:
    return len(data.y_train) + len(data.y_test)


def test_configure_network_train_pause_step_reset(qtbot, lab):
    controls = lab.controls
    choose(qtbot, controls.editor("dataset"), "xor")
    qtbot.mouseClick(controls.features.boxes["x1x2"], Qt.LeftButton)
    for _ in range(len(lab.config().hidden)):
        qtbot.mouseClick(controls.hidden.layers.minus, Qt.LeftButton)
    assert not controls.hidden.layers.minus.isEnabled()
    qtbot.mouseClick(controls.hidden.layers.plus, Qt.LeftButton)
    for _ in range(3):
        qtbot.mouseClick(controls.hidden.rows[0].plus, Qt.LeftButton)
    config = lab.config()
    assert config.dataset == "xor" and config.features == ("x1", "x2", "x1x2") and config.hidden == (7,)
    assert controls.hidden.rows[0].isVisible() and not controls.hidden.rows[1].isVisible()
    assert read_on_worker(qtbot, lab, lambda job: (job.model[0].in_features, job.model[0].out_features)) == (3, 7)
    qtbot.waitUntil(lambda: lab.data() is not None and lab.last_progress().snapshot["config"] == config, timeout=60_000)

    frames = lab.decision.frames
    qtbot.mouseClick(lab.transport.play_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: shown_step(lab) > 300 and lab.decision.frames > frames + 5, timeout=60_000)
    qtbot.waitUntil(lambda: lab.neurons.updates > 0, timeout=60_000)
    assert "%" in lab.accuracy_label.text() and "steps/s" in lab.status_label.text()
    assert len(lab.loss_plot.train_history) > 0

    qtbot.mouseClick(lab.transport.play_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: lab.last_progress().state == "paused", timeout=60_000)
    paused_at = read_on_worker(qtbot, lab, lambda job: job.step_count)
    qtbot.waitUntil(lambda: shown_step(lab) == paused_at, timeout=60_000)
    qtbot.mouseClick(lab.transport.step_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: shown_step(lab) == paused_at + 1, timeout=60_000)

    generation = lab._generation
    qtbot.mouseClick(lab.transport.reset_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: shown_step(lab) == 0 and lab._generation != generation, timeout=60_000)
    assert len(lab.loss_plot.train_history) == 0


def test_xor_preset_trains_past_90_percent_in_the_gui(qtbot, lab):
    assert lab.preset_box.itemData(1) == "xor_product"
    lab.preset_box.setFocus()
    qtbot.keyClick(lab.preset_box, Qt.Key_Down)  # the box loads the preset and shows its prompt again
    assert lab.preset_box.currentIndex() == 0
    assert lab.config().features == ("x1", "x2", "x1x2") and lab.config().hidden == ()
    assert lab.controls.features.boxes["x1x2"].isChecked()
    qtbot.waitUntil(lambda: lab.last_progress().snapshot["config"] == lab.config(), timeout=60_000)
    lab.setFocus()
    qtbot.keyClick(lab, Qt.Key_Space)
    qtbot.waitUntil(lambda: lab.last_progress().state == "finished", timeout=60_000)
    snap = lab.last_progress().snapshot
    assert snap["test_acc"] > 0.9 and snap["train_acc"] > 0.9
    assert not lab.transport.playing


def test_drawing_points_with_the_mouse(qtbot, lab):
    controls = lab.controls
    shown = total_points(lab.data())
    choose(qtbot, controls.editor("dataset"), "draw")
    assert controls.draw_class_box.isVisible()
    # Drawing starts from the points that were on screen.
    qtbot.waitUntil(lambda: lab.last_progress().snapshot["config"].dataset == "draw", timeout=60_000)
    assert total_points(lab.data()) == shown
    before = lab.decision.point_count()
    assert before == shown

    choose(qtbot, controls.draw_class_box, 1)
    click_plane(qtbot, lab, 5.5, -5.5)
    qtbot.waitUntil(lambda: total_points(lab.data()) == shown + 1, timeout=60_000)
    assert lab.decision.point_count() == shown + 1
    points, labels = lab.data().all_points()
    added = ((points[:, 0] - 5.5) ** 2 + (points[:, 1] + 5.5) ** 2).argmin()
    assert abs(points[added, 0] - 5.5) < 0.15 and abs(points[added, 1] + 5.5) < 0.15
    assert labels[added] == 1
    assert read_on_worker(qtbot, lab, lambda job: len(job.drawn[1])) == shown + 1

    click_plane(qtbot, lab, 5.45, -5.45, Qt.RightButton)  # removes the nearest point
    qtbot.waitUntil(lambda: total_points(lab.data()) == shown, timeout=60_000)
    points, _ = lab.data().all_points()
    assert (((points[:, 0] - 5.5) ** 2 + (points[:, 1] + 5.5) ** 2) > 0.01).all()

    # Training uses the drawn points; clicks outside the "draw" dataset only explain themselves.
    qtbot.mouseClick(lab.transport.play_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: shown_step(lab) > 20, timeout=60_000)
    qtbot.mouseClick(lab.transport.play_button, Qt.LeftButton)
    choose(qtbot, controls.editor("dataset"), "circle")
    qtbot.waitUntil(lambda: lab.last_progress().snapshot["config"].dataset == "circle", timeout=60_000)
    count = total_points(lab.data())
    click_plane(qtbot, lab, 0.0, 0.0)
    qtbot.wait(100)
    assert total_points(lab.data()) == count
    assert "Draw your own" in window_message(lab)


def window_message(lab) -> str:
    return lab.window().statusBar().currentMessage()


def test_file_menu_exports_the_setup_as_a_script(qtbot, lab, tmp_path):
    actions = [a for a in lab.window().file_menu.actions() if a.text() == "Export classification code…"]
    assert len(actions) == 1
    path = lab.export_code(str(tmp_path / "mine.py"))
    text = (tmp_path / "mine.py").read_text(encoding="utf-8")
    assert path and "nn.Sequential" in text and "train_points = np.array(" in text
    assert lab.export_code(str(tmp_path / "missing-folder" / "x.py")) is None
    assert "Could not save" in window_message(lab)


def test_network_tab_shows_the_live_weights(qtbot, lab):
    if lab.diagram is None:
        pytest.skip("the network diagram is not installed")
    for _ in range(len(lab.config().hidden)):
        qtbot.mouseClick(lab.controls.hidden.layers.minus, Qt.LeftButton)
    qtbot.mouseClick(lab.controls.hidden.layers.plus, Qt.LeftButton)
    qtbot.mouseClick(lab.controls.hidden.rows[0].minus, Qt.LeftButton)
    assert lab.config().hidden == (3,)
    bar = lab.side_tabs.tabBar()
    qtbot.mouseClick(bar, Qt.LeftButton, pos=bar.tabRect(1).center())
    assert lab.side_tabs.currentWidget() is lab.diagram
    qtbot.mouseClick(lab.transport.play_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: lab.diagram.layout_ is not None and lab.diagram.layout_.sizes == [2, 3, 1],
                    timeout=60_000)
    qtbot.mouseClick(lab.transport.play_button, Qt.LeftButton)


def test_classification_mini_batches_smoothed_and_neuron_columns_titled(qtbot, lab):
    from dataclasses import replace

    from playground.ui import i18n

    choose(qtbot, lab.controls.editor("dataset"), "spiral")
    lab.set_config(replace(lab.config(), batch_size=4, hidden=(4, 2)))
    lab.play()
    qtbot.waitUntil(lambda: lab.loss_plot.smoothing, timeout=60_000)
    qtbot.waitUntil(lambda: lab.neurons.updates > 0 and bool(lab.neurons.header_rects), timeout=60_000)
    lab.pause()
    lab.neurons.repaint()
    titles = [text for _rect, text in lab.neurons.header_rects]
    assert titles == ["Inputs", "Layer 1", "Layer 2"], titles
    rects = [rect for rect, _text in lab.neurons.header_rects]
    assert all(a.right() < b.left() for a, b in zip(rects, rects[1:]))  # side by side, never on each other
    try:
        i18n.manager().set_language("zh")
        lab.neurons.repaint()
        titles = [text for _rect, text in lab.neurons.header_rects]
        assert titles == ["输入", "第 1 层", "第 2 层"], titles
    finally:
        i18n.manager().set_language("en")
