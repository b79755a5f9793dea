import os
import tempfile

# Real widgets, no screen: set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Never read or write the user's real settings (playground/ui/settings.py).
os.environ.setdefault("NN_PLAYGROUND_SETTINGS", os.path.join(tempfile.mkdtemp(prefix="nnplay-settings-"), "settings.ini"))

# Nor the user's data folder: the log file of tests that start the whole app (core/paths.py).
os.environ.setdefault("NN_PLAYGROUND_DATA_DIR", tempfile.mkdtemp(prefix="nnplay-data-"))
