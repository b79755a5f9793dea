"""The MNIST lab's training side: dataset, settings, Train/Pause/Stop, progress, loss and confusion matrix.

Training runs in a LoopThread (core.training.loop.run_loop over a core.mnist.job.MnistJob); the job owns and
mutates its model on the worker thread. At each epoch end the job publishes a CPU copy of its weights in
its snapshot; this panel hands them on with ``trained`` (the drawing side loads them into its own model),
so no model is ever touched by two threads.
"""

from __future__ import annotations

import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from playground.core.training.commands import WorkerError
from playground.core.training.history import LossHistory
from playground.core.training.loop import Progress
from playground.core.mnist.config import MnistConfig
from playground.core.mnist.data import DIGIT_CLASS_NAMES, MNIST_MEAN, MNIST_STD
from playground.ui.export import confusion_rows, install_plot_export, loss_rows
from playground.ui.i18n import set_texts
from playground.ui.lab_base import log_worker_error
from playground.ui.loop_labs import SECONDARY_REFRESH_S
from playground.ui.mnist_lab.confusion import ConfusionView
from playground.ui.mnist_lab.controls import MnistControls
from playground.ui.mnist_lab.names import MnistNames
from playground.ui.plots import FastCurve, StickyRange, make_plot
from playground.ui.theme import plot_colors, recolor_pen
from playground.ui.widgets.layouts import STRETCH, column, fill, hbox, wrapped_label
from playground.ui.widgets.file_dialogs import open_folder, read_or_explain
from playground.workers.loop_thread import LoopThread

SHOWN_EPOCHS = 3           # accuracy lines under the progress bar: the latest epochs (the loss plot shows all)


def _make_job(config: MnistConfig, dataset):
    from playground.core.mnist.job import MnistJob  # imports torch: runs on the worker thread

    return MnistJob(config, dataset)


