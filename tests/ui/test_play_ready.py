"""Issue 13, item 9: once the worker has said it is ready to train, Play trains at once. No clock is read
here (the 300 ms target lives in ``bench curve``); what is checked is the state machine: the worker reports
ready before Play, and nothing is built when Play is pressed."""

import numpy as np
from PySide6.QtCore import Qt

from playground.core.training import components
from playground.core.training.loop import Progress


def counting_optimizer_builds(monkeypatch) -> list:
    """Every optimizer the jobs build goes through OPTIMIZERS.create: count the calls."""
    builds = []
    create = components.OPTIMIZERS.create

    def counted(*args, **kwargs):
        builds.append(args[0])
        return create(*args, **kwargs)

    monkeypatch.setattr(components.OPTIMIZERS, "create", counted)
    return builds


def press_play_until_a_step_is_shown(qtbot, lab) -> None:
    step0 = lab.last_progress().step
    qtbot.mouseClick(lab.transport.play_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: lab.last_progress().step > step0, timeout=60_000)


def test_play_after_ready_steps_without_building_anything(qtbot, window, monkeypatch):
    lab = window.curve_lab
    lab.shutdown()  # a fresh worker, as at start-up
    with qtbot.waitSignal(lab.trainingReady, timeout=60_000):  # a state the worker reports, not a timer
        lab.start_backend()
    assert lab.is_ready() and lab.is_training_ready() and lab.last_progress().warm
    builds = counting_optimizer_builds(monkeypatch)
    press_play_until_a_step_is_shown(qtbot, lab)
    assert builds == []  # the warm-up built the optimizer before Play
    assert "steps/s" in lab.status_line(lab.last_progress(), 1.0, None)

    # Pause and Reset rebuild the model: the worker warms up again before it reports the fresh model,
    # so the next Play builds nothing either.
    qtbot.mouseClick(lab.transport.play_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: lab.last_progress().state == "paused", timeout=60_000)
    generation = lab.last_progress().generation
    qtbot.mouseClick(lab.transport.reset_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: lab.last_progress().generation != generation, timeout=60_000)
    assert lab.last_progress().warm and lab.last_progress().step == 0
    assert len(builds) == 1  # the reset's warm-up, before its report
    press_play_until_a_step_is_shown(qtbot, lab)
    assert len(builds) == 1


def test_the_status_line_says_when_a_play_press_waits_for_the_warm_up(window):
    lab = window.curve_lab
    warming = Progress(1, 0, np.zeros(0, np.float32), 0.0, "running", {}, warm=False)
    assert "getting ready to train" in lab.status_line(warming, 1.0, None)
    assert "steps/s" not in lab.status_line(warming, 1.0, None)


def test_before_its_worker_reports_the_lab_draws_its_data_and_takes_play(qtbot, app_theme):
    """'Interactive' before torch has loaded: the data follow the settings, and Play is taken (it trains
    once the worker is ready)."""
    from playground.ui.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    lab = win.curve_lab
    try:
        assert lab.last_progress() is None and lab.transport.isEnabled()
        plot = lab.fit_plot
        assert plot.train_points.count() + plot.test_points.count() == lab.config().n_points
        points = lab.controls.editor("n_points").slider
        points.setFocus()
        qtbot.keyClick(points, Qt.Key_Left)  # one stop down: 75 points
        assert lab.config().n_points == 75
        assert plot.train_points.count() + plot.test_points.count() == 75
        win.start_backends()
        qtbot.mouseClick(lab.transport.play_button, Qt.LeftButton)  # whether or not the worker has reported yet
        qtbot.waitUntil(lambda: lab.last_progress() is not None and lab.last_progress().step > 0, timeout=60_000)
        assert lab.last_progress().snapshot["data"].x_plot.size and lab.is_training_ready()
    finally:
        win.shutdown()


def test_remembered_settings_are_drawn_before_the_worker_reports(qtbot, app_theme):
    from dataclasses import replace

    from playground.core.config import to_dict
    from playground.core.curve.config import CurveConfig
    from playground.ui.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    lab = win.curve_lab
    lab.restore_session({"config": to_dict(replace(CurveConfig(), target="sin", n_points=30, test_fraction=0.0))})
    win.show()
    try:
        assert lab.last_progress() is None
        assert lab.fit_plot.train_points.count() == 30 and lab.fit_plot.test_points.count() == 0
    finally:
        win.shutdown()


def test_play_pressed_before_the_worker_was_started_starts_it_and_trains(qtbot, window):
    """The window starts a lab's worker one event after it is shown: a press of Play in between is not lost."""
    lab = window.curve_lab
    lab.shutdown()
    assert lab.worker() is None or not lab.backend_running()
    lab._loop = None  # as before the window's first start_backends(); noqa: the lab's own test
    qtbot.mouseClick(lab.transport.play_button, Qt.LeftButton)
    assert lab.backend_running() and lab.transport.playing
    worker = lab.worker()
    qtbot.waitUntil(lambda: worker.job is not None and worker.job.step_count > 0, timeout=60_000)
