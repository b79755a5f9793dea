"""Validated experiment configs.

Each field declares its range or its choices once; ``from_dict`` uses that to
read anything (a settings file, a session, CLI flags) value by value, keeping
good values and replacing bad ones by the default, with a note per problem.
"""

from __future__ import annotations

import math
from dataclasses import MISSING, asdict, field, fields, replace
from typing import Any, Callable, Iterable, TypeVar

C = TypeVar("C")


def num(default, lo, hi, *, kind=float):
    """A number field with an inclusive range."""
    return field(default=default, metadata={"kind": kind, "range": (lo, hi)})


def choice(default: str, choices: Callable[[], Iterable[str]]):
    """A string field whose value must be one of ``choices()``."""
    return field(default=default, metadata={"kind": str, "choices": choices})


def text(default: str = "", max_len: int = 200):
    return field(default=default, metadata={"kind": str, "max_len": max_len})


def items(default: tuple, item, length: tuple[int, int] = (0, 64)):
    """A tuple field; each item is checked like the field ``item`` (e.g. ``num(…)``, ``choice(…)``)."""
    return field(default=tuple(default), metadata={"kind": tuple, "item": item, "length": length})


def _parse_field(f, raw: Any) -> Any:
    kind = f.metadata.get("kind", type(f.default))
    if kind is tuple:
        if not isinstance(raw, (list, tuple)):
            raise ValueError(f"expected a list, got {type(raw).__name__}")
        lo, hi = f.metadata.get("length", (0, 64))
        if not lo <= len(raw) <= hi:
            raise ValueError(f"expected {lo} to {hi} items, got {len(raw)}")
        return tuple(_parse_field(f.metadata["item"], value) for value in raw)
    if kind is str:
        if not isinstance(raw, str):
            raise ValueError(f"expected text, got {type(raw).__name__}")
        choices = f.metadata.get("choices")
        if choices is not None and raw not in list(choices()):
            raise ValueError(f"unknown value {raw!r}")
        if len(raw) > f.metadata.get("max_len", 10_000):
            raise ValueError("text too long")
        return raw
    if isinstance(raw, bool) or not isinstance(raw, (int, float, str)):
        raise ValueError(f"expected a number, got {type(raw).__name__}")
    value = kind(float(raw)) if kind is int else float(raw)
    if kind is int and float(raw) != value:
        raise ValueError(f"expected a whole number, got {raw!r}")
    if not math.isfinite(value):
        raise ValueError("not a finite number")
    lo, hi = f.metadata.get("range", (-math.inf, math.inf))
    if not lo <= value <= hi:
        raise ValueError(f"{value} is outside {lo} … {hi}")
    return value


def from_dict(cls: type[C], data: Any) -> tuple[C, list[str]]:
    """Build ``cls`` from untrusted ``data``; returns the config and one note per rejected value."""
    if not isinstance(data, dict):
        return cls(), [f"expected a mapping of settings, got {type(data).__name__}; using defaults"]
    values, problems = {}, []
    known = {f.name: f for f in fields(cls)}
    for name, raw in data.items():
        f = known.get(name)
        if f is None:
            problems.append(f"unknown setting {name!r} ignored")
            continue
        try:
            values[name] = _parse_field(f, raw)
        except (ValueError, TypeError, OverflowError) as exc:
            problems.append(f"{name}: {exc}; using the default")
    config = cls(**values)
    check = getattr(config, "problems", None)
    if check:
        for name, message in check():
            problems.append(f"{name}: {message}; using the default")
            config = replace(config, **{name: _default(known[name])})
    return config, problems


def _default(f):
    return f.default_factory() if f.default is MISSING else f.default


def to_dict(config) -> dict[str, Any]:
    return asdict(config)


def invalid_fields(config) -> dict[str, str]:
    """Field name → problem, for an already built config (values set in code or by widgets)."""
    problems: dict[str, str] = {}
    for f in fields(config):
        try:
            _parse_field(f, getattr(config, f.name))
        except (ValueError, TypeError, OverflowError) as exc:
            problems[f.name] = str(exc)
    check = getattr(config, "problems", None)
    if check:
        for name, message in check():
            problems.setdefault(name, message)
    return problems


def validate(config) -> list[str]:
    return [f"{name}: {message}" for name, message in invalid_fields(config).items()]


def keep_valid(config: C, fallback: C) -> tuple[C, dict[str, str]]:
    """``config`` with each invalid field taken from ``fallback``; also returns the problems."""
    problems = invalid_fields(config)
    if not problems:
        return config, {}
    return replace(config, **{name: getattr(fallback, name) for name in problems}), problems
