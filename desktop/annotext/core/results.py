"""What an analysis produces, as plain data: entity and quote spans plus the people index.

Built by `annotext.analysis`, stored by `annotext.storage`, shown by the GUI and printed by
`annotext analyze --json` (docs/architecture.md, "Command line"); nothing here knows about spaCy.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from annotext.core.spans import Span

ENTITY = "entity"
QUOTE = "quote"
PERSON = "PERSON"  # the entity label of people (spaCy's)


@dataclass(slots=True)
class Person:
    """One real person: the fullest name used in the document, the other forms, and counts."""

    name: str
    aliases: list[str] = field(default_factory=list)
    mentions: int = 0
    quotes: int = 0
    quoted_words: int = 0
    corrections: list[str] = field(default_factory=list)  # what the analyst changed ("renamed from …")

    def to_json(self) -> dict:
        """The `people` item of `analyze --json` (docs/architecture.md, "Command line"), plus the
        share-of-voice word count and the analyst's corrections when there are any."""
        data = {
            "name": self.name,
            "aliases": list(self.aliases),
            "mentions": self.mentions,
            "quotes": self.quotes,
            "quoted_words": self.quoted_words,
        }
        if self.corrections:
            data["corrections"] = list(self.corrections)
        return data

    @classmethod
    def from_json(cls, data: dict) -> "Person":
        """Inverse of `to_json`, tolerant of older rows without the word count."""
        return cls(
            name=data["name"],
            aliases=list(data.get("aliases", [])),
            mentions=int(data.get("mentions", 0)),
            quotes=int(data.get("quotes", 0)),
            quoted_words=int(data.get("quoted_words", 0)),
            corrections=list(data.get("corrections", [])),
        )


@dataclass(frozen=True, slots=True)
class ModelInfo:
    """Which language model produced a result: part of the cache key and of every stored analysis."""

    name: str
    version: str

    @property
    def label(self) -> str:
        """Human-readable "name version" used in the status bar and About box."""
        return f"{self.name} {self.version}"


NO_MODEL = ModelInfo("none", "0")


@dataclass(frozen=True, slots=True)
class CorrectionNote:
    """One correction the analyst made, as reports list it: what, by whom, when."""

    subject: str  # the person or quotation it is about
    change: str  # "renamed to …", "speaker set to …"
    author: str = ""
    when: str = ""  # ISO 8601 UTC


@dataclass(slots=True)
class AnalysisResult:
    """Entities, quotes and people of one text, keyed by text hash, model and analyser version."""

    text_sha256: str
    model: ModelInfo
    analyser_version: str
    entities: list[Span] = field(default_factory=list)
    quotes: list[Span] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    hidden_quotes: list[Span] = field(default_factory=list)  # marked "not a quotation" (restorable)
    corrections: list[CorrectionNote] = field(default_factory=list)  # what the analyst changed

    def spans(self) -> list[Span]:
        """Every span of the result, entities first: what the reader highlights."""
        return [*self.entities, *self.quotes]

    def to_json(self, text: str) -> dict:
        """The `analyze --json` object (docs/architecture.md, "Command line"); offsets are code
        points into `text`."""
        return {
            "text": text,
            "model": {"name": self.model.name, "version": self.model.version},
            "analyser_version": self.analyser_version,
            "entities": [entity_json(span, text) for span in self.entities],
            "people": [person.to_json() for person in self.people],
            "quotes": [quote_json(span, text) for span in self.quotes],
        }


SCARE = "scare"  # a quote's attrs["kind"]: words held at a distance, not speech


def is_speech(quote: Span) -> bool:
    """Scare quotes stay visible but are not speech: they never count towards share of voice."""
    return quote.attrs.get("kind") != SCARE


def quotes_by_speaker(quotes: list[Span]) -> tuple[list[tuple[str | None, list[Span]]], list[Span]]:
    """Speech grouped by speaker, most quoted first (then by name), unattributed (None) last, each
    group in text order; and the scare quotes apart. The one grouping the Quotes panel and every
    report show."""
    groups: dict[str | None, list[Span]] = {}
    scare = []
    for quote in quotes:
        if is_speech(quote):
            groups.setdefault(quote.attrs.get("speaker") or None, []).append(quote)
        else:
            scare.append(quote)
    order = sorted(groups, key=lambda name: (name is None, -len(groups[name]), name or ""))
    return [(name, groups[name]) for name in order], scare


def result_from_json(data: dict) -> AnalysisResult:
    """Inverse of `AnalysisResult.to_json` (an `analyze --json` line): how analyses computed
    elsewhere (`import --with-analysis`, a cluster run) come back. ValueError saying what is wrong (a
    missing field, a wrong type, offsets beyond the text), without a prefix: the caller names the line."""
    from annotext.core.document import text_sha256

    if not isinstance(data, dict):
        raise ValueError(f"a JSON {type(data).__name__}, not an object")
    try:
        text = data["text"]
        model = data.get("model") or {}
        entities = [Span(int(e["start"]), int(e["end"]), ENTITY, str(e["label"]),
                         {"person": e["person"]} if e.get("person") else {}) for e in data.get("entities", [])]
        quotes = []
        for q in data.get("quotes", []):
            attrs = {k: v for k, v in q.items() if k not in ("start", "end", "text")}
            attrs["content"] = q.get("text", "")
            quotes.append(Span(int(q["start"]), int(q["end"]), QUOTE, "QUOTE",
                               {"content": attrs.pop("content"), **attrs}))
        people = [Person.from_json(p) for p in data.get("people", [])]
        if not isinstance(text, str) or any(s.end > len(text) for s in entities + quotes):
            raise ValueError("offsets beyond the text")
        return AnalysisResult(text_sha256=text_sha256(text),
                              model=ModelInfo(str(model.get("name", "none")), str(model.get("version", "0"))),
                              analyser_version=str(data["analyser_version"]),
                              entities=entities, quotes=quotes, people=people)
    except KeyError as error:
        raise ValueError(f"missing field {error}") from None
    except (TypeError, AttributeError) as error:
        raise ValueError(f"a field of the wrong type ({error})") from None


def recount_quotes(people: list[Person], quotes: list[Span]) -> None:
    """Fill each person's number of quotations and quoted words ("share of voice") from the quotes."""
    by_name = {person.name: person for person in people}
    for person in people:
        person.quotes = person.quoted_words = 0
    for quote in quotes:
        if not is_speech(quote):
            continue
        person = by_name.get(quote.attrs.get("speaker"))
        if person is not None:
            person.quotes += 1
            person.quoted_words += len(quote.attrs.get("content", "").split())


def entity_json(span: Span, text: str) -> dict:
    """One `entities` item: offsets, surface text, label and canonical person (or null)."""
    return {
        "start": span.start,
        "end": span.end,
        "text": span.text_in(text),
        "label": span.label,
        "person": span.attrs.get("person"),
    }


def quote_json(span: Span, text: str) -> dict:
    """One `quotes` item: offsets include the quote marks, `text` is the content without them;
    `kind` ("scare" or "speech") and `corrected` appear when known."""
    data = {
        "start": span.start,
        "end": span.end,
        "text": span.attrs.get("content", span.text_in(text)),
        "speaker": span.attrs.get("speaker"),
        "speaker_start": span.attrs.get("speaker_start"),
        "speaker_end": span.attrs.get("speaker_end"),
        "cue": span.attrs.get("cue"),
    }
    for key in ("kind", "corrected"):
        if span.attrs.get(key):
            data[key] = span.attrs[key]
    return data
