"""The MNIST lab's drawing side: the canvas, the probabilities and preview, and the model that reads them.

The canvas predicts with its *own* model instance, on the GUI thread (a 28×28 forward pass takes tens of
microseconds); training (training_panel.py) never touches it: at each epoch end the lab hands this panel a
CPU copy of the trained weights (``adopt_trained``). The bundled models load on a TaskThread when the tab
is first shown, so torch is not imported while the window is built.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QComboBox, QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from playground.core.mnist.preprocess import normalize, preprocess_drawing
from playground.core.mnist.data import DIGIT_CLASS_NAMES, MNIST_MEAN, MNIST_STD
from playground.ui.i18n import core_text, core_texts, set_texts
from playground.ui.widgets.flow_layout import FlowLayout
from playground.ui.mnist_lab.canvas import DrawingCanvas
from playground.ui.mnist_lab.names import MnistNames, percent
from playground.ui.mnist_lab.probabilities import ProbabilityView
from playground.ui.widgets.file_dialogs import open_file, read_or_explain, save_file
from playground.workers.task_thread import TaskThread


def _load_bundled():
    from playground.core.persistence.model_io import load_bundled_models  # imports torch: runs on the task thread

    return load_bundled_models()


class DrawingPanel(QGroupBox):
    """Draw a digit, see what the current model reads. ``modelChanged`` after another model is in use."""

    message = Signal(str)
    failed = Signal(str, str)  # title, text: the lab shows them in its error dialog
    predicted = Signal()       # after each prediction shown (benchmarks, tests)
    modelChanged = Signal()

    def __init__(self, names: MnistNames, insight, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.names = names
        self.insight = insight  # the Look inside tab (insight_panel.py): shown what the model reads
        self._loader: TaskThread | None = None
        self._bundled: dict = {}
        self._model = None            # the GUI thread's own model instance (torch module)
        self._spec: dict | None = None
        self._meta: dict = {}
        self._source = ""             # "bundled:mlp", "bundled:cnn", "trained", "session" or a file path
        self._trained = None          # the model being (or last) trained, whether it reads the canvas or not
        self._kept_told = False       # "kept the better model" said once per training run
        self._wanted_bundled = "mlp"  # the bundled model the canvas starts with (a lesson may ask for the CNN)
        self._mean, self._std = MNIST_MEAN, MNIST_STD
        self._class_names = list(DIGIT_CLASS_NAMES)
        self.last_latency_s: float | None = None
        self._torch_configured = False
        self._build()

    def _build(self) -> None:
        self.canvas = DrawingCanvas()
        self.clear_button, self.undo_button = QPushButton(), QPushButton()
        self.eraser_button = QPushButton(checkable=True)  # PySide6 sets Qt properties given as keywords
        self.model_box = QComboBox()
        self.model_label = QLabel()
        tools = FlowLayout(fill=True)  # onto two rows beside the Lessons panel on a small projector
        for b in (self.clear_button, self.undo_button, self.eraser_button):
            tools.addWidget(b)
        self.prob_view = ProbabilityView()
        dl = QVBoxLayout(self)
        model_row = QHBoxLayout()
        self.model_title = QLabel()
        model_row.addWidget(self.model_title)
        model_row.addWidget(self.model_box, 1)
        self.open_model_button, self.save_model_button = QPushButton(), QPushButton()
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

        self.canvas.changed.connect(self.update_prediction)
        self.clear_button.clicked.connect(self.canvas.clear)
        self.undo_button.clicked.connect(self.canvas.undo)
        self.eraser_button.toggled.connect(self.canvas.set_eraser)
        self.model_box.activated.connect(self.choose_model)
        self.open_model_button.clicked.connect(self.open_model)
        self.save_model_button.clicked.connect(self.save_model)
        self.open_model_action = QAction(self)
        self.open_model_action.triggered.connect(self.open_model)
        self.save_model_action = QAction(self)
        self.save_model_action.triggered.connect(self.save_model)
        self.save_model_action.setEnabled(False)
        self.save_model_button.setEnabled(False)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Draw a digit (white on black)"))
        set_texts(self.clear_button, self.tr("Clear"), self.tr("Erase the whole drawing"))
        set_texts(self.undo_button, self.tr("Undo stroke"), self.tr("Remove the last stroke"))
        set_texts(self.eraser_button, self.tr("Eraser"), self.tr("Draw in black to erase parts of the digit"))
        self.model_title.setText(self.tr("Model"))
        self.model_box.setToolTip(self.tr("The model that reads the canvas: bundled, just trained or opened"))
        set_texts(self.open_model_button, self.tr("Open…"), self.tr("Open a model saved by NN Playground"))
        set_texts(self.save_model_button, self.tr("Save…"), self.tr("Save the current model to a file"))
        self.open_model_action.setText(self.tr("Open MNIST model…"))
        self.save_model_action.setText(self.tr("Save MNIST model…"))
        self.prob_view.preview_caption.setText(self.tr("What the network sees (28 × 28):"))
        self.prob_view.set_class_names(self.names.class_titles(self._class_names))
        self._fill_model_box()
        self._update_model_label()
        self.update_prediction()

    # -- the bundled models ------------------------------------------------------------
    def start_loading(self) -> None:
        """Load the bundled models on a task thread (once)."""
        if self._loader is not None:
            return
        self._loader = TaskThread(_load_bundled, self, name="mnist-model-loader")
        self._loader.done.connect(self._on_bundled_loaded)
        self._loader.failed.connect(lambda error: self._on_bundled_loaded(({}, [error.message])))
        self._loader.start()

    def shutdown(self) -> None:
        if self._loader is not None:
            self._loader.stop()

    def is_ready(self) -> bool:
        return self._model is not None

    def bundled_models(self) -> dict:
        """{arch: LoadedModel} of the bundled models that opened (empty before they are loaded)."""
        return dict(self._bundled)

    @Slot(object)
    def _on_bundled_loaded(self, result) -> None:
        models, errors = result
        self._bundled = models
        if errors:
            self.message.emit(self.tr("Could not open a bundled model: {detail}").format(detail="; ".join(core_texts(errors))))
        self._fill_model_box()
        if self._model is None and models:
            arch = self._wanted_bundled if self._wanted_bundled in models else "mlp" if "mlp" in models else next(iter(models))
            self.use_model(models[arch], f"bundled:{arch}")
            self.model_box.setCurrentIndex(max(0, self.model_box.findData(f"bundled:{arch}")))

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
        if self._trained is not None and self._source != "trained":  # offered, not in use: it is less accurate
            self.model_box.addItem(self.tr("Just trained ({acc})").format(
                acc=percent(self._trained.metadata.get("test_accuracy"))), "trained")
        wanted = self._source if self._source.startswith("bundled:") else "current"
        index = self.model_box.findData(wanted if self._source else current)
        self.model_box.setCurrentIndex(max(0, index))
        self.model_box.blockSignals(False)

    def _source_title(self) -> str:
        if self._source == "trained":
            return self.tr("Just trained")
        if self._source == "session":
            return self.tr("From the session")
        if self._source == "fine-tuned":
            return self.tr("Fine-tuned on your digits")
        return self.tr("File: {name}").format(name=self._source.rsplit("/", 1)[-1])

    def use_bundled(self, arch: str) -> None:
        """The bundled ``arch`` ("mlp", "cnn") reads the canvas, now or as soon as it is loaded."""
        self._wanted_bundled = arch
        if arch in self._bundled:
            self.use_model(self._bundled[arch], f"bundled:{arch}")

    @Slot(int)
    def choose_model(self, index: int) -> None:
        """The model box's item ``index`` chosen: a bundled model takes over the canvas."""
        data = self.model_box.itemData(index)
        if data and data.startswith("bundled:"):
            arch = data.split(":", 1)[1]
            self.use_model(self._bundled[arch], f"bundled:{arch}")
            self._fill_model_box()
        elif data == "trained" and self._trained is not None:
            self.use_model(self._trained, "trained")

    # -- the current model -----------------------------------------------------------
    def model(self):
        """The torch module that reads the canvas (None before the bundled models are loaded)."""
        return self._model

    def spec(self) -> dict | None:
        return self._spec

    def normalisation(self) -> tuple[float, float]:
        """The mean and std the current model's inputs are normalised with."""
        return self._mean, self._std

    def class_names(self) -> list[str]:
        return list(self._class_names)

    def metadata(self) -> dict:
        return self._meta

    def source(self) -> str:
        return self._source

    def use_model(self, loaded, source: str) -> None:
        """``loaded`` (a core.persistence.model_io.LoadedModel) reads the canvas from now on; ``source`` names it."""
        # Everything is worked out before anything changes: adopting a model is all or nothing
        # (core.persistence.model_io has checked the metadata's types and ranges).
        meta = dict(loaded.metadata)
        mean = float(meta.get("mean", MNIST_MEAN) or MNIST_MEAN)
        std = float(meta.get("std", MNIST_STD) or MNIST_STD)
        names = meta.get("class_names")
        names = list(names) if isinstance(names, list) and len(names) == 10 else list(DIGIT_CLASS_NAMES)
        self._model, self._spec, self._meta, self._source = loaded.model, loaded.spec, meta, source
        self._mean, self._std, self._class_names = mean, std, names
        self.prob_view.set_class_names(self.names.class_titles(self._class_names))
        self.save_model_button.setEnabled(True)
        self.save_model_action.setEnabled(True)
        self._fill_model_box()
        self._update_model_label()
        self.update_prediction()
        self.modelChanged.emit()

    def adopt_trained(self, spec: dict, weights: dict, meta: dict) -> None:
        """An epoch of training ended: its weights (CPU copies) read the canvas from now on, unless the
        model in use is more accurate (a bundled 96 % model is not replaced by a one-epoch 88 % one):
        then the trained one is offered in the model box, with both accuracies said."""
        trained = self._trained
        if trained is not None and trained.spec == spec:
            # At each epoch end: refill the GUI's own instance in place (no new model), so the
            # training thread keeps the GIL.
            trained.model.load_state_dict(weights)
            trained.metadata.update(meta)
        else:
            from playground.core.mnist.models import build_model
            from playground.core.persistence.model_io import LoadedModel

            model = build_model(spec)
            model.load_state_dict(weights)
            model.eval()
            trained = self._trained = LoadedModel(model, spec, dict(meta))
            self._kept_told = False
        if self._source == "trained" and self._model is trained.model:
            self._meta.update(test_accuracy=meta.get("test_accuracy"), epochs=meta.get("epochs"), steps=meta.get("steps"))
            self._update_model_label()
            self.update_prediction()
            return
        in_use, new = self._meta.get("test_accuracy"), meta.get("test_accuracy")
        if self._model is None or not isinstance(in_use, (int, float)) or (isinstance(new, (int, float)) and new >= in_use):
            self.use_model(trained, "trained")
            return
        self._fill_model_box()  # "Just trained (88.0 %)" becomes a choice
        if not self._kept_told:
            self._kept_told = True
            self.message.emit(self.tr("The canvas keeps {name} ({old} test accuracy): the model in training reaches "
                                      "{new} so far. Choose “Just trained” in the Model box to draw with it.").format(
                name=self.names.model_name(self._spec), old=percent(in_use), new=percent(new)))

    def _update_model_label(self) -> None:
        if self._spec is None:
            self.model_label.setText(self.tr("Loading the bundled model…"))
            return
        acc, steps = self._meta.get("test_accuracy"), self._meta.get("steps")
        text = self.names.model_name(self._spec)
        if isinstance(acc, (int, float)):
            text += " · " + self.tr("test accuracy {acc}").format(acc=f"{acc:.1%}")
        elif self._source == "session" and isinstance(steps, int):
            text += " · " + self.tr("{n} training steps").format(n=steps)
        if self._meta.get("dataset"):
            text += " · " + self.names.dataset_name(self._meta["dataset"])
        self.model_label.setText(text)

    # -- prediction ------------------------------------------------------------------
    @Slot()
    def update_prediction(self) -> None:
        """Preprocess the canvas and classify it with the current model (GUI thread, own model)."""
        started = self.canvas.last_event_time
        if self.canvas.is_empty():
            self.prob_view.show_prediction(None, None, self.tr("Draw a digit"))
            self.insight.show_drawing(None, None, None, None, None, 0.0, 1.0)
            self.predicted.emit()
            return
        image28 = preprocess_drawing(self.canvas.pixels())
        if image28 is None or self._model is None:
            caption = self.tr("Draw a digit") if image28 is None else self.tr("Loading the bundled model…")
            self.prob_view.show_prediction(None, None, caption)
            self.insight.show_drawing(None, None, None, None, None, 0.0, 1.0)
            self.predicted.emit()
            return
        import torch

        from playground.core.mnist.models import predict_proba

        if not self._torch_configured:  # the GUI thread's own torch threads (the setting is per thread here)
            from playground.core.training.runtime import configure_torch

            configure_torch()
            self._torch_configured = True

        x = torch.from_numpy(normalize(image28, self._mean, self._std)).view(1, 1, 28, 28)
        probs = predict_proba(self._model, x)[0]
        top = int(probs.argmax())
        caption = self.tr("{name} with {p} confidence").format(name=self.prob_view.class_names[top],
                                                              p=f"{probs[top]:.1%}")
        caption = self.insight.quick_caption(image28, probs) or caption  # "not sure" / "not a digit"
        self.prob_view.show_prediction(probs, image28, caption)
        self.insight.show_drawing(self._model, (self._source, id(self._model), self._meta.get("steps")),
                                  image28, x, probs, self._mean, self._std)
        if started:
            self.last_latency_s = time.perf_counter() - started
        self.predicted.emit()

    # -- save / open models ------------------------------------------------------------
    def save_model(self) -> None:
        save_file(self, self.tr("Save the MNIST model"), "mnist_model.pt", self.tr("PyTorch model (*.pt)"),
                  then=self.save_model_to)

    def save_model_to(self, path: str) -> bool:
        if self._model is None:
            return False
        from playground.core.persistence.model_io import save_model

        try:
            save_model(path, self._spec, self._model.state_dict(), self._meta)
        except OSError as exc:
            self.failed.emit(self.tr("Could not save the model"),
                             self.tr("Could not save the model: {detail}").format(detail=core_text(exc)))
            return False
        self.message.emit(self.tr("Saved the model to {path}").format(path=path))
        return True

    def open_model(self) -> None:
        open_file(self, self.tr("Open an MNIST model"), self.tr("PyTorch model (*.pt *.pth);;All files (*)"),
                  then=self.open_model_from)

    def open_model_from(self, path: str) -> bool:
        from playground.core.persistence.model_io import ModelFileError, load_model

        loaded = read_or_explain(lambda: load_model(path), ModelFileError, lambda why: self.failed.emit(
            self.tr("Could not open the model"), self.tr("Could not open the model: {detail}").format(detail=why)))
        if loaded is None:
            return False
        self.use_model(loaded, str(path))
        self.message.emit(self.tr("Opened the model {path}").format(path=path))
        return True

    # -- classroom -------------------------------------------------------------------
    def set_presentation(self, on: bool) -> None:
        self.canvas_row.setStretch(0, 2 if on else 3)  # canvas : probabilities, 2:1 for the room (3:2 normally)
        self.canvas_row.setStretch(1, 1 if on else 2)
        self.prob_view.set_presentation(on)
        self.eraser_button.setFont(QApplication.font())  # its style sheet keeps it from following the app's font

    def apply_theme(self, colors) -> None:
        self.prob_view.apply_theme()
        self.canvas.set_frame_color(colors.target)  # a quiet frame, like the preview's
        # Fusion's pressed look barely differs from the plain one: an "on" eraser is filled with the accent
        # colour. Rebuilt on a theme switch (a style sheet keeps the colours it was given).
        self.eraser_button.setStyleSheet(
            f"QPushButton:checked {{ background-color: {colors.fit}; color: {colors.background}; "
            f"border: 2px solid {colors.foreground}; border-radius: 3px; font-weight: bold; padding: 3px; }}")
