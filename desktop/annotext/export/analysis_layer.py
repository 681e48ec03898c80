"""The automatic layer of a document as the data exports carry it: its quotations (speaker, speech
or scare quote) and its people's mentions, both as the analyst corrected them, plus the passages the
export options choose. CSV, W3C JSON and .qdpx render these records, so the three cannot disagree
on what was detected, what was corrected and by whom (docs/architecture.md, "Data flow", step 6).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from annotext.core.annotations import Annotation
from annotext.core.document import Document
from annotext.core.results import SCARE, AnalysisResult
from annotext.export.report import SCARE_GROUP

PASSAGE = "passage"
QUOTATION = "quotation"
MENTION = "person mention"
SPEECH = "speech"
PERSON_LABEL = "PERSON"
UNATTRIBUTED = "Unattributed"  # the speaker code of quotations without a speaker
SCARE_QUOTES = SCARE_GROUP  # where scare quotes are grouped, as in the reports: nobody's voice
ANALYSER = "Annotext analyser"  # the author of the automatic rows, annotations and codings
ANALYST = "analyst"  # who corrected, when a correction was stored without an author


@dataclass(frozen=True, slots=True)
class AutoQuote:
    """A quotation as the corrected analysis has it. `speaker` None: unattributed (scare quotes are
    nobody's words); `corrected_by` names the analyst who corrected or added it, "" if untouched."""

    start: int
    end: int
    exact: str
    content: str
    speaker: str | None
    kind: str  # "speech" or "scare"
    cue: str | None
    corrected_by: str = ""
    added: bool = False


@dataclass(frozen=True, slots=True)
class Mention:
    """A mention of a person under the canonical (corrected) name; `corrected_by` names the analysts
    whose corrections decided that name or added the mention, "" if the model's."""

    start: int
    end: int
    exact: str
    person: str
    corrected_by: str = ""


def wants_quotes(options) -> bool:
    """Quotations are exported unless the options leave them out (`--no-quotes`)."""
    return options is None or options.quotes


def wants_mentions(options) -> bool:
    """People's mentions are exported unless the options leave out the people (`--no-people`) or
    the PERSON entities (`--no-entities`, `--labels` without PERSON)."""
    if options is None:
        return True
    labels = options.entity_labels
    return options.people and (labels is None or PERSON_LABEL in labels)


def chosen_passages(annotations: list[Annotation], options) -> list[Annotation]:
    """The analyst's passages the options keep (`--no-passages`, `--tags`), in text order; their
    comments dropped with `--no-comments`. The same choice the report formats make."""
    if options is not None and not options.passages:
        return []
    kept = [a for a in annotations
            if options is None or options.tag_ids is None or any(t in options.tag_ids for t in a.tag_ids)]
    if options is not None and not options.comments:
        kept = [replace(a, comment="") for a in kept]
    return kept


def quotations(document: Document, result: AnalysisResult | None, options=None) -> list[AutoQuote]:
    """The quotations shown to the analyst, corrections applied; those marked "not a quotation"
    (`result.hidden_quotes`) are not among them."""
    if result is None or not wants_quotes(options):
        return []
    text = document.text
    quotes = []
    for quote in result.quotes:
        attrs = quote.attrs
        scare = attrs.get("kind") == SCARE
        quotes.append(AutoQuote(
            start=quote.start, end=quote.end, exact=text[quote.start:quote.end],
            content=attrs.get("content") or text[quote.start:quote.end],
            speaker=None if scare else (attrs.get("speaker") or None), kind=SCARE if scare else SPEECH,
            cue=attrs.get("cue"),
            corrected_by=(attrs.get("corrected_by") or ANALYST) if attrs.get("corrected") else "",
            added=bool(attrs.get("added"))))
    return quotes


def mentions(document: Document, result: AnalysisResult | None, options=None) -> list[Mention]:
    """Every PERSON mention linked to a person of the corrected people index: renamed and merged
    people under their new name, "not a person" ones gone, added ones present."""
    if result is None or not wants_mentions(options):
        return []
    authors = _correcting_authors(result)
    text = document.text
    found = []
    for entity in result.entities:
        name = entity.attrs.get("person")
        if entity.label != PERSON_LABEL or not name:
            continue
        by = authors.get(name, "") or (ANALYST if entity.attrs.get("corrected") else "")
        found.append(Mention(entity.start, entity.end, text[entity.start:entity.end], name, by))
    return found


def _correcting_authors(result: AnalysisResult) -> dict[str, str]:
    """Person name -> the analysts (joined with "; ") whose corrections that person carries: a
    person's `corrections` notes are the `change` of the result's correction notes."""
    by_change: dict[str, list[str]] = {}
    for note in result.corrections:
        by_change.setdefault(note.change, []).append(note.author or ANALYST)
    authors = {}
    for person in result.people:
        names = [author for change in person.corrections for author in by_change.get(change, [])]
        if person.corrections and not names:
            names = [ANALYST]
        authors[person.name] = "; ".join(dict.fromkeys(names))
    return authors
