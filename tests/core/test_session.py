"""The .nnplay format: written, read back, and refused (with reasons) when malformed."""

import base64
import json
from dataclasses import replace

import numpy as np
import pytest
import torch

from playground.core.persistence import session as S
from playground.core.config import to_dict
from playground.core.curve.config import CurveConfig
from playground.core.training.models import build_mlp


def _weights(config: CurveConfig):
    torch.manual_seed(3)
    return build_mlp(1, 1, config.hidden_width, config.depth, config.activation).state_dict()


def _document(config=None, **training):
    config = config or CurveConfig(hidden_width=7, lr=0.05)
    entry = S.lab_entry(config, **training)
    return json.loads(S.dumps({"curve": entry}, current_tab="curve", app_version="0.1.0"))


def test_round_trip_with_weights_and_history(tmp_path):
    config = CurveConfig(hidden_width=7, depth=2, activation="Tanh", lr=0.05)
    weights = _weights(config)
    history = np.array([1.0, 0.5, np.nan, 0.25], dtype=np.float32)
    path = tmp_path / "demo.nnplay"
    S.save(path, {"curve": S.lab_entry(config, weights=weights, loss_history=history, step=4)}, current_tab="curve")
    loaded = S.load(path)
    lab = loaded.labs["curve"]
    assert lab.config == to_dict(config)
    assert lab.step == 4 and loaded.current_tab == "curve"
    np.testing.assert_array_equal(lab.loss_history, history)  # NaN (a diverged step) survives as null
    assert lab.weights.keys() == weights.keys()
    for name in weights:
        assert torch.equal(lab.weights[name], weights[name])
    assert not list(tmp_path.glob(".*tmp"))  # the atomic writer left nothing behind


def test_config_only_session_and_unknown_labs_are_noted():
    doc = _document()
    doc["labs"]["hologram"] = {"config": {}}
    loaded = S.loads(json.dumps(doc))
    assert loaded.labs["curve"].weights is None and loaded.labs["curve"].config["hidden_width"] == 7
    assert any("hologram" in note for note in loaded.notes)


def _problems(doc_or_text) -> list[str]:
    text = doc_or_text if isinstance(doc_or_text, str) else json.dumps(doc_or_text)
    with pytest.raises(S.SessionError) as info:
        S.loads(text)
    return info.value.problems


def test_malformed_files_are_refused_with_reasons():
    assert "not valid JSON" in _problems("{nope")[0]
    assert "top level" in _problems("[1, 2]")[0]
    assert "NaN is not allowed" in _problems('{"format": NaN}')[0]
    doc = _document()
    assert any("format" in p for p in _problems({**doc, "format": "zip"}))
    assert any("newer version" in p for p in _problems({**doc, "version": 99}))
    assert any("'labs'" in p for p in _problems({**doc, "labs": [1]}))
    bad = _document()
    bad["labs"]["curve"]["config"].update(lr=-1, activation="Magic", hidden_width=2.5, surprise=1)
    problems = _problems(bad)
    assert any(p.startswith("curve: lr") for p in problems)
    assert any("activation" in p for p in problems)
    assert any("hidden_width" in p for p in problems)
    assert any("surprise" in p for p in problems)
    assert not any("default" in p for p in problems)  # a refused file changes nothing: no value is "replaced"
    assert "no lab" in _problems({**doc, "labs": {}})[0]


def test_bad_weights_are_refused():
    config = CurveConfig(hidden_width=7, lr=0.05)
    good = _document(config, weights=_weights(config), step=3)

    def with_data(data):
        doc = json.loads(json.dumps(good))
        doc["labs"]["curve"]["training"]["weights"]["data"] = data
        return doc

    assert "base64" in " ".join(_problems(with_data("%%% not base64")))
    assert "cannot be read" in " ".join(_problems(with_data(base64.b64encode(b"garbage" * 10).decode())))
    wrong_shape = _weights(replace(config, hidden_width=9))
    assert "do not fit" in " ".join(_problems(with_data(S.encode_weights(wrong_shape))))
    nan = {k: torch.full_like(v, float("nan")) for k, v in _weights(config).items()}
    assert "NaN" in " ".join(_problems(with_data(S.encode_weights(nan))))
    ints = {k: v.to(torch.int64) for k, v in _weights(config).items()}
    assert "floating-point" in " ".join(_problems(with_data(S.encode_weights(ints))))
    history = json.loads(json.dumps(good))
    history["labs"]["curve"]["training"]["loss_history"] = ["a", 1]
    assert "loss_history" in " ".join(_problems(history))
    step = json.loads(json.dumps(good))
    step["labs"]["curve"]["training"]["step"] = -5
    assert "step" in " ".join(_problems(step))


def test_pickled_code_in_weights_never_runs(tmp_path):
    import pickle

    class Evil:
        def __reduce__(self):
            return (open, (str(tmp_path / "pwned"), "w"))

    config = CurveConfig(hidden_width=7, lr=0.05)
    doc = _document(config, weights=_weights(config))
    import io

    buffer = io.BytesIO()
    torch.save({"x": Evil()}, buffer, pickle_module=pickle)
    doc["labs"]["curve"]["training"]["weights"]["data"] = base64.b64encode(buffer.getvalue()).decode()
    assert "cannot be read" in " ".join(_problems(doc))
    assert not (tmp_path / "pwned").exists()


def test_unreadable_or_huge_files(tmp_path):
    with pytest.raises(S.SessionError, match="cannot read"):
        S.load(tmp_path / "missing.nnplay")
    binary = tmp_path / "binary.nnplay"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(S.SessionError, match="UTF-8"):
        S.load(binary)
