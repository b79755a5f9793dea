"""Session files (``.nnplay``): every lab's configuration, optionally its trained weights and loss history.

A session is a UTF-8 JSON document (see docs/session_format.md)::

    {"format": "nn-playground-session", "version": 1, "app_version": "0.1.0",
     "saved_at": "2026-11-23T09:00:00Z", "current_tab": "curve",
     "labs": {"curve": {"config": {...},
                        "training": {"step": 2000, "loss_history": [0.9, 0.7, ...],
                                     "weights": {"encoding": "torch.save+base64", "data": "UEsDB..."},
                                     "optimizer": {"name": "Adam", "encoding": "torch.save+base64",
                                                   "data": "UEsDB..."}}}}}

Reading is strict: anything malformed raises ``SessionError`` listing every
problem found, so the caller can refuse the file without touching the current
state. Weights are decoded with ``torch.load(weights_only=True)`` (no pickled
code runs) and must be finite floating-point tensors that fit the lab's
network. The optional optimizer state (Adam's moments...) is read the same way;
``restore_optimizer`` loads it only into the same kind of optimizer and, when it
does not fit, leaves a fresh optimizer and says why. Unknown labs are skipped
with a note (a newer app may have more).
"""

from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable

import numpy as np

from playground.core.persistence.atomic_file import atomic_write_bytes
from playground.core.autograd.config import AutogradConfig
from playground.core.config import from_dict, to_dict
from playground.core.classify.config import ClassifySessionConfig, classify_weight_problems
from playground.core.curve.config import CurveConfig
from playground.core.gradient_descent.descent import GDConfig, gd_weight_problems
from playground.core.linear.regression import LinearSetup, weight_problems as linear_weight_problems
from playground.core.sweep.config import SweepConfig, sweep_weight_problems
from playground.core.mnist.models import session_weight_problems as mnist_weight_problems
from playground.core.persistence.optimizer_state import SavedOptimizer, decode_optimizer, encode_optimizer
from playground.core.persistence.safe_files import FileRefused, read_regular
from playground.core.persistence.safe_json import check_value
from playground.core.text import Text, exception_text, joined, user_text
from playground.core.persistence.weight_checks import mlp_weight_problems
from playground.core.persistence.torch_blob import ENCODING as WEIGHTS_ENCODING, decode_blob, encode_blob

FORMAT = "nn-playground-session"
VERSION = 1
SUFFIX = ".nnplay"
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_HISTORY = 2_000_000
FLOAT32_MAX = 3.4028234663852886e38

# Lab key → its config dataclass (validated with config.from_dict). One line per lab.
CONFIG_TYPES: dict[str, type] = {
    "curve": CurveConfig,
    "classify": ClassifySessionConfig,
    "sweep": SweepConfig,
    "gd": GDConfig,
    "linear": LinearSetup,
    "autograd": AutogradConfig,
}


