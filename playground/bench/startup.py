"""Startup timing: a child process reports when its window is shown and when it is usable."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

PREFIX = "STARTUP "


def install_probe(window) -> None:
    """Called by ``nn-playground --startup-probe`` with the main window before it is shown."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def emit(event: str, **extra) -> None:
        print(PREFIX + json.dumps({"event": event, "t": time.time(), **extra}), flush=True)

    window.shown.connect(lambda: QTimer.singleShot(0, lambda: emit("shown")))

    lab = window.curve_lab
    lab.ready.connect(lambda: emit("interactive", torchvision_loaded="torchvision" in sys.modules))

    def on_redrawn() -> None:
        progress = lab.last_progress()
        if progress is not None and progress.snapshot.get("warmed_up"):
            lab.redrawn.disconnect(on_redrawn)
            emit("training_ready")
            QTimer.singleShot(0, window.close)
            QTimer.singleShot(0, QApplication.instance().quit)

    lab.redrawn.connect(on_redrawn)


def measure_startup(timeout_s: float = 60.0) -> dict:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    start = time.time()
    proc = subprocess.run([sys.executable, "-m", "playground", "--startup-probe"], env=env,
                          capture_output=True, text=True, timeout=timeout_s)
    events = {}
    for line in proc.stdout.splitlines():
        if line.startswith(PREFIX):
            record = json.loads(line[len(PREFIX):])
            events[record["event"]] = record
    if not {"shown", "interactive", "training_ready"} <= events.keys():
        raise RuntimeError(f"startup probe failed (exit {proc.returncode}): {proc.stderr[-2000:]}")
    return {
        "window_shown_s": round(events["shown"]["t"] - start, 3),
        "interactive_s": round(events["interactive"]["t"] - start, 3),
        "training_ready_s": round(events["training_ready"]["t"] - start, 3),
        "torchvision_loaded_at_start": events["interactive"]["torchvision_loaded"],
    }
