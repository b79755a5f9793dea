"""Translated one-line notes for the activations, losses and optimizers (core/training/components.py keeps English).

Combo boxes built over those registries show a note as each item's tooltip; call
``apply_notes(box)`` from ``retranslate()`` so the tooltips follow the language.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QComboBox


class ComponentNotes(QObject):
    def notes(self) -> dict[str, str]:
        return {
            "ReLU": self.tr("Zero for x < 0 (gradient 0 there, so a unit can 'die'), slope 1 above"),
            "LeakyReLU": self.tr("Like ReLU but slope 0.01 for x < 0, so units never die"),
            "Sigmoid": self.tr("Squashes to (0, 1); saturates, so f′ ≤ 0.25 and vanishes for large |x|"),
            "Tanh": self.tr("Squashes to (−1, 1), zero-centred; saturates for large |x|"),
            "ELU": self.tr("Smooth below zero, tends to −1; no dead units"),
            "GELU": self.tr("A smooth ReLU (used in transformers); a small dip below zero"),
            "SiLU": self.tr("x·sigmoid(x) (Swish): smooth, with a slight negative dip"),
            "Identity": self.tr("No bend at all, so the whole network stays a straight line"),
            "MSE": self.tr("Mean squared error: punishes large errors strongly"),
            "L1": self.tr("Mean absolute error (MAE): robust to outliers"),
            "Huber": self.tr("Squared for small errors, absolute for large ones"),
            "SGD": self.tr("Plain gradient descent: w ← w − lr·grad"),
            "SGD + momentum": self.tr("Gradient descent that keeps a running velocity"),
            "Adam": self.tr("Adapts the step size for each weight; a good default"),
            "RMSprop": self.tr("Divides the step by a running RMS of the gradients"),
            "Adagrad": self.tr("Steps shrink for weights that have already moved a lot"),
        }


def apply_notes(box: QComboBox) -> None:
    """Set each item's tooltip to its translated note (items keep the registry name as their data)."""
    notes = ComponentNotes().notes()
    for i in range(box.count()):
        note = notes.get(box.itemData(i))
        if note:
            box.setItemData(i, note, Qt.ToolTipRole)
