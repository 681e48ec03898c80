"""Opening the file an importer reads: a regular file only (after following links), never more than a
size limit. A FIFO, a device such as /dev/zero or /dev/urandom (also behind a link named .txt), a
folder named like a document or a socket is refused with one line instead of hanging or filling
the memory."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

from annotext.importers.errors import ImportFailed, display_path
from annotext.importers.limits import megabytes

_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # opening a FIFO without it waits for a writer forever
_FLAGS = os.O_RDONLY | _NONBLOCK | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)


def open_regular(path: Path, limit: int) -> BinaryIO:
    """Open `path` for binary reading if it is a non-empty regular file of at most `limit` bytes.

    The checks are made on the open descriptor, so the file cannot be swapped for something else
    between the check and the read."""
    try:
        fd = os.open(path, _FLAGS)
    except FileNotFoundError:
        broken = " (a link to a missing file)" if os.path.islink(path) else ""
        raise ImportFailed(path, "no such file" + broken) from None
    except IsADirectoryError:
        raise ImportFailed(path, "is a folder, not a file") from None
    except PermissionError:
        raise ImportFailed(path, "permission denied") from None
    except OSError as error:
        raise ImportFailed(path, f"cannot be read ({error.strerror or error})") from None
    try:
        info = os.fstat(fd)
        _check_kind(path, info.st_mode)
        if info.st_size == 0:
            raise ImportFailed(path, "the file is empty")
        if info.st_size > limit:
            raise ImportFailed(path, f"too large ({megabytes(info.st_size)}; the limit is {megabytes(limit)})")
        if _NONBLOCK:
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_bytes(path: Path, limit: int) -> bytes:
    """The bytes of a regular file, never more than `limit` (a file growing while read is refused too)."""
    with open_regular(path, limit) as stream:
        try:
            data = stream.read(limit + 1)
        except OSError as error:
            raise ImportFailed(path, f"cannot be read ({error.strerror or error})") from None
    if len(data) > limit:
        raise ImportFailed(path, f"too large (more than {megabytes(limit)}, the limit)")
    if not data.strip():
        raise ImportFailed(path, "the file is empty")
    return data


def source_of(path: Path) -> str:
    """The absolute path recorded as a document's source: printable and storable even when the file
    name is not valid UTF-8 (undecodable bytes become U+FFFD). Called once the file has been read,
    so its links resolve."""
    return display_path(path.resolve())


def _check_kind(path: Path, mode: int) -> None:
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise ImportFailed(path, "is a folder, not a file")
    if stat.S_ISFIFO(mode):
        kind = "a named pipe (FIFO)"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        kind = "a device"
    elif stat.S_ISSOCK(mode):
        kind = "a socket"
    else:
        kind = "a special file"
    target = f" (a link to {display_path(Path(os.path.realpath(path)))})" if os.path.islink(path) else ""
    raise ImportFailed(path, f"is {kind}{target}, not a regular file")
