"""``nn-playground lesson.nnplay`` opens the session once the window is up."""

from __future__ import annotations

from dataclasses import replace

import pytest

from PySide6.QtCore import QTimer

import playground.app as app_module
from playground import __main__ as cli
from playground.core.persistence import session as sessions
from playground.core.curve.config import CurveConfig


def test_a_session_file_on_the_command_line_is_passed_to_the_app(monkeypatch):
    calls = []
    monkeypatch.setattr(app_module, "run_gui", lambda **kwargs: calls.append(kwargs) or 0)
    assert cli.main(["lesson.nnplay"]) == 0
    assert cli.main(["--open", "other.nnplay"]) == 0
    assert cli.main([]) == 0
    assert [c.get("session") for c in calls] == ["lesson.nnplay", "other.nnplay", None]


@pytest.mark.slow
def test_the_app_opens_the_session_given_at_start(qapp, tmp_path):
    path = tmp_path / "lesson.nnplay"
    sessions.save(path, {"curve": sessions.lab_entry(replace(CurveConfig(), hidden_width=7))}, current_tab="curve")
    seen = {}

    def on_window(window):
        seen["window"] = window
        poll = QTimer(window)
        poll.setInterval(50)
        # Close as soon as the session shows (or after 60 s, and the assertion below fails).
        poll.timeout.connect(lambda: window.close() if window.curve_lab.config().hidden_width == 7 else None)
        poll.start()
        QTimer.singleShot(60_000, window.close)

    try:
        app_module.run_gui(on_window=on_window, session=str(path))
    finally:
        window = seen.get("window")
        if window is not None:
            qapp.aboutToQuit.disconnect(window.shutdown)
            window.shutdown()
    assert seen["window"].curve_lab.config().hidden_width == 7
