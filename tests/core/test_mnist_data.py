"""Digit datasets: the bundled subset, IDX folders in every accepted layout, bad folders."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from playground.core.errors import DatasetError
from playground.core.mnist.idx import write_idx
from playground.core.mnist.data import (
    FASHION_CLASS_NAMES,
    MNIST_MEAN,
    MNIST_STD,
    DigitDataset,
    bundled_path,
    find_dataset_folders,
    load_bundled,
    load_folder,
    to_tensors,
)
from playground.core.paths import resources_dir

N_TRAIN, N_TEST = 30, 12


def _split(n, seed, size=28, filled=False):
    """Random images: sparse ink like digits (about 15 % of the pixels), or filled like clothes."""
    rng = np.random.default_rng(seed)
    images = rng.integers(1, 256, (n, size, size), dtype=np.uint8)
    if not filled:
        images *= (rng.random((n, size, size)) < 0.15).astype(np.uint8)
    labels = (np.arange(n) % 10).astype(np.uint8)
    return images, labels


def write_folder(folder: Path, *, gz=False, dot=False, n_train=N_TRAIN, n_test=N_TEST,
                 train_labels_n=None, size=28, skip=(), labels_override=None, filled=False):
    """Write the four IDX files into ``folder``; returns the arrays written."""
    folder.mkdir(parents=True, exist_ok=True)
    tr_x, tr_y = _split(n_train, 1, size, filled)
    te_x, te_y = _split(n_test, 2, size, filled)
    if train_labels_n is not None:
        tr_y = (np.arange(train_labels_n) % 10).astype(np.uint8)
    if labels_override is not None:
        tr_y = labels_override
    sep = "." if dot else "-"
    suffix = ".gz" if gz else ""
    files = {
        f"train-images{sep}idx3-ubyte": tr_x,
        f"train-labels{sep}idx1-ubyte": tr_y,
        f"t10k-images{sep}idx3-ubyte": te_x,
        f"t10k-labels{sep}idx1-ubyte": te_y,
    }
    for name, array in files.items():
        if name not in skip:
            write_idx(folder / (name + suffix), array, compress=gz)
    return tr_x, tr_y, te_x, te_y


def assert_matches(ds: DigitDataset, arrays):
    tr_x, tr_y, te_x, te_y = arrays
    np.testing.assert_array_equal(ds.train_images, tr_x)
    np.testing.assert_array_equal(ds.train_labels, tr_y)
    np.testing.assert_array_equal(ds.test_images, te_x)
    np.testing.assert_array_equal(ds.test_labels, te_y)
    assert ds.train_images.dtype == np.uint8 and ds.train_labels.dtype == np.uint8


# --------------------------------------------------------------------------- bundled


def test_resources_dir_is_repo_sibling_of_package():
    import playground

    assert resources_dir() == Path(playground.__file__).resolve().parent.parent / "resources"
    assert bundled_path().is_file()


def test_bundled_split_is_stratified_uint8():
    ds = load_bundled()
    assert ds.train_images.shape == (4000, 28, 28)
    assert ds.test_images.shape == (1000, 28, 28)
    assert ds.train_images.dtype == np.uint8 and ds.test_images.dtype == np.uint8
    assert ds.train_labels.dtype == np.uint8 and ds.test_labels.dtype == np.uint8
    assert np.bincount(ds.train_labels, minlength=10).tolist() == [400] * 10
    assert np.bincount(ds.test_labels, minlength=10).tolist() == [100] * 10
    assert ds.class_names == [str(i) for i in range(10)]
    assert (ds.mean, ds.std) == (MNIST_MEAN, MNIST_STD)
    assert ds.num_train == 4000 and "4,000" in ds.describe()
    assert "LeCun" in ds.source


def test_bundled_train_and_test_are_disjoint_and_mixed():
    ds = load_bundled()
    train = {img.tobytes() for img in ds.train_images}
    test = {img.tobytes() for img in ds.test_images}
    assert len(train) == 4000 and len(test) == 1000
    assert not train & test
    # Shuffled, not sorted by label: the first 50 of each split hold many classes.
    assert len(set(ds.train_labels[:50].tolist())) >= 8
    assert len(set(ds.test_labels[:50].tolist())) >= 8


def test_bundled_pixels_look_like_mnist():
    ds = load_bundled()
    x = ds.train_images / 255.0
    assert abs(x.mean() - MNIST_MEAN) < 0.005
    assert abs(x.std() - MNIST_STD) < 0.005
    # Digits centred by mass at pixel (14, 14), as in MNIST (row-major, not transposed).
    mass = x.sum(axis=(1, 2))
    cy = (x.sum(axis=2) @ np.arange(28)) / mass
    cx = (x.sum(axis=1) @ np.arange(28)) / mass
    assert abs(cy.mean() - 14) < 0.1 and abs(cx.mean() - 14) < 0.1
    ones = ds.train_images[ds.train_labels == 1].astype(float).mean(axis=0)
    assert ones.sum(axis=0).std() > ones.sum(axis=1).std()  # a '1' is a tall, narrow stroke


def test_bundled_split_is_deterministic():
    a, b = load_bundled(), load_bundled()
    np.testing.assert_array_equal(a.train_labels, b.train_labels)
    np.testing.assert_array_equal(a.test_images, b.test_images)


def test_bundled_missing_or_broken(tmp_path):
    with pytest.raises(DatasetError, match="missing"):
        load_bundled(tmp_path / "nope.npz")
    broken = tmp_path / "broken.npz"
    broken.write_bytes(b"not a zip")
    with pytest.raises(DatasetError, match="broken.npz"):
        load_bundled(broken)
    partial = tmp_path / "partial.npz"
    np.savez(partial, images=np.zeros((2, 28, 28), np.uint8))
    with pytest.raises(DatasetError, match="labels"):
        load_bundled(partial)


def test_to_tensors_normalises_once():
    torch = pytest.importorskip("torch")
    ds = load_bundled()
    t = to_tensors(ds)
    assert t.train_x.shape == (4000, 1, 28, 28) and t.train_x.dtype == torch.float32
    assert t.test_x.shape == (1000, 1, 28, 28)
    assert t.train_y.dtype == torch.int64 and t.train_y.shape == (4000,)
    assert torch.equal(t.test_y, torch.from_numpy(ds.test_labels.astype(np.int64)))
    # Background pixels map to -mean/std, ink 255 to (1-mean)/std.
    assert t.train_x.min().item() == pytest.approx(-MNIST_MEAN / MNIST_STD, abs=1e-5)
    assert t.train_x.max().item() == pytest.approx((1 - MNIST_MEAN) / MNIST_STD, abs=1e-5)
    assert abs(t.train_x.mean().item()) < 0.02 and abs(t.train_x.std().item() - 1) < 0.02
    k = 17
    expected = (ds.train_images[k] / 255.0 - ds.mean) / ds.std
    np.testing.assert_allclose(t.train_x[k, 0].numpy(), expected, atol=1e-5)


# --------------------------------------------------------------------------- folders


@pytest.mark.parametrize("gz", [False, True])
def test_plain_folder(tmp_path, gz):
    arrays = write_folder(tmp_path / "digits", gz=gz)
    ds = load_folder(tmp_path / "digits")
    assert_matches(ds, arrays)
    assert ds.name == "MNIST"
    x = arrays[0] / 255.0  # normalised by its own training images
    assert (ds.mean, ds.std) == (pytest.approx(x.mean(), abs=1e-9), pytest.approx(x.std(), abs=1e-9))
    assert ds.class_names == [str(i) for i in range(10)]
    assert ("gzipped" in ds.source) == gz


def test_dot_spelling(tmp_path):
    arrays = write_folder(tmp_path / "d", dot=True)
    assert_matches(load_folder(str(tmp_path / "d")), arrays)


@pytest.mark.parametrize("gz", [False, True])
@pytest.mark.parametrize("pick", ["root", "MNIST", "MNIST/raw", "MNIST/raw/train-images-idx3-ubyte"])
def test_torchvision_layout(tmp_path, gz, pick):
    arrays = write_folder(tmp_path / "data" / "MNIST" / "raw", gz=gz)
    (tmp_path / "data" / "MNIST" / "processed").mkdir()
    target = tmp_path / "data" if pick == "root" else tmp_path / "data" / pick
    if gz:
        target = target.with_name(target.name + ".gz") if target.name.endswith("ubyte") else target
    ds = load_folder(target)
    assert_matches(ds, arrays)
    assert ds.name == "MNIST"
    assert str(tmp_path / "data" / "MNIST" / "raw") in ds.source


@pytest.mark.parametrize("layout", ["FashionMNIST/raw", "fashion-mnist", "data", "MNIST/raw"])
def test_fashion_mnist_is_recognised_by_content_not_folder_name(tmp_path, layout):
    arrays = write_folder(tmp_path / layout, gz=True, filled=True)
    ds = load_folder(tmp_path / layout.split("/")[0] if "/" in layout else tmp_path / layout)
    assert_matches(ds, arrays)
    assert ds.name == "Fashion-MNIST"
    assert ds.class_names == FASHION_CLASS_NAMES
    assert ds.class_names[0] == "T-shirt/top" and ds.class_names[9] == "Ankle boot"
    x = arrays[0] / 255.0
    assert ds.mean == pytest.approx(x.mean(), abs=1e-9)
    assert ds.std == pytest.approx(x.std(), abs=1e-9)


def test_torchvision_root_with_both_datasets(tmp_path):
    mnist = write_folder(tmp_path / "MNIST" / "raw")
    write_folder(tmp_path / "FashionMNIST" / "raw", gz=True, filled=True)
    assert find_dataset_folders(tmp_path) == [tmp_path / "MNIST" / "raw",
                                              tmp_path / "FashionMNIST" / "raw"]
    ds = load_folder(tmp_path)
    assert ds.name == "MNIST"
    assert_matches(ds, mnist)
    assert load_folder(tmp_path / "FashionMNIST").name == "Fashion-MNIST"


def test_uncompressed_preferred_over_gz(tmp_path):
    folder = tmp_path / "raw"
    arrays = write_folder(folder)
    for name in ["train-images-idx3-ubyte", "t10k-labels-idx1-ubyte"]:
        (folder / (name + ".gz")).write_bytes(b"\x1f\x8b broken leftover")
    assert_matches(load_folder(folder), arrays)


def test_missing_folder(tmp_path):
    with pytest.raises(DatasetError) as info:
        load_folder(tmp_path / "nowhere")
    assert "nowhere" in str(info.value) and "does not exist" in str(info.value)


def test_empty_folder_explains_expectations(tmp_path):
    with pytest.raises(DatasetError) as info:
        load_folder(tmp_path)
    msg = str(info.value)
    assert "No MNIST-style dataset" in msg
    assert "MNIST/raw" in msg and "train-images-idx3-ubyte" in msg and "t10k-labels-idx1-ubyte" in msg
    assert "empty" in msg


def test_unrelated_files_are_listed_up_to_ten(tmp_path):
    for i in range(13):
        (tmp_path / f"photo{i:02d}.jpg").write_bytes(b"x")
    (tmp_path / "sub").mkdir()
    with pytest.raises(DatasetError) as info:
        load_folder(tmp_path)
    msg = str(info.value)
    assert "photo00.jpg" in msg and "photo09.jpg" in msg
    assert "photo12.jpg" not in msg
    assert "and 4 more" in msg


def test_missing_one_file(tmp_path):
    folder = tmp_path / "MNIST" / "raw"
    write_folder(folder, gz=True, skip=("t10k-labels-idx1-ubyte",))
    with pytest.raises(DatasetError) as info:
        load_folder(tmp_path)
    msg = str(info.value)
    assert "missing t10k-labels-idx1-ubyte" in msg
    assert str(folder) in msg
    assert "train-images-idx3-ubyte.gz" in msg  # lists what it did see


def test_count_mismatch(tmp_path):
    write_folder(tmp_path, train_labels_n=N_TRAIN - 5)
    with pytest.raises(DatasetError) as info:
        load_folder(tmp_path)
    msg = str(info.value)
    assert f"{N_TRAIN} images" in msg and f"{N_TRAIN - 5} labels" in msg
    assert "training" in msg


def test_wrong_image_size(tmp_path):
    write_folder(tmp_path, size=32)
    with pytest.raises(DatasetError, match="32×32 pixels; expected 28×28"):
        load_folder(tmp_path)


def test_labels_out_of_range(tmp_path):
    labels = (np.arange(N_TRAIN) % 10).astype(np.uint8)
    labels[3] = 42
    write_folder(tmp_path, labels_override=labels)
    with pytest.raises(DatasetError) as info:
        load_folder(tmp_path)
    msg = str(info.value)
    assert "outside 0..9" in msg and "42" in msg and "train-labels-idx1-ubyte" in msg


def test_wrong_magic_in_folder(tmp_path):
    write_folder(tmp_path)
    # Swap the test images and test labels files.
    a, b = tmp_path / "t10k-images-idx3-ubyte", tmp_path / "t10k-labels-idx1-ubyte"
    tmp = tmp_path / "swap"
    shutil.move(a, tmp)
    shutil.move(b, a)
    shutil.move(tmp, b)
    with pytest.raises(DatasetError) as info:
        load_folder(tmp_path)
    assert "t10k-images-idx3-ubyte" in str(info.value)
    assert "label file" in str(info.value)


@pytest.mark.parametrize("gz", [False, True])
def test_truncated_file_in_folder(tmp_path, gz):
    write_folder(tmp_path, gz=gz)
    path = tmp_path / ("train-images-idx3-ubyte" + (".gz" if gz else ""))
    path.write_bytes(path.read_bytes()[:-50])
    with pytest.raises(DatasetError) as info:
        load_folder(tmp_path)
    assert "truncated" in str(info.value)
    assert path.name in str(info.value)


def test_digits_in_a_folder_named_fashion_are_digits(tmp_path):
    write_folder(tmp_path / "fashion-mnist")
    assert load_folder(tmp_path / "fashion-mnist").name == "MNIST"


def test_recognise_the_bundled_digits_and_correct_class_names():
    from playground.core.mnist.content import ink_share, recognise, with_class_names

    ds = load_bundled()
    assert recognise(ds.train_images) == "mnist" and 0.15 < ink_share(ds.train_images) < 0.25
    renamed = with_class_names(ds, [f"c{i}" for i in range(10)])
    assert renamed.class_names[3] == "c3" and ds.class_names[3] == "3"
    with pytest.raises(ValueError):
        with_class_names(ds, ["a"] * 9)
