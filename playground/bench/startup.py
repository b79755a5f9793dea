"""Startup timing: a child process reports when its window is shown and when it is usable."""

from __future__ import annotations

import json
import os
import statistics
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

    def on_training_ready() -> None:
        emit("training_ready")
        QTimer.singleShot(0, window.close)
        QTimer.singleShot(0, QApplication.instance().quit)

    lab.trainingReady.connect(on_training_ready)


TORCH_IMPORT = "import time; t = time.perf_counter(); import torch; print(time.perf_counter() - t)"


def _probe_once(env: dict, timeout_s: float) -> dict:
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
        "window_shown_s": events["shown"]["t"] - start,
        "interactive_s": events["interactive"]["t"] - start,
        "training_ready_s": events["training_ready"]["t"] - start,
        "torchvision_loaded_at_start": events["interactive"]["torchvision_loaded"],
    }


def torch_import_seconds(env: dict, timeout_s: float) -> float:
    """torch's import time alone, in a fresh interpreter (the reference for the start-up targets)."""
    proc = subprocess.run([sys.executable, "-c", TORCH_IMPORT], env=env, capture_output=True, text=True,
                          timeout=timeout_s, check=True)
    return float(proc.stdout.strip().splitlines()[-1])


def compile_bytecode() -> None:
    """Byte-compile the app's modules, as pip does when it installs the wheel.

    torch's, Qt's and numpy's modules come with their bytecode in site-packages; a checkout run with
    PYTHONDONTWRITEBYTECODE=1 (as on the development machines) would compile the app's ~130 modules
    at every start (about 0.15 s before the window shows), which no installed copy does.
    """
    import compileall

    import playground

    compileall.compile_dir(os.path.dirname(playground.__file__), quiet=1)


def measure_startup(runs: int = 3, timeout_s: float = 120.0) -> dict:
    """Medians (and ranges) over ``runs`` start-ups, each followed by a bare torch import in a fresh process."""
    compile_bytecode()
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    probes, torch_times = [], []
    for _ in range(runs):
        probes.append(_probe_once(env, timeout_s))
        torch_times.append(torch_import_seconds(env, timeout_s))
    result = {}
    for key in ("window_shown_s", "interactive_s", "training_ready_s"):
        values = [p[key] for p in probes]
        result[key] = round(statistics.median(values), 3)
        result[key[:-2] + "_range_s"] = [round(min(values), 3), round(max(values), 3)]
    result["torch_import_s"] = round(statistics.median(torch_times), 3)
    result["torch_import_range_s"] = [round(min(torch_times), 3), round(max(torch_times), 3)]
    result["torchvision_loaded_at_start"] = any(p["torchvision_loaded_at_start"] for p in probes)
    return result
