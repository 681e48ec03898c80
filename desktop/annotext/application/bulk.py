"""Whole-library work: import a folder of files (analysing them all is application/batch_analysis.py).

Each document is its own transaction, so stopping or killing the process part-way keeps everything
finished and nothing half-done.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from annotext.importers import ImportFailed, supported_suffixes


def files_in(paths: list[Path]) -> list[Path]:
    """The files to import: each file as given, and every supported file under each folder
    (recursively, hidden files and folders skipped, sorted so the order is reproducible)."""
    suffixes = set(supported_suffixes())
    out: list[Path] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            out.extend(sorted(
                p for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in suffixes
                and not any(part.startswith(".") for part in p.relative_to(path).parts)))
        else:
            out.append(path)
    return out


@dataclass
class ImportOutcome:
    """What an import of many files did: ids added (or found), and one line per failed file."""

    imported: list[tuple[Path, int]] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


def import_files(library, files: list[Path], each: Callable[[Path], None] | None = None,
                 stop: Callable[[], bool] | None = None) -> ImportOutcome:
    """Import `files` one by one (each committed on its own); a file that cannot be read is named in
    `failed` and the others go on."""
    outcome = ImportOutcome()
    for path in files:
        if stop is not None and stop():
            break
        try:
            outcome.imported.append((path, library.import_file(path)))
        except ImportFailed as error:
            outcome.failed.append(str(error))
        if each is not None:
            each(path)
    return outcome