class SessionError(ValueError):
    """The file is not a usable session; ``problems`` lists why (plain English)."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__(joined("; ", problems))
        self.problems = problems


@dataclass
class LabSession:
    config: dict[str, Any]                      # JSON-ready; already validated against CONFIG_TYPES
    step: int | None = None
    loss_history: np.ndarray | None = None      # float32, NaN allowed (a diverged step)
    weights: dict[str, Any] | None = None       # a state_dict of tensors
    optimizer: SavedOptimizer | None = None     # only together with weights


@dataclass
class Session:
    labs: dict[str, LabSession] = field(default_factory=dict)
    current_tab: str | None = None
    app_version: str = ""
    saved_at: str = ""
    notes: list[str] = field(default_factory=list)  # harmless oddities (unknown labs skipped)


# -- weights ------------------------------------------------------------------------
def encode_weights(state_dict: dict[str, Any]) -> str:
    return encode_blob({name: tensor.detach().cpu() for name, tensor in state_dict.items()})


def decode_weights(data: str) -> dict[str, Any]:
    """base64 text → state_dict; raises ValueError with a readable reason."""
    import torch

    state = decode_blob(data, "weights")
    if not isinstance(state, dict) or not state:
        raise ValueError(user_text("weights: expected a non-empty mapping of tensors"))
    for name, tensor in state.items():
        if not isinstance(name, str) or not isinstance(tensor, torch.Tensor):
            raise ValueError(user_text("weights: expected a mapping of names to tensors"))
        if not tensor.is_floating_point():
            raise ValueError(user_text("weights: {name} is not a floating-point tensor", name=name))
        if not bool(torch.isfinite(tensor).all()):
            raise ValueError(user_text("weights: {name} contains NaN or infinite values", name=name))
    return state


def curve_weight_problems(config: CurveConfig, state: dict[str, Any]) -> list[str]:
    """Do these weights fit the network that ``config`` describes?"""
    return mlp_weight_problems(config.hidden_width, config.depth, config.activation, state)


# Lab key → check(config, state_dict) -> problems. One line per lab that saves weights.
WEIGHT_CHECKS: dict[str, Callable[[Any, dict[str, Any]], list[str]]] = {
    "curve": curve_weight_problems,
    "classify": classify_weight_problems,
    "sweep": sweep_weight_problems,
    "mnist": mnist_weight_problems,
    "gd": gd_weight_problems,
    "linear": linear_weight_problems,
}


# -- writing -------------------------------------------------------------------------
def lab_entry(config, *, weights: dict[str, Any] | None = None, loss_history=None,
              step: int | None = None, optimizer: SavedOptimizer | None = None) -> dict[str, Any]:
    """One lab's JSON entry. ``config`` is a config dataclass or an already JSON-ready dict."""
    entry: dict[str, Any] = {"config": config if isinstance(config, dict) else to_dict(config)}
    training: dict[str, Any] = {}
    if step is not None:
        training["step"] = int(step)
    if loss_history is not None:
        training["loss_history"] = [None if not math.isfinite(v) else float(v)
                                    for v in np.asarray(loss_history, dtype=np.float64).reshape(-1)]
    if weights is not None:
        training["weights"] = {"encoding": WEIGHTS_ENCODING, "data": encode_weights(weights)}
        if optimizer is not None:
            training["optimizer"] = encode_optimizer(optimizer)
    if training:
        entry["training"] = training
    return entry


def dumps(labs: dict[str, dict[str, Any]], *, current_tab: str | None = None, app_version: str = "") -> str:
    document = {
        "format": FORMAT,
        "version": VERSION,
        "app_version": app_version,
        "saved_at": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "current_tab": current_tab,
        "labs": labs,
    }
    return json.dumps(document, ensure_ascii=False, indent=1, allow_nan=False)


def write_text_atomic(path: str | os.PathLike, text: str) -> None:
    """UTF-8 text, written atomically (temporary file, fsync, rename): never a half-written file."""
    atomic_write_bytes(path, text.encode("utf-8"))


def save(path: str | os.PathLike, labs: dict[str, dict[str, Any]], **kwargs) -> None:
    write_text_atomic(path, dumps(labs, **kwargs))


# -- reading -------------------------------------------------------------------------
def load(path: str | os.PathLike, config_types: dict[str, type] | None = None) -> Session:
    """Read and validate a session file; raises SessionError (nothing partial is returned)."""
    path = Path(path)
    try:
        raw = read_regular(path, MAX_FILE_BYTES)  # never a FIFO (it would block) nor a huge file
    except FileRefused as exc:
        raise SessionError([exc.args[0]]) from None
    except OSError as exc:
        raise SessionError([user_text("cannot read the file: {reason}", reason=exc.strerror or str(exc))]) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise SessionError([user_text("the file is not UTF-8 text (is it really a .nnplay session?)")]) from None
    return loads(text, config_types)


