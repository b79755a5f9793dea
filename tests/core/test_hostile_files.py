"""Issue 18, items 2-7: hostile sessions, model files, saves, datasets and expressions are refused
with a clear message (a core ``user_text``), never another exception, a hang or a partial change."""

from __future__ import annotations

import gzip
import json
import os
import signal
import struct
import subprocess
import sys
import textwrap
import tracemalloc
import zipfile
from dataclasses import replace

import numpy as np
import pytest
import torch

from playground.core.persistence import session as S
from playground.core.persistence.atomic_file import SaveError, atomic_save, atomic_write_bytes, TMP_MARK
from playground.core.config import keep_valid
from playground.core.curve.config import CurveConfig
from playground.core.errors import DatasetError
from playground.core.expression import ExpressionError, parse_expression
from playground.core.mnist.idx import read_idx
from playground.core.mnist.models import build_model
from playground.core.persistence.model_io import FORMAT, VERSION, ModelFileError, load_model, save_model
from playground.core.text import Text

MLP = {"arch": "mlp", "hidden_width": 16, "depth": 1, "activation": "ReLU"}
posix_only = pytest.mark.skipif(os.name != "posix", reason="FIFOs, symlinks and kill -9 are POSIX here")


def _session_text(**config) -> str:
    return S.dumps({"curve": S.lab_entry(CurveConfig(**config))}, current_tab="curve")


def _model_payload(**metadata):
    torch.manual_seed(0)
    state = build_model(MLP).state_dict()
    return {"format": FORMAT, "version": VERSION, "spec": MLP, "state_dict": state, "metadata": metadata}


def _is_user_text(exc: BaseException) -> bool:
    return any(isinstance(a, Text) for a in exc.args) or all(isinstance(p, Text) for p in getattr(exc, "problems", [0]))


# -- item 2: sessions ----------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    '{"format": "nn-playground-session", "version": 1, "labs": {"curve": {"config": ' + "[" * 2000 + "]" * 2000 + "}}}",
    '{"format": "nn-playground-session", "version": 1, "labs": ' + '{"a": ' * 2000 + "1" + "}" * 2001,
    '{"format": "nn-playground-session", "version": 1, "labs": {"curve": {"config": {"expression": "\\ud800"}}}}',
    '{"format": "nn-playground-session", "version": 1, "labs": {"\\udc80": {"config": {}}}}',
])
def test_deep_or_unencodable_sessions_give_the_session_error(text):
    with pytest.raises(S.SessionError) as info:
        S.loads(text)
    assert _is_user_text(info.value)


@posix_only
def test_a_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "lesson.nnplay"
    os.mkfifo(fifo)
    with pytest.raises(S.SessionError) as info:  # would block forever if it were opened for reading
        S.load(fifo)
    assert "not a regular file" in str(info.value)
    with pytest.raises(ModelFileError, match="not a regular file"):
        load_model(fifo)
    with pytest.raises(DatasetError, match="not a regular file"):
        read_idx(fifo)


# -- item 3: model metadata, dtypes -----------------------------------------------------------------
@pytest.mark.parametrize("metadata, field", [
    ({"mean": "abc"}, "mean"), ({"std": [1, 2]}, "std"), ({"std": 0.0}, "std"), ({"mean": float("nan")}, "mean"),
    ({"class_names": list(range(10))}, "class_names"), ({"class_names": ["a"] * 9}, "class_names"),
    ({"steps": "x"}, "steps"), ({"steps": -1}, "steps"), ({"steps": True}, "steps"), ({"epochs": 1.5}, "epochs"),
    ({"dataset": 3}, "dataset"), ({"test_accuracy": "high"}, "test_accuracy"), ({"augmented": "yes"}, "augmented"),
])
def test_every_metadata_field_is_checked(tmp_path, metadata, field):
    path = tmp_path / "m.pt"
    torch.save(_model_payload(**metadata), path)
    with pytest.raises(ModelFileError) as info:
        load_model(path)
    assert field in str(info.value) and "invalid metadata" in str(info.value)


