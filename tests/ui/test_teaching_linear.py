"""The linear-regression lab driven through its widgets."""

import numpy as np
import pytest
from PySide6.QtCore import Qt


@pytest.fixture
def linear(qtbot, window):
    lab = window.labs["linear"]
    window.tabs.setCurrentWidget(lab)
    qtbot.waitUntil(lab.is_ready, timeout=60_000)
    return lab


def test_notes_run_converges_like_the_notes(qtbot, linear, tmp_path):
    assert (linear.controls.editor("lr").value(), linear.controls.editor("max_steps").value()) == (0.01, 1000)
    qtbot.mouseClick(linear.transport.play_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: linear._state == "finished", timeout=60_000)
    t = linear._trajectory
    assert t.shape == (1001, 3)
    assert np.all(np.diff(t[:, 2]) <= 1e-7)  # the loss falls monotonically
    assert t[900, 0] == pytest.approx(1.91, abs=0.02) and t[900, 1] == pytest.approx(0.20, abs=0.03)
    assert abs(t[-1, 0] - 2) < abs(t[0, 0] - 2)
    assert "Step 1000" in linear.readout.text()
    assert not linear.transport.playing
    # every view shows the run
    assert not linear.contours.item.path().isEmpty()
    assert linear.path_line.item.path().elementCount() > 100
    assert linear.current.data["x"][0] == pytest.approx(t[-1, 0])
    assert linear.window().grab().save(str(tmp_path / "linear_lab.png"))


def test_step_reset_and_learning_rate(qtbot, linear):
    qtbot.mouseClick(linear.transport.step_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: len(linear._trajectory) == 2, timeout=60_000)
    w0, b0, loss0 = linear._trajectory[0]
    w1, b1, loss1 = linear._trajectory[1]
    # one SGD step by hand: grad of mean((w x + b − y)²)
    x, y = np.array([1.0, 2, 3]), np.array([2.0, 4, 6])
    r = w0 * x + b0 - y
    assert w1 == pytest.approx(w0 - 0.01 * np.mean(2 * r * x), rel=1e-5)
    assert b1 == pytest.approx(b0 - 0.01 * np.mean(2 * r), rel=1e-5)
    linear.controls.editor("lr").setFocus()
    linear.controls.editor("lr").selectAll()
    qtbot.keyClicks(linear.controls.editor("lr"), "0.05")
    qtbot.keyClick(linear.controls.editor("lr"), Qt.Key_Return)
    assert linear.setup().lr == pytest.approx(0.05)
    qtbot.mouseClick(linear.transport.play_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: linear._state == "finished", timeout=60_000)
    assert linear._trajectory[-1, 0] == pytest.approx(2.0, abs=0.01)  # a larger step converges further
    qtbot.mouseClick(linear.transport.reset_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: len(linear._trajectory) == 1, timeout=60_000)
    assert tuple(linear._trajectory[0]) == pytest.approx((w0, b0, loss0))
