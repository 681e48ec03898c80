"""Plain-text import (.txt, .md) with the encoding detected by charset-normalizer."""

from __future__ import annotations

import codecs
from pathlib import Path

from charset_normalizer import from_bytes

from annotext.core.blocks import with_blocks
from annotext.core.document import Document, guess_title, normalise_newlines
from annotext.importers.errors import ImportFailed
from annotext.importers import limits
from annotext.importers.source_file import read_bytes, source_of

MARKDOWN_SUFFIXES = (".md", ".markdown")
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_text(data: bytes, path: Path) -> str:
    """Decode bytes of unknown encoding: BOMs first, then strict UTF-8, then charset-normalizer."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data, encoding, path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _detect(data, path)
    if _looks_binary(text):
        raise ImportFailed(path, "not a text file (it contains binary data)")
    return text


# Western legacy encodings are by far the most common non-UTF-8 text; charset-normalizer scores
# them nearly equal to Baltic/Central European code pages on French or German prose, so among
# near-ties prefer these (a Cyrillic or Greek text has a clearly better-scoring match of its own).
_PREFERRED = ("cp1252", "iso8859_15", "latin_1")
_NEAR_TIE = 0.1


def _detect(data: bytes, path: Path) -> str:
    matches = list(from_bytes(data))
    if not matches:
        raise ImportFailed(path, "not a text file (no text encoding fits its bytes)")
    best_chaos = min(m.chaos for m in matches)
    close = {m.encoding: m for m in matches if m.chaos <= best_chaos + _NEAR_TIE}
    for encoding in _PREFERRED:
        if encoding in close:
            return str(close[encoding])
    return str(min(matches, key=lambda m: (m.chaos, -m.coherence)))


def _strict(data: bytes, encoding: str, path: Path) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        raise ImportFailed(path, f"invalid {encoding} text at byte {error.start}") from None
    if _looks_binary(text):
        raise ImportFailed(path, "not a text file (it contains binary data)")
    return text


def _looks_binary(text: str) -> bool:
    """Control characters other than tab/newline/form feed in more than 1% of the text mean binary."""
    sample = text[:100_000]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    return "\x00" in sample or controls > max(1, len(sample) // 100)


def import_text(path: Path) -> Document:
    """A .txt/.md file as a Document: title from the first line, source the absolute path. The file may
    have as many bytes as any document may have characters (decoding never adds characters)."""
    text = normalise_newlines(decode_text(read_bytes(path, limits.MAX_TEXT_CHARS), path)).lstrip("\ufeff")
    if not text.strip():
        raise ImportFailed(path, "the file contains no text")
    metadata = {}
    if path.suffix.lower() in MARKDOWN_SUFFIXES:
        from annotext.importers.markdown import markdown_blocks

        metadata = with_blocks({}, markdown_blocks(text))
    return Document(title=guess_title(text, path.stem), text=text, source=source_of(path), metadata=metadata)
