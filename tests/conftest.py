import os
import tempfile

# Real widgets, no screen: set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Never read or write the user's real settings (playground/ui/settings.py).
os.environ.setdefault("NN_PLAYGROUND_SETTINGS", os.path.join(tempfile.mkdtemp(prefix="nnplay-settings-"), "settings.ini"))
# Nor the user's data folder (collected digits; playground/core/paths.py).
os.environ.setdefault("NN_PLAYGROUND_DATA", tempfile.mkdtemp(prefix="nnplay-data-"))
