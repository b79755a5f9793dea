"""The MNIST lab: draw a digit and watch the network classify it live; train your own MLP or CNN.

Threads and the model: training runs in a LoopThread (core.loop.run_loop over a
core.mnist_job.MnistJob); the job owns and mutates its model on the worker
thread. The canvas predicts with a *separate* model instance that lives on the
GUI thread (a 28×28 forward pass takes tens of microseconds). At each epoch end
the job publishes a CPU copy of its weights in its snapshot; the GUI loads that
copy into its own instance. So no model is ever touched by two threads.

torch is not imported when the window is built: start_backend() loads the
bundled model on a short-lived Python thread and hands it over with a signal.
"""

from __future__ import annotations

import threading
import time

import numpy as np
from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QComboBox, QFileDialog, QFrame, QGroupBox, QHBoxLayout, QLabel, QMessageBox,
                               QProgressBar, QPushButton, QScrollArea, QSplitter, QTabWidget, QVBoxLayout, QWidget)

from playground.core.digit_preprocess import normalize, preprocess_drawing
from playground.core.history import LossHistory
from playground.core.loop import Progress
from playground.core.mnist_config import MnistConfig
from playground.ui.i18n import core_text, core_texts
from playground.ui.mnist_lab import classroom as mnist_classroom
from playground.ui.mnist_lab.canvas import DrawingCanvas
from playground.ui.mnist_lab.collection_panel import CollectionPanel  # issue 15
from playground.ui.mnist_lab.confusion import ConfusionView
from playground.ui.mnist_lab.controls import MnistControls
from playground.ui.mnist_lab.insight_panel import InsightPanel  # issue 15
from playground.ui.mnist_lab.probabilities import ProbabilityView
from playground.ui.plots import FastCurve, StickyRange, make_plot
from playground.ui.theme import plot_colors
from playground.workers.loop_thread import LoopThread

SECONDARY_REFRESH_S = 0.2
SHOWN_EPOCHS = 3           # accuracy lines under the progress bar: the latest epochs (the loss plot shows all)


