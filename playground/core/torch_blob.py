"""``torch.save`` objects as base64 text, the way session files carry weights and optimizer states.

Reading uses ``torch.load(weights_only=True)``: a file can never run pickled code.
"""

from __future__ import annotations

import base64
import binascii
import io
from typing import Any

from .text import user_text

ENCODING = "torch.save+base64"


def encode_blob(value: Any) -> str:
    import torch

    buffer = io.BytesIO()
    torch.save(value, buffer)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def decode_blob(data: Any, what: str) -> Any:
    """base64 text of a ``torch.save`` → the object; raises ValueError saying what (``what``) is wrong."""
    import pickle

    import torch

    if not isinstance(data, str):
        raise ValueError(user_text("{what}: expected base64 text", what=what))
    try:
        raw = base64.b64decode(data.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, ValueError):
        raise ValueError(user_text("{what}: not valid base64", what=what)) from None
    try:
        return torch.load(io.BytesIO(raw), map_location="cpu", weights_only=True)
    except (RuntimeError, pickle.UnpicklingError, EOFError, ValueError, TypeError, OSError) as exc:
        raise ValueError(user_text("{what}: cannot be read ({reason})", what=what, reason=type(exc).__name__)) from None
