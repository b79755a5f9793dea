"""Issue 13 item 7 and issue 18 item 7: a working custom expression edited into an invalid one is
marked at the field, training keeps its last valid setup, and fixing it resumes normally."""

from PySide6.QtCore import Qt

from tests.ui.helpers import choose


def type_expression(qtbot, controls, text: str) -> None:
    controls.editor("expression").clear()
    qtbot.keyClicks(controls.editor("expression"), text)
    qtbot.keyClick(controls.editor("expression"), Qt.Key_Return)


def worker_expression(qtbot, lab):
    seen = []
    lab._loop.control.post(lambda job: seen.append(job.config.expression))
    qtbot.waitUntil(lambda: bool(seen), timeout=60_000)
    return seen[0]


def test_invalid_edit_keeps_training_and_fixing_it_resumes(qtbot, window):
    lab, controls = window.curve_lab, window.curve_lab.controls
    choose(qtbot, controls.editor("target"), "custom")
    type_expression(qtbot, controls, "sin(x)")
    assert lab.config().target == "custom" and lab.config().expression == "sin(x)"
    qtbot.mouseClick(lab.transport.play_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: lab.last_progress() is not None and lab.last_progress().step > 20, timeout=60_000)

    for bad in ("sin(", "min(x)", "1e30*x", "exp(100*x)"):
        type_expression(qtbot, controls, bad)
        assert controls.expression_error.isVisible(), bad
        assert controls.editor("expression").styleSheet(), bad  # the field itself is marked
        assert lab.config().expression == "sin(x)", bad  # the last valid setup keeps training
        assert not lab.error_label.isVisible(), bad  # no raw red banner
    assert "too large" in controls.expression_error.text()  # not "try a smaller learning rate"
    step = lab.last_progress().step
    qtbot.waitUntil(lambda: lab.last_progress().step > step + 20, timeout=60_000)  # still training
    assert lab.last_progress().state == "running"
    assert worker_expression(qtbot, lab) == "sin(x)"

    qtbot.mouseClick(lab.transport.play_button, Qt.LeftButton)  # pause, then fix and play again
    qtbot.waitUntil(lambda: lab.last_progress().state == "paused", timeout=60_000)
    type_expression(qtbot, controls, "sin(x) * 3")
    assert not controls.expression_error.isVisible() and not controls.editor("expression").styleSheet()
    qtbot.mouseClick(lab.transport.play_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: worker_expression(qtbot, lab) == "sin(x) * 3", timeout=60_000)
    qtbot.waitUntil(lambda: lab.last_progress().state == "running" and lab.last_progress().step > 20, timeout=60_000)
    assert not lab.error_label.isVisible()

