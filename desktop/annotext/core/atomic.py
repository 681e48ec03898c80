"""Writing a file so that readers only ever see the old complete file or the new complete one.

The new content goes to a temporary file in the target's own folder (so the final rename never
crosses file systems), is flushed and fsynced, optionally checked, then moved over the target with
os.replace(); the folder is fsynced so the rename itself survives a power cut. On any failure the
temporary file is removed and the previous target is left exactly as it was. Standard library only.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

TEMP_MARK = ".tmp-"


def final_target(target: Path | str) -> Path:
    """The file a write to `target` should replace: a symlink is written through, not replaced."""
    path = Path(target)
    return Path(os.path.realpath(path)) if path.is_symlink() else path


@contextmanager
def atomic_path(target: Path | str, verify: Callable[[Path], None] | None = None) -> Iterator[Path]:
    """Yield a temporary path next to `target` for a writer that wants a file name (python-docx, Qt…).

    When the block ends without an exception, the temporary file is fsynced, passed to `verify`
    (which raises to refuse it), and renamed over `target`. Otherwise it is removed and `target`
    is untouched. The new file gets the permissions of the file it replaces (or the usual 0666 &
    ~umask), not mkstemp's private 0600.
    """
    destination = final_target(target)
    if destination.exists() and not destination.is_file():
        # /dev/full, a FIFO, a folder: renaming over it would replace a device node or fail late
        raise OSError(errno.EINVAL, "not a regular file, so it cannot be replaced by a new one",
                      str(destination))
    folder = destination.parent
    handle, name = tempfile.mkstemp(dir=folder, prefix=f".{destination.stem}{TEMP_MARK}",
                                    suffix=destination.suffix)
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        if not temporary.exists():
            raise OSError(f"{destination}: the writer produced no file")
        _fsync_file(temporary)
        if verify is not None:
            verify(temporary)
        os.chmod(temporary, _mode_for(destination))
        os.replace(temporary, destination)
    except BaseException:
        remove_quietly(temporary)
        raise
    fsync_folder(folder)


@contextmanager
def atomic_open(target: Path | str, mode: str = "w", *, encoding: str | None = "utf-8",
                newline: str | None = None, verify: Callable[[Path], None] | None = None) -> Iterator[IO]:
    """Like open(target, mode) for writing, but the target only changes once everything is written."""
    if "w" not in mode or any(c in mode for c in "ar+x"):
        raise ValueError(f"atomic_open writes whole files: mode {mode!r} is not supported")
    with atomic_path(target, verify) as temporary:
        if "b" in mode:
            with open(temporary, mode) as stream:
                yield stream
        else:
            with open(temporary, mode, encoding=encoding, newline=newline) as stream:
                yield stream


def atomic_write_bytes(target: Path | str, data: bytes, verify: Callable[[Path], None] | None = None) -> None:
    """Replace `target` with `data`, all or nothing."""
    with atomic_open(target, "wb", verify=verify) as stream:
        stream.write(data)


def atomic_write_text(target: Path | str, text: str, *, encoding: str = "utf-8", newline: str | None = None,
                      verify: Callable[[Path], None] | None = None) -> None:
    """Replace `target` with `text` encoded as `encoding`, all or nothing."""
    with atomic_open(target, "w", encoding=encoding, newline=newline, verify=verify) as stream:
        stream.write(text)


def fsync_folder(folder: Path | str) -> None:
    """Make a rename in `folder` durable (a no-op where folders cannot be opened, e.g. Windows)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def _fsync_file(path: Path) -> None:
    descriptor = os.open(path, os.O_RDWR)  # Windows cannot fsync a read-only descriptor
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _mode_for(destination: Path) -> int:
    try:
        return destination.stat().st_mode & 0o7777
    except OSError:
        return 0o666 & ~_umask()


def _umask() -> int:
    """The process umask, read without changing it where the system allows."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    current = os.umask(0o022)
    os.umask(current)
    return current


def remove_quietly(path: Path) -> None:
    """Delete a file if it is there; a file that cannot be deleted is left (clean-up never fails a write)."""
    try:
        path.unlink()
    except OSError:
        pass
