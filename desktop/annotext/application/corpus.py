"""The corpus service: the whole library (or a selection) as one body of evidence — who is mentioned,
who is quoted, when and where — and every passage of a code. Used by the corpus view, the corpus
CLI and the corpus report; the numbers come from SQL over the per-document summaries.
"""

from __future__ import annotations

from dataclasses import dataclass

from annotext.core.corpus import CodedPassage, CorpusFilter, CorpusPerson, CorpusQuote, TagBySource, TimePoint, granularity
from annotext.application.changes import Changes
from annotext.application.edits import Edit
from annotext.core.corpus_people import MERGE, SPLIT, CorpusPersonEdit
from annotext.storage.corpus_repo import CorpusRepository
from annotext.storage.summaries import stale_summaries


BATCH = 200  # summaries rebuilt per transaction when an older library is first opened


class CorpusService:
    """Corpus questions over one open Library."""

    def __init__(self, library):
        self.library = library
        self.repo = CorpusRepository(library.db)

    def prepare(self, progress=None) -> int:
        """Bring every summary up to date (analyses stored before summaries existed, text replaced)
        and the cross-document grouping; returns how many documents were summarised."""
        redo, drop = stale_summaries(self.library.db)
        if self.library.read_only:
            return 0
        for doc_id in drop:
            self.library.refresh_summary(doc_id)
        for start in range(0, len(redo), BATCH):  # derived data: one commit per batch, not per document
            with self.library.db.atomic():
                for doc_id, _analysis_id in redo[start:start + BATCH]:
                    self.library.refresh_summary(doc_id)
            if progress is not None:
                progress(min(start + BATCH, len(redo)), len(redo))
        self.repo.refresh_names()
        return len(redo)

    def people(self, selection: CorpusFilter = CorpusFilter(), limit: int | None = None) -> list[CorpusPerson]:
        """The corpus people table (organisations that speak included and marked)."""
        self.repo.refresh_names()
        return self.repo.people(selection, limit)

    def quotes(self, entry: str, selection: CorpusFilter = CorpusFilter()) -> list[CorpusQuote]:
        """Every quotation of one corpus entry, by date, with context."""
        self.repo.refresh_names()
        return self.repo.quotes(entry, selection)

    def find_entry(self, name: str) -> str | None:
        """The corpus entry for a name as the analyst typed it: an entry, a per-document name, or a
        unique case-insensitive match."""
        self.repo.refresh_names()
        found = self.repo.entry_of(name)
        if found:
            return found
        matches = self.repo.entries_named(name)
        if not matches:  # a form documents used for someone ("Duarte", "President Putin")
            matches = {self.repo.entry_of(person) for person in self.repo.names_with_alias(name)} - {None}
        return matches.pop() if len(matches) == 1 else None

    def timeline(self, selection: CorpusFilter = CorpusFilter(), unit: str | None = None,
                 entry: str | None = None) -> tuple[str, list[TimePoint]]:
        """(unit, points): mentions and quotations over time, by day/week/month chosen from the range."""
        self.repo.refresh_names()
        if unit is None:
            unit = granularity(*self.repo.date_range(selection))
        return unit, self.repo.timeline(unit, selection, entry)

    def tags_by(self, selection: CorpusFilter = CorpusFilter(), key: str = "source") -> TagBySource:
        """Tag frequency by source (or by another attribute)."""
        return self.repo.tags_by(selection, key)

    def passages(self, tag_name: str, selection: CorpusFilter = CorpusFilter()) -> list[CodedPassage]:
        """Every passage coded with `tag_name` in the selection (LookupError for an unknown tag)."""
        tag = self.library.annotations.tag_named(tag_name)
        if tag is None:
            raise LookupError(f"no tag named {tag_name!r}")
        return self.repo.passages(tag.id, selection)

    def entry_of(self, name: str) -> str | None:
        """The corpus entry a per-document name belongs to (None: no document uses the name)."""
        self.repo.refresh_names()
        return self.repo.entry_of(name)

    def person_edits(self) -> list[CorpusPersonEdit]:
        """The analyst's corpus merges and splits, in the order made."""
        return self.repo.person_edits()

    def document_attributes(self, doc_id: int) -> dict[str, str]:
        """A document's attributes (source, date, author and free keys) as indexed."""
        return self.repo.document_attributes(doc_id)

    def listing_attributes(self) -> dict[int, tuple[str | None, str | None]]:
        """doc id -> (date, source) for the library list's columns."""
        return self.repo.listing_attributes()

    def attribute_keys(self) -> list[str]:
        """Every attribute key documents of the library have."""
        return self.repo.attribute_keys()

    def attribute_values(self, key: str) -> list[str]:
        """The values an attribute takes in the library (for filter menus)."""
        return self.repo.attribute_values(key)

    def unanalysed(self) -> list[int]:
        """Documents with no stored analysis of their current text (what "Analyse all" does)."""
        from annotext.storage.summaries import unanalysed_documents

        return unanalysed_documents(self.library.db)

    def totals(self, selection: CorpusFilter = CorpusFilter()) -> dict[str, int]:
        """Documents selected, analysed and dated; quotations and quoted words."""
        return self.repo.totals(selection)


