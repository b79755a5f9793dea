"""Model files: save → load round trip, and every kind of bad file refused with a clear message."""

from __future__ import annotations

import os

import numpy as np
import pytest
import torch

from playground.core.persistence.atomic_file import atomic_write_bytes
from playground.core.mnist.models import build_model, describe
from playground.core.persistence.model_io import (FORMAT, VERSION, ModelFileError, bundled_model_path, load_model,
                                      save_model)

MLP = {"arch": "mlp", "hidden_width": 16, "depth": 1, "activation": "ReLU"}


def _saved(tmp_path, spec=MLP, name="m.pt"):
    torch.manual_seed(0)
    model = build_model(spec)
    path = tmp_path / name
    save_model(path, spec, model.state_dict(), {"dataset": "test", "test_accuracy": 0.5})
    return model, path


@pytest.mark.parametrize("spec", [MLP, {"arch": "cnn", "activation": "ReLU"}])
def test_round_trip_gives_identical_predictions(tmp_path, spec):
    model, path = _saved(tmp_path, spec)
    loaded = load_model(path)
    x = torch.randn(5, 1, 28, 28)
    model.eval()
    with torch.no_grad():
        assert torch.equal(model(x), loaded.model(x))
    assert loaded.spec == spec
    assert loaded.metadata["dataset"] == "test" and loaded.metadata["test_accuracy"] == 0.5
    assert "date" in loaded.metadata


def test_save_is_atomic_and_leaves_no_temp_files(tmp_path):
    _, path = _saved(tmp_path)
    before = path.read_bytes()

    class Boom:
        def items(self):
            raise RuntimeError("disk full")

    with pytest.raises(Exception):
        save_model(path, MLP, Boom(), {})
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == ["m.pt"]


def test_atomic_write_bytes_replaces(tmp_path):
    target = tmp_path / "a.bin"
    atomic_write_bytes(target, b"one")
    atomic_write_bytes(target, b"two")
    assert target.read_bytes() == b"two" and os.listdir(tmp_path) == ["a.bin"]
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask  # not mkstemp's 0600


def _payload(state, **changes):
    payload = {"format": FORMAT, "version": VERSION, "spec": MLP, "state_dict": state, "metadata": {}}
    payload.update(changes)
    return payload


@pytest.mark.parametrize("case, expected", [
    ("empty", "empty"),
    ("truncated", "truncated or damaged"),
    ("garbage", "not a PyTorch"),
    ("text", "not a PyTorch"),
    ("npz", "not a PyTorch"),
    ("bare_state_dict", "bare state_dict"),
    ("wrong_arch", "do not fit"),
    ("nan", "NaN"),
    ("version", "version 99"),
    ("bad_spec", "unknown architecture"),
    ("other_dict", "not an NN Playground model"),
    ("missing", "does not exist"),
    ("objects", "Python objects"),
])
def test_bad_files_are_refused_clearly(tmp_path, case, expected):
    model, good = _saved(tmp_path)
    state = model.state_dict()
    path = tmp_path / f"{case}.pt"
    if case == "empty":
        path.write_bytes(b"")
    elif case == "truncated":
        path.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    elif case == "garbage":
        path.write_bytes(np.random.default_rng(0).integers(0, 256, 5000, dtype=np.uint8).tobytes())
    elif case == "text":
        path.write_text("hello, I am not a model\n")
    elif case == "npz":
        np.savez(path.with_suffix(".npz"), a=np.zeros(3))
        os.replace(path.with_suffix(".npz"), path)
    elif case == "bare_state_dict":
        torch.save(state, path)
    elif case == "wrong_arch":
        torch.save(_payload(build_model({**MLP, "hidden_width": 32}).state_dict()), path)
    elif case == "nan":
        bad = {k: v.clone() for k, v in state.items()}
        next(iter(bad.values()))[0, 0] = float("nan")
        torch.save(_payload(bad), path)
    elif case == "version":
        torch.save(_payload(state, version=99), path)
    elif case == "bad_spec":
        torch.save(_payload(state, spec={"arch": "transformer"}), path)
    elif case == "other_dict":
        torch.save({"hello": 1}, path)
    elif case == "objects":
        torch.save(_payload(state, metadata={"when": __import__("datetime").date(2024, 1, 1)}), path)
    with pytest.raises(ModelFileError) as info:
        load_model(path)
    assert expected in str(info.value)
    assert "Traceback" not in str(info.value)


@pytest.mark.slow
@pytest.mark.parametrize("arch, target", [("mlp", 0.90), ("cnn", 0.95)])
def test_bundled_models_load_and_reach_their_accuracy(arch, target):
    from playground.core.mnist.data import load_bundled, to_tensors
    from playground.core.mnist.job import evaluate

    loaded = load_model(bundled_model_path(arch))
    assert describe(loaded.spec).startswith(arch.upper())
    data = to_tensors(load_bundled())
    _, acc = evaluate(loaded.model, data.test_x, data.test_y)
    assert acc >= target
    assert abs(acc - loaded.metadata["test_accuracy"]) < 1e-6
