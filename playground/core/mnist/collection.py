"""The user's own handwritten digits, collected in the MNIST lab (numpy only).

File format (``<user data folder>/my_digits.npz``, see ``core.paths.user_data_dir``): a
``numpy.savez_compressed`` archive, read with ``allow_pickle=False``, holding

==========  ======================  ==============================================
key         dtype, shape            content
==========  ======================  ==============================================
format      str                     "nn-playground-digits"
version     int64                   1
images      uint8 (N, 28, 28)       the drawing after the canvas's preprocessing
                                    (white on black, 20 px body, centred by mass)
labels      uint8 (N,)              0–9
added       float64 (N,)            when each was drawn (seconds since 1970, UTC)
==========  ======================  ==============================================

Saves are atomic (core.persistence.atomic_file). :func:`load_collection` checks everything and
raises :class:`CollectionError` (plain English, translatable) without touching the
caller's collection. Exchange with a class: :func:`export_idx` / :func:`import_idx`
write and read an MNIST-style IDX pair (``*-images-idx3-ubyte``, ``*-labels-idx1-ubyte``).
"""

from __future__ import annotations

import io
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from playground.core.persistence.atomic_file import atomic_write_bytes
from playground.core.errors import DatasetError
from playground.core.mnist.idx import read_idx_images, read_idx_labels, write_idx
from playground.core.paths import user_data_dir
from playground.core.text import exception_text, user_text

FORMAT = "nn-playground-digits"
VERSION = 1
FILE_NAME = "my_digits.npz"
MAX_EXAMPLES = 100_000
HELD_OUT_EVERY = 4   # every 4th example of each digit (in drawing order) is kept out of fine-tuning


class CollectionError(DatasetError):
    """A collection file (or an IDX pair to import) is unreadable or malformed; the message says which."""


def default_path() -> Path:
    return user_data_dir() / FILE_NAME


@dataclass
class DigitCollection:
    images: np.ndarray = field(default_factory=lambda: np.zeros((0, 28, 28), np.uint8))
    labels: np.ndarray = field(default_factory=lambda: np.zeros(0, np.uint8))
    added: np.ndarray = field(default_factory=lambda: np.zeros(0, np.float64))

    def __len__(self) -> int:
        return int(len(self.labels))

    def add(self, image28: np.ndarray, label: int, when: float | None = None) -> int:
        """Add a preprocessed drawing (28×28, floats in [0, 1] or uint8); returns its index."""
        image = np.asarray(image28)
        if image.shape != (28, 28):
            raise ValueError(f"expected a 28×28 image, got {image.shape}")
        if image.dtype != np.uint8:
            image = np.round(np.clip(image, 0.0, 1.0) * 255).astype(np.uint8)
        if not 0 <= int(label) <= 9:
            raise ValueError(f"label {label} is not a digit")
        self.images = np.concatenate([self.images, image[None]])
        self.labels = np.append(self.labels, np.uint8(label))
        self.added = np.append(self.added, time.time() if when is None else float(when))
        return len(self) - 1

    def remove(self, index: int) -> None:
        keep = np.arange(len(self)) != index
        self.images, self.labels, self.added = self.images[keep], self.labels[keep], self.added[keep]

    def relabel(self, index: int, label: int) -> None:
        if not 0 <= int(label) <= 9:
            raise ValueError(f"label {label} is not a digit")
        self.labels[index] = label

    def counts(self) -> np.ndarray:
        return np.bincount(self.labels, minlength=10)[:10]

    def split(self) -> tuple[np.ndarray, np.ndarray]:
        """(fine-tuning indices, held-out indices): every HELD_OUT_EVERY-th example of each digit is held out,
        counted in drawing order, so the split does not change when later examples are added."""
        held = np.zeros(len(self), bool)
        for digit in range(10):
            where = np.flatnonzero(self.labels == digit)
            held[where[HELD_OUT_EVERY - 1::HELD_OUT_EVERY]] = True
        return np.flatnonzero(~held), np.flatnonzero(held)

    def copy(self) -> "DigitCollection":
        return DigitCollection(self.images.copy(), self.labels.copy(), self.added.copy())


