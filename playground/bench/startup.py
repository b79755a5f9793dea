"""Startup timing: a child process reports when its window is shown and when it is usable."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time

PREFIX = "STARTUP "
# The figures, from process start, and the probe's events that end them.
TIMES = {"window_shown": "shown", "interactive": "interactive", "first_fit": "first_fit",
         "training_ready": "training_ready"}


def install_probe(window) -> None:
    """Called by ``nn-playground --startup-probe`` with the main window before it is shown.

    Events: ``shown`` (the window is on screen, its first lab built); ``interactive`` (the lab's controls and
    Play work and its plot shows what they set; before torch has loaded, the Curve lab draws its data and
    target from numpy, and a press of Play trains as soon as training is ready); ``first_fit`` (the
    worker's first report: the network exists and its fit is drawn); ``training_ready`` (the worker has
    warmed up: a press of Play steps at once). From ``shown`` to ``training_ready`` a 10 ms timer on the
    GUI thread measures how long the window stalls while torch loads in the worker.
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from playground.bench.measure import TimerLateness

    def emit(event: str, **extra) -> None:
        print(PREFIX + json.dumps({"event": event, "t": time.time(), **extra}), flush=True)

    lab = window.curve_lab
    lateness = TimerLateness(10)
    said_interactive = []

    def interactive() -> None:
        if not said_interactive and window.isVisible() and lab.transport.isEnabled():
            said_interactive.append(True)
            emit("interactive", torchvision_loaded="torchvision" in sys.modules)

    def shown() -> None:
        emit("shown")
        lateness.start()
        interactive()

    window.shown.connect(lambda: QTimer.singleShot(0, shown))
    lab.ready.connect(lambda: (emit("first_fit"), interactive()))

    def on_training_ready() -> None:
        lateness.stop()
        emit("training_ready", stall_max_ms=max(lateness.samples, default=0.0), stall_p99_ms=lateness.p99_ms())
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
    if not {"shown", "interactive", "first_fit", "training_ready"} <= events.keys():
        raise RuntimeError(f"startup probe failed (exit {proc.returncode}): {proc.stderr[-2000:]}")
    return {
        **{f"{name}_s": events[event]["t"] - start for name, event in TIMES.items()},
        "loading_stall_max_ms": events["training_ready"]["stall_max_ms"],
        "loading_stall_p99_ms": events["training_ready"]["stall_p99_ms"],
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
    for key in [f"{name}_s" for name in TIMES] + ["loading_stall_max_ms", "loading_stall_p99_ms"]:
        values = [p[key] for p in probes]
        unit = key[key.rindex("_"):]
        result[key] = round(statistics.median(values), 3)
        result[key[:-len(unit)] + "_range" + unit] = [round(min(values), 3), round(max(values), 3)]
    result["torch_import_s"] = round(statistics.median(torch_times), 3)
    result["torch_import_range_s"] = [round(min(torch_times), 3), round(max(torch_times), 3)]
    result["torchvision_loaded_at_start"] = any(p["torchvision_loaded_at_start"] for p in probes)
    return result
