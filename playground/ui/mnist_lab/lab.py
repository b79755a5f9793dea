"""The MNIST lab: draw a digit and watch the network classify it live; train your own MLP or CNN.

A thin Lab composing its two sides: ``drawing`` (drawing_panel.py: canvas, probabilities, the model that
reads the canvas, open/save model) and ``training`` (training_panel.py: dataset, settings, training in a
LoopThread, progress, results). Each epoch of training hands its weights to the drawing side.

Settings and plain sessions keep the training settings; "with trained weights" adds the model the canvas
uses and the loss history (the config's network fields then describe that model).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QT_TRANSLATE_NOOP, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFrame, QHBoxLayout, QMessageBox, QSplitter, QStyle, QTabWidget, QWidget

from playground.core.config import from_dict, to_dict
from playground.core.mnist.config import MnistConfig
from playground.ui.appearance import hide_advanced
from playground.ui.lab_base import Lab
from playground.ui.mnist_lab.collection_panel import CollectionPanel
from playground.ui.mnist_lab.drawing_panel import DrawingPanel
from playground.ui.mnist_lab.insight_panel import InsightPanel
from playground.ui.mnist_lab.names import MnistNames
from playground.ui.mnist_lab.session_models import (config_for_model, is_digit_model, same_bundled, session_model,
                                                    weights_copy)
from playground.ui.mnist_lab.training_panel import TrainingPanel
from playground.ui.theme import plot_colors
from playground.ui.widgets.settings_column import VerticalScroll

SETTINGS_SHARE = 0.45  # of the Train tab's height at most, when the settings scroll
NORMAL_SHARE = 0.6  # the splitter's stretch, 3 : 2
DRAW_SHARE = 0.72  # the drawing side's share of the width in presentation mode (the canvas is height-bound
                   # there: on a 1920×1080 projector its side is ~1.6× that of a 1280×800 window's)


def _side(side: str, name: str) -> property:
    """``lab.<name>`` is ``lab.<side>.<name>`` (a method or a value of the drawing or training side)."""
    return property(lambda lab: getattr(getattr(lab, side), name))


class MnistLab(Lab):
    key = "mnist"
    title = QT_TRANSLATE_NOOP("MnistLab", "MNIST")
    tooltip = QT_TRANSLATE_NOOP("MnistLab", "Draw a digit and watch a network classify it; train your own MLP or CNN")
    config_type = MnistConfig
    predicted = Signal()   # after each prediction shown (benchmarks, tests)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.names = MnistNames(self)
        self.insight = InsightPanel()  # Look inside: works only while its tab is shown
        self.drawing = DrawingPanel(self.names, self.insight)
        self.training = TrainingPanel(self.names)
        self.error_dialog: QMessageBox | None = None
        self._normal_splitter_sizes: list[int] | None = None
        self._train_page_shared = False
        self._presenting = False
        self._build()
        self.apply_theme()
        self.retranslate()

    def _build(self) -> None:
        d, t = self.drawing, self.training
        # The widgets tests, lessons and benchmarks reach for, under the names they always had.
        self.canvas, self.prob_view, self.model_box, self.model_label = d.canvas, d.prob_view, d.model_box, d.model_label
        self.clear_button, self.undo_button, self.eraser_button = d.clear_button, d.undo_button, d.eraser_button
        self.controls, self.confusion, self.loss_plot, self.loss_curve = t.controls, t.confusion, t.loss_plot, t.loss_curve
        self.train_button, self.pause_button, self.stop_button = t.train_button, t.pause_button, t.stop_button
        self.progress_bar, self.accuracy_label = t.progress_bar, t.accuracy_label
        self.dataset_label, self.open_dataset_button, self.open_dataset_action = (
            t.dataset_label, t.open_dataset_button, t.open_dataset_action)
        self.open_model_button, self.save_model_button = d.open_model_button, d.save_model_button
        self.open_model_action, self.save_model_action = d.open_model_action, d.save_model_action

        self.splitter = splitter = QSplitter(Qt.Horizontal)
        splitter.addWidget(d)
        # The settings scroll rather than force their height on the window (they would not fit a 1366×768
        # laptop or a 1024×768 projector stacked over the run); the run (Train, progress, loss curve) sits
        # below them, whole, and the splitter shares the height.
        settings_scroll = VerticalScroll(t)
        settings_scroll.setFrameShape(QFrame.NoFrame)
        self.train_page = train_page = QSplitter(Qt.Vertical)
        train_page.setChildrenCollapsible(False)
        train_page.addWidget(settings_scroll)
        train_page.addWidget(t.run_panel)
        train_page.setStretchFactor(0, 1)  # up to their maximum (_share_train_page)
        train_page.setStretchFactor(1, 1)
        # The right column's tabs: training, its results (the whole column's height for the confusion
        # matrix), look inside, your own handwriting (collect and fine-tune).
        self.collection = CollectionPanel(self._current_image, self.canvas.clear)
        self.side_tabs = QTabWidget()
        self.side_tabs.setUsesScrollButtons(False)  # a narrow column shortens the titles instead
        self.side_tabs.setElideMode(Qt.ElideRight)  # (Fusion would not: four titles in presentation mode's
                                                    # font would widen the window past a 1024-px screen)
        for page in (train_page, self.confusion, self.insight, self.collection):
            self.side_tabs.addTab(page, "")
        splitter.addWidget(self.side_tabs)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QHBoxLayout(self)
        layout.addWidget(splitter)
        self.fit_label_heights()

        for panel in (d, t):
            panel.message.connect(self.message)
            panel.failed.connect(self._show_error)
        d.predicted.connect(self.predicted)
        d.modelChanged.connect(self._on_model_changed)
        t.trained.connect(d.adopt_trained)
        t.statusChanged.connect(self.status_label.setText)
        t.datasetChanged.connect(self._on_dataset_changed)
        t.resultsReady.connect(self._show_results_tab)
        self.collection.message.connect(self.message)
        self.collection.finetune.model_ready.connect(lambda loaded: d.use_model(loaded, "fine-tuned"))
        self.collection.finetune.save_requested.connect(d.save_model)
        self.class_names_action = QAction(self)  # correct the class names recognised in a dataset folder
        self.class_names_action.triggered.connect(self.correct_class_names)
        self.class_names_action.setEnabled(False)

    # -- identity, menus, language -------------------------------------------------------
    def install_menus(self, window) -> None:
        window.add_file_actions([self.open_model_action, self.save_model_action, self.open_dataset_action,
                                 self.class_names_action])

    def retranslate(self) -> None:
        self.training.retranslate()
        self.drawing.retranslate()
        self.class_names_action.setText(self.tr("MNIST dataset class names…"))
        for i, title in enumerate((self.tr("Train"), self.tr("Results"), self.tr("Look inside"),
                                   self.tr("My handwriting"))):
            self.side_tabs.setTabText(i, title)
        self.side_tabs.setTabToolTip(1, self.tr("The last training run's confusion matrix and per-class accuracy"))

    # -- life cycle ------------------------------------------------------------------------
    def start_backend(self) -> None:
        self.drawing.start_loading()

    def is_ready(self) -> bool:
        return self.drawing.is_ready()

    def shutdown(self) -> None:
        self.training.shutdown()
        self.drawing.shutdown()
        self.collection.shutdown()

    # -- look inside, your handwriting ---------------------------------------------------------
    def _on_model_changed(self) -> None:
        d = self.drawing
        meta = d.metadata()
        self.insight.set_class_names(self.names.class_titles(d.class_names()), meta.get("dataset"))
        self.collection.finetune.set_model(d.model(), d.spec(), meta, *d.normalisation())

    def _show_results_tab(self) -> None:
        """A finished run's results, unless the user is looking inside the network or at their digits."""
        if self.side_tabs.currentIndex() == 0:
            self.side_tabs.setCurrentWidget(self.confusion)

    def _on_dataset_changed(self, dataset) -> None:
        self.insight.set_dataset(dataset)
        self.class_names_action.setEnabled(dataset is not None)

    def _current_image(self):
        """The canvas as the network sees it (28×28 in [0, 1]), or None when empty."""
        from playground.core.mnist.preprocess import preprocess_drawing

        return None if self.canvas.is_empty() else preprocess_drawing(self.canvas.pixels())

    def correct_class_names(self) -> None:
        """File → MNIST dataset class names…: the user corrects what was recognised in a dataset folder."""
        from playground.ui.mnist_lab.class_names import ask_class_names

        if self.training.dataset() is None or self.is_training():
            return
        dataset, problem = ask_class_names(self, self.training.dataset())
        if dataset is not None:
            self.training.set_dataset(dataset)
            self.message.emit(self.tr("Class names: {names}").format(names=", ".join(dataset.class_names)))
        elif problem:
            self.message.emit(problem)

    # -- the two sides, for lessons, tests and benchmarks ------------------------------------------
    # The drawing side: model() is the model that reads the canvas (None until the bundled models load).
    model = _side("drawing", "model")
    bundled_models = _side("drawing", "bundled_models")
    use_model = _side("drawing", "use_model")
    choose_model = _side("drawing", "choose_model")
    update_prediction = _side("drawing", "update_prediction")
    last_latency_s = _side("drawing", "last_latency_s")
    save_model_to = _side("drawing", "save_model_to")
    open_model_from = _side("drawing", "open_model_from")
    # The training side.
    load_dataset_folder = _side("training", "load_dataset_folder")
    train = _side("training", "train")
    stop_training = _side("training", "stop_training")
    is_training = _side("training", "is_training")
    has_training_worker = _side("training", "has_worker")
    results_shown = _side("training", "results_shown")
    last_progress = _side("training", "last_progress")

    def loss_history(self):
        """The loss of every training step shown (a core.training.history.LossHistory)."""
        return self.training.history

    def _show_error(self, title: str, text: str) -> None:
        if self.error_dialog is not None:
            self.error_dialog.close()
        box = QMessageBox(QMessageBox.Warning, title, text, QMessageBox.Ok, self)
        box.setAttribute(Qt.WA_DeleteOnClose, False)
        self.error_dialog = box
        box.open()  # window-modal, non-blocking
        self.message.emit(text)

    # -- configuration, lessons, code export ----------------------------------------------------
    def config(self) -> MnistConfig:
        return self.controls.config()

    def set_config(self, config: MnistConfig) -> None:
        self.controls.set_config(config)

    def export_script(self) -> tuple[str, str]:
        """File → Export code…: (suggested file name, a standalone script training this setup)."""
        return self.training.export_script(self.config())

    def load_lesson(self, settings: dict) -> None:
        """Lessons menu: the notes' MLP ({"model": "mlp"}) or CNN ({"model": "cnn"}) settings."""
        from playground.core.mnist.config import notes_cnn, notes_mlp

        arch = "cnn" if settings.get("model") == "cnn" else "mlp"
        self.set_config(notes_cnn() if arch == "cnn" else notes_mlp())
        self.drawing.use_bundled(arch)  # the canvas reads with the lesson's network (once it is loaded)

    # -- classroom hooks: sessions, presentation mode, live theme ----------------------------------
    def session_state(self, with_training: bool = False) -> dict:
        config = self.controls.config()
        model, spec, meta = self.drawing.model(), self.drawing.spec(), self.drawing.metadata()
        if not with_training or model is None:
            return {"config": to_dict(config)}
        config = config_for_model(config, spec)
        if config is None or not is_digit_model(meta):
            self.message.emit(self.tr("The MNIST model was not added to the session: sessions keep models for "
                                      "the MNIST digits only. Use Save MNIST model… instead."))
            return {"config": to_dict(self.controls.config())}
        state = {"config": to_dict(config), "weights": weights_copy(model), "step": meta.get("steps")}
        if len(self.training.history):
            state["loss_history"] = self.training.history.values().copy()
        return state

    def restore_session(self, state: dict) -> None:
        config, _problems = from_dict(MnistConfig, (state or {}).get("config"))
        weights = (state or {}).get("weights")
        if weights is not None:
            if self.is_training():  # its next epoch would replace the session's model on the canvas
                self.stop_training()
                self.message.emit(self.tr("MNIST training stopped: the opened session brings its own model"))
            self._use_session_model(config, weights, state.get("step"))
            self.training.show_saved_history(state.get("loss_history"))
        self.set_config(config)

    def _use_session_model(self, config: MnistConfig, weights: dict, step) -> None:
        loaded = session_model(config, weights, step)
        bundled = self.drawing.bundled_models()
        arch = same_bundled(bundled, loaded)
        if arch is not None:  # the bundled model itself: keep its name and test accuracy
            self.drawing.use_model(bundled[arch], f"bundled:{arch}")
        else:
            self.drawing.use_model(loaded, "session")

    def set_presentation(self, on: bool) -> None:
        """Canvas and probabilities larger, the training side narrower, advanced controls hidden."""
        hide_advanced(self, on)
        self._presenting = on
        # No larger minimum sizes: on a small projector they would push widgets over each other.
        if on:
            sizes = self.splitter.sizes()
            self._normal_splitter_sizes = sizes if min(sizes) > 0 else None  # not laid out yet: no sizes to keep
            self._share_width(DRAW_SHARE)
        elif self._normal_splitter_sizes:
            self.splitter.setSizes(self._normal_splitter_sizes)
        else:
            self._share_width(NORMAL_SHARE)
        self.drawing.set_presentation(on)
        self.fit_label_heights()

    def _share_width(self, drawing_share: float) -> None:
        """The drawing side gets ``drawing_share`` of the width (once the lab is laid out, if it is not yet:
        a lab built in presentation mode has no width when it is first asked)."""
        total = sum(self.splitter.sizes()) or self.splitter.width()
        if total <= 0:
            QTimer.singleShot(0, lambda: self._share_width(drawing_share))
            return
        # Never so little that the side tabs' titles are shortened, where the drawing side can give the room.
        titles = self.side_tabs.tabBar().sizeHint().width() + 2 * self.side_tabs.style().pixelMetric(
            QStyle.PM_DefaultFrameWidth)
        drawing = max(0, min(int(total * drawing_share), total - titles))
        self.splitter.setSizes([drawing, total - drawing])

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._train_page_shared:
            QTimer.singleShot(0, self._share_train_page)  # once the splitter has its height

    def _share_train_page(self) -> None:
        """All the settings in view if the run below keeps its minimum height and the loss curve room to be
        read (the settings take at most SETTINGS_SHARE); they scroll otherwise."""
        total = sum(self.train_page.sizes()) or self.train_page.height()
        wanted = self.training.sizeHint().height() + 2 * self.train_page.widget(0).frameWidth()
        self.train_page.widget(0).setMaximumHeight(wanted)  # a taller window gives the rest to the results
        run = self.training.run_panel.minimumSizeHint().height()
        settings = max(0, min(wanted, total - run, int(SETTINGS_SHARE * total)))
        if total > 0 and self.train_page.isVisible():
            self._train_page_shared = True
            self.train_page.setSizes([settings, total - settings])

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.FontChange:  # presentation mode's font reaches the labels after set_presentation
            self.fit_label_heights()
            if self._presenting:  # the side tabs' titles in the larger font
                QTimer.singleShot(0, lambda: self._share_width(DRAW_SHARE))

    def fit_label_heights(self) -> None:
        """Fixed heights (new lines never re-lay out the panel and its plots while training), refitted
        when presentation mode changes the font."""
        self.model_label.setWordWrap(True)  # two lines rather than a minimum width past a small screen
        self.model_label.setFixedHeight(2 * self.model_label.fontMetrics().lineSpacing() + 4)
        self.training.fit_label_heights()
        if self._train_page_shared:
            QTimer.singleShot(0, self._share_train_page)  # the settings' height follows the font

    def apply_theme(self) -> None:
        """Recolour the loss curve, probability bars and confusion matrix (the canvas stays white on black)."""
        colors = plot_colors()
        self.training.apply_theme(colors)
        self.drawing.apply_theme(colors)
