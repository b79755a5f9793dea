"""Collected digits: the file round-trips, bad files are refused, IDX export/import, the held-out split."""

import numpy as np
import pytest

from playground.core.mnist.collection import (CollectionError, DigitCollection, default_path, export_idx,
                                              import_idx, load_collection, merged, save_collection)


def sample(n: int = 12, seed: int = 0) -> DigitCollection:
    rng = np.random.default_rng(seed)
    collection = DigitCollection()
    for i in range(n):
        collection.add(rng.random((28, 28)).astype(np.float32), i % 10, when=1_700_000_000 + i)
    return collection


def test_round_trip(tmp_path):
    collection = sample()
    collection.relabel(3, 9)
    collection.remove(0)
    path = save_collection(collection, tmp_path / "digits.npz")
    again = load_collection(path)
    assert len(again) == 11
    assert np.array_equal(again.images, collection.images)
    assert np.array_equal(again.labels, collection.labels) and again.labels[2] == 9
    assert np.array_equal(again.added, collection.added)


def test_default_path_is_in_the_data_folder_and_missing_means_empty(tmp_path, monkeypatch):
    monkeypatch.setenv("NN_PLAYGROUND_DATA_DIR", str(tmp_path / "data"))
    assert default_path() == tmp_path / "data" / "my_digits.npz"
    assert len(load_collection()) == 0
    save_collection(sample(3))
    assert len(load_collection()) == 3


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty", "wrong_labels", "pickle", "other_npz"])
def test_a_corrupt_file_is_refused_and_the_collection_kept(tmp_path, damage):
    path = tmp_path / "digits.npz"
    collection = sample()
    save_collection(collection, path)
    kept = load_collection(path)
    data = path.read_bytes()
    if damage == "garbage":
        path.write_bytes(b"not a zip at all" * 10)
    elif damage == "truncated":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "empty":
        path.write_bytes(b"")
    elif damage == "wrong_labels":
        np.savez(path, format=np.array("nn-playground-digits"), version=np.int64(1), images=collection.images,
                 labels=np.full(len(collection), 12, np.uint8), added=collection.added)
    elif damage == "pickle":
        np.savez(path, format=np.array("nn-playground-digits"), version=np.int64(1),
                 images=np.array([{"x": 1}], dtype=object), labels=collection.labels, added=collection.added)
    elif damage == "other_npz":
        np.savez(path, images=collection.images)
    with pytest.raises(CollectionError) as info:
        load_collection(path)
    assert "digits" in str(info.value) or "malformed" in str(info.value)
    assert "Traceback" not in str(info.value)
    assert len(kept) == 12 and np.array_equal(kept.images, collection.images)  # what was loaded stays


def test_idx_export_and_import(tmp_path):
    collection = sample(7)
    images, labels = export_idx(collection, tmp_path)
    assert images.name == "my-digits-images-idx3-ubyte" and labels.exists()
    again = import_idx(images)
    assert np.array_equal(again.images, collection.images) and np.array_equal(again.labels, collection.labels)
    assert len(merged(collection, again)) == 14


def test_idx_import_refuses_mismatched_files(tmp_path):
    export_idx(sample(7), tmp_path, prefix="a")
    export_idx(sample(5), tmp_path, prefix="b")
    with pytest.raises(CollectionError):
        import_idx(tmp_path / "a-images-idx3-ubyte", tmp_path / "b-labels-idx1-ubyte")
    with pytest.raises(CollectionError):
        import_idx(tmp_path / "nothing-here")


def test_split_holds_out_every_fourth_of_each_digit():
    collection = DigitCollection()
    for i in range(40):
        collection.add(np.zeros((28, 28), np.uint8), 1 if i < 32 else 7)
    train, held = collection.split()
    assert len(train) + len(held) == 40 and not set(train) & set(held)
    assert len(held) == 8 + 2
    before = set(held)
    collection.add(np.zeros((28, 28), np.uint8), 1)
    assert before <= set(collection.split()[1])  # adding never moves a held-out example into training
