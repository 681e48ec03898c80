"""Document structure in the reader: headings larger and bold, list items indented behind a bullet,
block quotes indented beside a rule, all from block and character formats, never an added
character, so every Qt position still maps to the same code point (gui/positions.py)."""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING, Callable

from PySide6.QtGui import QTextBlockFormat, QTextCursor, QTextDocument, QTextListFormat

from annotext.core.blocks import BLOCKQUOTE, HEADINGS, LIST_ITEM, Block

if TYPE_CHECKING:
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QTextEdit

# A list item whose text already starts with its marker (trafilatura writes "- ") gets no second bullet.
_WRITTEN_MARKER = re.compile(r"^\s*(?:[-*•‣◦▪–]|\d{1,3}[.)]|[a-zA-Z][.)])\s")
HEADING_SIZES = {"h1": 2, "h2": 1, "h3": 0}  # QFont size adjustment: the title is 2, like h1
INDENT_EMS = 1.6  # one level of indentation, in widths of "M" (so it follows zoom)


def heading_ranges(text: str, blocks: list[Block], title_line: bool) -> list[tuple[int, int, int]]:
    """(start, end, size adjustment) of every heading to paint bold and larger: the title line
    (when shown as such) and the heading blocks, in order and without overlap."""
    ranges = []
    title_end = 0
    if title_line:
        title_end = text.find("\n")
        title_end = len(text) if title_end < 0 else title_end
        ranges.append((0, title_end, 2))
    ranges.extend((b.start, b.end, HEADING_SIZES[b.kind]) for b in blocks
                  if b.kind in HEADINGS and b.start >= title_end)
    return ranges


def overlapping(ranges: list[tuple[int, int, int]], ends: list[int], start: int, end: int):
    """The ranges sharing a character with [start, end) (`ends`: each range's end, ascending)."""
    for index in range(bisect_left(ends, start + 1), len(ranges)):
        if ranges[index][0] >= end:
            break
        yield ranges[index]


def apply_block_formats(document: QTextDocument, blocks: list[Block], to_qt: Callable[[int], int]) -> None:
    """Give each structured line its block format (merged over the reader's paragraph layout):
    space around headings, a bullet and indent for list items, an indent for block quotes.
    Consecutive list items share one list, so Qt draws their bullets aligned; the lines after an
    item whose marker is in the text ("- ") are its wrapped rest, indented without a bullet."""
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    current_list, last_item, written = None, None, False
    for block in blocks:
        qt_block = document.findBlock(to_qt(block.start))
        cursor.setPosition(qt_block.position())
        fmt = QTextBlockFormat()
        if block.kind in HEADINGS:
            fmt.setTopMargin(10)
            fmt.setBottomMargin(8)
            fmt.setLineHeight(125, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        elif block.kind == LIST_ITEM:
            fmt.setBottomMargin(6)
            follows = last_item is not None and last_item.next() == qt_block
            if _WRITTEN_MARKER.match(qt_block.text()):
                fmt.setIndent(1)
                written = True
            elif written and follows:  # the wrapped rest of an item with its marker in the text
                fmt.setIndent(1)
            elif current_list is not None and follows:
                current_list.add(qt_block)
            else:
                written = False
                style = QTextListFormat()
                style.setStyle(QTextListFormat.Style.ListDisc)
                style.setIndent(1)
                current_list = cursor.createList(style)
            last_item = qt_block
        elif block.kind == BLOCKQUOTE:
            fmt.setIndent(1)
            fmt.setRightMargin(16)
        cursor.mergeBlockFormat(fmt)
    cursor.endEditBlock()


def indent_width(view: QTextEdit) -> float:
    """One indentation level for the view's current (zoomed) font."""
    return view.fontMetrics().horizontalAdvance("M") * INDENT_EMS


def quote_rules(view: QTextEdit, quotes: list[Block], top: int, bottom: int,
                to_qt: Callable[[int], int]) -> list[QRect]:
    """Where the rule beside each block quote between offsets `top` and `bottom` is drawn (viewport
    coordinates): a thin bar in the middle of the quote's indent, from its first line to its last,
    unbroken down consecutive quoted paragraphs. `quotes` are the block quotes in text order."""
    from PySide6.QtCore import QRect

    rects = []
    gap = int(view.document().indentWidth() / 2)
    for index in range(bisect_left([q.end for q in quotes], top), len(quotes)):
        block = quotes[index]
        if block.start > bottom:
            break
        cursor = QTextCursor(view.document())
        cursor.setPosition(to_qt(block.start))
        first = view.cursorRect(cursor)
        cursor.setPosition(to_qt(block.end))
        bottom_y = view.cursorRect(cursor).bottom()
        if index + 1 < len(quotes) and quotes[index + 1].start == block.end + 1:  # one rule down a quote
            cursor.setPosition(to_qt(quotes[index + 1].start))                       # of several paragraphs
            bottom_y = view.cursorRect(cursor).top()
        rects.append(QRect(first.left() - gap, first.top(), 3, max(4, bottom_y - first.top())))
    return rects
