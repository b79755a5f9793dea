"""The window fits the screen it starts on: a first start on a small screen, a geometry remembered from a
bigger one; and the lab shown first has the keyboard (Space plays)."""

import json
import subprocess
import sys
import textwrap

import pytest

from playground.ui.main_window import DEFAULT_SIZE, first_size
from PySide6.QtCore import QSize, Qt


def test_a_first_window_is_1280_by_800_or_most_of_a_smaller_screen():
    assert first_size(QSize(1920, 1080)) == DEFAULT_SIZE
    small = first_size(QSize(1024, 740))
    assert small.width() == 1024 and 680 <= small.height() < 740


@pytest.mark.slow  # fresh interpreters
@pytest.mark.parametrize("width,height", [(1024, 768), (1366, 768)])
def test_first_start_and_a_big_remembered_geometry_fit_a_small_screen(tmp_path, width, height):
    screen = tmp_path / "screen.json"
    screen.write_text(json.dumps({"screens": [{"name": "s", "x": 0, "y": 0, "width": width, "height": height,
                                               "logicalDpi": 96, "logicalDpiX": 96, "logicalDpiY": 96}]}))
    code = textwrap.dedent(f"""
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen:configfile={screen}"
        os.environ["NN_PLAYGROUND_SETTINGS"] = {str(tmp_path / "settings.ini")!r}
        from playground.app import create_app
        app = create_app()
        from playground.ui.main_window import MainWindow
        from playground.ui.settings import Settings
        def fits(w):
            area = w.screen().availableGeometry()
            return area.contains(w.frameGeometry())
        w = MainWindow(); w.show(); app.processEvents()
        first = fits(w)
        w.setMinimumSize(0, 0); w.resize(1900, 1200); w.move(300, 200)
        Settings().set_geometry(w.saveGeometry())
        w.close()
        w2 = MainWindow(); w2.classroom.restore_settings(); w2.show(); app.processEvents()
        print(first, fits(w2), w2.width(), w2.height())
        w2.shutdown()
    """)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    first, restored, w, h = result.stdout.split()[-4:]
    assert first == "True" and restored == "True", result.stdout
    assert int(w) <= width and int(h) <= height


def test_space_plays_at_start_without_a_click(qtbot, window):
    lab = window.curve_lab
    assert not lab.transport.playing
    qtbot.keyClick(window.focusWidget() or window, Qt.Key_Space)
    qtbot.waitUntil(lambda: lab.transport.playing, timeout=60_000)
    lab.pause()
