"""What an MNIST-style dataset holds, decided from its images (numpy only), and the user's class names.

Digits are thin strokes on an empty field: about 19 % of MNIST's pixels carry ink (the
bundled subset: 19.3 %), and almost no digit reaches the 2-pixel border. Clothes are filled
shapes: about half of Fashion-MNIST's pixels are non-zero and many items touch the border.
A folder's name says nothing (the same files may sit in a folder called "data").
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

FILLED_SHARE = 0.3     # share of non-zero pixels above which images are filled shapes, not strokes
SAMPLE = 5000


def ink_share(images: np.ndarray) -> float:
    sample = images[:: max(1, len(images) // SAMPLE)]
    return float((sample > 0).mean()) if sample.size else 0.0


def recognise(images: np.ndarray) -> str:
    """'fashion_mnist' for filled shapes, else 'mnist' (see DATASET_KINDS in core.mnist.data)."""
    return "fashion_mnist" if ink_share(images) > FILLED_SHARE else "mnist"


def with_class_names(dataset, names: list[str]):
    """The dataset with the user's 10 class names (a correction of what was recognised)."""
    names = [str(n).strip() for n in names]
    if len(names) != 10 or not all(names):
        raise ValueError("expected 10 non-empty class names")
    return replace(dataset, class_names=names)