def test_good_metadata_loads_and_unknown_fields_are_dropped(tmp_path):
    path = tmp_path / "m.pt"
    torch.save(_model_payload(mean=0.2, std=0.3, class_names=list("abcdefghij"), steps=5, test_accuracy=float("nan"),
                              extra={"deep": [[[1]]]}), path)
    meta = load_model(path).metadata
    assert meta == {"mean": 0.2, "std": 0.3, "class_names": list("abcdefghij"), "steps": 5, "test_accuracy": None}


def test_a_complex_state_dict_with_inf_is_refused(tmp_path):
    payload = _model_payload()
    payload["state_dict"] = {k: v.to(torch.complex64) for k, v in payload["state_dict"].items()}
    next(iter(payload["state_dict"].values()))[0, 0] = complex(float("inf"), 0)
    path = tmp_path / "c.pt"
    torch.save(payload, path)
    with pytest.raises(ModelFileError, match="complex"):
        load_model(path)


# -- item 4: damaged weights --------------------------------------------------------------------------
def test_a_flipped_bit_in_the_weights_is_refused(tmp_path):
    torch.manual_seed(0)
    path = tmp_path / "m.pt"
    save_model(path, MLP, build_model(MLP).state_dict(), {})
    with zipfile.ZipFile(path) as archive:
        info = max(archive.infolist(), key=lambda i: i.file_size)  # the largest weight tensor
    raw = bytearray(path.read_bytes())
    name_len, extra_len = struct.unpack("<HH", raw[info.header_offset + 26:info.header_offset + 30])
    start = info.header_offset + 30 + name_len + extra_len  # the local header's own lengths (torch pads)
    for offset in (0, info.file_size // 2, info.file_size - 1):
        damaged = bytearray(raw)
        damaged[start + offset] ^= 0x10
        bad = tmp_path / f"bad{offset}.pt"
        bad.write_bytes(bytes(damaged))
        with pytest.raises(ModelFileError, match="truncated or damaged"):
            load_model(bad)
    blob = S.encode_weights(build_model(MLP).state_dict())
    damaged = bytearray(__import__("base64").b64decode(blob))
    damaged[len(damaged) // 2] ^= 0x01
    with pytest.raises(ValueError, match="cannot be read"):
        S.decode_weights(__import__("base64").b64encode(bytes(damaged)).decode())


# -- item 5: saving ------------------------------------------------------------------------------------------
def test_a_full_disk_names_the_users_file_and_keeps_the_old_one(tmp_path, monkeypatch):
    path = tmp_path / "model.pt"
    path.write_bytes(b"old contents")

    def full_disk(obj, handle):
        handle.write(b"partial")
        raise RuntimeError("[enforce fail at inline_container.cc:626] . PytorchStreamWriter failed writing file "
                           "data/0: file write failed")

    monkeypatch.setattr(torch, "save", full_disk)
    with pytest.raises(SaveError) as info:
        atomic_save({"x": 1}, path)
    assert isinstance(info.value, OSError) and _is_user_text(info.value)
    assert str(path) in str(info.value) and TMP_MARK not in str(info.value) and "disk" in str(info.value)
    assert path.read_bytes() == b"old contents"
    assert os.listdir(tmp_path) == ["model.pt"]


def test_a_253_character_name_saves(tmp_path):
    path = tmp_path / ("m" * 250 + ".pt")
    atomic_write_bytes(path, b"data")
    assert path.read_bytes() == b"data" and os.listdir(tmp_path) == [path.name]


@posix_only
def test_saving_through_a_symlink_writes_its_target(tmp_path):
    target = tmp_path / "real.nnplay"
    target.write_text("old")
    link = tmp_path / "link.nnplay"
    link.symlink_to(target)
    atomic_write_bytes(link, b"new")
    assert link.is_symlink() and target.read_bytes() == b"new"


@posix_only
def test_temporaries_left_by_a_kill_9_are_removed_on_the_next_save(tmp_path):
    path = tmp_path / "big.nnplay"
    script = textwrap.dedent(f"""
        import signal, sys
        from playground.core.persistence.atomic_file import atomic_write
        def write(handle):
            handle.write(b"x" * 1_000_000)
            handle.flush()
            print("writing", flush=True)
            signal.pause()  # until the test kills this process (kill -9)
        atomic_write({str(path)!r}, write)
    """)
    child = subprocess.Popen([sys.executable, "-c", script], cwd=os.getcwd(), stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "writing"  # blocks until the save is under way
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
    leftovers = [n for n in os.listdir(tmp_path) if TMP_MARK in n]
    assert len(leftovers) == 1 and not path.exists()
    atomic_write_bytes(path, b"saved")
    assert os.listdir(tmp_path) == ["big.nnplay"] and path.read_bytes() == b"saved"


# -- item 6: datasets ----------------------------------------------------------------------------------------
def test_idx_dimensions_past_64_bits_are_refused(tmp_path):
    path = tmp_path / "x-idx3-ubyte"
    path.write_bytes(bytes([0, 0, 8, 4]) + struct.pack(">4I", *[0xFFFFFFFF] * 4) + b"\0" * 64)
    with pytest.raises(DatasetError, match="declares"):
        read_idx(path)


def test_a_gzip_bomb_is_refused_within_little_memory(tmp_path):
    header = bytes([0, 0, 8, 3]) + struct.pack(">3I", 100, 28, 28)
    stream = gzip.GzipFile(tmp_path / "bomb-idx3-ubyte.gz", "wb", compresslevel=9, mtime=0)
    stream.write(header + b"\0" * (100 * 784))
    for _ in range(256):  # 256 MB of zeros after the declared data, ~250 kB on disk
        stream.write(b"\0" * (1 << 20))
    stream.close()
    tracemalloc.start()
    try:
        with pytest.raises(DatasetError, match="longer than its header"):
            read_idx(tmp_path / "bomb-idx3-ubyte.gz")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 16 * 2**20
    header = bytes([0, 0, 8, 3]) + struct.pack(">3I", 2**31, 2**10, 2**10)  # declares 2 TB
    (tmp_path / "huge.gz").write_bytes(gzip.compress(header + b"\0" * 1000))
    with pytest.raises(DatasetError, match="declares"):
        read_idx(tmp_path / "huge.gz")


def test_a_huge_foreign_file_is_refused_by_its_size_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "huge.pt"
    with open(path, "wb") as handle:  # 1.2 GB, sparse: nothing is written
        handle.truncate(1200 * 2**20)
    monkeypatch.setattr(torch, "load", lambda *a, **k: pytest.fail("torch.load must not be reached"))
    with pytest.raises(ModelFileError, match="too large"):
        load_model(path)
    os.replace(path, tmp_path / "huge.nnplay")
    with pytest.raises(S.SessionError, match="too large"):
        S.load(tmp_path / "huge.nnplay")


# -- item 7: expressions -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["min(x)", "max(x)", "sin(x, x)", "\ud800", "x\x00", "-" * 199 + "x"])
def test_odd_expressions_raise_only_expression_errors(text):
    try:
        expression = parse_expression(text)
    except ExpressionError as exc:
        assert _is_user_text(exc)
    else:
        assert np.isfinite(expression(np.linspace(-1, 1, 5))).all()


@pytest.mark.parametrize("text", ["exp(100*x)", "1e30*x", "x**40"])
def test_overflowing_targets_are_refused_as_too_large(text):
    config = CurveConfig(target="custom", expression=text, x_min=-3, x_max=3)
    problems = dict(config.problems())
    assert set(problems) == {"expression"} and "too large" in str(problems["expression"])


def test_an_invalid_expression_keeps_the_last_valid_one_and_other_changes():
    running = CurveConfig(target="custom", expression="sin(x)", lr=0.01)
    kept, problems = keep_valid(replace(running, expression="sin(", lr=0.1), running)
    assert set(problems) == {"expression"} and kept.expression == "sin(x)" and kept.lr == 0.1
    running = CurveConfig(target="x^2")
    kept, problems = keep_valid(replace(running, target="custom", expression="", lr=0.1), running)
    assert set(problems) == {"expression"} and kept.target == "x^2" and kept.lr == 0.1
    assert json.dumps(S.lab_entry(kept))  # always a config a session can hold
