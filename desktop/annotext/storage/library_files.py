"""The files that make up a library on disk (the database, SQLite's -wal/-shm/-journal side files and
the backups folder), and the guard that keeps every writer of other files away from them."""

from __future__ import annotations

import os
from pathlib import Path

from annotext.storage.errors import LibraryTargetError

SIDE_SUFFIXES = ("-wal", "-shm", "-journal")


def side_files(library: Path | str) -> list[Path]:
    """SQLite's companion files of `library` (present or not)."""
    return [Path(f"{library}{suffix}") for suffix in SIDE_SUFFIXES]


def refuse_library_target(target: Path | str, library: Path | str) -> None:
    """Raise LibraryTargetError when writing `target` would overwrite part of `library`.

    Why: an export or codebook written onto the library (or its -wal, or a backup) destroys the
    analyst's work without a trace. Compared by resolved path (links, `..`, case on case-insensitive
    systems) and by inode (hard links), so no spelling of the same file gets through.
    """
    reason = library_part(target, library)
    if reason:
        raise LibraryTargetError(f"{target}: is {reason}; choose another file name")


def library_part(target: Path | str, library: Path | str) -> str | None:
    """What part of `library` `target` is ("the library", "the library's -wal file", "a backup…"), or None."""
    library = Path(library)
    target_path = _resolved(target)
    named = {_resolved(library): "the open library"}
    for side in side_files(library):
        named[_resolved(side)] = f"the library's {side.name[len(library.name):]} file"
    if target_path in named:
        return named[target_path]
    from annotext.storage.backups import backup_folder

    backups = _resolved(backup_folder(library))
    if backups in target_path.parents or target_path == backups:
        return "in the library's backups folder"
    target_id = _file_id(target)
    if target_id is None:
        return None
    for path, label in [(library, "the open library"), *((s, named[_resolved(s)]) for s in side_files(library))]:
        if _file_id(path) == target_id:
            return f"{label} (another name for the same file)"
    if backups.is_dir():
        for entry in backups.iterdir():
            if _file_id(entry) == target_id:
                return "a backup of the library (another name for the same file)"
    return None


def _resolved(path: Path | str) -> Path:
    return Path(os.path.normcase(os.path.realpath(Path(path).expanduser())))


def _file_id(path: Path | str) -> tuple[int, int] | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_dev, status.st_ino
