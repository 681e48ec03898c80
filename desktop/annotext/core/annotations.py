"""The analyst's own layer: a codebook of tags and annotations (passages with tags and a comment).

Annotations carry both a position (code points) and the exact text with 32 characters of context,
the W3C Web Annotation TextPositionSelector + TextQuoteSelector, so they can be re-anchored when
a document's text changes (docs/architecture.md, "Re-anchoring").
"""

from __future__ import annotations

import getpass
import re
from dataclasses import dataclass, field

from annotext.core.errors import InputError

CONTEXT = 32
# Automatic tag colours, chosen so a coded passage never hides an entity inside it: every colour is at
# least 12 CIEDE2000 units from every entity colour (core/palette.py), from the grey of comment-only
# passages, from both themes' reading backgrounds and from each other (tests/core/test_tag_colours.py
# measures it); all keep near-black text above a 9:1 contrast ratio.
TAG_PALETTE = ["#7abefa", "#ff9e14", "#f9a7d1", "#6bd36d", "#b5b3d6", "#64fcd7", "#b7c21a", "#f3d9ba",
               "#acbf9e", "#c2f26c"]
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


class AnnotationError(InputError, ValueError):
    """An edit that cannot be applied; the message says why, in the analyst's terms."""


@dataclass(slots=True)
class Tag:
    """One code of the codebook. `parent_id` makes the codebook a tree; `shortcut` is a key 1–9."""

    name: str
    colour: str = TAG_PALETTE[0]
    parent_id: int | None = None
    shortcut: int | None = None
    description: str = ""
    guid: str = ""
    id: int | None = None


@dataclass(slots=True)
class Annotation:
    """A tagged and/or commented passage of one document."""

    doc_id: int
    start: int
    end: int
    exact: str
    prefix: str = ""
    suffix: str = ""
    comment: str = ""
    tag_ids: list[int] = field(default_factory=list)
    author: str = ""
    created_at: str = ""
    updated_at: str = ""
    id: int | None = None
    orphaned: bool = False


def default_author() -> str:
    """Who writes an annotation when the settings name nobody: ANNOTEXT_CODER, else the person's
    full name as the system records it (reports name people, not accounts), else the login name."""
    import os

    named = " ".join(os.environ.get("ANNOTEXT_CODER", "").split())
    if named:
        return named
    try:
        login = getpass.getuser()
    except (KeyError, OSError):
        return "analyst"
    try:
        import pwd

        full_name = pwd.getpwnam(login).pw_gecos.split(",")[0].strip()
    except (ImportError, KeyError, OSError):
        full_name = ""
    return " ".join(full_name.split()) or login


def selectors(text: str, start: int, end: int) -> tuple[str, str, str]:
    """(exact, prefix, suffix) of [start, end) in `text`, the TextQuoteSelector of a passage."""
    return text[start:end], text[max(0, start - CONTEXT):start], text[end:end + CONTEXT]


def validate_range(text: str, start: int, end: int) -> None:
    """Refuse empty, reversed or out-of-text ranges and passages that are only white space."""
    if not (0 <= start < end <= len(text)):
        raise AnnotationError(f"the range {start}–{end} is not a passage of this document (0–{len(text)})")
    if not text[start:end].strip():
        raise AnnotationError("the selected passage is only white space")


# Control characters break XML codebooks and terminals; bidi embeddings, overrides and isolates
# make a name read differently from what it is ("Trojan Source"). Neither belongs in a tag name.
_NAME_FORBIDDEN = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
MAX_COMMENT_CHARS = 20_000
"""The longest comment a passage can carry (about eight printed pages): long enough for any note,
short enough that every export lays it out in moments. Stated in the comment dialog."""


def validate_tag_name(name: str) -> str:
    """Tag names are trimmed, non-empty, single-line, at most 100 characters, and free of control
    characters and bidi overrides."""
    cleaned = " ".join(name.split())
    cleaned = "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in cleaned)
    if not cleaned:
        raise AnnotationError("a tag needs a name")
    if len(cleaned) > 100:
        raise AnnotationError("a tag name is at most 100 characters")
    bad = _NAME_FORBIDDEN.search(cleaned)
    if bad:
        raise AnnotationError(f"a tag name cannot contain the control character U+{ord(bad.group()):04X}")
    return cleaned


def strip_name_controls(name: str) -> str:
    """A name from another program with the characters validate_tag_name refuses removed."""
    return _NAME_FORBIDDEN.sub("", name)


def validate_comment(comment: str) -> str:
    """Comments are at most MAX_COMMENT_CHARS characters; the message says how far over it is."""
    if len(comment) > MAX_COMMENT_CHARS:
        raise AnnotationError(f"a comment is at most {MAX_COMMENT_CHARS:,} characters "
                              f"(this one has {len(comment):,})")
    return comment


def validate_colour(colour: str) -> str:
    """Colours are #rrggbb, stored lower-case."""
    if not _COLOUR.match(colour or ""):
        raise AnnotationError(f"{colour!r} is not a colour of the form #rrggbb")
    return colour.lower()


def next_colour(used: list[str]) -> str:
    """The first palette colour not used yet (cycling when all are)."""
    for colour in TAG_PALETTE:
        if colour not in used:
            return colour
    return TAG_PALETTE[len(used) % len(TAG_PALETTE)]


def find_quote(text: str, quote: str) -> list[int]:
    """Start offsets of every occurrence of `quote` in `text` (for `annotate --quote`)."""
    if not quote:
        return []
    starts, position = [], text.find(quote)
    while position >= 0:
        starts.append(position)
        position = text.find(quote, position + 1)
    return starts
