import os

# Real widgets, no screen: set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
