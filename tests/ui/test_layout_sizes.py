"""Nothing clipped on a classroom projector or a laptop (issue 13): every tab at 1024×768, 1280×800, 1366×768
and 1920×1080, normal and presentation mode, English and Chinese, each size on an offscreen screen of that
size in a fresh interpreter (tests/ui/layout_probe.py says what is checked and the minimum sizes).
At 1024×768 also the Curve lab with its three teaching views and a pinned run, and every lesson with the Lessons
panel open.

Screenshots go to $NN_PLAYGROUND_LAYOUT_SHOTS when set (to look at them), else to the test's tmp folder.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow  # a fresh interpreter per screen size, every tab four times
@pytest.mark.parametrize("width,height", [(1024, 768), (1280, 800), (1366, 768), (1920, 1080)])
def test_every_tab_fits_the_screen_unclipped(tmp_path, width, height):
    shots = Path(os.environ.get("NN_PLAYGROUND_LAYOUT_SHOTS") or tmp_path / "shots")
    args = [sys.executable, "-m", "tests.ui.layout_probe", str(width), str(height), str(shots)]
    if width == 1024:
        args.append("--extras")
    env = {key: value for key, value in os.environ.items() if key != "QT_QPA_PLATFORM"}
    result = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["checked"]["states"] >= 14 and report["checked"]["plots"] > 0, report
    assert report["problems"] == [], "\n".join(report["problems"])
    assert len(list(shots.glob(f"{width}x{height}_*.png"))) == report["checked"]["states"]
