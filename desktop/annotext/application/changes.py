"""What one edit changed, so each view refreshes only what it shows (the idea of Anki's OpChanges)."""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True, slots=True)
class Changes:
    """The parts of the library an edit (or its undo) touched.

    `doc_id` is the one document concerned; None means the change is not tied to one document (the
    codebook, or several documents at once), so every document's views must consider it.
    `passage_ids` names the passages added, changed or removed when an edit knows them (one passage
    edit), so the views update those rows alone; None means any passage may have changed.
    """

    documents: bool = False  # the document list: titles, sources, dates, documents added or removed
    text: bool = False  # a document's text
    passages: bool = False  # the analyst's passages (tags, comments, ranges)
    codebook: bool = False  # tags: names, colours, hierarchy, shortcuts
    corrections: bool = False  # the analyst's quote corrections
    analysis: bool = False  # stored analysis results
    doc_id: int | None = None
    passage_ids: frozenset[int] | None = None

    def touches(self, doc_id: int | None) -> bool:
        """Whether a view of document `doc_id` may show something that changed."""
        return self.doc_id is None or self.doc_id == doc_id

    def __or__(self, other: "Changes") -> "Changes":
        """Both sets of changes (for an edit made of several steps)."""
        merged = {f.name: getattr(self, f.name) or getattr(other, f.name) for f in fields(self)
                  if f.name not in ("doc_id", "passage_ids")}
        doc_id = self.doc_id if self.doc_id == other.doc_id else None
        return Changes(**merged, doc_id=doc_id, passage_ids=_merged_ids(self, other, doc_id))


def _merged_ids(first: Changes, second: Changes, doc_id: int | None) -> frozenset[int] | None:
    """The passages two change sets touched, when both name theirs within one document (else None: any)."""
    if doc_id is None:
        return None
    if not second.passages:
        return first.passage_ids
    if not first.passages:
        return second.passage_ids
    if first.passage_ids is None or second.passage_ids is None:
        return None
    return first.passage_ids | second.passage_ids
