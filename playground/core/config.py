"""Validated experiment configs.

Each field declares its range or its choices once; ``from_dict`` uses that to
read anything (a settings file, a session, CLI flags) value by value, keeping
good values and replacing bad ones by the default, with a note per problem
(English ``core.text.Text`` the UI can translate).

Fields also carry what a settings form needs to show them (``ui.widgets.config_form`` builds its rows
from it): ``stops`` (the values a slider or list offers; any valid value in the range is kept),
``log`` (stops spaced on a log scale), ``advanced`` (hidden in presentation mode).
"""

from __future__ import annotations

import math
from dataclasses import asdict, field, fields, replace
from typing import Any, Callable, Iterable, TypeVar

from playground.core.persistence.safe_json import is_encodable
from playground.core.text import Text, exception_text, user_text

C = TypeVar("C")


def num(default, lo, hi, *, kind=float, stops: Iterable | None = None, log: bool = False, advanced: bool = False):
    """A number field with an inclusive range; ``stops``: the values a form's slider offers."""
    meta = {"kind": kind, "range": (lo, hi), "advanced": advanced, "log": log}
    if stops is not None:
        meta["stops"] = tuple(stops)
    return field(default=default, metadata=meta)


def choice(default: str, choices: Callable[[], Iterable[str]], *, advanced: bool = False):
    """A string field whose value must be one of ``choices()``."""
    return field(default=default, metadata={"kind": str, "choices": choices, "advanced": advanced})


def text(default: str = "", max_len: int = 200, *, advanced: bool = False):
    return field(default=default, metadata={"kind": str, "max_len": max_len, "advanced": advanced})


def log_stops(lo: float, hi: float, per_decade: int = 10) -> tuple[float, ...]:
    """Values evenly spaced on a log scale, rounded so that 1e-3, 0.01, 0.1 are exact."""
    decades = math.log10(hi) - math.log10(lo)
    count = int(round(decades * per_decade)) + 1
    step = decades / (count - 1)
    return tuple(float(f"{10 ** (math.log10(lo) + i * step):.3g}") for i in range(count))


def items(default: tuple, item, length: tuple[int, int] = (0, 64)):
    """A tuple field; each item is checked like the field ``item`` (e.g. ``num(…)``, ``choice(…)``)."""
    return field(default=tuple(default), metadata={"kind": tuple, "item": item, "length": length})


def _parse_field(f, raw: Any) -> Any:
    kind = f.metadata.get("kind", type(f.default))
    if kind is tuple:
        if not isinstance(raw, (list, tuple)):
            raise ValueError(user_text("expected a list, got {kind}", kind=type(raw).__name__))
        lo, hi = f.metadata.get("length", (0, 64))
        if not lo <= len(raw) <= hi:
            raise ValueError(user_text("expected {lo} to {hi} items, got {n}", lo=lo, hi=hi, n=len(raw)))
        return tuple(_parse_field(f.metadata["item"], value) for value in raw)
    if kind is str:
        if not isinstance(raw, str):
            raise ValueError(user_text("expected text, got {kind}", kind=type(raw).__name__))
        choices = f.metadata.get("choices")
        if choices is not None and raw not in list(choices()):
            raise ValueError(user_text("unknown value {value}", value=repr(raw)))
        if len(raw) > f.metadata.get("max_len", 10_000):
            raise ValueError(user_text("text too long"))
        if not is_encodable(raw):
            raise ValueError(user_text("text with invalid characters (lone surrogates)"))
        return raw
    if isinstance(raw, bool) or not isinstance(raw, (int, float, str)):
        raise ValueError(user_text("expected a number, got {kind}", kind=type(raw).__name__))
    try:
        number = float(raw)
    except ValueError:  # text that is no number
        raise ValueError(user_text("expected a number, got {value}", value=repr(raw)[:40])) from None
    except OverflowError:  # a whole number with hundreds of digits
        raise ValueError(user_text("not a finite number")) from None
    if not math.isfinite(number):
        raise ValueError(user_text("not a finite number"))
    value = int(number) if kind is int else number
    if kind is int and number != value:
        raise ValueError(user_text("expected a whole number, got {value}", value=repr(raw)))
    lo, hi = f.metadata.get("range", (-math.inf, math.inf))
    if not lo <= value <= hi:
        raise ValueError(user_text("{value} is outside {lo} … {hi}", value=value, lo=lo, hi=hi))
    return value


def from_dict(cls: type[C], data: Any, *, lenient: bool = True) -> tuple[C, list[str]]:
    """Build ``cls`` from untrusted ``data``; returns the config and one note per rejected value.

    ``lenient``: the notes say the default replaces a bad value (settings); strict readers that refuse
    the whole input (sessions) pass False, and the notes just say what is wrong."""
    if not isinstance(data, dict):
        return cls(), [user_text("expected a mapping of settings, got {kind}; using defaults",
                                 kind=type(data).__name__) if lenient else
                       user_text("expected a mapping of settings, got {kind}", kind=type(data).__name__)]
    values, problems = {}, []
    known = {f.name: f for f in fields(cls)}
    for name, raw in data.items():
        f = known.get(name)
        if f is None:
            problems.append(user_text("unknown setting {name} ignored", name=repr(name)))
            continue
        try:
            values[name] = _parse_field(f, raw)
        except (ValueError, TypeError, OverflowError) as exc:
            problems.append(_value_problem(name, exception_text(exc), lenient))
    config = cls(**values)
    check = getattr(config, "problems", None)
    found = check() if check else []
    for name, message in found:
        problems.append(_value_problem(name, message, lenient))
    if found:  # defaults for the fields at fault (and, for a problem between fields, one more)
        config, _ = keep_valid(config, cls())
    return config, problems


def _value_problem(name: str, problem, lenient: bool):
    if lenient:
        return user_text("{name}: {problem}; using the default", name=name, problem=problem)
    return user_text("{name}: {problem}", name=name, problem=problem)


def to_dict(config) -> dict[str, Any]:
    return asdict(config)


def invalid_fields(config) -> dict[str, Text | str]:
    """Field name → problem, for an already built config (values set in code or by widgets)."""
    problems: dict[str, str] = {}
    for f in fields(config):
        try:
            _parse_field(f, getattr(config, f.name))
        except (ValueError, TypeError, OverflowError) as exc:
            problems[f.name] = exception_text(exc)
    check = getattr(config, "problems", None)
    if check:
        for name, message in check():
            problems.setdefault(name, message)
    return problems


def validate(config) -> list[Text]:
    return [user_text("{name}: {problem}", name=name, problem=message) for name, message in invalid_fields(config).items()]


def keep_valid(config: C, fallback: C) -> tuple[C, dict[str, Text | str]]:
    """``config`` with each invalid field taken from ``fallback`` (a valid config); also returns the
    problems, keyed by field. The result is always valid: when taking the fields back is not enough
    (a problem between fields), it is ``fallback`` itself, so training keeps its last valid setup."""
    problems = invalid_fields(config)
    if not problems:
        return config, {}
    kept = replace(config, **{name: getattr(fallback, name) for name in problems})
    if not invalid_fields(kept):
        return kept, problems
    # A problem between fields (a custom expression needs the custom target): also take back one
    # more changed field, so that the other changes still apply; else the whole last valid setup.
    for f in fields(config):
        if getattr(kept, f.name) != getattr(fallback, f.name):
            candidate = replace(kept, **{f.name: getattr(fallback, f.name)})
            if not invalid_fields(candidate):
                return candidate, problems
    return fallback, problems
