"""The rotating log file and the report of unexpected exceptions."""

import sys

from playground.core.desktop import logfile


def _raise(exc):
    try:
        raise exc
    except Exception as caught:
        return caught


def test_unexpected_exception_is_logged_with_its_traceback_and_reported(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "stderr", None)  # a Windows GUI script has no stderr
    path = logfile.setup_logging(tmp_path)
    assert path == tmp_path / logfile.LOG_NAME == logfile.log_path()
    heard = []
    logfile.add_listener(heard.append)
    try:
        details = logfile.report_unexpected(_raise(TypeError("a bug")), where="in a test")
    finally:
        logfile.remove_listener(heard.append)
        for handler in list(logfile.logger.handlers):
            logfile.logger.removeHandler(handler)
            handler.close()
    assert heard == [details]
    assert "TypeError: a bug" in details and "Traceback" in details and "in a test" in details
    text = path.read_text(encoding="utf-8")
    assert "TypeError: a bug" in text and "_raise" in text


def test_log_folder_that_cannot_be_created_gives_no_log_but_no_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    try:
        assert logfile.setup_logging(blocker / "logs") is None
    finally:
        for handler in list(logfile.logger.handlers):
            logfile.logger.removeHandler(handler)
            handler.close()


def test_bad_input_is_expected_and_bugs_are_not():
    from playground.core.errors import DatasetError

    assert logfile.is_expected(ValueError("bad expression"))
    assert logfile.is_expected(DatasetError("no such folder"))
    assert not logfile.is_expected(TypeError("a bug"))
    assert not logfile.is_expected(AttributeError("a bug"))
