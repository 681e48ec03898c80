"""Analyses of many library documents at once, and analyses computed elsewhere brought in.

`annotext analyze --store`, the corpus view's "analyse everything" and `import --with-analysis`
go through here. Each document's analysis is stored in its own transaction as soon as it is done,
so a Stop, a Ctrl+C or a kill leaves only whole analyses behind (docs/architecture.md, "Storage").
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Callable, Iterable

from annotext.analysis.analyser import ANALYSER_VERSION
from annotext.analysis.batch import analyse_texts
from annotext.analysis.pipeline import peek_model_info
from annotext.core.document import Document, guess_title, text_sha256
from annotext.core.results import NO_MODEL, result_from_json


def documents_to_analyse(library, model: str | None = None, doc_ids: list[int] | None = None) -> list[int]:
    """What `analyze --store`, `analyze-all` and Analyse all have left to do. Without ids: every
    document with no stored analysis of its current text (one SQL query, whatever the library's
    size). With ids: those of them without an analysis by the model that would be used now and this
    analyser version (asked for by name, so redone when either changed)."""
    if doc_ids is None:
        from annotext.storage.summaries import unanalysed_documents

        return unanalysed_documents(library.db)
    info = peek_model_info(model) or NO_MODEL
    return [doc_id for doc_id in doc_ids
            if library.cached_analysis(library.document(doc_id), info, ANALYSER_VERSION) is None]


def analyse_and_store(library, doc_ids: list[int], *, model: str | None = None, jobs: int = 1,
                      progress: Callable[[int], None] | None = None,
                      cancelled: Callable[[], bool] | None = None) -> int:
    """Analyse the documents over `jobs` processes, storing each result as it arrives; returns how
    many were stored. `progress(n)` is called after each stored document."""
    stored = 0
    items = ((doc_id, library.document(doc_id).text) for doc_id in doc_ids)
    for doc_id, result in analyse_texts(items, model=model, jobs=min(jobs, max(1, len(doc_ids))),
                                        cancelled=cancelled):
        library.store_analysis(doc_id, result)
        stored += 1
        if progress:
            progress(1)
    return stored


@dataclass
class AnalysesImport:
    """What `import --with-analysis` did with each line of the JSONL file."""

    stored: int = 0
    documents_added: int = 0
    refused: list[str] = field(default_factory=list)


def import_analyses(library, lines: Iterable[str], origin: str) -> AnalysesImport:
    """Store analyses computed elsewhere (`analyze --json`, `cluster-analyze`), one JSON object per
    line. A line is refused (and named) when it is not an analysis or when its analyser version is
    not this one; its text must match a document by hash, or it is added as a new document."""
    summary = AnalysesImport()
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        try:
            data = json.loads(line)
        except ValueError as error:
            summary.refused.append(f"{where}: not an analysis: not valid JSON ({error.msg} at column {error.colno})")
            continue
        try:
            result = result_from_json(data)
        except ValueError as error:
            summary.refused.append(f"{where}: not an analysis: {str(error)[:200]}")
            continue
        if result.analyser_version != ANALYSER_VERSION:
            summary.refused.append(f"{where}: made by analyser version {result.analyser_version!r}; this Annotext"
                                   f" is version {ANALYSER_VERSION!r} (run analyze again)")
            continue
        text = data["text"]
        doc_id = library.repo.find_document(sha256=text_sha256(text))
        if doc_id is None:
            doc_id = library.add_document(Document(title=guess_title(text, "Untitled"), text=text))
            if library.document(doc_id).sha256 != result.text_sha256:
                summary.refused.append(f"{where}: the text changed when stored (control characters?); not stored")
                continue
            summary.documents_added += 1
        library.store_analysis(doc_id, result)
        summary.stored += 1
    return summary
