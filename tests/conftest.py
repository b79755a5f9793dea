import os
import tempfile

# Real widgets, no screen: set before anything imports Qt. The offscreen screen is 800×800 unless told
# otherwise; the tests run on a 1920×1080 one (tests that need another size start a fresh interpreter).
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    _screen = os.path.join(tempfile.mkdtemp(prefix="nnplay-screen-"), "screen.json")
    with open(_screen, "w", encoding="utf-8") as _file:
        _file.write('{"screens": [{"name": "test", "x": 0, "y": 0, "width": 1920, "height": 1080, '
                    '"logicalDpi": 96, "logicalDpiX": 96, "logicalDpiY": 96}]}')
    os.environ["QT_QPA_PLATFORM"] = "offscreen:configfile=" + _screen

# One intra-op thread, as the app's workers use on 2 cores (core/training/runtime.py): on a shared CI machine a
# second thread makes the small models of the tests many times slower (NOTES.md).
os.environ.setdefault("OMP_NUM_THREADS", "1")

# Never read or write the user's real settings (playground/ui/settings.py).
os.environ.setdefault("NN_PLAYGROUND_SETTINGS", os.path.join(tempfile.mkdtemp(prefix="nnplay-settings-"), "settings.ini"))

# Nor the user's data folder: the log file, the collected digits (core/paths.py).
os.environ.setdefault("NN_PLAYGROUND_DATA_DIR", tempfile.mkdtemp(prefix="nnplay-data-"))
