"""Subjects the parser gives a reporting verb that cannot be its speaker.

The small model sometimes makes a noun in an absolute phrase the subject of the verb coordinated after it
("Marchetti climbed onto a hay wagon, sleeves rolled to the elbow, and told …"), or leaves a thing as the
subject of a cue inside a reported clause ("the AIU said analysis of his sample had revealed “…”"); the
attributor then looks for the person or the reporter instead (attribution.py).
"""

from __future__ import annotations

from annotext.analysis.described_organisations import ORGANISATION_NOUNS
from annotext.analysis.document_authors import AUTHORED_NOUNS
from annotext.analysis.epithets import SOURCE_NOUNS
from annotext.analysis.parse import ParagraphParse, Tok


def in_absolute_phrase(parse: ParagraphParse, subject: Tok) -> bool:
    """", sleeves rolled to the elbow," / ", a seed-company cap pulled low": a common noun after a comma with a
    past participle right after it describes the subject of the sentence; the parser may make it the subject
    of the reporting verb coordinated after it."""
    after = parse.toks[subject.i + 1] if subject.i + 1 < len(parse.toks) else None
    first = parse.toks[subject.left]
    before = parse.toks[first.i - 1] if first.i > 0 else None
    return subject.pos == "NOUN" and after is not None and after.tag in {"VBN", "VBD"} and before is not None \
        and before.text == ","


def a_thing(subject: Tok) -> bool:
    """A common noun that names neither a person, a group, an organisation nor a document ("analysis", "eye")."""
    return subject.pos == "NOUN" and subject.lower not in SOURCE_NOUNS and subject.lower not in ORGANISATION_NOUNS \
        and subject.lower not in AUTHORED_NOUNS and not subject.lower.endswith(("ers", "ists", "ians"))
