"""Named entities from spaCy docs, cleaned into plain spans, with labels made consistent.

Cleaning is what turns the model's raw output into what an analyst expects to see highlighted:
no leading "the", no trailing possessive, "China’s Jilin University" split into the place and
the organisation, and one label per surface form within a document.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from annotext.analysis.normalise import past_combining_marks

from annotext.core.results import ENTITY
from annotext.core.spans import Span

# Labels whose entities we keep; everything spaCy's OntoNotes models produce.
_POSSESSIVE = re.compile(r"[’']s?$")
_TRAILING_JUNK = " \t,.;:!?—–-)(\"“”‘’'"
_LEADING_JUNK = " \t,.;:!?—–-(\"“”‘’'"


def doc_entities(doc, offset: int) -> list[Span]:
    """Entities of one paragraph's spaCy doc as cleaned spans, offsets shifted by `offset`."""
    text = doc.text  # spaCy rebuilds this string on every access: read it once, not once per entity
    spans: list[Span] = []
    for ent in doc.ents:
        span = _trimmed(text, ent.start_char, ent.end_char, offset, ent.label_)
        if span is not None:
            spans.append(span)
    return spans


_INNER_POSSESSIVE = re.compile(r"[’']s\s+")


def split_possessives(entities: list[Span], text: str) -> list[Span]:
    """Split "China’s Jilin University" into "China" and "Jilin University".

    Only when the part before the possessive is itself an entity elsewhere in the document,
    so that names that contain a possessive ("McDonald’s Corporation") stay whole.
    """
    known = {span.text_in(text): span.label for span in entities if not _INNER_POSSESSIVE.search(span.text_in(text))}
    result: list[Span] = []
    for span in entities:
        surface = span.text_in(text)
        match = _INNER_POSSESSIVE.search(surface)
        head = surface[: match.start()] if match else ""
        if match and head in known and match.end() < len(surface):
            result.append(Span(span.start, span.start + len(head), ENTITY, known[head]))
            result.append(Span(span.start + match.end(), span.end, ENTITY, span.label))
        else:
            result.append(span)
    return result


def _trimmed(text: str, start: int, end: int, offset: int, label: str) -> Span | None:
    """Trim determiners, possessives and punctuation from the edges; None if nothing is left. A
    combining accent after the last letter stays with it ("Adébáyọ̀": the model's token may stop
    before the U+0300)."""
    end = past_combining_marks(text, end)
    while start < end and text[start] in _LEADING_JUNK:
        start += 1
    while end > start and text[end - 1] in _TRAILING_JUNK:
        end -= 1
    if text[start:end].startswith("the ") and label not in {"DATE", "TIME", "WORK_OF_ART", "EVENT", "LAW"}:
        start += 4
    match = _POSSESSIVE.search(text[start:end])
    if match and match.start() > 0 and label not in {"DATE", "TIME", "CARDINAL", "QUANTITY"}:
        end = start + match.start()
    if end <= start or not any(ch.isalnum() for ch in text[start:end]):
        return None
    return Span(start + offset, end + offset, ENTITY, label)


def harmonise_labels(entities: list[Span], text: str) -> list[Span]:
    """Give every occurrence of a surface form the label the model chose most often for it.

    The small model sometimes labels one "Russia" GPE and the next ORG depending on context;
    an analyst expects the same word to be the same kind of thing throughout an article.
    Numbers and dates keep their own labels.
    """
    votes: dict[str, Counter] = defaultdict(Counter)
    for span in entities:
        votes[span.text_in(text)][span.label] += 1
    result = []
    for span in entities:
        counts = votes[span.text_in(text)]
        best, best_count = counts.most_common(1)[0]
        if best != span.label and best_count > counts[span.label] and span.label not in _NUMERIC:
            span = Span(span.start, span.end, span.kind, best, dict(span.attrs))
        result.append(span)
    return result


_NUMERIC = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}


_HYPHEN_TAIL = re.compile(r"-[A-Z][\w’']*")
_SYLLABLE_TAIL = re.compile(r"-[a-z]{2,5}\b(?!-)")  # "-seok" of the Korean given name "Min-seok"
_HYPHEN_HEAD = re.compile(r"[A-Z][\w’']*-$")


def joined_hyphenated_names(entities: list[Span], text: str) -> list[Span]:
    """A person's double-barrelled surname is one name: the model often stops at the hyphen
    ("Jacinta Moreland" + "-Price", "Daniel Okonkwo" + "-Reyes") or starts after it; extend the
    PERSON span over the other half and drop whatever entity the other half was given."""
    result: list[Span] = []
    for span in entities:
        if span.label == "PERSON":
            start, end = span.start, span.end
            tail = _HYPHEN_TAIL.match(text, end)
            last = text[start:end].rsplit(" ", 1)[-1]
            if tail is None and len(text[start:end].split()) == 2 and last[:1].isupper() and 2 <= len(last) <= 4:
                tail = _SYLLABLE_TAIL.match(text, end)  # "Kang Min" + "-seok"
            if tail is not None:
                end = tail.end()
            head = _HYPHEN_HEAD.search(text, max(0, start - 40), start)
            if head is not None and head.end() == start:
                start = head.start()
            if (start, end) != (span.start, span.end):
                while result and result[-1].end > start:
                    result.pop()  # the first half, tagged as something else
                span = Span(start, end, span.kind, span.label, dict(span.attrs))
        elif result and result[-1].label == "PERSON" and span.start < result[-1].end:
            continue  # the second half, now inside the person's span
        result.append(span)
    return result
