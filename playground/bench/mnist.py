"""``nn-playground bench mnist``: MNIST-lab epoch time bare vs. in the GUI, images/s, canvas latency.

Bare and GUI rounds alternate in one process (the notes' MLP on the bundled
4,000 training images); each round's epoch time is the job's own clock from its
first to its last step divided by the epochs, so both sides measure the same
thing. Canvas latency: from a mouse-move event on the canvas to the updated
probabilities (paint the segment, preprocess, forward pass, bar chart), with the
bundled MLP and CNN; then again with the Look inside tab shown (saliency, nearest training
digits, first-layer views computed for every prediction; target one 60 Hz frame).
"""

from __future__ import annotations

import math
import os
import statistics

from playground.bench.measure import percentile, wait_until

TARGETS = {"gui_over_bare": 1.1, "canvas_p99_ms": 5.0, "canvas_insight_p99_ms": 16.0}
EPOCHS_PER_ROUND = 10  # ~0.5-1 s a round: long enough to average out scheduling noise


def _bare_epoch_s(config) -> float:
    """The core loop alone on a plain thread (as the GUI's worker, minus Qt), the GUI idle."""
    import threading

    from playground.core.training.loop import run_loop
    from playground.core.mnist.job import MnistJob
    from playground.core.training.run_control import RunControl

    result = {}

    def work() -> None:
        job = MnistJob(config)
        run_loop(job, RunControl(paused=False), lambda _p: None, stop_when_done=True)
        result["s"] = job.snapshot()["elapsed_s"] / config.epochs

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    return result["s"]


def _gui_epoch_s(app, lab, config) -> float:
    lab.set_config(config)
    lab.train()
    finished = wait_until(app, lambda: lab.confusion.matrix is not None and lab.results_shown(), 120)
    if not finished:
        raise RuntimeError("the GUI training round did not finish")
    snap = lab.last_progress().snapshot
    return snap["elapsed_s"] / config.epochs


def _canvas_latency(app, lab, model: str, moves: int) -> list[float]:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    lab.model_box.setCurrentIndex(lab.model_box.findData(model))
    lab.choose_model(lab.model_box.currentIndex())
    canvas = lab.canvas
    samples = []
    per_stroke = 20
    for s in range(max(1, moves // per_stroke)):
        canvas.clear()
        points = [(140 + 70 * math.sin(t / per_stroke * 2 * math.pi + s),
                   140 - 90 * math.cos(t / per_stroke * 2 * math.pi + s)) for t in range(per_stroke + 1)]
        QTest.mousePress(canvas, Qt.LeftButton, Qt.NoModifier, canvas.to_widget(*points[0]))
        try:
            for p in points[1:]:
                wait_until(app, lambda: False, 0.035)  # past the throttle: each move predicts at once
                lab.drawing.last_latency_s = None
                QTest.mouseMove(canvas, canvas.to_widget(*p))
                if lab.drawing.last_latency_s is not None:
                    samples.append(lab.drawing.last_latency_s * 1000)
        finally:
            QTest.mouseRelease(canvas, Qt.LeftButton, Qt.NoModifier, canvas.to_widget(*points[-1]))
    return samples


def run(seconds: float = 8.0) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from dataclasses import replace

    from playground.app import create_app
    from playground.core.mnist.config import MnistConfig
    from playground.ui.main_window import MainWindow

    app = create_app()
    window = MainWindow()
    window.resize(1280, 800)
    lab = window.labs["mnist"]
    window.tabs.setCurrentWidget(lab)
    window.show()
    window.start_backends()
    wait_until(app, lab.is_ready, 60)
    import torch

    config = replace(MnistConfig(), epochs=EPOCHS_PER_ROUND)
    rounds = max(5, int(seconds // 1.5))
    bare, gui, ratios = [], [], []
    try:
        _bare_epoch_s(config)  # warm-ups (allocations, kernels, the tab's first layout and paint)
        _gui_epoch_s(app, lab, config)
        for _ in range(rounds):
            b = _bare_epoch_s(config)
            g = _gui_epoch_s(app, lab, config)
            bare.append(b)
            gui.append(g)
            ratios.append(g / b)
        latency, insight_latency = {}, {}
        for shown, result in ((lab.side_tabs.widget(0), latency), (lab.insight, insight_latency)):
            lab.side_tabs.setCurrentWidget(shown)
            for model in ("bundled:mlp", "bundled:cnn"):
                _canvas_latency(app, lab, model, moves=20)  # warm-up (with the views on: the neighbour index)
                samples = _canvas_latency(app, lab, model, moves=100)
                result[model.split(":")[1]] = {"p50_ms": round(percentile(samples, 50), 3),
                                               "p99_ms": round(percentile(samples, 99), 3), "samples": len(samples)}
    finally:
        window.shutdown()
        window.close()
    train_images = 4000
    bare_s, gui_s = statistics.median(bare), statistics.median(gui)
    return {
        "suite": "mnist",
        "model": "MLP 784-128-10 ReLU, Adam 1e-3, batch 64 (the notes'), bundled 4,000 train images",
        "torch": torch.__version__, "threads": torch.get_num_threads(),
        "load_average": [round(v, 2) for v in os.getloadavg()] if hasattr(os, "getloadavg") else None,
        "rounds": rounds, "epochs_per_round": EPOCHS_PER_ROUND,
        "bare_epoch_s": round(bare_s, 4),
        "gui_epoch_s": round(gui_s, 4),
        "gui_over_bare": round(statistics.median(ratios), 3),
        "gui_over_bare_rounds": [round(r, 3) for r in ratios],
        "bare_images_per_s": round(train_images / bare_s),
        "gui_images_per_s": round(train_images / gui_s),
        "canvas_latency": latency,
        "canvas_latency_look_inside": insight_latency,
        "targets": TARGETS,
        "meets_targets": {
            "gui_over_bare": statistics.median(ratios) <= TARGETS["gui_over_bare"],
            "canvas_p99_ms": all(v["p99_ms"] < TARGETS["canvas_p99_ms"] for v in latency.values()),
            "canvas_insight_p99_ms": all(v["p99_ms"] < TARGETS["canvas_insight_p99_ms"]
                                         for v in insight_latency.values()),
        },
    }
