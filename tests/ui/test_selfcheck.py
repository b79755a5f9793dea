"""``nn-playground selfcheck``: what it prints, and that a problem makes it exit 1."""

import io

import pytest

from playground import selfcheck
from playground.core.desktop import selfcheck as core_selfcheck


@pytest.mark.slow
def test_selfcheck_reports_every_part_and_passes_here(qapp):
    out = io.StringIO()
    code = selfcheck.run_selfcheck(out)
    text = out.getvalue()
    for name in ("resources", "bundled data", "bundled model mlp", "bundled model cnn", "translations", "CJK font"):
        assert f"] {name}:" in text, text
    if "[FAIL] CJK font" in text:  # a machine without a Chinese font: honest about it, and a failure
        assert code == 1 and "fonts-wqy-microhei" in text
    else:
        assert code == 0 and "selfcheck: all good" in text, text
    assert "test accuracy 96.4%" in text and "test accuracy 98.0%" in text  # README: the retrained models


def test_missing_cjk_font_is_a_failure_that_says_what_to_install(qapp, monkeypatch):
    from PySide6.QtGui import QFontDatabase

    monkeypatch.setattr(QFontDatabase, "families", staticmethod(lambda *args: []))
    check = selfcheck.check_cjk_font()
    assert not check.ok and "no installed font draws Chinese" in check.detail and "fonts-wqy-microhei" in check.detail


def test_missing_resource_file_fails_the_check(monkeypatch, tmp_path):
    monkeypatch.setattr(core_selfcheck, "resources_dir", lambda: tmp_path)
    check = core_selfcheck.check_resources()
    assert not check.ok and "mnist/mnist_subset.npz" in check.detail
