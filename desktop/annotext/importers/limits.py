"""The limits every importer applies, so that no file can make an import take unbounded time or memory
(the aim: any file is imported or refused within a minute and a gigabyte)."""

from __future__ import annotations

from pathlib import Path

from annotext.importers.errors import ImportFailed

# The longest text any importer returns, in characters. Plain-text and HTML files are capped at the
# same number of bytes, so every format gets the same limit whichever way its text is stored.
MAX_TEXT_CHARS = 50 * 1024 * 1024
MAX_DOCUMENT_FILE_BYTES = 200 * 1024 * 1024  # .pdf, .docx, .epub as read from disk
# Article extraction (trafilatura) takes ~2 µs and ~25 bytes of memory per byte of a text-dense page
# (20 MB: 37 s, 570 MB); larger pages are read by their block elements, which is linear and fast.
MAX_EXTRACTION_BYTES = 10 * 1024 * 1024

# ZIP containers (.docx, .epub): checked from the central directory before anything is decompressed.
MAX_ARCHIVE_ENTRIES = 20_000
MAX_EXPANDED_BYTES = 256 * 1024 * 1024  # the members read, by their declared uncompressed sizes
MAX_MARKUP_BYTES = 128 * 1024 * 1024  # one XML/XHTML member: parsed into a tree ~3x its size in memory
MAX_COMPRESSION_RATIO = 200  # deflate cannot exceed ~1032:1; real XML and text stay below ~50:1
RATIO_GRACE_BYTES = 4 * 1024 * 1024  # small members may be as repetitive as they like


def megabytes(size: int) -> str:
    """A size for a message: "52 MB"."""
    return f"{size / 1e6:,.0f} MB"


class TextBudget:
    """Counts the characters an importer has produced and refuses the file as soon as the limit is
    passed, so text that multiplies while it is extracted (a merged table cell repeated on every row,
    thousands of chapters) is stopped while reading, not after it has filled the memory."""

    def __init__(self, path: Path, limit: int | None = None):
        self.path = path
        self.limit = MAX_TEXT_CHARS if limit is None else limit
        self.used = 0

    def take(self, text: str) -> str:
        """Count `text` (plus its line break) and return it; ImportFailed once over the limit."""
        self.take_count(len(text) + 1)
        return text

    def take_count(self, characters: int) -> None:
        """Count characters about to be read; ImportFailed once over the limit."""
        self.used += characters
        if self.used > self.limit:
            raise ImportFailed(self.path, f"the text is too long (more than {self.limit:,} characters, "
                                          "the limit for any document)")
