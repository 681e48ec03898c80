"""Whole-library work: import a folder of files, analyse every document not analysed yet.

Each document is its own transaction (import, or analysis with its corpus summary), so stopping or
killing the process part-way keeps everything finished and nothing half-done.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from annotext.importers import ImportFailed, supported_suffixes
from annotext.storage.summaries import unanalysed_documents


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


def documents_to_analyse(library) -> list[int]:
    """Documents with no stored analysis of their current text."""
    return unanalysed_documents(library.db)


def analyse_all(library, analyser, each: Callable[[int], None] | None = None,
                stop: Callable[[], bool] | None = None) -> int:
    """Analyse every document not analysed yet, storing each result (with its corpus summary) as soon
    as it is done; returns how many were analysed. `stop` is checked between and inside documents:
    a document stopped part-way is not stored."""
    from annotext.analysis.analyser import AnalysisCancelled

    done = 0
    for doc_id in documents_to_analyse(library):
        if stop is not None and stop():
            break
        try:
            library.analyse(doc_id, analyser, cancelled=stop)
        except AnalysisCancelled:
            break
        done += 1
        if each is not None:
            each(doc_id)
    return done
