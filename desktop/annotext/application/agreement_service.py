"""Coder agreement over a library: gathers the coders' passages and runs the measures of
core/agreement.py on the chosen documents and tags (Tools ▸ Coder agreement…, `annotext agreement`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from annotext.core.agreement import Coding, Disagreement, TagAgreement, agreement, disagreements
from annotext.storage import coding_queries


@dataclass
class AgreementRun:
    """The inputs and results of one agreement computation, everything a report must state."""

    coders: list[str]
    documents: list[tuple[int, str]]  # (id, title)
    tags: list[str]
    segment_threshold: float
    results: list[TagAgreement]
    disagreements: list[Disagreement]
    codings: list[Coding] = field(default_factory=list)

    def versions(self, disagreement: Disagreement) -> dict[str, list[tuple[int, int]]]:
        """Each coder's version of a disagreement, side by side: the (start, end) of that coder's
        passages with the tag that overlap it (none: the coder did not tag it)."""
        d = disagreement
        return {coder: sorted({(c.start, c.end) for c in self.codings
                               if c.coder == coder and c.tag == d.tag and c.doc_id == d.doc_id
                               and c.start < d.end and d.start < c.end})
                for coder in self.coders}


def coders(library) -> list[str]:
    """The coders who have passages in this library."""
    return coding_queries.coders(library.db)


def run_agreement(library, coder_names: list[str], doc_ids: list[int] | None = None,
                  tags: list[str] | None = None, segment_threshold: float = 0.5) -> AgreementRun:
    """Agreement between `coder_names` (≥ 2, each with passages) on the documents (default: every
    document that any of them coded) and tags (default: every tag any of them used)."""
    known = set(coding_queries.coders(library.db))
    unknown = [c for c in coder_names if c not in known]
    if unknown:
        raise ValueError(f"no passages by {', '.join(unknown)} (coders here: {', '.join(sorted(known)) or 'none'})")
    if not 0 < segment_threshold <= 1:
        raise ValueError("the segment overlap must be between 1 and 100 %")
    found = coding_queries.codings(library.db, coder_names, doc_ids)
    if not doc_ids:
        doc_ids = sorted({c.doc_id for c in found})
    lengths = coding_queries.document_lengths(library.db, doc_ids) if doc_ids else {}
    missing = [d for d in doc_ids if d not in lengths]
    if missing:
        raise ValueError(f"no document with id {', '.join(map(str, missing))}")
    all_tags = sorted({c.tag for c in found})
    if tags:
        paths = set(coding_queries.tag_paths(library.db).values())
        resolved = []
        for wanted in tags:
            match = next((p for p in sorted(paths) if p.casefold() == wanted.casefold()
                          or p.rsplit("/", 1)[-1].casefold() == wanted.casefold()), None)
            if match is None:
                raise ValueError(f"no tag named {wanted!r}")
            resolved.append(match)
        tags = resolved
    else:
        tags = all_tags
    titles = {d.id: d.title for d in library.repo.documents()}
    results = agreement(found, lengths, coder_names, tags, segment_threshold)
    return AgreementRun(coder_names, [(d, titles.get(d, "")) for d in lengths], tags, segment_threshold, results,
                        disagreements(found, lengths, coder_names, tags), found)


def tag_id_of_path(library, path: str) -> int | None:
    """The tag named by a "Parent/Child" path of an agreement result."""
    return next((tag_id for tag_id, p in coding_queries.tag_paths(library.db).items() if p == path), None)
