"""Qt text formats for each highlight layer, built once and shared.

Entities paint a background (displaCy colours, dark text so they stay legible in dark mode);
quotations paint an underline and italics, so an entity inside a quotation keeps its colour;
scare quotes (words held at a distance, not speech) only a dotted underline; a quotation the
analyst marked "not a quotation" a faint grey wave, so it can be found and restored.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextFormat

from typing import TYPE_CHECKING

from annotext.core.palette import QUOTE_COLOUR, colour_for

if TYPE_CHECKING:
    from annotext.core.spans import Span

HIDDEN_QUOTE = "hidden_quote"  # the reader's kind for a quotation marked "not a quotation"
_cache: dict[tuple[str, str, bool], QTextCharFormat] = {}


def format_for(span: "Span") -> QTextCharFormat:
    """The format merged onto a span's characters (cached per kind and label)."""
    key = (span.kind, span.label, span.attrs.get("kind") == "scare")
    fmt = _cache.get(key)
    if fmt is None:
        fmt = _build(*key)
        _cache[key] = fmt
    return fmt


def _build(kind: str, label: str, scare: bool = False) -> QTextCharFormat:
    from annotext.core.results import ENTITY, QUOTE

    fmt = QTextCharFormat()
    if kind == ENTITY:
        fmt.setBackground(QColor(colour_for(label)))
        fmt.setForeground(QColor("#111111"))
    elif kind == HIDDEN_QUOTE:
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        fmt.setUnderlineColor(QColor("#b0b0b0"))
    elif kind == QUOTE and scare:
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        fmt.setUnderlineColor(QColor(QUOTE_COLOUR))
    elif kind == QUOTE:
        fmt.setFontItalic(True)
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(QColor(QUOTE_COLOUR))
    return fmt


def heading_format(size: int = 2) -> QTextCharFormat:
    """A heading (the title is size 2): bold and larger by `size` steps, relative to the reader's
    font so zoom scales it."""
    fmt = _headings.get(size)
    if fmt is None:
        fmt = _headings[size] = QTextCharFormat()
        fmt.setFontWeight(QFont.Weight.Bold)
        fmt.setProperty(QTextFormat.Property.FontSizeAdjustment, size)
    return fmt


_headings: dict[int, QTextCharFormat] = {}


def plain_format() -> QTextCharFormat:
    """No properties at all: characters fall back to the document's default font and colours."""
    return QTextCharFormat()


__all__ = ["format_for", "heading_format", "plain_format"]
