"""Fuzzing the loaders: mutated sessions, model files, IDX files and expressions end in a clean
load or the loader's own error carrying a translatable message; never another exception or a hang."""

from __future__ import annotations

import gzip
import io
import json
import math

import numpy as np
import pytest
import torch
from hypothesis import given
from hypothesis import strategies as st

from playground.core.persistence import session as S
from playground.core.config import invalid_fields, keep_valid
from playground.core.curve.config import CurveConfig
from playground.core.errors import DatasetError
from playground.core.expression import ExpressionError, parse_expression
from playground.core.mnist.idx import read_idx, write_idx
from playground.core.mnist.models import build_model
from playground.core.persistence.model_io import ModelFileError, load_model, save_model
from playground.core.persistence.model_meta import FIELDS
from playground.core.text import Text
from tests.fuzz.mutations import fuzz, HOSTILE_VALUES, dumps_hostile, mutated_bytes, mutated_json

MLP = {"arch": "mlp", "hidden_width": 4, "depth": 1, "activation": "ReLU"}


def _translatable(exc: BaseException) -> bool:
    problems = getattr(exc, "problems", None)
    if problems is not None:
        return bool(problems) and all(isinstance(p, Text) for p in problems)
    return isinstance(exc.args[0], Text) if exc.args else False


# -- sessions ---------------------------------------------------------------------------------------------
def _valid_session() -> dict:
    torch.manual_seed(0)
    config = CurveConfig(hidden_width=3, target="custom", expression="sin(x)")
    from playground.core.training.models import build_mlp

    weights = build_mlp(1, 1, 3, 1, "ReLU").state_dict()
    entry = S.lab_entry(config, weights=weights, step=3, loss_history=[1.0, 0.5, 0.25])
    return json.loads(S.dumps({"curve": entry}, current_tab="curve", app_version="0.1.0"))


VALID_SESSION = _valid_session()
VALID_SESSION_BYTES = json.dumps(VALID_SESSION).encode()


def _check_session_outcome(load) -> None:
    try:
        session = load()
    except S.SessionError as exc:
        assert _translatable(exc), exc.problems
        return
    for lab in session.labs.values():  # a clean load: every config valid, weights finite
        config = S.CONFIG_TYPES["curve"](**lab.config) if "target" in lab.config else None
        if config is not None:
            assert not invalid_fields(config)
        for tensor in (lab.weights or {}).values():
            assert tensor.is_floating_point() and bool(torch.isfinite(tensor).all())


@fuzz(200)
@given(document=mutated_json(VALID_SESSION))
def test_json_mutated_sessions(document):
    _check_session_outcome(lambda: S.loads(dumps_hostile(document)))