@dataclass
class CorpusPersonChange(Edit):
    """Undoable corpus-level merge or split of people (the per-document analyses stay as they are)."""

    edit: CorpusPersonEdit
    label: str = "Corpus people"

    def __post_init__(self):
        self.doc_id = None  # about the corpus, not one document

    def apply(self, library):
        """Store the decision (the grouping is rebuilt on the next read)."""
        self.edit = CorpusRepository(library.db).add_person_edit(self.edit)
        return Changes(corrections=True)  # the analyst's correction of who is who, across documents

    def revert(self, library):
        """Forget the decision."""
        CorpusRepository(library.db).delete_person_edit(self.edit.id)
        return Changes(corrections=True)


def merge_people(name: str, into: str) -> CorpusPersonChange:
    """The edit that makes `name`'s corpus entry part of `into`'s."""
    return CorpusPersonChange(CorpusPersonEdit(MERGE, name, into), label=f"Merge {name} into {into}")


def split_person(name: str) -> CorpusPersonChange:
    """The edit that takes the per-document name `name` out of its corpus entry."""
    return CorpusPersonChange(CorpusPersonEdit(SPLIT, name), label=f"Split {name}")


def build_report(service: CorpusService, selection: CorpusFilter = CorpusFilter(), *, tags: list[str] | None = None,
                 speakers: int = 20, quotes_per_speaker: int = 100, passages_per_tag: int = 300, top: int = 15,
                 title: str = "Corpus report"):
    """The corpus report's data: people table, chart series, the quotations of the `speakers` most
    quoted (at most `quotes_per_speaker` each, the rest counted) and the code report of `tags`
    (every tag with passages when None; at most `passages_per_tag` each, the rest counted)."""
    from datetime import datetime, timezone

    from annotext import __version__
    from annotext.export.corpus_report import CorpusReport

    service.prepare()
    people = service.people(selection)
    unit, points = service.timeline(selection)
    table = service.tags_by(selection)
    quoted = [p for p in people if p.quotes][:speakers]
    names = tags if tags is not None else table.tags
    passages, counts = [], {}
    for name in names:
        found = service.passages(name, selection)
        counts[name] = len(found)
        passages.append((name, found[:passages_per_tag]))
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return CorpusReport(title=title, selection=selection.describe(), generated=f"Annotext {__version__}, {stamp}",
                        totals=service.totals(selection), people=people, unit=unit, timeline=points, tags=table,
                        quotes=[(p, service.quotes(p.name, selection)[:quotes_per_speaker]) for p in quoted],
                        quotes_cap=quotes_per_speaker, passages=passages, top=top, passage_counts=counts)
