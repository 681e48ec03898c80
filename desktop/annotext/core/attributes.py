"""Document attributes: source (outlet), publication date, author, and free key=value pairs.

They live in a document's metadata (what the importer found, plus the analyst's edits); the
canonical keys below are derived from whatever the file called them (trafilatura's `sitename`,
EPUB's `creator` and `publisher`, PDF's `creationdate`…), so the corpus view can filter and group
by them whatever the format.
"""

from __future__ import annotations

import re
from datetime import date

SOURCE = "source"
DATE = "date"
AUTHOR = "author"
CANONICAL = (SOURCE, DATE, AUTHOR)

# First match wins: what each file format calls the canonical attributes.
_ALIASES = {
    SOURCE: ("source", "outlet", "sitename", "publisher", "site_name", "hostname"),
    DATE: ("date", "published", "creationdate", "created"),
    AUTHOR: ("author", "byline", "creator"),
}
_KEY = re.compile(r"^[\w.-]{1,64}$")
MAX_VALUE = 500
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_PDF = re.compile(r"^D:(\d{4})(\d{2})(\d{2})")
_DMY = re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})$")


class BadAttribute(ValueError):
    """A key or value the analyst typed that cannot be stored; the message says why."""


def normalise_date(value: object) -> str | None:
    """`YYYY-MM-DD` for the dates files carry (ISO, ISO with time, PDF `D:2024…`, `5.3.2024`), else None."""
    text = str(value or "").strip()
    for pattern, order in ((_ISO, (0, 1, 2)), (_PDF, (0, 1, 2)), (_DMY, (2, 1, 0))):
        match = pattern.search(text) if pattern is _ISO else pattern.match(text)
        if match:
            parts = [int(g) for g in match.groups()]
            try:
                return date(parts[order[0]], parts[order[1]], parts[order[2]]).isoformat()
            except ValueError:
                return None
    return None


def attributes(metadata: dict) -> dict[str, str]:
    """The attributes of a document: the canonical ones derived from its metadata, then every other
    plain (text or number) metadata value under its own key. Empty values are left out."""
    out: dict[str, str] = {}
    used: set[str] = set()
    for key, names in _ALIASES.items():
        for name in names:
            value = metadata.get(name)
            if value in (None, "") or isinstance(value, (dict, list)):
                continue
            text = normalise_date(value) if key == DATE else " ".join(str(value).split())[:MAX_VALUE]
            if text:
                out[key] = text
                used.update(names)
                break
    for key, value in metadata.items():
        if key in used or key in out or isinstance(value, (dict, list, bool)) or value in (None, ""):
            continue
        text = " ".join(str(value).split())[:MAX_VALUE]
        if text and _KEY.match(key):
            out[key] = text
    return out


def parse_assignment(text: str) -> tuple[str, str]:
    """`key=value` as typed on the command line or in the GUI; an empty value removes the key."""
    key, sep, value = text.partition("=")
    key = key.strip().lower()
    if not sep or not _KEY.match(key):
        raise BadAttribute(f"{text!r}: expected KEY=VALUE with a key of letters, digits, '.', '-' or '_'")
    value = " ".join(value.split())
    if len(value) > MAX_VALUE:
        raise BadAttribute(f"{key}: values are at most {MAX_VALUE} characters")
    if key == DATE and value:
        iso = normalise_date(value)
        if iso is None:
            raise BadAttribute(f"date: {value!r} is not a date (use YYYY-MM-DD)")
        value = iso
    return key, value


def with_attribute(metadata: dict, key: str, value: str) -> dict:
    """A copy of `metadata` where attribute `key` is `value` (removed when empty), so that the
    derived attributes agree: setting `source` also replaces the file's `sitename`."""
    out = dict(metadata)
    for name in _ALIASES.get(key, ()):
        out.pop(name, None)
    out.pop(key, None)
    if value:
        out[key] = value
    return out
