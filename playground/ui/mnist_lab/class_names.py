"""Let the user correct a dataset's class names (the kind is recognised from the images, and may be wrong)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QWidget

from playground.core.mnist.content import with_class_names
from playground.core.mnist.data import DIGIT_CLASS_NAMES, FASHION_CLASS_NAMES


def tr(text: str) -> str:
    return QCoreApplication.translate("ClassNames", text)


def parse_names(text: str) -> list[str]:
    return [part.strip() for part in text.split(",")]


def ask_class_names(parent: QWidget, dataset):
    """The dataset with the class names the user chose or typed (10, comma-separated); None if cancelled or
    invalid (the reason is in the second value)."""
    choices = [", ".join(dataset.class_names)]
    choices += [", ".join(names) for names in (DIGIT_CLASS_NAMES, FASHION_CLASS_NAMES) if names != dataset.class_names]
    text, ok = QInputDialog.getItem(parent, tr("Class names"),
                                    tr("The dataset's 10 class names, in label order (0 first), separated by "
                                       "commas:"), choices, 0, True)
    if not ok:
        return None, None
    try:
        return with_class_names(dataset, parse_names(text)), None
    except ValueError:
        return None, tr("Class names not changed: give exactly 10 names, separated by commas")
