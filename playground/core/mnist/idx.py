"""Reader (and a small writer) for IDX files, the format MNIST is shipped in.

An IDX file is a big-endian header followed by raw data:

* 2 zero bytes, 1 byte data type (0x08 = unsigned byte), 1 byte number of
  dimensions ``d``;
* ``d`` big-endian uint32 sizes;
* ``prod(sizes)`` items of the data type.

MNIST images are magic ``0x00000803`` (uint8, 3 dims: N × 28 × 28), labels
``0x00000801`` (uint8, 1 dim: N). Files may be gzip-compressed; compression is
detected from the gzip magic bytes, not from the file name.

Every problem is reported as :class:`~playground.core.errors.DatasetError` with
a message that names the file.
"""

from __future__ import annotations

import gzip
import math
import os
import struct
import zlib
from pathlib import Path

import numpy as np

from playground.core.persistence.atomic_file import atomic_write_bytes
from playground.core.errors import DatasetError
from playground.core.persistence.safe_files import FileRefused, gunzip_capped, read_chosen
from playground.core.text import Text, user_text

IMAGES_MAGIC = 0x00000803
LABELS_MAGIC = 0x00000801
GZIP_MAGIC = b"\x1f\x8b"

# IDX type byte -> big-endian numpy dtype.
_IDX_DTYPES = {
    0x08: np.dtype(">u1"),
    0x09: np.dtype(">i1"),
    0x0B: np.dtype(">i2"),
    0x0C: np.dtype(">i4"),
    0x0D: np.dtype(">f4"),
    0x0E: np.dtype(">f8"),
}

PathLike = str | os.PathLike[str]


# The largest data an IDX file may declare (MNIST's 60,000 training images are 47 MB; EMNIST's
# largest split ~550 MB). Checked against the header before the data are read or unpacked.
MAX_IDX_BYTES = 768 * 2**20
MAX_HEADER = 4 + 4 * 255


def _read_bytes(path: Path) -> tuple[bytes, bool]:
    """The (decompressed) contents of ``path`` and whether it was gzipped.

    Only a regular file is read, and a gzipped one is unpacked only as far as its IDX header
    declares (plus one byte, to notice extra data): a gzip bomb costs no more memory than an
    honest file of the size its header claims, and a header claiming too much is refused first."""
    try:
        raw = read_chosen(path, MAX_IDX_BYTES + MAX_HEADER, str(path), user_text("an IDX file"))
    except FileRefused as exc:
        raise DatasetError(exc.args[0], path) from None
    if raw[:2] != GZIP_MAGIC:
        return raw, False
    try:
        head = gunzip_capped(raw, MAX_HEADER, stop_at_cap=True)
        declared = _declared_length(head)
        if declared is not None and declared > MAX_IDX_BYTES + MAX_HEADER:
            return head, True  # read_idx refuses it by its header
        return gunzip_capped(raw, (declared if declared is not None else MAX_HEADER) + 1, stop_at_cap=True), True
    except EOFError:
        raise DatasetError(
            user_text("The file '{path}' is a truncated gzip archive (it ends before the compressed "
                      "data does). Download it again.", path=path),
            path,
        ) from None
    except (OSError, zlib.error) as exc:  # gzip.BadGzipFile is an OSError
        raise DatasetError(user_text("The file '{path}' is a damaged gzip archive ({reason}).", path=path,
                                     reason=str(exc)), path) from exc


def _declared_length(head: bytes) -> int | None:
    """The file length an IDX header declares (a Python int: no overflow), or None if no header."""
    if len(head) < 4 or head[:2] != b"\x00\x00" or head[2] not in _IDX_DTYPES or len(head) < 4 + 4 * head[3]:
        return None
    ndim = head[3]
    shape = struct.unpack(f">{ndim}I", head[4:4 + 4 * ndim])
    return 4 + 4 * ndim + math.prod(shape) * _IDX_DTYPES[head[2]].itemsize


def _describe_magic(magic: int) -> Text:
    if magic == IMAGES_MAGIC:
        return user_text("an IDX image file")
    if magic == LABELS_MAGIC:
        return user_text("an IDX label file")
    return user_text("not an IDX file (it starts with {magic})", magic=f"0x{magic:08X}")


