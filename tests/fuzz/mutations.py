"""Hypothesis strategies that turn a valid file into a hostile one: at the byte level (truncation,
bit flips, inserted and deleted bytes) and at the JSON level (a value replaced by deep nesting,
a wrong type, a huge or non-finite number or odd Unicode)."""

from __future__ import annotations

import json
import math
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

_FUZZ = settings(deadline=None, database=None, derandomize=False, print_blob=True,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                        HealthCheck.function_scoped_fixture])


def fuzz(examples: int) -> settings:
    """The suite's settings with ``examples`` examples (sized so the whole suite stays within its budget)."""
    return settings(_FUZZ, max_examples=examples)

ODD_TEXT = st.sampled_from(["\ud800", "\udfff", "\x00", "\u202e", "🙂" * 50, "a" * 100_000, "", " ", "\n",
                            "../../etc/passwd", "NaN", "Infinity", "1e999", "-0", "0x10", "'\"\\"])
HUGE_NUMBERS = st.sampled_from([10**400, -(10**400), 2**63, -(2**63) - 1, 1e308, -1e308, 5e-324, 0, -1,
                                float("nan"), float("inf"), float("-inf")])


def deep(depth: int, leaf: Any = 1, kind: str = "list") -> Any:
    value = leaf
    for _ in range(depth):
        value = [value] if kind == "list" else {"a": value}
    return value


HOSTILE_VALUES = st.one_of(
    ODD_TEXT, HUGE_NUMBERS, st.booleans(), st.none(),
    st.builds(deep, st.integers(1, 3000), st.just(1), st.sampled_from(["list", "dict"])),
    st.lists(st.integers(), max_size=5), st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
    st.text(max_size=30), st.floats(allow_nan=True, allow_infinity=True), st.integers(),
)


@st.composite
def mutated_bytes(draw, data: bytes) -> bytes:
    """``data`` after a few random byte-level mutations."""
    data = bytearray(data)
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["truncate", "flip", "flip", "insert", "delete", "overwrite"]))
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        if kind == "truncate":
            del data[at:]
        elif kind == "flip":
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif kind == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=16))
        elif kind == "delete":
            del data[at:at + draw(st.integers(1, 16))]
        else:
            chunk = draw(st.binary(min_size=1, max_size=8))
            data[at:at + len(chunk)] = chunk
    return bytes(data)


def _paths(value: Any, prefix: tuple = ()) -> list[tuple]:
    """Every path to a value inside a JSON document (the root included; 30 levels at most)."""
    found = [prefix]
    if len(prefix) >= 30:
        return found
    if isinstance(value, dict):
        for key, child in value.items():
            found.extend(_paths(child, prefix + (key,)))
    elif isinstance(value, list):
        for i, child in enumerate(value[:20]):
            found.extend(_paths(child, prefix + (i,)))
    return found


@st.composite
def mutated_json(draw, document: Any) -> Any:
    """A copy of ``document`` with one to three values replaced by hostile ones (or removed)."""
    document = json.loads(json.dumps(document))
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(_paths(document)))
        replacement = draw(HOSTILE_VALUES)
        if not path:
            document = replacement
            continue
        parent = document
        try:
            for key in path[:-1]:
                parent = parent[key]
            if isinstance(parent, dict) and draw(st.booleans()) and draw(st.booleans()):
                parent.pop(path[-1], None)
            else:
                parent[path[-1]] = replacement
        except (KeyError, IndexError, TypeError):
            continue
    return document


def dumps_hostile(document: Any) -> str:
    """JSON text for any document (NaN, Infinity and 3,000-deep nesting included)."""
    try:
        return json.dumps(document, allow_nan=True, ensure_ascii=True)
    except (RecursionError, ValueError):
        return _dumps_iterative(document)


def _dumps_iterative(value: Any) -> str:
    parts, stack = [], [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str) and item.startswith("\0raw:"):
            parts.append(item[5:])
        elif isinstance(item, list):
            stack.append("\0raw:]")
            for i, child in reversed(list(enumerate(item))):
                stack.append(child)
                if i:
                    stack.append("\0raw:,")
            stack.append("\0raw:[")
        elif isinstance(item, dict):
            stack.append("\0raw:}")
            for i, (k, child) in reversed(list(enumerate(item.items()))):
                stack.append(child)
                stack.append("\0raw:" + json.dumps(str(k)) + ":")
                if i:
                    stack.append("\0raw:,")
            stack.append("\0raw:{")
        elif isinstance(item, float) and not math.isfinite(item):
            parts.append("NaN" if item != item else ("Infinity" if item > 0 else "-Infinity"))
        else:
            parts.append(json.dumps(item))
    return "".join(parts)