def loads(text: str, config_types: dict[str, type] | None = None) -> Session:
    config_types = CONFIG_TYPES if config_types is None else config_types
    try:
        document = json.loads(text, parse_constant=_reject_constant)
        check_value(document)  # no deep nesting, no lone surrogates: every later step can walk it safely
    except RecursionError:
        raise SessionError([user_text("the JSON is nested too deeply")]) from None
    except (json.JSONDecodeError, ValueError) as exc:
        raise SessionError([exc.args[0] if isinstance(exc.args[0], Text) else
                            user_text("not valid JSON ({reason})", reason=str(exc))]) from None
    if not isinstance(document, dict):
        raise SessionError([user_text("expected a JSON object at the top level")])
    problems: list[str] = []
    if document.get("format") != FORMAT:
        problems.append(user_text("'format' must be {format} (is this a session file?)", format=repr(FORMAT)))
    version = document.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        problems.append(user_text("'version' must be a whole number"))
    elif version > VERSION:
        problems.append(user_text("saved by a newer version of the app (format version {version}; this app reads "
                                  "{expected})", version=version, expected=VERSION))
    elif version < 1:
        problems.append(user_text("unknown format version {version}", version=version))
    labs = document.get("labs")
    if not isinstance(labs, dict):
        problems.append(user_text("'labs' must be a JSON object"))
        labs = {}
    if problems:
        raise SessionError(problems)

    session = Session(app_version=str(document.get("app_version", ""))[:40],
                      saved_at=str(document.get("saved_at", ""))[:40])
    tab = document.get("current_tab")
    if isinstance(tab, str) and tab in config_types:
        session.current_tab = tab
    for key, entry in labs.items():
        if key not in config_types:
            session.notes.append(user_text("lab {key} is not part of this version: skipped", key=repr(key)))
            continue
        lab, lab_problems = _read_lab(key, entry, config_types[key])
        problems.extend(user_text("{lab}: {problem}", lab=key, problem=p) for p in lab_problems)
        if lab is not None:
            session.labs[key] = lab
    if problems:
        raise SessionError(problems)
    if not session.labs:
        raise SessionError([user_text("the session holds no lab this version knows")])
    return session


def _float32_sized(value: int | float) -> bool:
    """A loss a float32 history can hold (no overflow to infinity, no int too large for a float)."""
    try:
        return abs(float(value)) <= FLOAT32_MAX
    except OverflowError:
        return False


def _reject_constant(name: str):
    raise ValueError(f"{name} is not allowed in a session file")


def _read_lab(key: str, entry: Any, config_type: type) -> tuple[LabSession | None, list[str]]:
    if not isinstance(entry, dict):
        return None, [user_text("expected a JSON object")]
    problems: list[str] = []
    unknown = set(entry) - {"config", "training"}
    if unknown:
        problems.append(user_text("unknown entries {names}", names=str(sorted(unknown))))
    config, config_problems = from_dict(config_type, entry.get("config"), lenient=False)
    problems.extend(config_problems)
    lab = LabSession(config=to_dict(config))
    training = entry.get("training")
    if training is None:
        return (None if problems else lab), problems
    if not isinstance(training, dict):
        return None, problems + [user_text("'training' must be a JSON object")]
    unknown = set(training) - {"step", "loss_history", "weights", "optimizer"}
    if unknown:
        problems.append(user_text("training: unknown entries {names}", names=str(sorted(unknown))))
    step = training.get("step")
    if step is not None:
        if isinstance(step, bool) or not isinstance(step, int) or not 0 <= step <= 10**12:
            problems.append(user_text("training.step must be a whole number ≥ 0"))
        else:
            lab.step = step
    history = training.get("loss_history")
    if history is not None:
        if not isinstance(history, list) or len(history) > MAX_HISTORY:
            problems.append(user_text("training.loss_history must be a list of at most {most} numbers",
                                      most=MAX_HISTORY))
        elif not all(v is None or (isinstance(v, (int, float)) and not isinstance(v, bool) and _float32_sized(v))
                     for v in history):
            problems.append(user_text("training.loss_history must hold numbers (or null for a diverged step)"))
        else:
            lab.loss_history = np.array([math.nan if v is None else v for v in history], dtype=np.float32)
    weights = training.get("weights")
    if weights is not None:
        if not isinstance(weights, dict) or weights.get("encoding") != WEIGHTS_ENCODING:
            problems.append(user_text("training.weights must be {{'encoding': {encoding}, 'data': ...}}",
                                      encoding=repr(WEIGHTS_ENCODING)))
        else:
            try:
                lab.weights = decode_weights(weights.get("data"))
            except ValueError as exc:
                problems.append(user_text("training.{problem}", problem=exception_text(exc)))
            else:
                check = WEIGHT_CHECKS.get(key)
                if check is not None and not config_problems:
                    problems.extend(check(config, lab.weights))
    optimizer = training.get("optimizer")
    if optimizer is not None:
        if weights is None:
            problems.append(user_text("training.optimizer is only allowed together with training.weights"))
        else:
            try:
                lab.optimizer = decode_optimizer(optimizer)
            except ValueError as exc:
                problems.append(user_text("training.{problem}", problem=exception_text(exc)))
    return (None if problems else lab), problems
