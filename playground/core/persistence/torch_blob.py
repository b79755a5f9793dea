"""``torch.save`` objects as base64 text, the way session files carry weights and optimizer states.

Reading uses ``torch.load(weights_only=True)``: a file can never run pickled code.
"""

from __future__ import annotations

import base64
import binascii
import io
import zlib
from typing import Any

from playground.core.text import user_text

ENCODING = "torch.save+base64"
MAX_ENTRIES = 10_000


def zip_problem(raw: bytes, max_unpacked: int) -> str | None:
    """Why ``raw`` is no intact ``torch.save`` file, before torch reads it, or None.

    "not_torch": no zip container with a data.pkl (a foreign or legacy file); "too_large": its
    entries unpack to more than ``max_unpacked`` bytes; "damaged": a CRC does not match (a flipped
    bit in the weights, which torch itself never notices) or the container is cut short."""
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            entries = archive.infolist()
            if len(entries) > MAX_ENTRIES or not any(e.filename.endswith("/data.pkl") or e.filename == "data.pkl"
                                                     for e in entries):
                return "not_torch"
            if sum(e.file_size for e in entries) > max_unpacked:
                return "too_large"
            return "damaged" if archive.testzip() is not None else None
    except zipfile.BadZipFile:
        return "damaged" if raw[:4] == b"PK\x03\x04" else "not_torch"
    except (OSError, EOFError, ValueError, NotImplementedError, RuntimeError, zlib.error):
        return "damaged"


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
    problem = zip_problem(raw, 4 * len(raw) + (1 << 20))
    if problem is not None:
        reason = {"damaged": user_text("damaged: a checksum does not match"),
                  "too_large": user_text("it unpacks to far more than its size"),
                  "not_torch": user_text("not a torch.save archive")}[problem]
        raise ValueError(user_text("{what}: cannot be read ({reason})", what=what, reason=reason))
    try:
        return torch.load(io.BytesIO(raw), map_location="cpu", weights_only=True)
    except (RuntimeError, pickle.UnpicklingError, EOFError, ValueError, TypeError, OSError) as exc:
        raise ValueError(user_text("{what}: cannot be read ({reason})", what=what, reason=type(exc).__name__)) from None
