"""JSON from files a user (or anyone) may have edited: settings values and sessions.

``json.loads`` happily returns structures nested thousands deep (which later code walks
recursively: ``RecursionError``) and strings with lone surrogates such as ``"\\ud800"``
(which cannot be encoded, shown by Qt or written back: ``UnicodeEncodeError``). ``loads``
refuses both up front with a readable ``ValueError``, so every reader has one error to catch.
"""

from __future__ import annotations

import json
from typing import Any

from playground.core.text import user_text

MAX_DEPTH = 64


def loads(text: str | bytes, max_depth: int = MAX_DEPTH) -> Any:
    """Parsed JSON, checked by ``check_value``; raises ValueError (a ``user_text``) on anything unusable."""
    try:
        value = json.loads(text)
    except RecursionError:
        raise ValueError(user_text("the JSON is nested too deeply")) from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ValueError(user_text("not valid JSON ({detail})", detail=getattr(exc, "msg", None) or str(exc))) from None
    check_value(value, max_depth)
    return value


def check_value(value: Any, max_depth: int = MAX_DEPTH) -> None:
    """Refuse nesting deeper than ``max_depth`` and text that cannot be encoded (without recursion)."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, str):
            if not is_encodable(item):
                raise ValueError(user_text("the JSON holds text with invalid characters (lone surrogates)"))
        elif isinstance(item, (list, tuple, dict)):
            if depth > max_depth:
                raise ValueError(user_text("the JSON is nested more than {most} levels deep", most=max_depth))
            children = list(item.items()) if isinstance(item, dict) else item
            for child in children:
                stack.append((child, depth + (0 if isinstance(item, dict) else 1)))


def is_encodable(text: str) -> bool:
    """False for text holding lone surrogates (which Qt, files and the console cannot take)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
