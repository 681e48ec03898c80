"""The report model every export format is filled from (DESIGN §9), so formats cannot drift apart.

A chapter per document: the text cut into paragraphs and segments, each segment knowing its entity,
quotation and analyst passages; numbered passages with tags and comments; tag summary; people;
quotations grouped by speaker. Built from stored results only: exporting never runs spaCy.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone

from annotext import __version__
from annotext.core.annotations import Annotation, Tag
from annotext.core.document import Document
from annotext.core.palette import LABEL_NAMES, average_colour, colour_for, label_sort_key
from annotext.core.results import AnalysisResult, Person
from annotext.core.spans import Span


@dataclass
class ReportOptions:
    """What to include. `entity_labels` None means every label; `tag_ids` None means every tag."""

    entity_labels: set[str] | None = None
    quotes: bool = True
    passages: bool = True
    tag_ids: set[int] | None = None
    comments: bool = True
    people: bool = True
    codebook: bool = True


@dataclass
class Segment:
    """A run of text with one combination of highlights."""

    text: str
    entity: str | None = None
    person: str | None = None
    quote: bool = False
    speaker: str | None = None
    passages: list[int] = field(default_factory=list)  # numbers of the passages covering it
    opens: list[int] = field(default_factory=list)  # passages starting at this segment


@dataclass
class Passage:
    """A numbered analyst passage as the report shows it."""

    number: int
    start: int
    end: int
    exact: str
    tags: list[str]
    colour: str
    comment: str
    author: str
    created_at: str
    updated_at: str
    annotation_id: int


@dataclass
class Paragraph:
    """One line of the document; `passages_closing` lists passages whose comments go below it."""

    segments: list[Segment]
    heading: bool = False
    passages_closing: list[int] = field(default_factory=list)


@dataclass
class TagSummary:
    """One row of the tag summary."""

    name: str
    colour: str
    count: int
    passages: list[int]


@dataclass
class QuoteGroup:
    """Quotations of one speaker."""

    speaker: str
    quotes: list[dict]
    words: int


@dataclass
class Chapter:
    """Everything the report says about one document."""

    doc_id: int
    title: str
    source: str
    imported_at: str
    model: str
    paragraphs: list[Paragraph]
    passages: list[Passage]
    people: list[Person]
    quote_groups: list[QuoteGroup]
    tag_summary: list[TagSummary]
    entity_legend: list[tuple[str, str, str, int]]  # label, name, colour, count

    def passage(self, number: int) -> Passage:
        """A passage by its number."""
        return self.passages[number - 1]


@dataclass
class CodebookEntry:
    """One tag in the codebook section (depth for indentation)."""

    name: str
    colour: str
    depth: int
    description: str
    shortcut: int | None


@dataclass
class Report:
    """A whole report: one chapter per document, plus the codebook."""

    title: str
    created_at: str
    generator: str
    chapters: list[Chapter]
    codebook: list[CodebookEntry]
    options: ReportOptions


def build_report(items: list[tuple[Document, AnalysisResult | None, list[Annotation]]], tags: list[Tag],
                 options: ReportOptions | None = None, title: str | None = None) -> Report:
    """Assemble the report model from documents, their (corrected) analyses and annotations."""
    options = options or ReportOptions()
    chapters = [_chapter(doc, result, annotations, tags, options) for doc, result, annotations in items]
    report_title = title or (chapters[0].title if len(chapters) == 1 else f"{len(chapters)} documents")
    return Report(
        title=report_title,
        created_at=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        generator=f"Annotext {__version__}",
        chapters=chapters,
        codebook=_codebook(tags) if options.codebook else [],
        options=options,
    )


def _chapter(document: Document, result: AnalysisResult | None, annotations: list[Annotation],
             tags: list[Tag], options: ReportOptions) -> Chapter:
    text = document.text
    by_id = {t.id: t for t in tags}
    entities = [e for e in (result.entities if result else [])
                if options.entity_labels is None or e.label in options.entity_labels]
    quotes = list(result.quotes) if (result and options.quotes) else []
    chosen = [a for a in annotations if not a.orphaned and (
        options.tag_ids is None or any(t in options.tag_ids for t in a.tag_ids))] if options.passages else []
    passages = [
        Passage(number=i, start=a.start, end=a.end, exact=a.exact,
                tags=[by_id[t].name for t in a.tag_ids if t in by_id],
                colour=average_colour([by_id[t].colour for t in a.tag_ids if t in by_id]),
                comment=a.comment if options.comments else "", author=a.author,
                created_at=a.created_at, updated_at=a.updated_at, annotation_id=a.id)
        for i, a in enumerate(sorted(chosen, key=lambda a: (a.start, a.end, a.id)), start=1)
    ]
    paragraphs = _paragraphs(text, document.title, entities, quotes, passages)
    counts: dict[str, int] = {}
    for entity in entities:
        counts[entity.label] = counts.get(entity.label, 0) + 1
    legend = [(label, LABEL_NAMES.get(label, label), colour_for(label), counts[label])
              for label in sorted(counts, key=label_sort_key)]
    return Chapter(
        doc_id=document.id, title=document.title, source=document.source,
        imported_at=document.imported_at,
        model=result.model.label if result else "not analysed",
        paragraphs=paragraphs, passages=passages,
        people=list(result.people) if (result and options.people) else [],
        quote_groups=_quote_groups(quotes),
        tag_summary=_tag_summary(passages, tags),
        entity_legend=legend,
    )


def _paragraphs(text: str, title: str, entities: list[Span], quotes: list[Span],
                passages: list[Passage]) -> list[Paragraph]:
    result = []
    position = 0
    lines = text.split("\n")
    for index, line in enumerate(lines):
        start, end = position, position + len(line)
        position = end + 1
        if not line.strip():
            continue
        inside = [(s.start, s.end) for s in entities + quotes if s.start < end and s.end > start]
        inside += [(p.start, p.end) for p in passages if p.start < end and p.end > start]
        bounds = sorted({start, end} | {max(start, s) for s, _ in inside} | {min(end, e) for _, e in inside})
        segments = []
        for left, right in zip(bounds, bounds[1:]):
            if right <= left:
                continue
            entity = next((e for e in entities if e.start <= left and e.end >= right), None)
            quote = next((q for q in quotes if q.start <= left and q.end >= right), None)
            covering = [p.number for p in passages if p.start <= left and p.end >= right]
            segments.append(Segment(
                text=text[left:right], entity=entity.label if entity else None,
                person=entity.attrs.get("person") if entity else None, quote=quote is not None,
                speaker=quote.attrs.get("speaker") if quote else None, passages=covering,
                opens=[p.number for p in passages if p.start == left]))
        closing = [p.number for p in passages if start < p.end <= end or (p.end == end + 1)]
        result.append(Paragraph(segments=segments, heading=index == 0 and line.strip() == title.strip(),
                                passages_closing=closing))
    return result


def _quote_groups(quotes: list[Span]) -> list[QuoteGroup]:
    groups: dict[str, list[dict]] = {}
    for quote in quotes:
        speaker = quote.attrs.get("speaker") or "Unattributed"
        groups.setdefault(speaker, []).append({"text": quote.attrs.get("content", ""), "cue": quote.attrs.get("cue"),
                                               "start": quote.start, "end": quote.end})
    ordered = sorted(groups, key=lambda s: (s == "Unattributed", -len(groups[s]), s))
    return [QuoteGroup(s, groups[s], sum(len(q["text"].split()) for q in groups[s])) for s in ordered]


def _tag_summary(passages: list[Passage], tags: list[Tag]) -> list[TagSummary]:
    summary = []
    for tag in tags:
        numbers = [p.number for p in passages if tag.name in p.tags]
        if numbers:
            summary.append(TagSummary(tag.name, tag.colour, len(numbers), numbers))
    return summary


def _codebook(tags: list[Tag]) -> list[CodebookEntry]:
    children: dict[int | None, list[Tag]] = {}
    for tag in tags:
        children.setdefault(tag.parent_id, []).append(tag)
    entries: list[CodebookEntry] = []

    def walk(parent: int | None, depth: int) -> None:
        for tag in children.get(parent, []):
            entries.append(CodebookEntry(tag.name, tag.colour, depth, tag.description, tag.shortcut))
            walk(tag.id, depth + 1)

    walk(None, 0)
    return entries