@fuzz(150)
@given(data=mutated_bytes(VALID_SESSION_BYTES))
def test_byte_mutated_sessions(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("s") / "fuzz.nnplay"
    path.write_bytes(data)
    _check_session_outcome(lambda: S.load(path))


# -- model files ---------------------------------------------------------------------------------------------
def _valid_model_bytes() -> bytes:
    torch.manual_seed(0)
    buffer = io.BytesIO()
    torch.save({"format": "nn-playground-model", "version": 1, "spec": MLP,
                "state_dict": build_model(MLP).state_dict(),
                "metadata": {"mean": 0.1307, "std": 0.3081, "class_names": [str(i) for i in range(10)],
                             "steps": 10, "test_accuracy": 0.9, "dataset": "MNIST"}}, buffer)
    return buffer.getvalue()


VALID_MODEL = _valid_model_bytes()


def _check_model_outcome(path) -> None:
    try:
        loaded = load_model(path)
    except ModelFileError as exc:
        assert _translatable(exc), str(exc)
        return
    for tensor in loaded.model.state_dict().values():
        assert bool(torch.isfinite(tensor).all())
    assert set(loaded.metadata) <= set(FIELDS)
    for name in ("mean", "std"):
        if name in loaded.metadata:
            assert isinstance(loaded.metadata[name], (int, float)) and math.isfinite(loaded.metadata[name])
    if "class_names" in loaded.metadata:
        assert len(loaded.metadata["class_names"]) == 10


@fuzz(150)
@given(data=mutated_bytes(VALID_MODEL))
def test_byte_mutated_model_files(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("m") / "fuzz.pt"
    path.write_bytes(data)
    _check_model_outcome(path)


@fuzz(100)
@given(field=st.sampled_from(sorted(FIELDS) + ["unknown"]), value=HOSTILE_VALUES)
def test_hostile_model_metadata(tmp_path_factory, field, value):
    path = tmp_path_factory.mktemp("m") / "meta.pt"
    torch.manual_seed(0)
    try:
        save_model(path, MLP, build_model(MLP).state_dict(), {field: value})
    except (OSError, ValueError, RecursionError):  # the writer refused it: nothing to read
        return
    _check_model_outcome(path)


# -- IDX files ------------------------------------------------------------------------------------------------
def _valid_idx(compress: bool) -> bytes:
    images = np.arange(3 * 4 * 5, dtype=np.uint8).reshape(3, 4, 5)
    buffer = io.BytesIO()
    header = bytes([0, 0, 8, 3]) + np.array(images.shape, dtype=">u4").tobytes()
    raw = header + images.tobytes()
    buffer.write(gzip.compress(raw, mtime=0) if compress else raw)
    return buffer.getvalue()


@fuzz(300)
@given(data=st.one_of(mutated_bytes(_valid_idx(False)), mutated_bytes(_valid_idx(True))))
def test_byte_mutated_idx_files(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("i") / "fuzz-idx3-ubyte"
    path.write_bytes(data)
    try:
        array = read_idx(path)
    except DatasetError as exc:
        assert _translatable(exc), str(exc)
        return
    assert array.ndim >= 1 and array.size == int(np.prod(array.shape))


def test_the_idx_fixture_is_valid(tmp_path):  # the mutations start from a file that loads
    write_idx(tmp_path / "a", np.arange(60, dtype=np.uint8).reshape(3, 4, 5))
    assert (tmp_path / "a").read_bytes() == _valid_idx(False)


# -- expressions ----------------------------------------------------------------------------------------------
TOKENS = st.sampled_from(["x", "1", "2.5", "1e30", "1e999", "-", "+", "*", "/", "^", "**", "%", "(", ")", ",",
                          "sin", "exp", "log", "min", "max", "sqrt", "abs", "pi", "e", " ", "[", "]", "lambda",
                          "__import__", ".", "'", "\ud800", "\x00", "if", "x.real", "0x1F", "_", "@", "~", "j"])
EXPRESSIONS = st.one_of(st.lists(TOKENS, max_size=40).map("".join), st.text(max_size=60))


@fuzz(500)
@given(text=EXPRESSIONS, x_max=st.sampled_from([1.0, 3.0, 100.0]))
def test_fuzzed_expressions(text, x_max):
    try:
        expression = parse_expression(text)
    except ExpressionError as exc:
        assert _translatable(exc), str(exc)
    else:
        assert expression(np.linspace(-1, 1, 7)).shape == (7,)
    running = CurveConfig(target="custom", expression="sin(x)")
    edited = CurveConfig(target="custom", expression=text, x_min=-x_max, x_max=x_max)
    kept, problems = keep_valid(edited, running)  # what the Curve lab does with each edit
    assert not invalid_fields(kept)
    assert set(problems) <= {"expression"} and all(isinstance(p, Text) for p in problems.values())


@pytest.mark.parametrize("name", ["sessions", "models", "idx", "expressions"])
def test_the_valid_seeds_load(tmp_path, name):
    """Every mutation starts from a valid file: they load cleanly unmutated."""
    if name == "sessions":
        assert S.loads(json.dumps(VALID_SESSION)).labs["curve"].step == 3
    elif name == "models":
        (tmp_path / "m.pt").write_bytes(VALID_MODEL)
        assert load_model(tmp_path / "m.pt").metadata["steps"] == 10
    elif name == "idx":
        (tmp_path / "i").write_bytes(_valid_idx(True))
        assert read_idx(tmp_path / "i").shape == (3, 4, 5)
    else:
        assert parse_expression("sin(x) + x^2/4")(np.zeros(1))[0] == 0
