"""IDX reader: round trips, gzip detection, and every kind of broken file."""

from __future__ import annotations

import gzip
import struct

import numpy as np
import pytest

from playground.core.errors import DatasetError
from playground.core.mnist.idx import (
    IMAGES_MAGIC,
    LABELS_MAGIC,
    read_idx,
    read_idx_images,
    read_idx_labels,
    write_idx,
)


def _images(n=5, size=28, seed=0):
    return np.random.default_rng(seed).integers(0, 256, (n, size, size), dtype=np.uint8)


def _labels(n=5, seed=0):
    return np.random.default_rng(seed).integers(0, 10, n, dtype=np.uint8)


@pytest.mark.parametrize("name", ["train-images-idx3-ubyte", "train-images-idx3-ubyte.gz"])
def test_images_round_trip(tmp_path, name):
    images = _images()
    path = write_idx(tmp_path / name, images)
    assert (path.read_bytes()[:2] == b"\x1f\x8b") == name.endswith(".gz")
    out = read_idx_images(path)
    assert out.dtype == np.uint8
    assert out.shape == (5, 28, 28)
    np.testing.assert_array_equal(out, images)
    assert out.flags.writeable


@pytest.mark.parametrize("compress", [False, True])
def test_labels_round_trip(tmp_path, compress):
    labels = _labels(7)
    path = write_idx(tmp_path / "labels", labels, compress=compress)
    assert (path.read_bytes()[:4] == struct.pack(">I", LABELS_MAGIC)) != compress
    out = read_idx_labels(path)
    assert out.shape == (7,)
    np.testing.assert_array_equal(out, labels)


def test_header_is_mnist_magic(tmp_path):
    path = write_idx(tmp_path / "x", _images(2))
    assert struct.unpack(">IIII", path.read_bytes()[:16]) == (IMAGES_MAGIC, 2, 28, 28)


def test_gzip_detected_by_content_not_name(tmp_path):
    images = _images(3)
    gz_without_suffix = write_idx(tmp_path / "train-images-idx3-ubyte", images, compress=True)
    plain_with_suffix = write_idx(tmp_path / "t10k-images-idx3-ubyte.gz", images, compress=False)
    np.testing.assert_array_equal(read_idx_images(gz_without_suffix), images)
    np.testing.assert_array_equal(read_idx_images(plain_with_suffix), images)


def test_wider_dtypes_come_back_native(tmp_path):
    values = np.arange(-6, 6, dtype=np.int32).reshape(3, 4)
    out = read_idx(write_idx(tmp_path / "ints", values))
    assert out.dtype == np.dtype(np.int32) and out.dtype.isnative
    np.testing.assert_array_equal(out, values)


def test_label_file_read_as_images_names_both_kinds(tmp_path):
    path = write_idx(tmp_path / "train-labels-idx1-ubyte", _labels())
    with pytest.raises(DatasetError) as info:
        read_idx_images(path)
    msg = str(info.value)
    assert "train-labels-idx1-ubyte" in msg
    assert "label file" in msg and "image file" in msg
    assert info.value.path == str(path)


def test_image_file_read_as_labels(tmp_path):
    path = write_idx(tmp_path / "imgs", _images())
    with pytest.raises(DatasetError, match="expected an IDX label file"):
        read_idx_labels(path)


@pytest.mark.parametrize("compress", [False, True])
def test_garbage_is_not_idx(tmp_path, compress):
    path = tmp_path / "notes.txt"
    data = b"hello, this is not an IDX file at all\n" * 10
    path.write_bytes(gzip.compress(data) if compress else data)
    with pytest.raises(DatasetError) as info:
        read_idx_images(path)
    assert "notes.txt" in str(info.value)
    assert "not an IDX file" in str(info.value)


def test_garbage_without_expected_magic(tmp_path):
    path = tmp_path / "garbage"
    path.write_bytes(b"\x12\x34\x56\x78" * 8)
    with pytest.raises(DatasetError, match="not an IDX file"):
        read_idx(path)


@pytest.mark.parametrize("compress", [False, True])
def test_truncated_data(tmp_path, compress):
    full = tmp_path / "full"
    write_idx(full, _images(4))
    data = full.read_bytes()[:-100]  # header intact, pixels missing
    path = tmp_path / "train-images-idx3-ubyte"
    path.write_bytes(gzip.compress(data) if compress else data)
    with pytest.raises(DatasetError) as info:
        read_idx_images(path)
    msg = str(info.value)
    assert "truncated" in msg
    assert "train-images-idx3-ubyte" in msg
    assert f"{len(data):,}" in msg  # says how long it actually is


def test_truncated_header(tmp_path):
    path = tmp_path / "short"
    path.write_bytes(struct.pack(">II", IMAGES_MAGIC, 10))  # 3 dims announced, 1 given
    with pytest.raises(DatasetError, match="truncated"):
        read_idx_images(path)


def test_truncated_gzip_stream(tmp_path):
    good = write_idx(tmp_path / "good.gz", _images(20), compress=True)
    path = tmp_path / "bad.gz"
    path.write_bytes(good.read_bytes()[: len(good.read_bytes()) // 2])
    with pytest.raises(DatasetError) as info:
        read_idx_images(path)
    assert "bad.gz" in str(info.value)
    assert "gzip" in str(info.value)


def test_trailing_bytes_rejected(tmp_path):
    path = write_idx(tmp_path / "labels", _labels(5))
    path.write_bytes(path.read_bytes() + b"\x00\x00")
    with pytest.raises(DatasetError, match="longer than its header"):
        read_idx_labels(path)


def test_empty_file(tmp_path):
    path = tmp_path / "empty"
    path.write_bytes(b"")
    with pytest.raises(DatasetError, match="too short"):
        read_idx_images(path)


def test_missing_file_and_folder_as_file(tmp_path):
    with pytest.raises(DatasetError, match="does not exist"):
        read_idx_images(tmp_path / "nope")
    with pytest.raises(DatasetError, match="is a folder"):
        read_idx_images(tmp_path)


def test_write_rejects_unsupported_dtype(tmp_path):
    with pytest.raises(ValueError):
        write_idx(tmp_path / "x", np.zeros(3, dtype=np.uint32))