class TrainingPanel(QWidget):
    message = Signal(str)
    failed = Signal(str, str)         # title, text: the lab shows them in its error dialog
    trained = Signal(object, object, object)  # spec, weights (CPU copies), metadata: an epoch has ended
    statusChanged = Signal(str)       # the status bar's line
    datasetChanged = Signal(object)   # an opened dataset folder (a core Dataset)
    resultsReady = Signal()           # a run's confusion matrix is in ``confusion`` (the lab shows its tab)

    def __init__(self, names: MnistNames, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.names = names
        self._dataset = None          # None = the bundled subset (loaded on the worker)
        self._dataset_folder: str | None = None  # where a user-chosen dataset came from
        self._loop: LoopThread | None = None
        self._weights_version = 0
        self.history = LossHistory()  # every training step's loss of the run shown
        self._loss_range = StickyRange(0.0, 1.0, floor=0.0)
        self._last_secondary = 0.0
        self._last_progress: Progress | None = None
        self._state = "idle"
        self._results_shown = False
        self._build()

    def _build(self) -> None:
        self.controls = MnistControls()
        self.dataset_label = wrapped_label()
        self.open_dataset_button = QPushButton()
        self.train_button, self.stop_button = QPushButton(), QPushButton()
        self.pause_button = QPushButton(checkable=True)
        self.progress_bar = QProgressBar(minimum=0, maximum=1000, textVisible=True)
        self.accuracy_label = QLabel()
        self.accuracy_label.setAlignment(Qt.AlignLeft | Qt.AlignTop)
        self.loss_plot = make_plot()
        self.loss_plot.setMinimumHeight(140)
        self.loss_curve = FastCurve(self.loss_plot.getPlotItem(), pg.mkPen(plot_colors().train_loss, width=1.5))
        self.loss_plot.getPlotItem().setXRange(0, 100, padding=0)
        self.loss_plot.getPlotItem().setYRange(0, 1, padding=0)
        self.confusion = ConfusionView()  # not in this column: the lab gives it a tab of its own
        self.confusion.examples_label_text = self._examples_text
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        fill(layout, hbox((self.dataset_label, 1), self.open_dataset_button), self.controls, STRETCH)
        # The run (buttons, progress, loss curve) is placed by MnistLab below the settings, which scroll: Train
        # and the loss curve stay in view on a small screen.
        self.run_panel = column(hbox(self.train_button, self.pause_button, self.stop_button), self.progress_bar,
                                self.accuracy_label, (self.loss_plot, 1))

        self.open_dataset_button.clicked.connect(self.open_dataset)
        self.train_button.clicked.connect(self.train)
        self.pause_button.toggled.connect(self._on_pause)
        self.stop_button.clicked.connect(self.stop_training)
        # Right-click: PNG / SVG, and the loss history or confusion matrix as CSV (ui/export.py).
        install_plot_export(self.loss_plot, "mnist_loss", csv=lambda: loss_rows(self.history.values()))
        install_plot_export(self.confusion.plot, "mnist_confusion",
                            csv=lambda: confusion_rows(self.confusion.matrix if self.confusion.matrix is not None
                                                       else [[0] * 10 for _ in range(10)]))
        self.open_dataset_action = QAction(self)
        self.open_dataset_action.triggered.connect(self.open_dataset)
        self._set_training_ui(False)

    def retranslate(self) -> None:
        set_texts(self.open_dataset_button, self.tr("Open dataset folder…"),
                  self.tr("Train on MNIST or Fashion-MNIST IDX files from a folder"))
        set_texts(self.train_button, self.tr("Train"), self.tr("Train a new network with these settings"))
        set_texts(self.pause_button, self.tr("Pause"), self.tr("Pause or resume training"))
        set_texts(self.stop_button, self.tr("Stop"),
                  self.tr("Stop training; the last finished epoch's weights stay in use"))
        self.open_dataset_action.setText(self.tr("Open MNIST dataset folder…"))
        item = self.loss_plot.getPlotItem()
        item.setLabel("bottom", self.tr("step"))
        item.setTitle(self.tr("Training loss (cross-entropy)"))
        ci = self.confusion.plot.getPlotItem()
        ci.setLabel("bottom", self.tr("predicted"))
        ci.setLabel("left", self.tr("true class"))
        self.confusion.hint_label.setText(self.tr("Click a cell to see its test images"))
        self.controls.retranslate()
        self._update_dataset_label()

    def fit_label_heights(self) -> None:
        """A fixed height (new lines never re-lay out the panel and its plots while training), refitted
        when presentation mode changes the font."""
        self.accuracy_label.setFixedHeight(self.accuracy_label.fontMetrics().lineSpacing() * (1 + SHOWN_EPOCHS) + 4)
        self.confusion.fit_to_font()

    def apply_theme(self, colors) -> None:
        recolor_pen(self.loss_curve.item, colors.train_loss)
        self.confusion.apply_theme()

    # -- dataset ---------------------------------------------------------------------
    def _update_dataset_label(self) -> None:
        if self._dataset is None:
            self.dataset_label.setText(self.tr("Data: bundled MNIST subset (4,000 train / 1,000 test)"))
        else:
            self.dataset_label.setText(self.tr("Data: {desc}").format(desc=self.names.describe_dataset(self._dataset)))

    def open_dataset(self) -> None:
        open_folder(self, self.tr("Open an MNIST-style dataset folder"), then=self.load_dataset_folder)

    def load_dataset_folder(self, folder: str) -> bool:
        from playground.core.errors import DatasetError
        from playground.core.mnist.data import load_folder

        dataset = read_or_explain(lambda: load_folder(folder), DatasetError, lambda why: self.failed.emit(
            self.tr("Could not open the dataset"), self.tr("Could not open the dataset: {detail}").format(detail=why)))
        if dataset is None:
            return False
        self.set_dataset(dataset, folder)
        self.message.emit(self.tr("Loaded {desc}").format(desc=self.names.describe_dataset(dataset)))
        return True

    def dataset(self):
        """The opened dataset folder's data, or None (the bundled subset)."""
        return self._dataset

    def set_dataset(self, dataset, folder: str | None = None) -> None:
        """Train on ``dataset`` from now on (an opened folder, or the same with corrected class names)."""
        self._dataset = dataset
        if folder is not None:
            self._dataset_folder = folder
        self._update_dataset_label()
        self.datasetChanged.emit(dataset)

    def export_script(self, config: MnistConfig) -> tuple[str, str]:
        """(suggested file name, a standalone script training ``config`` on the dataset in use)."""
        from playground.core.mnist.export import render_mnist_script

        dataset = self._dataset
        mean, std = (dataset.mean, dataset.std) if dataset is not None else (MNIST_MEAN, MNIST_STD)
        text = render_mnist_script(config, folder=self._dataset_folder if dataset is not None else None, mean=mean, std=std)
        return f"mnist_{config.arch}.py", text

    # -- training ----------------------------------------------------------------------
    def train(self) -> None:
        self.shutdown()
        config, dataset = self.controls.config(), self._dataset
        self.history.clear()
        self._loss_range.reset(0.0, 1.0)
        self.loss_curve.clear()
        self._weights_version = 0
        self._results_shown = False
        self._state = "starting"
        self._loop = LoopThread(lambda: _make_job(config, dataset), self, name="mnist-training")
        self._loop.progress.connect(self._on_progress)
        self._loop.failed.connect(self._on_failed)
        self._loop.start()
        self._loop.control.resume()
        self.pause_button.setChecked(False)
        self._set_training_ui(True)
        self.progress_bar.setValue(0)
        self.progress_bar.setFormat(self.tr("Preparing the data…"))
        self.accuracy_label.setText("")

    def stop_training(self) -> None:
        self.shutdown()
        self._state = "stopped"
        self._set_training_ui(False)
        self.progress_bar.setFormat(self.tr("Stopped"))
        self.message.emit(self.tr("Training stopped"))

    def shutdown(self) -> None:
        """Stop and join the training thread."""
        if self._loop is not None:
            self._loop.stop()
            self._loop = None

    def has_worker(self) -> bool:
        return self._loop is not None

    def _on_pause(self, paused: bool) -> None:
        if self._loop is None:
            return
        if paused:
            self._loop.control.pause()
        else:
            self._loop.control.resume()

    def _set_training_ui(self, running: bool) -> None:
        self.pause_button.setEnabled(running)
        self.stop_button.setEnabled(running)
        self.controls.setEnabled(not running)
        self.open_dataset_button.setEnabled(not running)
        self.open_dataset_action.setEnabled(not running)

    def is_training(self) -> bool:
        return self._state in ("starting", "running", "paused")

    def results_shown(self) -> bool:
        """A finished run's confusion matrix and per-class accuracy are in the Results tab."""
        return self._results_shown

    def last_progress(self) -> Progress | None:
        return self._last_progress

    @Slot(object)
    def _on_failed(self, error: WorkerError) -> None:
        log_worker_error(error)
        self._state = "failed"
        self._set_training_ui(False)
        self.failed.emit(self.tr("Training failed"), self.tr("Training failed: {detail}").format(detail=error.detail()))

    @Slot(object)
    def _on_progress(self, progress: Progress) -> None:
        self._last_progress = progress
        snap = progress.snapshot
        if len(progress.losses):
            self.history.extend(progress.losses)
        self._state = progress.state
        version = snap.get("weights_version", 0)
        if version != self._weights_version:
            self._weights_version = version
            if version > 1:  # version 1 is the untrained model: keep the previous one for the canvas
                self._hand_on_weights(snap, progress.step)
        now = time.perf_counter()
        final = progress.state in ("finished", "diverged")
        if final or now - self._last_secondary >= SECONDARY_REFRESH_S:
            self._last_secondary = now
            self._refresh_progress(progress)
        if progress.state == "finished" and not self._results_shown and snap.get("results") is not None:
            self._results_shown = True
            self._set_training_ui(False)
            self._show_results(snap["results"])
        elif progress.state == "diverged":
            self._set_training_ui(False)
            self.message.emit(self.tr("The loss became NaN or infinite: try a smaller learning rate"))

    def _hand_on_weights(self, snap: dict, step: int) -> None:
        from playground.core.mnist.data import BUNDLED_NAME

        dataset = self._dataset
        acc = snap["test_acc"][-1] if snap["test_acc"] else None
        meta = {"dataset": dataset.name if dataset is not None else BUNDLED_NAME, "test_accuracy": acc,
                "epochs": len(snap["test_acc"]), "steps": step,
                "mean": dataset.mean if dataset is not None else MNIST_MEAN,
                "std": dataset.std if dataset is not None else MNIST_STD,
                "class_names": list(dataset.class_names if dataset is not None else DIGIT_CLASS_NAMES)}
        self.trained.emit(snap["spec"], snap["weights"], meta)

    def _refresh_progress(self, progress: Progress) -> None:
        snap = progress.snapshot
        total = max(1, snap.get("total_steps", 1))
        self.progress_bar.setValue(int(1000 * progress.step / total))
        eta = snap.get("eta_s")
        epoch = min(snap.get("epoch", 0) + 1, snap.get("epochs", 1))
        if progress.state == "finished":
            seconds = f"{snap.get('elapsed_s', 0):.1f}"
            text = (self.tr("Finished 1 epoch in {s} s").format(s=seconds) if snap.get("epochs") == 1 else
                    self.tr("Finished {epochs} epochs in {s} s").format(epochs=snap.get("epochs"), s=seconds))
        else:
            text = self.tr("Epoch {e}/{n} · {pct}% · ETA {eta}").format(
                e=epoch, n=snap.get("epochs"), pct=f"{100 * progress.step / total:.0f}",
                eta=("…" if eta is None else f"{eta:.0f} s"))
            if progress.state == "paused":
                text = self.tr("Paused") + " · " + text
        self.progress_bar.setFormat(text)
        train_acc, test_acc = snap.get("train_acc", []), snap.get("test_acc", [])
        lines = [self.tr("Epoch {e}: train {tr}, test {te}").format(e=i + 1, tr=f"{a:.1%}", te=f"{b:.1%}")
                 for i, (a, b) in enumerate(zip(train_acc, test_acc))]
        last = self.history.last()
        head = self.tr("Training loss {loss}").format(loss=f"{last:.4f}") if last is not None else ""
        self.accuracy_label.setText("\n".join([head] + lines[-SHOWN_EPOCHS:]))
        if len(self.history):
            self._draw_loss(total)
        self.statusChanged.emit(self.tr("MNIST: step {step}/{total}").format(step=progress.step, total=total))

    def _draw_loss(self, total_steps: int) -> None:
        x, y = self.history.decimated(800)
        item = self.loss_plot.getPlotItem()
        finite = y[np.isfinite(y)]
        lo, hi = 0.0, float(finite.max()) if len(finite) else 1.0
        if self._loss_range.include(lo, hi):
            item.setYRange(self._loss_range.lo, self._loss_range.hi, padding=0)
        item.setXRange(0, max(100, total_steps), padding=0)
        self.loss_curve.set_data(x, y)

    def show_saved_history(self, history) -> None:
        """A session's model: the loss curve of its training; the confusion matrix belonged to another run."""
        self.history.clear()
        self._loss_range.reset(0.0, 1.0)
        self.loss_curve.clear()
        self.confusion.clear()
        self.accuracy_label.setText("")
        self.progress_bar.setValue(0)
        self.progress_bar.setFormat(self.tr("Model opened from a session"))
        if history is not None and len(history):
            self.history.extend(history)
            self._draw_loss(len(self.history))

    def _show_results(self, results: dict) -> None:
        dataset = self._dataset
        if dataset is None:
            from playground.core.mnist.data import load_bundled

            images, names = load_bundled().test_images, list(DIGIT_CLASS_NAMES)
        else:
            images, names = dataset.test_images, self.names.class_titles(dataset.class_names)
        matrix = results["confusion"]
        rows = matrix.sum(axis=1)
        per_class = [self.tr("{name}: {acc}").format(name=names[i], acc=f"{matrix[i, i] / rows[i]:.0%}" if rows[i] else "–")
                     .replace(" ", "\u00a0") for i in range(10)]  # a line breaks between classes only
        text = self.tr("Per-class test accuracy: ") + ", ".join(per_class)
        self.confusion.set_results(matrix, images, results["labels"], results["probs"], names, text)
        self.resultsReady.emit()
        self.message.emit(self.tr("Training finished: test accuracy {acc}").format(acc=f"{results['test_acc']:.1%}"))

    def _examples_text(self, true_class: int, predicted: int, count: int) -> str:
        names = self.confusion.class_names
        return self.tr("True {t}, predicted {p}: {n} test images").format(t=names[true_class], p=names[predicted],
                                                                        n=count)
