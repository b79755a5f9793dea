"""Fine-tune the lab's current model on the collected digits (core.mnist.finetune in a LoopThread).

The job gets a copy of the current weights; the canvas keeps using the model it has until
the run finishes, then the lab takes the result as its current model (``model_ready``), and
Save… asks the lab to save it like any model (``save_requested``).
Progress, pause and stop work as in training. Before / after accuracy on the held-out
personal digits and on the bundled test split are shown side by side.
"""

from __future__ import annotations

import time
from typing import Callable

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from playground.core.training.loop import Progress
from playground.ui.lab_base import log_worker_error
from playground.ui.mnist_lab.names import percent
from playground.ui.i18n import set_texts
from playground.workers.loop_thread import LoopThread

REFRESH_S = 0.2


def _make_job(spec, weights, collection, mean, std, metadata):
    from playground.core.mnist.finetune import FineTuneJob  # imports torch: on the worker thread

    return FineTuneJob(spec, weights, collection, mean=mean, std=std, metadata=metadata)


class FineTunePanel(QGroupBox):
    message = Signal(str)
    model_ready = Signal(object)   # a core.persistence.model_io.LoadedModel: the fine-tuned network
    save_requested = Signal()      # Save…: the lab saves its current model, which is then the fine-tuned one

    def __init__(self, collection: Callable, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.collection = collection
        self._current = None          # (model, spec, metadata, mean, std) of the lab's current model
        self._loop: LoopThread | None = None
        self._last_refresh = 0.0
        self.result = None            # the finished job's snapshot
        self.state = "idle"
        self.start_button, self.pause_button, self.stop_button = QPushButton(), QPushButton(), QPushButton()
        self.pause_button.setCheckable(True)
        self.save_button = QPushButton()
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 1000)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        buttons = QHBoxLayout()
        for b in (self.start_button, self.pause_button, self.stop_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.result_label)
        layout.addWidget(self.save_button)
        self.start_button.clicked.connect(self.start)
        self.pause_button.toggled.connect(self._on_pause)
        self.stop_button.clicked.connect(self.stop)
        self.save_button.clicked.connect(self.save_requested)
        self._set_running(False)
        self.save_button.setEnabled(False)

    def set_model(self, model, spec, metadata: dict, mean: float, std: float) -> None:
        self._current = (model, spec, dict(metadata), mean, std)

    def is_running(self) -> bool:
        return self._loop is not None

    # -- run control --------------------------------------------------------------------------
    def start(self) -> bool:
        from playground.core.mnist.data import DIGIT_CLASS_NAMES

        collection = self.collection()
        if self._current is None:
            return False
        model, spec, meta, mean, std = self._current
        names = meta.get("class_names")
        if isinstance(names, list) and names != DIGIT_CLASS_NAMES:
            self.message.emit(self.tr("Fine-tuning needs a digit model; the current one knows other classes"))
            return False
        if len(collection.split()[0]) == 0:
            self.message.emit(self.tr("Collect some digits first (Collect, then draw the digits asked for)"))
            return False
        weights = {k: v.detach().clone() for k, v in model.state_dict().items()}
        snapshot = collection.copy()
        self.stop()
        self.result = None
        self.save_button.setEnabled(False)
        self._loop = LoopThread(lambda: _make_job(spec, weights, snapshot, mean, std, meta), self,
                                name="mnist-fine-tune")
        self._loop.progress.connect(self._on_progress)
        self._loop.failed.connect(self._on_failed)
        self._loop.start()
        self._loop.control.resume()
        self.pause_button.setChecked(False)
        self.state = "running"
        self._set_running(True)
        self.progress_bar.setValue(0)
        self.progress_bar.setFormat(self.tr("Measuring accuracy before fine-tuning…"))
        return True

    def stop(self) -> None:
        if self._loop is not None:
            self._loop.stop()
            self._loop = None
            self.state = "stopped"
            self.progress_bar.setFormat(self.tr("Stopped"))
        self._set_running(False)

    def shutdown(self) -> None:
        if self._loop is not None:
            self._loop.stop()
            self._loop = None

    def _on_pause(self, paused: bool) -> None:
        if self._loop is not None:
            (self._loop.control.pause if paused else self._loop.control.resume)()

    def _set_running(self, running: bool) -> None:
        self.start_button.setEnabled(not running)
        self.pause_button.setEnabled(running)
        self.stop_button.setEnabled(running)

    @Slot(object)
    def _on_failed(self, error) -> None:
        """``error``: the worker's WorkerError (its traceback goes to the log)."""
        log_worker_error(error)
        self.stop()
        self.state = "failed"
        self.message.emit(self.tr("Fine-tuning failed: {detail}").format(detail=error.detail()))

    @Slot(object)
    def _on_progress(self, progress: Progress) -> None:
        snap = progress.snapshot
        total = max(1, snap.get("total_steps", 1))
        now = time.perf_counter()
        finished = progress.state == "finished" and snap.get("after") is not None
        if finished or now - self._last_refresh >= REFRESH_S:
            self._last_refresh = now
            self.progress_bar.setValue(int(1000 * progress.step / total))
            text = self.tr("Fine-tuning: step {step}/{total}").format(step=progress.step, total=total)
            self.progress_bar.setFormat((self.tr("Paused") + " · " + text) if progress.state == "paused" else text)
            self._show_scores(snap)
        if finished and self.result is None:
            self.result = snap
            self.state = "finished"
            if self._loop is not None:
                self._loop.stop()
                self._loop = None
            self._set_running(False)
            self.save_button.setEnabled(True)
            self.progress_bar.setFormat(self.tr("Fine-tuned in {s} s").format(s=f"{snap['elapsed_s']:.1f}"))
            self.model_ready.emit(self.loaded_model())
            self.message.emit(self.tr("Fine-tuning finished: the canvas now uses the fine-tuned model"))

    def _show_scores(self, snap: dict) -> None:
        before, after = snap.get("before") or {}, snap.get("after") or {}
        self.result_label.setText("\n".join([
            self.tr("Trained on {n} of your digits; {held} kept aside to test on.").format(
                n=snap.get("personal", 0), held=snap.get("held_out", 0)),
            self.tr("Your held-out digits: {before} → {after}").format(
                before=percent(before.get("personal")), after=percent(after.get("personal"))),
            self.tr("Bundled test images: {before} → {after}").format(
                before=percent(before.get("test")), after=percent(after.get("test")))]))

    # -- the result -------------------------------------------------------------------------------
    def loaded_model(self):
        from playground.core.mnist.models import build_model
        from playground.core.persistence.model_io import LoadedModel

        snap = self.result
        model = build_model(snap["spec"])
        model.load_state_dict(snap["weights"])
        model.eval()
        meta = dict(self._current[2]) if self._current else {}
        meta.update({"test_accuracy": snap["after"]["test"], "fine_tuned": {
            "personal_examples": snap["personal"], "held_out": snap["held_out"],
            "before": snap["before"], "after": snap["after"]}})
        return LoadedModel(model, snap["spec"], meta)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Fine-tune the current model on your digits"))
        set_texts(self.start_button, self.tr("Fine-tune"),
                  self.tr("Train the current model a little more on your digits mixed with the "
                          "bundled MNIST images, so it learns your hand and keeps MNIST"))
        self.pause_button.setText(self.tr("Pause"))
        self.stop_button.setText(self.tr("Stop"))
        self.save_button.setText(self.tr("Save…"))
        if self.result is not None:
            self._show_scores(self.result)
