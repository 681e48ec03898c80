"""The report model every export format is filled from, so formats cannot drift apart.

A one-screen summary first (people, quotations per speaker with share of voice, tags, passages per
coder), then a chapter per document: the text cut into paragraphs and segments, each segment knowing its entity,
quotation and analyst passages; numbered passages with tags and comments; tag summary; people;
quotations grouped by speaker. Built from stored results only: exporting never runs spaCy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import PurePosixPath, PureWindowsPath
from urllib.parse import urlsplit, urlunsplit

from annotext import __version__
from annotext.core.annotations import Annotation, Tag
from annotext.core.document import Document
from annotext.core.palette import LABEL_NAMES, average_colour, colour_for, label_sort_key
from annotext.core.results import SCARE, AnalysisResult, CorrectionNote, Person, quotes_by_speaker
from annotext.core.spans import Span


SCARE_GROUP = "Scare quotes (not speech)"


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
    closes: list[int] = field(default_factory=list)  # overlapping passages ending with this segment

    @property
    def pieces(self) -> list[str]:
        """The text cut after every LONG_RUN characters without a break opportunity, so that
        layout engines (Qt's above all) wrap a megabyte-long "word" in linear time."""
        return breakable_pieces(self.text)


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
    source: str  # the file name or URL, never the local folders (the library keeps the full path)
    imported_at: str
    model: str
    paragraphs: list[Paragraph]
    passages: list[Passage]
    people: list[Person]
    quote_groups: list[QuoteGroup]
    tag_summary: list[TagSummary]
    entity_legend: list[tuple[str, str, str, int]]  # label, name, colour, count
    corrections: list[CorrectionNote] = field(default_factory=list)  # what the analyst corrected

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
class SpeakerShare:
    """One bar of the share-of-voice chart: a speaker's quotations and quoted words."""

    speaker: str
    quotes: int
    words: int
    share: float  # of all quoted words, 0-1


@dataclass
class Summary:
    """The one-screen summary that opens every report."""

    documents: int
    passages: int
    quotes: int
    people: list[Person]  # the most mentioned, merged across documents
    speakers: list[SpeakerShare]
    tags: list[TagSummary]
    coders: list[tuple[str, int]]  # annotator, passages

    @property
    def empty(self) -> bool:
        """Nothing to summarise (an unanalysed document without passages)."""
        return not (self.people or self.speakers or self.tags or self.coders)


@dataclass
class Report:
    """A whole report: summary, one chapter per document, the codebook; and who made it with what."""

    title: str
    created_at: str
    generator: str
    chapters: list[Chapter]
    codebook: list[CodebookEntry]
    options: ReportOptions
    summary: Summary | None = None
    models: list[str] = field(default_factory=list)  # "name version" of each model used
    annotators: list[str] = field(default_factory=list)

    @property
    def byline(self) -> str:
        """Date, model and annotators in one line, as every report states them."""
        parts = [f"Report of {self.created_at}", f"made with {self.generator}"]
        parts.append("language model " + (", ".join(self.models) if self.models else "none (not analysed)"))
        parts.append("annotated by " + (", ".join(self.annotators) if self.annotators else "nobody yet"))
        return " · ".join(parts)


LONG_RUN = 60
_UNBROKEN = re.compile(r"[^\s\u200b/\-]{%d,}" % (LONG_RUN + 1))
SUMMARY_ROWS = 8


def breakable_pieces(text: str) -> list[str]:
    """`text` split into pieces: after each LONG_RUN characters of a run that offers no place to
    break a line. Joining the pieces gives `text` back; formats put a break opportunity (a
    zero-width space or <wbr>) between them."""
    if len(text) <= LONG_RUN or not _UNBROKEN.search(text):
        return [text]
    pieces, position = [], 0
    for match in _UNBROKEN.finditer(text):
        for cut in range(match.start() + LONG_RUN, match.end(), LONG_RUN):
            pieces.append(text[position:cut])
            position = cut
    pieces.append(text[position:])
    return pieces


def display_source(source: str) -> str:
    """What a report shows of a document's origin: a URL without credentials, or only the file's
    name (a report is handed over; the analyst's folders are nobody else's business)."""
    if not source:
        return ""
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", source) and not source.startswith("file:"):
        parts = urlsplit(source)
        host = parts.hostname or ""
        netloc = host + (f":{parts.port}" if parts.port else "")
        return urlunsplit((parts.scheme, netloc, parts.path, parts.query, ""))
    name = source.removeprefix("file://")
    return PureWindowsPath(name).name if "\\" in name else PurePosixPath(name).name


def build_report(items: list[tuple[Document, AnalysisResult | None, list[Annotation]]], tags: list[Tag],
                 options: ReportOptions | None = None, title: str | None = None) -> Report:
    """Assemble the report model from documents, their (corrected) analyses and annotations."""
    options = options or ReportOptions()
    chapters = [_chapter(doc, result, annotations, tags, options) for doc, result, annotations in items]
    report_title = title or (chapters[0].title if len(chapters) == 1 else f"{len(chapters)} documents")
    models = sorted({result.model.label for _doc, result, _a in items if result is not None})
    return Report(
        title=report_title,
        created_at=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        generator=f"Annotext {__version__}",
        chapters=chapters,
        codebook=_codebook(tags) if options.codebook else [],
        options=options,
        summary=_summary(chapters, tags),
        models=models,
        annotators=_annotators(chapters),
    )


def _annotators(chapters: list[Chapter]) -> list[str]:
    """Everyone whose work the report shows: the coders of its passages and the analysts whose
    corrections it lists (a correction stored without an author counts as "analyst", as in the
    data exports), so the byline never says "nobody" above a table of corrections."""
    names = {p.author for c in chapters for p in c.passages if p.author}
    names |= {note.author or "analyst" for c in chapters for note in c.corrections}
    return sorted(names, key=str.casefold)


def _summary(chapters: list[Chapter], tags: list[Tag]) -> Summary:
    people: dict[str, Person] = {}
    for chapter in chapters:
        for person in chapter.people:
            merged = people.setdefault(person.name, Person(person.name))
            merged.aliases = sorted(set(merged.aliases) | set(person.aliases))
            merged.mentions += person.mentions
            merged.quotes += person.quotes
            merged.quoted_words += person.quoted_words
    top_people = sorted(people.values(), key=lambda p: (-p.mentions, -p.quotes, p.name))[:SUMMARY_ROWS]
    speakers: dict[str, list[int]] = {}
    for chapter in chapters:
        for group in chapter.quote_groups:
            if group.speaker == SCARE_GROUP:
                continue  # scare quotes are nobody's voice
            counts = speakers.setdefault(group.speaker, [0, 0])
            counts[0] += len(group.quotes)
            counts[1] += group.words
    total_words = sum(words for _quotes, words in speakers.values()) or 1
    shares = [SpeakerShare(name, quotes, words, words / total_words) for name, (quotes, words) in speakers.items()]
    shares.sort(key=lambda s: (s.speaker == "Unattributed", -s.words, s.speaker))
    all_passages = [p for c in chapters for p in c.passages]
    coders: dict[str, int] = {}
    for passage in all_passages:
        name = passage.author or "unknown"
        coders[name] = coders.get(name, 0) + 1
    return Summary(
        documents=len(chapters), passages=len(all_passages),
        quotes=sum(s.quotes for s in shares), people=top_people, speakers=shares[:SUMMARY_ROWS],
        tags=sorted(_tag_summary(all_passages, tags), key=lambda t: (-t.count, t.name.casefold())),
        coders=sorted(coders.items(), key=lambda item: (-item[1], item[0].casefold())),
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
        doc_id=document.id, title=document.title, source=display_source(document.source),
        imported_at=document.imported_at,
        model=result.model.label if result else "not analysed",
        paragraphs=paragraphs, passages=passages,
        people=list(result.people) if (result and options.people) else [],
        quote_groups=_quote_groups(quotes),
        tag_summary=_tag_summary(passages, tags),
        entity_legend=legend,
        corrections=list(result.corrections) if result else [],
    )


def _paragraphs(text: str, title: str, entities: list[Span], quotes: list[Span],
                passages: list[Passage]) -> list[Paragraph]:
    # Passages that share text with another get a closing marker too: their colour alone cannot
    # show where each one ends.
    overlapping = {p.number for p in passages for q in passages
                   if p is not q and p.start < q.end and q.start < p.end}
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
                speaker=quote.attrs.get("speaker") if quote and quote.attrs.get("kind") != SCARE else None,
                passages=covering,
                opens=[p.number for p in passages if p.start == left],
                closes=[p.number for p in passages if p.end == right and p.number in overlapping]))
        closing = [p.number for p in passages if start < p.end <= end or (p.end == end + 1)]
        result.append(Paragraph(segments=segments, heading=index == 0 and line.strip() == title.strip(),
                                passages_closing=closing))
    return result


def _quote_groups(quotes: list[Span]) -> list[QuoteGroup]:
    speech, scare = quotes_by_speaker(quotes)
    named = [(speaker or "Unattributed", group) for speaker, group in speech] + ([(SCARE_GROUP, scare)] if scare else [])
    result = []
    for name, group in named:
        items = [{"text": q.attrs.get("content", ""), "cue": q.attrs.get("cue"), "start": q.start, "end": q.end}
                 for q in group]
        result.append(QuoteGroup(name, items, sum(len(q["text"].split()) for q in items)))
    return result


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

