"""Small numpy arrays → QImages for the look-inside views (one image per view: Qt paints it in C++).

Signed values use a diverging map: warm (orange) for positive, blue for negative, black for 0,
each tile scaled by its own largest magnitude.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter

POSITIVE = np.array([255, 150, 40], np.float32)
NEGATIVE = np.array([60, 140, 255], np.float32)


def rgb_image(rgb: np.ndarray) -> QImage:
    """(H, W, 3) uint8 → a QImage that owns its pixels."""
    rgb = np.ascontiguousarray(rgb, dtype=np.uint8)
    h, w, _ = rgb.shape
    return QImage(rgb.data, w, h, 3 * w, QImage.Format_RGB888).copy()


def signed_rgb(values: np.ndarray) -> np.ndarray:
    """(H, W) signed values → (H, W, 3) uint8, ±max → full colour."""
    scale = float(np.abs(values).max()) or 1.0
    v = np.clip(values / scale, -1.0, 1.0)[..., None]
    return (np.maximum(v, 0) * POSITIVE + np.maximum(-v, 0) * NEGATIVE).astype(np.uint8)


def grey_rgb(values: np.ndarray) -> np.ndarray:
    """(H, W) values ≥ 0 → grey (H, W, 3), the largest value white."""
    scale = float(values.max()) or 1.0
    g = (np.clip(values / scale, 0.0, 1.0) * 255).astype(np.uint8)
    return np.repeat(g[..., None], 3, axis=2)


def heat_overlay(image28: np.ndarray, heat: np.ndarray) -> np.ndarray:
    """The drawing in dim grey with the saliency on top: orange pushed the class up, blue pushed it down."""
    base = (np.clip(image28, 0, 1)[..., None] * 70.0).astype(np.float32)
    colour = signed_rgb(heat).astype(np.float32)
    return np.clip(base + colour, 0, 255).astype(np.uint8)


def tile_sheet(tiles: list[np.ndarray], captions: list[str], columns: int, tile_px: int,
               caption_px: int = 14, gap: int = 4) -> QImage:
    """Tiles ((h, w, 3) uint8, all the same size) in a grid, each enlarged by a whole factor to about
    ``tile_px`` wide, with a caption under it. Composed in numpy: one image, one text pass."""
    h, w = tiles[0].shape[:2]
    k = max(1, round(tile_px / w))
    th, tw = h * k, w * k
    rows = max(1, -(-len(tiles) // columns))
    cell_h, cell_w = th + caption_px + gap, tw + gap
    sheet = np.zeros((rows * cell_h, columns * cell_w, 3), np.uint8)
    for i, tile in enumerate(tiles):
        y, x = (i // columns) * cell_h, (i % columns) * cell_w
        sheet[y:y + th, x:x + tw] = tile.repeat(k, axis=0).repeat(k, axis=1)
    image = rgb_image(sheet)
    if caption_px and any(captions):
        painter = QPainter(image)
        font = QFont()
        font.setPixelSize(max(8, caption_px - 3))
        painter.setFont(font)
        painter.setPen(QColor(220, 220, 220))
        for i, caption in enumerate(captions):
            y, x = (i // columns) * cell_h, (i % columns) * cell_w
            painter.drawText(QRect(x, y + th, cell_w, caption_px), Qt.AlignHCenter | Qt.AlignTop, caption)
        painter.end()
    return image
