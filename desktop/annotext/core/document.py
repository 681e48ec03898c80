"""The Document value type and the text rules every importer follows (docs/architecture.md, "Data flow")."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field


@dataclass(slots=True)
class Document:
    """An imported text. `text` is exactly what was imported (decoded, newlines normalised)."""

    title: str
    text: str
    source: str = ""
    metadata: dict = field(default_factory=dict)
    id: int | None = None
    imported_at: str = ""

    @property
    def sha256(self) -> str:
        """Hash of the text: the analysis cache key, so changed text is always re-analysed."""
        return text_sha256(self.text)


def text_sha256(text: str) -> str:
    """Stable hash of a text (UTF-8 with surrogates escaped so any Python str can be hashed)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


_UNSTORABLE = re.compile("[\ud800-\udfff\x00]")


def clean_text(text: str) -> str:
    """Lone surrogates (pasted from broken sources) and NUL cannot be stored or shown: each becomes
    U+FFFD, one character for one, so nothing else moves."""
    return _UNSTORABLE.sub("\ufffd", text)


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF; nothing else changes, so offsets stay meaningful to the user."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def collapse_blank_lines(text: str) -> str:
    """Pasted text: each run of blank (or white-space-only) lines becomes one paragraph break, since
    every line is a paragraph here; trailing spaces go, and nothing else changes."""
    lines = [line.rstrip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line.strip())


def guess_title(text: str, fallback: str) -> str:
    """A document's title is its first non-empty line when that looks like a headline."""
    for line in text.split("\n"):
        line = line.strip()
        if line:
            return line if len(line) <= 200 else fallback
    return fallback


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line: the unit of analysis; nothing may cross a line break."""
    result = []
    position = 0
    for line in text.split("\n"):
        end = position + len(line)
        if line.strip():
            result.append((position, end))
        position = end + 1
    return result