def read_idx(path: PathLike, expected_magic: int | None = None) -> np.ndarray:
    """Read an IDX file (optionally gzipped) into a native-endian numpy array.

    ``expected_magic`` (e.g. :data:`IMAGES_MAGIC`), when given, must match the
    first four bytes. The file length must match the header exactly.
    """
    path = Path(path)
    data, was_gzipped = _read_bytes(path)
    if len(data) < 4:
        short = (user_text("The file '{path}' is too short to be an IDX file ({size} bytes after decompression).",
                           path=path, size=len(data)) if was_gzipped else
                 user_text("The file '{path}' is too short to be an IDX file ({size} bytes).", path=path,
                           size=len(data)))
        raise DatasetError(short, path)
    magic = struct.unpack(">I", data[:4])[0]
    zero, type_code, ndim = data[0:2], data[2], data[3]

    if expected_magic is not None and magic != expected_magic:
        raise DatasetError(
            user_text("The file '{path}' is {found}; expected {expected} (magic number {magic}).", path=path,
                      found=_describe_magic(magic), expected=_describe_magic(expected_magic),
                      magic=f"0x{expected_magic:08X}"),
            path,
        )
    if zero != b"\x00\x00" or type_code not in _IDX_DTYPES or ndim == 0:
        raise DatasetError(
            user_text("The file '{path}' is not an IDX file (it starts with {magic}).", path=path,
                      magic=f"0x{magic:08X}"), path
        )

    header_len = 4 + 4 * ndim
    if len(data) < header_len:
        raise DatasetError(
            user_text("The file '{path}' is truncated: its header announces {ndim} dimensions but "
                      "the file holds only {size} bytes of data.", path=path, ndim=ndim, size=len(data)),
            path,
        )
    shape = struct.unpack(f">{ndim}I", data[4:header_len])
    dtype = _IDX_DTYPES[type_code]
    expected_len = _declared_length(data)
    if expected_len > MAX_IDX_BYTES + header_len:  # before any large read or allocation
        raise DatasetError(
            user_text("The file '{path}' declares {dims} items ({expected:,} bytes), more than this app reads "
                      "({most:,} bytes); it is damaged or not a dataset.", path=path,
                      dims=" × ".join(str(s) for s in shape), expected=expected_len, most=MAX_IDX_BYTES), path)
    if len(data) != expected_len:
        dims = " × ".join(str(s) for s in shape)
        sizes = {"path": path, "dims": dims, "expected": expected_len, "size": len(data)}
        raise DatasetError(
            user_text("The file '{path}' is truncated: the header announces {dims} items ({expected:,} bytes in all) "
                      "but the file holds {size:,} bytes of data.", **sizes) if len(data) < expected_len else
            user_text("The file '{path}' is longer than its header says: the header announces {dims} items "
                      "({expected:,} bytes in all) but the file holds {size:,} bytes of data.", **sizes),
            path,
        )
    array = np.frombuffer(data, dtype=dtype, offset=header_len).reshape(shape)
    # Native byte order, writable, independent of the bytes object.
    return array.astype(dtype.newbyteorder("="), copy=True)


def read_idx_images(path: PathLike) -> np.ndarray:
    """Read an IDX image file: uint8 array of shape (N, rows, cols)."""
    array = read_idx(path, IMAGES_MAGIC)
    if array.ndim != 3:
        raise DatasetError(
            user_text("The image file '{path}' has {ndim} dimensions; expected 3 (count × rows × columns).",
                      path=path, ndim=array.ndim),
            path,
        )
    return array


def read_idx_labels(path: PathLike) -> np.ndarray:
    """Read an IDX label file: uint8 array of shape (N,)."""
    array = read_idx(path, LABELS_MAGIC)
    if array.ndim != 1:
        raise DatasetError(
            user_text("The label file '{path}' has {ndim} dimensions; expected 1.", path=path, ndim=array.ndim), path
        )
    return array


def write_idx(path: PathLike, array: np.ndarray, compress: bool | None = None) -> Path:
    """Write ``array`` as an IDX file (uint8 arrays only need no conversion).

    ``compress`` defaults to ``True`` when the name ends in ``.gz``.
    """
    path = Path(path)
    array = np.asarray(array)
    if compress is None:
        compress = path.suffix == ".gz"
    for code, dtype in _IDX_DTYPES.items():
        if dtype.kind == array.dtype.kind and dtype.itemsize == array.dtype.itemsize:
            break
    else:
        raise ValueError(f"IDX cannot store dtype {array.dtype}")
    if array.ndim == 0 or array.ndim > 255:
        raise ValueError("IDX needs between 1 and 255 dimensions")
    header = bytes([0, 0, code, array.ndim]) + struct.pack(f">{array.ndim}I", *array.shape)
    payload = header + np.ascontiguousarray(array, dtype=dtype).tobytes()
    if compress:
        payload = gzip.compress(payload, mtime=0)
    return atomic_write_bytes(path, payload)
