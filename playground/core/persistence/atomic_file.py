"""Atomic file writes: a reader sees the old file or the new one, never half of one.

Write to a temporary file in the same folder, flush + fsync, then ``os.replace``
(atomic on POSIX and Windows for files on one volume). On any error the
temporary file is removed, the original stays untouched, and a :class:`SaveError`
names the user's file (never the temporary).

Temporary names are recognisable (``.NAME.nnplay-tmp-PID-RANDOM``) and short enough for
any legal file name; ones left behind by a killed process are removed on the next save
next to them. Saving through a symbolic link writes the link's target (the link stays).
"""

from __future__ import annotations

import os
import re
import secrets
import time
from pathlib import Path
from typing import BinaryIO, Callable

from playground.core.text import user_text

TMP_MARK = ".nnplay-tmp-"
NAME_MAX = 255           # bytes in one file name on the usual file systems
STALE_AFTER_S = 3600     # a temporary this old is stale even if its process id is alive again
_TMP_PATTERN = re.compile(r"^\.(?P<stem>.*)" + re.escape(TMP_MARK) + r"(?P<pid>\d+)-[0-9a-f]{8}$", re.DOTALL)


class SaveError(OSError):
    """Saving failed; ``args[0]`` is a translatable message naming the user's file."""


def atomic_write(path: str | os.PathLike[str], write: Callable[[BinaryIO], None]) -> Path:
    """Call ``write(file)`` on a temp file next to ``path`` and move it into place atomically."""
    shown = Path(path)
    target = _final_target(shown)
    folder = target.parent if str(target.parent) else Path(".")
    remove_stale_temporaries(target)
    tmp_name = None
    try:
        fd, tmp_name = _create_temporary(target, folder)
        _copy_mode(fd, target)
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, target)
    except Exception as exc:
        _remove(tmp_name)
        raise SaveError(user_text("'{path}' was not saved: {reason}. The file as it was before is unchanged.",
                                  path=str(shown), reason=_reason(exc))) from exc
    except BaseException:  # KeyboardInterrupt...: clean up, and let it through
        _remove(tmp_name)
        raise
    try:  # make the rename itself durable where the OS allows it
        dir_fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return shown
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)
    return shown


def _final_target(path: Path) -> Path:
    """The file actually written: a symbolic link's target (so the link stays a link)."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def _temporary_name(target: Path) -> str:
    """``.NAME.nnplay-tmp-PID-RANDOM``, NAME shortened so the whole stays within NAME_MAX bytes."""
    return f".{_stem(target)}{TMP_MARK}{os.getpid()}-{secrets.token_hex(4)}"


def _stem(target: Path) -> str:
    """The target's name, cut (whole characters) to leave room for the longest tail: '.' + mark +
    a 10-digit process id + '-' + 8 hex digits."""
    room = NAME_MAX - 1 - len(TMP_MARK) - 10 - 1 - 8
    return target.name.encode("utf-8", "surrogateescape")[:room].decode("utf-8", "ignore")


def _create_temporary(target: Path, folder: Path) -> tuple[int, str]:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
    for _ in range(100):
        name = os.path.join(folder, _temporary_name(target))
        try:
            return os.open(name, flags, 0o600), name
        except FileExistsError:
            continue
    raise FileExistsError(user_text("no free temporary file name"))


def remove_stale_temporaries(target: str | os.PathLike[str]) -> list[str]:
    """Remove our temporaries for ``target`` whose process is gone (killed mid-save) or which are
    old; returns the names removed. Never raises: cleaning up is a courtesy."""
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    own_stem = _stem(target)
    removed = []
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    now = time.time()
    for name in names:
        match = _TMP_PATTERN.match(name)
        if match is None or match["stem"] != own_stem:
            continue
        full = os.path.join(folder, name)
        try:
            stale = not _process_alive(int(match["pid"])) or now - os.lstat(full).st_mtime > STALE_AFTER_S
            if stale:
                os.unlink(full)
                removed.append(name)
        except OSError:
            continue
    return removed


def _process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return False  # our own saves never overlap for one file: a leftover of ours is stale
    if os.name != "posix":
        return True  # no cheap check: the age decides
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


def _reason(exc: Exception):
    if isinstance(exc, SaveError):
        return exc.args[0]
    if isinstance(exc, OSError):
        return exc.strerror or type(exc).__name__
    # torch.save reports a full disk as RuntimeError ("... file write failed")
    return user_text("writing failed ({kind}: is the disk full?)", kind=type(exc).__name__)


def _remove(name: str | None) -> None:
    if name is None:
        return
    try:
        os.unlink(name)
    except OSError:
        pass


def _copy_mode(fd: int, target: Path) -> None:
    """New files are 0600: give the new file the old one's mode, or the usual 0666 & ~umask."""
    try:
        mode = target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    try:
        os.fchmod(fd, mode)
    except (AttributeError, OSError):  # no fchmod on Windows; the default there is fine
        pass


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> Path:
    return atomic_write(path, lambda handle: handle.write(data))


def atomic_save(obj, path: str | os.PathLike[str]) -> Path:
    """``torch.save(obj, path)``, atomically."""
    import torch

    return atomic_write(path, lambda handle: torch.save(obj, handle))