class _Loader(QObject):
    """Loads the bundled models on a plain thread; ``loaded`` arrives on the GUI thread."""

    loaded = Signal(object, object)  # {arch: LoadedModel}, [ModelFileError] or None

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.thread: threading.Thread | None = None

    def start(self) -> None:
        self.thread = threading.Thread(target=self._run, name="mnist-model-loader", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        from playground.core.model_io import ModelFileError, bundled_model_path, load_model

        models, errors = {}, []
        for arch in ("mlp", "cnn"):
            try:
                models[arch] = load_model(bundled_model_path(arch))
            except ModelFileError as exc:
                errors.append(exc)
        self.loaded.emit(models, errors or None)  # exceptions: the GUI thread shows them translated


def _make_job(config: MnistConfig, dataset):
    from playground.core.mnist_job import MnistJob  # imports torch: runs on the worker thread

    return MnistJob(config, dataset)


class MnistLab(QWidget):
    message = Signal(str)
    predicted = Signal()   # after each prediction shown (benchmarks, tests)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._dataset = None          # None = the bundled subset (loaded on the worker)
        self._dataset_folder: str | None = None  # where a user-chosen dataset came from
        self._dataset_desc = ""
        self._loop: LoopThread | None = None
        self._loader: _Loader | None = None
        self._bundled: dict = {}
        self._model = None            # the GUI thread's own model instance (torch module)
        self._spec: dict | None = None
        self._meta: dict = {}
        self._source = ""
        self._mean, self._std = 0.1307, 0.3081
        self._class_names = [str(i) for i in range(10)]
        self._weights_version = 0
        self._job_spec = None
        self._history = LossHistory()
        self._loss_range = StickyRange(0.0, 1.0, floor=0.0)
        self._last_secondary = 0.0
        self._last_progress: Progress | None = None
        self._state = "idle"
        self._results_shown = False
        self.error_dialog: QMessageBox | None = None
        self.last_latency_s: float | None = None
        self._build()
        self.apply_theme()
        self.retranslate()

    # -- layout ------------------------------------------------------------------
    def _build(self) -> None:
        # Left: draw and see the prediction.
        self.canvas = DrawingCanvas()
        self.clear_button = QPushButton()
        self.undo_button = QPushButton()
        self.eraser_button = QPushButton()
        self.eraser_button.setCheckable(True)
        self.model_box = QComboBox()
        self.model_label = QLabel()
        tools = QHBoxLayout()
        for b in (self.clear_button, self.undo_button, self.eraser_button):
            tools.addWidget(b)
        self.prob_view = ProbabilityView()
        draw_group = QGroupBox()
        self.draw_group = draw_group
        dl = QVBoxLayout(draw_group)
        model_row = QHBoxLayout()
        self.model_title = QLabel()
        model_row.addWidget(self.model_title)
        model_row.addWidget(self.model_box, 1)
        self.open_model_button = QPushButton()
        self.save_model_button = QPushButton()
        model_row.addWidget(self.open_model_button)
        model_row.addWidget(self.save_model_button)
        dl.addLayout(model_row)
        dl.addWidget(self.model_label)
        self.canvas_row = canvas_row = QHBoxLayout()
        canvas_col = QVBoxLayout()
        canvas_col.addWidget(self.canvas, 1)
        canvas_col.addLayout(tools)
        canvas_row.addLayout(canvas_col, 3)
        canvas_row.addWidget(self.prob_view, 2)
        dl.addLayout(canvas_row, 1)

        # Right: train, progress, results.
        self.controls = MnistControls()
        self.dataset_label = QLabel()
        self.dataset_label.setWordWrap(True)
        self.open_dataset_button = QPushButton()
        self.train_button = QPushButton()
        self.pause_button = QPushButton()
        self.pause_button.setCheckable(True)
        self.stop_button = QPushButton()
        buttons = QHBoxLayout()
        for b in (self.train_button, self.pause_button, self.stop_button):
            buttons.addWidget(b)
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setTextVisible(True)
        self.accuracy_label = QLabel()
        self.accuracy_label.setAlignment(Qt.AlignLeft | Qt.AlignTop)
        c = plot_colors()
        self.loss_plot = make_plot()
        self.loss_plot.setMinimumHeight(140)
        self.loss_curve = FastCurve(self.loss_plot.getPlotItem(), pg_pen(c.train_loss))
        self.loss_plot.getPlotItem().setXRange(0, 100, padding=0)
        self.loss_plot.getPlotItem().setYRange(0, 1, padding=0)
        self.confusion = ConfusionView()
        self.confusion.examples_label_text = self._examples_text
        self.results_tabs = QTabWidget()
        self.results_tabs.addTab(self.loss_plot, "")
        self.results_tabs.addTab(self.confusion, "")
        right = QWidget()
        rl = _ColumnLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        ds_row = QHBoxLayout()
        ds_row.addWidget(self.dataset_label, 1)
        ds_row.addWidget(self.open_dataset_button)
        rl.addLayout(ds_row)
        rl.addWidget(self.controls)
        rl.addLayout(buttons)
        rl.addWidget(self.progress_bar)
        rl.addWidget(self.accuracy_label)
        rl.addWidget(self.results_tabs, 1)

        self.splitter = splitter = QSplitter(Qt.Horizontal)
        splitter.addWidget(draw_group)
        # Scrolls rather than forcing its height on the window: the settings, the buttons and the
        # results stacked would not fit a 1366×768 laptop or a 1024×768 projector.
        right_scroll = QScrollArea()
        right_scroll.setWidget(right)
        right_scroll.setWidgetResizable(True)
        right_scroll.setFrameShape(QFrame.NoFrame)
        # issue 15: the right column's tabs: training, look inside (works only while shown), your handwriting
        self.insight = InsightPanel()
        self.collection = CollectionPanel(self._current_image, self.canvas.clear)
        self.collection.message.connect(self.message)
        self.collection.finetune.model_ready.connect(lambda loaded: self._use_loaded(loaded, "fine-tuned"))
        self.collection.finetune.save_requested.connect(self.save_model)
        self.side_tabs = QTabWidget()
        self.side_tabs.setUsesScrollButtons(False)  # a narrow column shortens the titles instead
        for page in (right_scroll, self.insight, self.collection):
            self.side_tabs.addTab(page, "")
        splitter.addWidget(self.side_tabs)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QHBoxLayout(self)
        layout.addWidget(splitter)
        self.status_label = QLabel()
        self.fit_label_heights()

        self.canvas.changed.connect(self.update_prediction)
        self.clear_button.clicked.connect(self.canvas.clear)
        self.undo_button.clicked.connect(self.canvas.undo)
        self.eraser_button.toggled.connect(self.canvas.set_eraser)
        self.model_box.activated.connect(self._on_model_chosen)
        self.open_model_button.clicked.connect(self.open_model)
        self.save_model_button.clicked.connect(self.save_model)
        self.open_dataset_button.clicked.connect(self.open_dataset)
        self.train_button.clicked.connect(self.train)
        self.pause_button.toggled.connect(self._on_pause)
        self.stop_button.clicked.connect(self.stop_training)
        self.confusion.cellClicked.connect(lambda *_: self.results_tabs.setCurrentWidget(self.confusion))
        # Right-click: PNG / SVG, and the loss history or confusion matrix as CSV (ui/export.py).
        from playground.ui.export import confusion_rows, install_plot_export, loss_rows

        install_plot_export(self.loss_plot, "mnist_loss", csv=lambda: loss_rows(self._history.values()))
        install_plot_export(self.confusion.plot, "mnist_confusion",
                            csv=lambda: confusion_rows(self.confusion.matrix if self.confusion.matrix is not None
                                                       else [[0] * 10 for _ in range(10)]))

        self.open_model_action = QAction(self)
        self.open_model_action.triggered.connect(self.open_model)
        self.save_model_action = QAction(self)
        self.save_model_action.triggered.connect(self.save_model)
        self.save_model_action.setEnabled(False)
        self.open_dataset_action = QAction(self)
        self.open_dataset_action.triggered.connect(self.open_dataset)
        self.class_names_action = QAction(self)  # issue 15: correct the recognised class names
        self.class_names_action.triggered.connect(self.correct_class_names)
        self.class_names_action.setEnabled(False)
        self._set_training_ui(False)
        self.save_model_button.setEnabled(False)

    # -- classroom hooks (ui/classroom.py): sessions, presentation mode, live theme ----------------
    # Settings and plain sessions keep the training settings; "with trained weights" adds the model the
    # canvas uses and the loss history (the config's network fields then describe that model).
    config_type = MnistConfig

    def session_state(self, with_training: bool = False) -> dict:
        from playground.core.config import to_dict

        config = self.controls.config()
        if not with_training or self._model is None:
            return {"config": to_dict(config)}
        config = mnist_classroom.config_for_model(config, self._spec)
        if config is None or not mnist_classroom.is_digit_model(self._meta):
            self.message.emit(self.tr("The MNIST model was not added to the session: sessions keep models for "
                                      "the MNIST digits only. Use Save MNIST model… instead."))
            return {"config": to_dict(self.controls.config())}
        state = {"config": to_dict(config), "weights": mnist_classroom.weights_copy(self._model),
                 "step": self._meta.get("steps")}
        if len(self._history):
            state["loss_history"] = self._history.values().copy()
        return state

    def restore_session(self, state: dict) -> None:
        from playground.core.config import from_dict

        config, _problems = from_dict(MnistConfig, (state or {}).get("config"))
        weights = (state or {}).get("weights")
        if weights is not None:
            if self.is_training():  # its next epoch would replace the session's model on the canvas
                self.stop_training()
                self.message.emit(self.tr("MNIST training stopped: the opened session brings its own model"))
            self._use_session_model(config, weights, state.get("step"))
            self._show_saved_history(state.get("loss_history"))
        self.set_config(config)

    def _use_session_model(self, config: MnistConfig, weights: dict, step) -> None:
        loaded = mnist_classroom.session_model(config, weights, step)
        arch = mnist_classroom.same_bundled(self._bundled, loaded)
        if arch is not None:  # the bundled model itself: keep its name and test accuracy
            self._use_loaded(self._bundled[arch], f"bundled:{arch}")
        else:
            self._use_loaded(loaded, "session")

    def _show_saved_history(self, history) -> None:
        """The loss curve of the saved model's training; the confusion matrix belonged to another run."""
        self._history.clear()
        self._loss_range.reset(0.0, 1.0)
        self.loss_curve.clear()
        self.confusion.clear()
        self.accuracy_label.setText("")
        self.progress_bar.setValue(0)
        self.progress_bar.setFormat(self.tr("Model opened from a session"))
        if history is not None and len(history):
            self._history.extend(history)
            self._draw_loss(len(self._history))
        self.results_tabs.setCurrentWidget(self.loss_plot)

    def set_presentation(self, on: bool) -> None:
        """Bigger canvas and probabilities for the room; advanced controls hidden (Esc restores)."""
        mnist_classroom.set_presentation(self, on)

    def apply_theme(self) -> None:
        """Recolour the loss curve, probability bars and confusion matrix (the canvas stays white on black)."""
        mnist_classroom.apply_theme(self)

    def fit_label_heights(self) -> None:
        """Fixed heights (new lines never re-lay out the panel and its plots while training), refitted
        when presentation mode changes the font."""
        self.model_label.setFixedHeight(self.model_label.fontMetrics().lineSpacing() + 4)
        self.accuracy_label.setFixedHeight(self.accuracy_label.fontMetrics().lineSpacing() * (1 + SHOWN_EPOCHS) + 4)

    def install_menus(self, window) -> None:
        window.add_file_actions([self.open_model_action, self.save_model_action, self.open_dataset_action,
                                 self.class_names_action])

    def tab_title(self) -> str:
        return self.tr("MNIST")

    def tab_tooltip(self) -> str:
        return self.tr("Draw a digit and watch a network classify it; train your own MLP or CNN")

    def retranslate(self) -> None:
        self.draw_group.setTitle(self.tr("Draw a digit (white on black)"))
        self.clear_button.setText(self.tr("Clear"))
        self.undo_button.setText(self.tr("Undo stroke"))
        self.eraser_button.setText(self.tr("Eraser"))
        self.model_title.setText(self.tr("Model"))
        self.open_model_button.setText(self.tr("Open…"))
        self.save_model_button.setText(self.tr("Save…"))
        self.open_dataset_button.setText(self.tr("Open dataset folder…"))
        self.train_button.setText(self.tr("Train"))
        self.pause_button.setText(self.tr("Pause"))
        self.stop_button.setText(self.tr("Stop"))
        for widget, tip in (
                (self.clear_button, self.tr("Erase the whole drawing")),
                (self.undo_button, self.tr("Remove the last stroke")),
                (self.eraser_button, self.tr("Draw in black to erase parts of the digit")),
                (self.model_box, self.tr("The model that reads the canvas: bundled, just trained or opened")),
                (self.open_model_button, self.tr("Open a model saved by NN Playground")),
                (self.save_model_button, self.tr("Save the current model to a file")),
                (self.open_dataset_button, self.tr("Train on MNIST or Fashion-MNIST IDX files from a folder")),
                (self.train_button, self.tr("Train a new network with these settings")),
                (self.pause_button, self.tr("Pause or resume training")),
                (self.stop_button, self.tr("Stop training; the last finished epoch's weights stay in use"))):
            widget.setToolTip(tip)
        self.open_model_action.setText(self.tr("Open MNIST model…"))
        self.save_model_action.setText(self.tr("Save MNIST model…"))
        self.open_dataset_action.setText(self.tr("Open MNIST dataset folder…"))
        self.class_names_action.setText(self.tr("MNIST dataset class names…"))
        self.results_tabs.setTabText(0, self.tr("Training loss"))
        self.results_tabs.setTabText(1, self.tr("Confusion matrix"))
        for i, title in enumerate((self.tr("Train"), self.tr("Look inside"), self.tr("My handwriting"))):
            self.side_tabs.setTabText(i, title)  # issue 15
        item = self.loss_plot.getPlotItem()
        item.setLabel("bottom", self.tr("step"))
        item.setTitle(self.tr("Training loss (cross-entropy)"))
        ci = self.confusion.plot.getPlotItem()
        ci.setLabel("bottom", self.tr("predicted"))
        ci.setLabel("left", self.tr("true class"))
        ci.setTitle(self.tr("Click a cell to see its test images"))
        self.prob_view.preview_caption.setText(self.tr("What the network sees (28 × 28):"))
        self.controls.retranslate()
        self.prob_view.set_class_names(self._class_titles(self._class_names))
        self._fill_model_box()
        self._update_dataset_label()
        self._update_model_label()
        self.update_prediction()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- backend ---------------------------------------------------------------------
    def start_backend(self) -> None:
        if self._loader is not None:
            return
        self._loader = _Loader(self)
        self._loader.loaded.connect(self._on_bundled_loaded)
        self._loader.start()

    def is_ready(self) -> bool:
        return self._model is not None

    def shutdown(self) -> None:
        if self._loop is not None:
            self._loop.stop()
            self._loop = None
        if self._loader is not None and self._loader.thread is not None:
            self._loader.thread.join(30)
        self.collection.shutdown()  # issue 15

    @Slot(object, object)
    def _on_bundled_loaded(self, models: dict, error) -> None:
        self._bundled = models
        if error:
            self.message.emit(self.tr("Could not open a bundled model: {detail}").format(detail="; ".join(core_texts(error))))
        self._fill_model_box()
        if self._model is None and models:
            arch = "mlp" if "mlp" in models else next(iter(models))
            self._use_loaded(models[arch], f"bundled:{arch}")
            self.model_box.setCurrentIndex(max(0, self.model_box.findData(f"bundled:{arch}")))
        try:
            from playground.core.devices import available_devices

            self.controls.set_devices(available_devices())
        except Exception:  # a broken CUDA set-up must not stop the lab
            pass

    def _bundled_name(self, arch: str) -> str:
        return self.tr("Bundled MLP") if arch == "mlp" else self.tr("Bundled CNN")

    def _fill_model_box(self) -> None:
        current = self.model_box.currentData()
        self.model_box.blockSignals(True)
        self.model_box.clear()
        for arch in ("mlp", "cnn"):
            if arch in self._bundled:
                self.model_box.addItem(self._bundled_name(arch), f"bundled:{arch}")
        if self._source and not self._source.startswith("bundled:"):
            self.model_box.addItem(self._source_title(), "current")
        wanted = self._source if self._source.startswith("bundled:") else "current"
        index = self.model_box.findData(wanted if self._source else current)
        self.model_box.setCurrentIndex(max(0, index))
        self.model_box.blockSignals(False)

    def _source_title(self) -> str:
        if self._source == "trained":
            return self.tr("Just trained")
        if self._source == "session":
            return self.tr("From the session")
        if self._source == "fine-tuned":  # issue 15
            return self.tr("Fine-tuned on your digits")
        return self.tr("File: {name}").format(name=self._source.rsplit("/", 1)[-1])

    def _on_model_chosen(self, index: int) -> None:
        data = self.model_box.itemData(index)
        if data and data.startswith("bundled:"):
            arch = data.split(":", 1)[1]
            self._use_loaded(self._bundled[arch], f"bundled:{arch}")
            self._fill_model_box()

    # -- the current model -----------------------------------------------------------
    def _use_loaded(self, loaded, source: str) -> None:
        self._model, self._spec, self._meta = loaded.model, loaded.spec, dict(loaded.metadata)
        self._source = source  # "bundled:mlp", "bundled:cnn", "trained" or a file path
        self._mean = float(self._meta.get("mean", 0.1307) or 0.1307)
        self._std = float(self._meta.get("std", 0.3081) or 0.3081)
        names = self._meta.get("class_names")
        self._class_names = list(names) if isinstance(names, list) and len(names) == 10 else [str(i) for i in range(10)]
        self.prob_view.set_class_names(self._class_titles(self._class_names))
        self.insight.set_class_names(self._class_titles(self._class_names), self._meta.get("dataset"))  # issue 15
        self.collection.finetune.set_model(self._model, self._spec, self._meta, self._mean, self._std)
        self.save_model_button.setEnabled(True)
        self.save_model_action.setEnabled(True)
        self._fill_model_box()
        self._update_model_label()
        self.update_prediction()

    def _update_model_label(self) -> None:
        if self._spec is None:
            self.model_label.setText(self.tr("Loading the bundled model…"))
            return
        acc, steps = self._meta.get("test_accuracy"), self._meta.get("steps")
        text = self._model_name(self._spec)
        if isinstance(acc, (int, float)):
            text += " · " + self.tr("test accuracy {acc}").format(acc=f"{acc:.1%}")
        elif self._source == "session" and isinstance(steps, int):
            text += " · " + self.tr("{n} training steps").format(n=steps)
        if self._meta.get("dataset"):
            text += " · " + self._dataset_name(self._meta["dataset"])
        self.model_label.setText(text)

    # -- names from core, in the UI's language ----------------------------------------------
    def _model_name(self, spec: dict) -> str:
        """'MLP 784-128-10 ReLU' composed here from core's parts, so the words can be translated."""
        from playground.core.mnist_models import summary

        parts = summary(spec)
        if parts["arch"] == "cnn":
            template = self.tr("CNN {layers} {activation}")
        else:
            template = self.tr("MLP {layers} {activation}")
        return template.format(layers=parts["layers"], activation=parts["activation"])

    def _dataset_name(self, name: str) -> str:
        """A dataset's stored (English) name in the UI's language; unknown names as they are."""
        from playground.core.mnist_data import dataset_kind

        if dataset_kind(name) == "mnist_subset":
            return self.tr("MNIST (5k subset)")
        return str(name)  # "MNIST", "Fashion-MNIST": names, the same in every language

    def _describe_dataset(self, dataset) -> str:
        return self.tr("{name}: {train} train / {test} test images").format(
            name=self._dataset_name(dataset.name), train=f"{dataset.num_train:,}", test=f"{dataset.num_test:,}")

    def _class_titles(self, names: list[str]) -> list[str]:
        """Fashion-MNIST's class names (stored in English in datasets and model files), translated."""
        from playground.core.mnist_data import FASHION_CLASS_NAMES

        if list(names) != FASHION_CLASS_NAMES:
            return list(names)
        return [self.tr("T-shirt/top"), self.tr("Trouser"), self.tr("Pullover"), self.tr("Dress"), self.tr("Coat"),
                self.tr("Sandal"), self.tr("Shirt"), self.tr("Sneaker"), self.tr("Bag"), self.tr("Ankle boot")]

    # -- prediction ------------------------------------------------------------------
    @Slot()
    def update_prediction(self) -> None:
        """Preprocess the canvas and classify it with the current model (GUI thread, own model)."""
        started = self.canvas.last_event_time
        if self.canvas.is_empty():
            self.prob_view.show_prediction(None, None, self.tr("Draw a digit"))
            self.insight.show_drawing(None, None, None, None, None, 0.0, 1.0)  # issue 15
            self.predicted.emit()
            return
        image28 = preprocess_drawing(self.canvas.pixels())
        if image28 is None or self._model is None:
            caption = self.tr("Draw a digit") if image28 is None else self.tr("Loading the bundled model…")
            self.prob_view.show_prediction(None, None, caption)
            self.insight.show_drawing(None, None, None, None, None, 0.0, 1.0)  # issue 15
            self.predicted.emit()
            return
        import torch

        x = torch.from_numpy(normalize(image28, self._mean, self._std)).view(1, 1, 28, 28)
        with torch.inference_mode():
            probs = torch.softmax(self._model(x), dim=1)[0].numpy()
        top = int(np.argmax(probs))
        caption = self.tr("{name} with {p} confidence").format(name=self.prob_view.class_names[top],
                                                              p=f"{probs[top]:.1%}")
        caption = self.insight.quick_caption(image28, probs) or caption  # issue 15: "not sure" / "not a digit"
        self.prob_view.show_prediction(probs, image28, caption)
        self.insight.show_drawing(self._model, (self._source, self._weights_version, self._meta.get("steps")),
                                  image28, x, probs, self._mean, self._std)
        if started:
            self.last_latency_s = time.perf_counter() - started
        self.predicted.emit()

    def _current_image(self):
        """The canvas as the network sees it (28×28 in [0, 1]), or None when empty (issue 15)."""
        return None if self.canvas.is_empty() else preprocess_drawing(self.canvas.pixels())

    # -- dataset ---------------------------------------------------------------------
    def _update_dataset_label(self) -> None:
        if self._dataset is None:
            self.dataset_label.setText(self.tr("Data: bundled MNIST subset (4,000 train / 1,000 test)"))
        else:
            self.dataset_label.setText(self.tr("Data: {desc}").format(desc=self._describe_dataset(self._dataset)))

    def open_dataset(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Open an MNIST-style dataset folder"))
        if folder:
            self.load_dataset_folder(folder)

    def load_dataset_folder(self, folder: str) -> bool:
        from playground.core.errors import DatasetError
        from playground.core.mnist_data import load_folder

        try:
            dataset = load_folder(folder)
        except DatasetError as exc:
            self._show_error(self.tr("Could not open the dataset"),
                             self.tr("Could not open the dataset: {detail}").format(detail=core_text(exc)))
            return False
        self._dataset = dataset
        self._dataset_folder = folder
        self.insight.set_dataset(dataset)  # issue 15
        self.class_names_action.setEnabled(True)
        self._update_dataset_label()
        self.message.emit(self.tr("Loaded {desc}").format(desc=self._describe_dataset(dataset)))
        return True

    def correct_class_names(self) -> None:
        """issue 15: File → MNIST dataset class names…: the user corrects what was recognised."""
        from playground.ui.mnist_lab.class_names import ask_class_names

        if self._dataset is None or self.is_training():
            return
        dataset, problem = ask_class_names(self, self._dataset)
        if dataset is not None:
            self._dataset = dataset
            self.message.emit(self.tr("Class names: {names}").format(names=", ".join(dataset.class_names)))
        elif problem:
            self.message.emit(problem)

    def _show_error(self, title: str, text: str) -> None:
        if self.error_dialog is not None:
            self.error_dialog.close()
        box = QMessageBox(QMessageBox.Warning, title, text, QMessageBox.Ok, self)
        box.setAttribute(Qt.WA_DeleteOnClose, False)
        self.error_dialog = box
        box.open()  # window-modal, non-blocking
        self.message.emit(text)

    # -- save / open models ------------------------------------------------------------
    def save_model(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the MNIST model"), "mnist_model.pt",
                                              self.tr("PyTorch model (*.pt)"))
        if path:
            self.save_model_to(path)

    def save_model_to(self, path: str) -> bool:
        if self._model is None:
            return False
        from playground.core.model_io import save_model

        try:
            save_model(path, self._spec, self._model.state_dict(), self._meta)
        except OSError as exc:
            self._show_error(self.tr("Could not save the model"),
                             self.tr("Could not save the model: {detail}").format(detail=core_text(exc)))
            return False
        self.message.emit(self.tr("Saved the model to {path}").format(path=path))
        return True

    def open_model(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open an MNIST model"), "",
                                              self.tr("PyTorch model (*.pt *.pth);;All files (*)"))
        if path:
            self.open_model_from(path)

    def open_model_from(self, path: str) -> bool:
        from playground.core.model_io import ModelFileError, load_model

        try:
            loaded = load_model(path)
        except ModelFileError as exc:
            self._show_error(self.tr("Could not open the model"),
                             self.tr("Could not open the model: {detail}").format(detail=core_text(exc)))
            return False
        self._use_loaded(loaded, str(path))
        self.message.emit(self.tr("Opened the model {path}").format(path=path))
        return True

    # -- training ----------------------------------------------------------------------
    def config(self) -> MnistConfig:
        return self.controls.config()

    def set_config(self, config: MnistConfig) -> None:
        self.controls.set_config(config)

    def export_script(self) -> tuple[str, str]:
        """File → Export code…: (suggested file name, a standalone script training this setup)."""
        from playground.core.mnist_data import MNIST_MEAN, MNIST_STD
        from playground.core.mnist_export import render_mnist_script

        dataset = self._dataset
        mean, std = (dataset.mean, dataset.std) if dataset is not None else (MNIST_MEAN, MNIST_STD)
        config = self.config()
        text = render_mnist_script(config, folder=self._dataset_folder if dataset is not None else None, mean=mean, std=std)
        return f"mnist_{config.arch}.py", text

    def load_lesson(self, settings: dict) -> None:
        """Lessons menu: the notes' MLP ({"model": "mlp"}) or CNN ({"model": "cnn"}) settings."""
        from playground.core.mnist_config import notes_cnn, notes_mlp

        self.set_config(notes_cnn() if settings.get("model") == "cnn" else notes_mlp())

    def train(self) -> None:
        if self._loop is not None:
            self._loop.stop()
            self._loop = None
        config, dataset = self.controls.config(), self._dataset
        self._history.clear()
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
        self.results_tabs.setCurrentWidget(self.loss_plot)

    def stop_training(self) -> None:
        if self._loop is not None:
            self._loop.stop()
            self._loop = None
        self._state = "stopped"
        self._set_training_ui(False)
        self.progress_bar.setFormat(self.tr("Stopped"))
        self.message.emit(self.tr("Training stopped"))

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

    def last_progress(self) -> Progress | None:
        return self._last_progress

    @Slot(str)
    def _on_failed(self, detail: str) -> None:
        self._state = "failed"
        self._set_training_ui(False)
        self._show_error(self.tr("Training failed"), self.tr("Training failed: {detail}").format(detail=detail))

    @Slot(object)
    def _on_progress(self, progress: Progress) -> None:
        self._last_progress = progress
        snap = progress.snapshot
        if len(progress.losses):
            self._history.extend(progress.losses)
        self._state = progress.state
        version = snap.get("weights_version", 0)
        if version != self._weights_version:
            self._weights_version = version
            if version > 1:  # version 1 is the untrained model: keep the previous one for the canvas
                self._adopt_weights(snap, progress.step)
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

    def _adopt_weights(self, snap: dict, step: int) -> None:
        from playground.core.mnist_data import BUNDLED_NAME
        from playground.core.mnist_models import build_model
        from playground.core.model_io import LoadedModel

        dataset = self._dataset
        acc = snap["test_acc"][-1] if snap["test_acc"] else None
        if self._source == "trained" and self._spec == snap["spec"]:
            # Fast path at each epoch end: refill the GUI's own instance in place (no new
            # model, no combo-box rebuild), so the training thread keeps the GIL.
            self._model.load_state_dict(snap["weights"])
            self._meta["test_accuracy"] = acc
            self._meta["epochs"] = len(snap["test_acc"])
            self._meta["steps"] = step
            self._update_model_label()
            self.update_prediction()
            return
        model = build_model(snap["spec"])
        model.load_state_dict(snap["weights"])
        model.eval()
        meta = {"dataset": dataset.name if dataset is not None else BUNDLED_NAME, "test_accuracy": acc,
                "epochs": len(snap["test_acc"]), "steps": step,
                "mean": dataset.mean if dataset is not None else 0.1307,
                "std": dataset.std if dataset is not None else 0.3081,
                "class_names": list(dataset.class_names) if dataset is not None else [str(i) for i in range(10)]}
        self._use_loaded(LoadedModel(model, snap["spec"], meta), "trained")

    def _refresh_progress(self, progress: Progress) -> None:
        snap = progress.snapshot
        total = max(1, snap.get("total_steps", 1))
        self.progress_bar.setValue(int(1000 * progress.step / total))
        eta = snap.get("eta_s")
        epoch = min(snap.get("epoch", 0) + 1, snap.get("epochs", 1))
        if progress.state == "finished":
            text = self.tr("Finished {epochs} epochs in {s} s").format(epochs=snap.get("epochs"),
                                                                     s=f"{snap.get('elapsed_s', 0):.1f}")
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
        last = self._history.last()
        head = self.tr("Training loss {loss}").format(loss=f"{last:.4f}") if last is not None else ""
        self.accuracy_label.setText("\n".join([head] + lines[-SHOWN_EPOCHS:]))
        if len(self._history):
            self._draw_loss(total)
        self.status_label.setText(self.tr("MNIST: step {step}/{total}").format(step=progress.step, total=total))

    def _draw_loss(self, total_steps: int) -> None:
        x, y = self._history.decimated(800)
        item = self.loss_plot.getPlotItem()
        finite = y[np.isfinite(y)]
        lo, hi = 0.0, float(finite.max()) if len(finite) else 1.0
        if self._loss_range.include(lo, hi):
            item.setYRange(self._loss_range.lo, self._loss_range.hi, padding=0)
        item.setXRange(0, max(100, total_steps), padding=0)
        self.loss_curve.set_data(x, y)

    def _show_results(self, results: dict) -> None:
        dataset = self._dataset
        if dataset is None:
            from playground.core.mnist_data import load_bundled

            images, names = load_bundled().test_images, [str(i) for i in range(10)]
        else:
            images, names = dataset.test_images, self._class_titles(dataset.class_names)
        matrix = results["confusion"]
        rows = matrix.sum(axis=1)
        per_class = [self.tr("{name}: {acc}").format(name=names[i], acc=f"{matrix[i, i] / rows[i]:.0%}" if rows[i] else "–")
                     for i in range(10)]
        text = self.tr("Per-class test accuracy: ") + ", ".join(per_class)
        self.confusion.set_results(matrix, images, results["labels"], results["probs"], names, text)
        self.results_tabs.setCurrentWidget(self.confusion)
        self.message.emit(self.tr("Training finished: test accuracy {acc}").format(acc=f"{results['test_acc']:.1%}"))

    def _examples_text(self, true_class: int, predicted: int, count: int) -> str:
        names = self.confusion.class_names
        return self.tr("True {t}, predicted {p}: {n} test images").format(t=names[true_class], p=names[predicted],
                                                                        n=count)


def pg_pen(color):
    import pyqtgraph as pg

    return pg.mkPen(color, width=1.5)


class _ColumnLayout(QVBoxLayout):
    """The training column's layout, without height-for-width: with it (its word-wrapped labels ask for
    it), the scroll area would size the column to its preferred height and always scroll. Qt calls this
    only when the layout changes, never per frame."""

    def hasHeightForWidth(self) -> bool:
        return False

