"""The MNIST lab's "My handwriting" view: collect your own digits, browse, relabel, delete, share.

Inputs from the lab (callables, so the panel needs no lab import): ``current_image()`` — the
canvas's preprocessed 28×28 drawing or None — and ``clear_canvas()``. In collect mode the
panel asks for a digit ("Draw a 7", the digit collected least so far); Save stores the
drawing with that label, saves the file atomically (core.mnist.collection) and clears the
canvas for the next one. A damaged collection file is never overwritten: it is set aside
under a new name and the user is told.
"""

from __future__ import annotations

import time
from typing import Callable

import numpy as np
from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QFont, QIcon, QPixmap
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QListView, QListWidget, QListWidgetItem,
                               QPushButton, QVBoxLayout, QWidget)

from playground.core.mnist import collection as store
from playground.ui.i18n import core_text, set_all_texts
from playground.ui.mnist_lab.finetune_panel import FineTunePanel
from playground.ui.mnist_lab.insight_images import grey_rgb, rgb_image
from playground.ui.widgets.file_dialogs import open_file, open_folder

THUMB_PX = 48


class CollectionPanel(QWidget):
    message = Signal(str)
    changed = Signal()      # the collection changed (tests, the fine-tune panel)

    def __init__(self, current_image: Callable[[], np.ndarray | None], clear_canvas: Callable[[], None],
                 path=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.current_image, self.clear_canvas = current_image, clear_canvas
        self.path = path if path is not None else store.default_path()
        self.collection = store.DigitCollection()
        self.wanted: int | None = None        # the digit asked for in collect mode
        self.problem: str | None = None       # why the file could not be loaded, if it could not

        self.collect_button = QPushButton()
        self.collect_button.setCheckable(True)
        self.prompt_label = QLabel()
        font = QFont(self.prompt_label.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.6)
        self.prompt_label.setFont(font)
        self.save_button = QPushButton()
        self.save_button.setShortcut(Qt.Key_Return)
        self.skip_button = QPushButton()
        self.counts_label = QLabel()
        self.counts_label.setWordWrap(True)
        self.thumbs = QListWidget()
        self.thumbs.setViewMode(QListView.IconMode)
        self.thumbs.setIconSize(QSize(THUMB_PX, THUMB_PX))
        self.thumbs.setResizeMode(QListView.Adjust)
        self.thumbs.setMovement(QListView.Static)
        self.thumbs.setSelectionMode(QListWidget.ExtendedSelection)
        self.thumbs.setMinimumHeight(2 * (THUMB_PX + 28))
        self.relabel_box = QComboBox()
        self.relabel_box.addItems([str(d) for d in range(10)])
        self.relabel_button = QPushButton()
        self.delete_button = QPushButton()
        self.export_button = QPushButton()
        self.import_button = QPushButton()
        self.finetune = FineTunePanel(lambda: self.collection)

        # Rows of two or three controls: the column is narrow (a third of the window).
        rows = [(self.collect_button, self.prompt_label), (self.save_button, self.skip_button),
                (self.relabel_box, self.relabel_button, self.delete_button), (self.import_button, self.export_button)]
        layout = QVBoxLayout(self)
        for i, row in enumerate(rows):
            line = QHBoxLayout()
            for w in row:
                line.addWidget(w, 0 if w is self.relabel_box else 1)
            layout.addLayout(line)
            if i == 1:
                layout.addWidget(self.counts_label)
                layout.addWidget(self.thumbs, 1)
        layout.addWidget(self.finetune)

        self.collect_button.toggled.connect(self._on_collect)
        self.save_button.clicked.connect(self.save_drawing)
        self.skip_button.clicked.connect(lambda: self._ask(exclude=self.wanted))
        self.relabel_button.clicked.connect(self.relabel_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.export_button.clicked.connect(self.export_dialog)
        self.import_button.clicked.connect(self.import_dialog)
        self.thumbs.itemSelectionChanged.connect(self._update_buttons)
        self.finetune.message.connect(self.message)
        self.load()
        self.retranslate()

    # -- the file ----------------------------------------------------------------------------
    def load(self) -> None:
        try:
            self.collection = store.load_collection(self.path)
        except store.CollectionError as exc:
            # Keep the damaged file (never overwrite it); start afresh beside it.
            kept = self.path.with_name(f"{self.path.stem}.damaged-{int(time.time())}{self.path.suffix}")
            try:
                self.path.rename(kept)
            except OSError:
                kept = self.path
            self.problem = self.tr("Your collected digits could not be read ({detail}); the file was kept as "
                                   "{kept} and a new collection started.").format(detail=core_text(exc), kept=kept)
            self.message.emit(self.problem)
            self.collection = store.DigitCollection()
        self._refill()

    def _save(self) -> bool:
        try:
            store.save_collection(self.collection, self.path)
        except OSError as exc:
            self.message.emit(self.tr("Could not save your digits: {detail}").format(detail=core_text(exc)))
            return False
        return True

    # -- collecting ----------------------------------------------------------------------------
    def _on_collect(self, on: bool) -> None:
        if on:
            self._ask()
        else:
            self.wanted = None
        self._update_buttons()
        self._update_prompt()

    def _ask(self, exclude: int | None = None) -> None:
        counts = self.collection.counts().astype(float)
        if exclude is not None:
            counts[exclude] = np.inf
        self.wanted = int(np.argmin(counts))  # the digit collected least, lowest first
        self._update_prompt()
        self._update_buttons()

    def save_drawing(self) -> bool:
        """Store the canvas as the digit asked for; clears the canvas and asks for the next."""
        if self.wanted is None:
            return False
        image = self.current_image()
        if image is None:
            self.message.emit(self.tr("Draw the digit on the canvas first"))
            return False
        self.collection.add(image, self.wanted)
        saved = self._save()
        self._refill()
        self.clear_canvas()
        if saved:
            self.message.emit(self.tr("Saved your {digit} ({n} digits collected)").format(
                digit=self.wanted, n=len(self.collection)))
        self._ask()
        return True

    # -- browsing and editing --------------------------------------------------------------------
    def _refill(self) -> None:
        self.thumbs.clear()
        for i, (image, label) in enumerate(zip(self.collection.images, self.collection.labels)):
            item = QListWidgetItem(QIcon(QPixmap.fromImage(rgb_image(grey_rgb(image.astype(np.float32))))),
                                   str(int(label)))
            item.setData(Qt.UserRole, i)
            self.thumbs.addItem(item)
        self._update_counts()
        self._update_buttons()
        self.changed.emit()

    def selected(self) -> list[int]:
        return sorted(item.data(Qt.UserRole) for item in self.thumbs.selectedItems())

    def relabel_selected(self) -> None:
        label = self.relabel_box.currentIndex()
        for i in self.selected():
            self.collection.relabel(i, label)
        self._save()
        self._refill()

    def delete_selected(self) -> None:
        for i in reversed(self.selected()):
            self.collection.remove(i)
        self._save()
        self._refill()

    # -- sharing with a class -------------------------------------------------------------------
    def export_dialog(self) -> None:
        open_folder(self, self.tr("Export your digits as IDX files"), then=self.export_to)

    def export_to(self, folder: str) -> bool:
        try:
            images, labels = store.export_idx(self.collection, folder)
        except OSError as exc:
            self.message.emit(self.tr("Could not export your digits: {detail}").format(detail=core_text(exc)))
            return False
        self.message.emit(self.tr("Exported {n} digits to {images} and {labels}").format(
            n=len(self.collection), images=images.name, labels=labels.name))
        return True

    def import_dialog(self) -> None:
        open_file(self, self.tr("Import digits from an IDX image file"),
                  self.tr("IDX images (*images-idx3-ubyte*);;All files (*)"), then=self.import_from)

    def import_from(self, images_path: str) -> bool:
        try:
            extra = store.import_idx(images_path)
        except store.CollectionError as exc:
            self.message.emit(self.tr("Could not import the digits: {detail}").format(detail=core_text(exc)))
            return False
        self.collection = store.merged(self.collection, extra)
        self._save()
        self._refill()
        self.message.emit(self.tr("Imported {n} digits").format(n=len(extra)))
        return True

    # -- words ----------------------------------------------------------------------------------
    def _update_prompt(self) -> None:
        if self.wanted is None:
            self.prompt_label.setText("")
            self.save_button.setText(self.tr("Save"))
        else:
            self.prompt_label.setText(self.tr("Draw a {digit}").format(digit=self.wanted))
            self.save_button.setText(self.tr("Save as {digit}").format(digit=self.wanted))

    def _update_counts(self) -> None:
        counts = self.collection.counts()
        if not len(self.collection):
            self.counts_label.setText(self.tr("No digits collected yet. Press Collect and draw the digits asked for; "
                                              "they are saved on this computer."))
            return
        per_digit = ", ".join(f"{d}×{n}" for d, n in enumerate(counts) if n)
        self.counts_label.setText(self.tr("{n} digits collected: {per_digit}").format(n=len(self.collection),
                                                                                    per_digit=per_digit))

    def _update_buttons(self) -> None:
        collecting = self.wanted is not None
        self.save_button.setEnabled(collecting)
        self.skip_button.setEnabled(collecting)
        has_selection = bool(self.thumbs.selectedItems())
        self.relabel_button.setEnabled(has_selection)
        self.delete_button.setEnabled(has_selection)
        self.export_button.setEnabled(len(self.collection) > 0)

    def retranslate(self) -> None:
        set_all_texts(
            (self.collect_button, self.tr("Collect"), self.tr("Collect your own handwriting: the app asks for a digit, you draw it")),
            (self.save_button, None, self.tr("Keep the drawing as the digit asked for (Enter)")),
            (self.skip_button, self.tr("Another digit")),
            (self.relabel_button, self.tr("Relabel selected")),
            (self.relabel_box, None, self.tr("The digit the selected examples really are")),
            (self.delete_button, self.tr("Delete selected")),
            (self.export_button, self.tr("Export IDX…"), self.tr("Save your digits as an MNIST-style IDX pair to share with a class")),
            (self.import_button, self.tr("Import IDX…"), self.tr("Add digits from an IDX pair (…-images-idx3-ubyte and its labels)")),
        )
        self._update_prompt()
        self._update_counts()
        self.finetune.retranslate()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def shutdown(self) -> None:
        self.finetune.shutdown()
