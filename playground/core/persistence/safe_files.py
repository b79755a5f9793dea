"""Opening files a user chose, which may be anything: a named pipe, a device, a huge foreign file,
a gzip bomb. Only regular files are opened (a FIFO opened for reading blocks forever); sizes are
checked before reading, and decompression stops at a cap instead of filling the memory.

Every refusal is a :class:`FileRefused` (a ``ValueError`` holding a translatable ``user_text``);
each loader wraps it in its own error (SessionError, ModelFileError, DatasetError); ``read_chosen``
says why in words for a missing, folder or unreadable file too.
"""

from __future__ import annotations

import errno
import io
import os
import stat
import zlib
from pathlib import Path
from typing import BinaryIO

from playground.core.text import Text, user_text

CHUNK = 1 << 20


class FileRefused(ValueError):
    """The file is not opened (not a regular file, too large...); ``args[0]`` says why."""


def open_regular(path: str | os.PathLike, max_bytes: int | None = None) -> BinaryIO:
    """A binary file object for ``path`` if it is a regular file of at most ``max_bytes``.

    Raises FileRefused (special file, too large) or OSError (missing, unreadable) — never blocks:
    the file is opened non-blocking and checked with fstat before anything is read."""
    path = Path(path)
    info = os.stat(path)  # stat never blocks, even on a FIFO
    _check(path, info, max_bytes)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    try:
        _check(path, os.fstat(fd), max_bytes)  # the file may have been swapped since the stat
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb")


def read_regular(path: str | os.PathLike, max_bytes: int) -> bytes:
    """All bytes of a regular file of at most ``max_bytes`` (see ``open_regular``)."""
    with open_regular(path, max_bytes) as handle:
        # read(n) allocates n bytes up front: ask for what the file holds (checked ≤ max_bytes), plus one
        data = handle.read(os.fstat(handle.fileno()).st_size + 1)
    if len(data) > max_bytes:  # it grew while being read
        raise FileRefused(_too_large(Path(path), len(data), max_bytes))
    return data


def read_chosen(path: str | os.PathLike, max_bytes: int, name: str, kind: Text) -> bytes:
    """``read_regular`` for a file the user chose: every failure is a FileRefused that says, naming the
    file ``name``, what went wrong (missing, a folder rather than ``kind``, refused, unreadable)."""
    try:
        return read_regular(path, max_bytes)
    except FileNotFoundError:
        raise FileRefused(user_text("'{name}' does not exist.", name=name)) from None
    except IsADirectoryError:
        raise FileRefused(user_text("'{name}' is a folder, not {kind}.", name=name, kind=kind)) from None
    except FileRefused:
        raise
    except OSError as exc:
        raise FileRefused(user_text("'{name}' cannot be read ({reason}).", name=name,
                                    reason=exc.strerror or str(exc))) from None


def _check(path: Path, info: os.stat_result, max_bytes: int | None) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    if not stat.S_ISREG(info.st_mode):
        raise FileRefused(user_text("'{name}' is not a regular file (it is a pipe, a device or a socket), "
                                    "so it is not opened.", name=path.name))
    if max_bytes is not None and info.st_size > max_bytes:
        raise FileRefused(_too_large(path, info.st_size, max_bytes))


def _too_large(path: Path, size: int, most: int):
    return user_text("'{name}' is too large ({size}); files of this kind are at most {most}.",
                     name=path.name, size=_megabytes(size), most=_megabytes(most))


def _megabytes(n: int) -> str:
    return f"{n / 2**20:,.1f} MB" if n >= 2**20 else f"{n:,} bytes"


class GzipTooLarge(FileRefused):
    """Decompressed data would pass the cap (a damaged file or a gzip bomb)."""


def gunzip_capped(data: bytes, max_bytes: int, stop_at_cap: bool = False) -> bytes:
    """``gzip.decompress(data)`` that stops as soon as the output would pass ``max_bytes``.

    Past the cap: GzipTooLarge, or with ``stop_at_cap`` the first ``max_bytes`` bytes (to read a
    header). EOFError for a truncated stream and zlib.error for damage."""
    out = io.BytesIO()
    rest = data
    while rest:
        stream = zlib.decompressobj(wbits=31)  # one gzip member (files may hold several)
        pending = rest
        while True:
            chunk = stream.decompress(pending, max(1, min(max_bytes + 1 - out.tell(), CHUNK)))
            out.write(chunk)
            if stop_at_cap and out.tell() >= max_bytes:
                return out.getvalue()[:max_bytes]
            if out.tell() > max_bytes:
                raise GzipTooLarge(user_text("the data unpacks to more than {most}", most=_megabytes(max_bytes)))
            pending = stream.unconsumed_tail
            if stream.eof or (not pending and not chunk):  # the end, or no input and no output left
                break
        if not stream.eof:
            raise EOFError("compressed data ended early")
        rest = stream.unused_data.lstrip(b"\x00")  # trailing zero padding is allowed, as in gzip
    return out.getvalue()
