"""Build the style test set: digits in styles MNIST lacks, drawn through the canvas's own pen.

    QT_QPA_PLATFORM=offscreen python scripts/build_style_set.py

Every style of playground/core/mnist/digit_strokes.py (flagged and based 1s, crossed 7s,
open 9s, open 4s, …) in PER_STYLE random hands (seed SEED, never used by the
training script, which renders with its own numpy pen and other seeds) is drawn as
strokes on the MNIST lab's DrawingCanvas (280×280, its 28 px round pen) at a random
size and place — small digits get thick strokes, big ones thin strokes — and read back
through the canvas's preprocessing (crop, 20 px, centre of mass). Writes
resources/mnist/style_set.npz (images uint8 (N, 28, 28), labels uint8, styles str).
Sources: scripted strokes written for this project; no fonts, no downloads.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402

from playground.core.mnist.preprocess import preprocess_drawing  # noqa: E402
from playground.core.mnist.digit_strokes import STYLE_SET_FILE, STYLES, TEMPLATES, jitter  # noqa: E402
from playground.core.paths import resources_dir  # noqa: E402

PER_STYLE = 12
SEED = 20261201


def draw_on_canvas(canvas, strokes, rng) -> np.ndarray:
    from PySide6.QtCore import QPointF

    height = rng.uniform(110, 250)
    left, top = rng.uniform(15, 265 - height, 2) if height < 250 else (15, 15)
    canvas.strokes = [(False, [QPointF(left + x * height, top + y * height) for x, y in stroke])
                      for stroke in strokes]
    canvas._repaint_all()
    return preprocess_drawing(canvas.pixels())


def build() -> dict:
    from PySide6.QtWidgets import QApplication

    from playground.ui.mnist_lab.canvas import DrawingCanvas

    app = QApplication.instance() or QApplication([])  # the canvas needs one
    canvas = DrawingCanvas()
    rng = np.random.default_rng(SEED)
    images, labels, styles = [], [], []
    for digit, style in STYLES:
        for _ in range(PER_STYLE):
            image = draw_on_canvas(canvas, jitter(TEMPLATES[digit][style], rng), rng)
            images.append(np.round(image * 255).astype(np.uint8))
            labels.append(digit)
            styles.append(f"{digit}:{style}")
        app.processEvents()
    path = resources_dir() / STYLE_SET_FILE
    np.savez_compressed(path, images=np.stack(images), labels=np.asarray(labels, np.uint8),
                        styles=np.asarray(styles), seed=SEED)
    return {"file": str(path), "images": len(images), "styles": len(STYLES)}


if __name__ == "__main__":
    print(build())