def save_collection(collection: DigitCollection, path: str | os.PathLike[str] | None = None) -> Path:
    path = Path(path) if path is not None else default_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    np.savez_compressed(buffer, format=np.array(FORMAT), version=np.int64(VERSION), images=collection.images,
                        labels=collection.labels, added=collection.added)
    return atomic_write_bytes(path, buffer.getvalue())


def load_collection(path: str | os.PathLike[str] | None = None) -> DigitCollection:
    """The collection in ``path`` (an empty one if the file does not exist yet), or CollectionError."""
    path = Path(path) if path is not None else default_path()
    name = path.name
    if not path.exists():
        return DigitCollection()
    try:
        with np.load(path, allow_pickle=False) as npz:
            arrays = {key: npz[key] for key in npz.files}
    except Exception:  # BadZipFile, ValueError (pickles refused), OSError, EOFError, ...
        raise CollectionError(user_text("'{name}' is damaged or not a collection of digits: it cannot be read.",
                                        name=name), path) from None
    if str(arrays.get("format", "")) != FORMAT:
        raise CollectionError(user_text("'{name}' is not a collection of digits saved by NN Playground.",
                                        name=name), path)
    version = arrays.get("version")
    if version is None or int(version) != VERSION:
        raise CollectionError(user_text("'{name}' has collection format version {version}; this version of the "
                                        "app reads version {expected}.", name=name, version=str(version),
                                        expected=VERSION), path)
    images, labels, added = arrays.get("images"), arrays.get("labels"), arrays.get("added")
    n = len(labels) if labels is not None else -1
    if (images is None or labels is None or added is None or images.dtype != np.uint8
            or images.shape != (n, 28, 28) or labels.dtype != np.uint8 or labels.shape != (n,)
            or added.shape != (n,) or n > MAX_EXAMPLES or (n and labels.max() > 9)):
        raise CollectionError(user_text("'{name}' is malformed: expected N uint8 28×28 images, N digit labels 0–9 "
                                        "and N dates.", name=name), path)
    return DigitCollection(images, labels, added.astype(np.float64))


def idx_names(prefix: str) -> tuple[str, str]:
    return f"{prefix}-images-idx3-ubyte", f"{prefix}-labels-idx1-ubyte"


def export_idx(collection: DigitCollection, folder: str | os.PathLike[str], prefix: str = "my-digits"
               ) -> tuple[Path, Path]:
    """Write the collection as an IDX pair in ``folder`` (as MNIST's own files; any MNIST tool reads them)."""
    folder = Path(folder)
    image_name, label_name = idx_names(prefix)
    return write_idx(folder / image_name, collection.images), write_idx(folder / label_name, collection.labels)


def import_idx(images_path: str | os.PathLike[str], labels_path: str | os.PathLike[str] | None = None
               ) -> DigitCollection:
    """Read an IDX pair (the labels file found next to the images file when not given) as a collection."""
    images_path = Path(images_path)
    if labels_path is None:
        labels_path = images_path.with_name(images_path.name.replace("images-idx3", "labels-idx1"))
        if labels_path == images_path:
            raise CollectionError(user_text("'{name}' is not named like an IDX image file (…-images-idx3-ubyte).",
                                            name=images_path.name), images_path)
    try:
        images, labels = read_idx_images(images_path), read_idx_labels(labels_path)
    except DatasetError as exc:
        raise CollectionError(exception_text(exc), exc.path) from None
    if images.shape[1:] != (28, 28) or len(images) != len(labels) or len(labels) > MAX_EXAMPLES \
            or (len(labels) and labels.max() > 9):
        raise CollectionError(user_text("'{name}' and its labels are not a set of 28×28 digits: {images} images of "
                                        "{shape}, {labels} labels.", name=Path(images_path).name,
                                        images=len(images), shape=str(images.shape[1:]), labels=len(labels)),
                              images_path)
    return DigitCollection(images.astype(np.uint8), labels.astype(np.uint8), np.full(len(labels), time.time()))


def merged(a: DigitCollection, b: DigitCollection) -> DigitCollection:
    return DigitCollection(np.concatenate([a.images, b.images]), np.concatenate([a.labels, b.labels]),
                           np.concatenate([a.added, b.added]))
