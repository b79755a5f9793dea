"""The metadata of an MNIST-lab model file, checked field by field before anything uses it.

A model file is data anyone may have edited: ``{"mean": "abc"}`` or integer class names must
be refused when the file is opened, not half-way through adopting the model. ``clean_metadata``
returns a new dict with only known fields, each of the right type and range, or raises
``ValueError`` (a ``user_text`` naming the field).
"""

from __future__ import annotations

import math
from typing import Any, Callable

from playground.core.persistence.safe_json import is_encodable
from playground.core.text import user_text

CLASS_COUNT = 10


def _number(lo: float, hi: float, *, whole: bool = False, optional: bool = False) -> Callable[[str, Any], Any]:
    def check(name: str, value: Any):
        if value is None and optional:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)) or (whole and not isinstance(value, int)):
            raise ValueError(user_text("{name} must be a whole number, not {value}", name=name, value=_short(value))
                             if whole else user_text("{name} must be a number, not {value}", name=name,
                                                     value=_short(value)))
        try:
            finite = math.isfinite(value)
        except OverflowError:  # an int of hundreds of digits
            finite = False
        if optional and isinstance(value, float) and not finite:
            return None  # an accuracy that was never measured properly: simply not shown
        if not (finite and lo <= value <= hi):
            raise ValueError(user_text("{name} must lie between {lo} and {hi}, not {value}", name=name,
                                       lo=lo, hi=hi, value=_short(value)))
        return value
    return check


def _text(most: int) -> Callable[[str, Any], Any]:
    def check(name: str, value: Any):
        if not isinstance(value, str) or len(value) > most or not is_encodable(value):
            raise ValueError(user_text("{name} must be a text of at most {most} characters", name=name, most=most))
        return value
    return check


def _class_names(name: str, value: Any):
    if (not isinstance(value, (list, tuple)) or len(value) != CLASS_COUNT
            or not all(isinstance(v, str) and 0 < len(v) <= 40 and is_encodable(v) for v in value)):
        raise ValueError(user_text("{name} must be a list of {n} short texts", name=name, n=CLASS_COUNT))
    return list(value)


def _flag(name: str, value: Any):
    if not isinstance(value, bool):
        raise ValueError(user_text("{name} must be true or false", name=name))
    return value


def _training_config(name: str, value: Any):
    """The settings a model was trained with: shown, never used: kept if flat and plain."""
    if not isinstance(value, dict) or len(value) > 32 or not all(
            isinstance(k, str) and len(k) <= 40 and is_encodable(k) and (
                v is None or isinstance(v, (bool, int)) or (isinstance(v, float) and math.isfinite(v))
                or (isinstance(v, str) and len(v) <= 80 and is_encodable(v))) for k, v in value.items()):
        raise ValueError(user_text("{name} must be a short mapping of plain settings", name=name))
    return dict(value)


def _fine_tuning(name: str, value: Any):
    """How a model was fine-tuned on personal digits (mnist_finetune.py): counts, steps, and the accuracies
    before and after; shown, never used."""
    counts = ("personal_examples", "held_out", "steps")
    if not isinstance(value, dict) or set(value) - set(counts) - {"before", "after"}:
        raise ValueError(user_text("{name} must be a short mapping of plain settings", name=name))
    clean = {key: _number(0, 10**9, whole=True)(f"{name}.{key}", value[key]) for key in counts if key in value}
    for key in ("before", "after"):
        accuracies = value.get(key)
        if accuracies is None:
            clean[key] = None
            continue
        if not isinstance(accuracies, dict) or not set(accuracies) <= {"personal", "test"}:
            raise ValueError(user_text("{name} must be a short mapping of plain settings", name=f"{name}.{key}"))
        clean[key] = {part: _number(0.0, 1.0, optional=True)(f"{name}.{key}.{part}", accuracy)
                      for part, accuracy in accuracies.items()}
    return clean


FIELDS: dict[str, Callable[[str, Any], Any]] = {
    "mean": _number(0.0, 1.0),             # pixel statistics after scaling to [0, 1]
    "std": _number(1e-3, 1.0),
    "class_names": _class_names,
    "steps": _number(0, 10**12, whole=True),
    "epochs": _number(0, 10**6, whole=True),
    "test_accuracy": _number(0.0, 1.0, optional=True),
    "train_accuracy": _number(0.0, 1.0, optional=True),
    "dataset": _text(200),
    "date": _text(64),
    "script": _text(200),
    "augmented": _flag,
    "config": _training_config,
    "fine_tuned": _fine_tuning,
}


def clean_metadata(metadata: Any) -> dict[str, Any]:
    """Known fields only, each checked; ValueError (``user_text``) on the first bad one."""
    if metadata is None:
        return {}
    if not isinstance(metadata, dict):
        raise ValueError(user_text("the metadata must be a mapping"))
    clean = {}
    for name, check in FIELDS.items():
        if name in metadata:
            clean[name] = check(name, metadata[name])
    return clean


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
