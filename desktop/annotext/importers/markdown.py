"""Structure of a Markdown file read as plain text: its text is kept exactly as written (the "#" and
"-" stay), and the lines that Markdown makes headings, list items and block quotes are marked as such
for the reader (core/blocks.py)."""

from __future__ import annotations

import re

from annotext.core.blocks import BLOCKQUOTE, LIST_ITEM, Block, heading_kind, line_blocks

_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+\S|[ \t]*$)")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_ITEM = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+\S")
_QUOTE = re.compile(r"^ {0,3}>")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")


def markdown_blocks(text: str) -> list[Block]:
    """Headings (ATX "#" and underlined), list items and block quotes, line by line; nothing inside a
    fenced code block, and an empty heading marks nothing."""
    lines = text.split("\n")
    kinds: list[str | None] = [None] * len(lines)
    fence = ""
    for number, line in enumerate(lines):
        opening = _FENCE.match(line)
        if fence:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = ""
            continue
        if opening:
            fence = opening.group(1)
            continue
        atx = _ATX.match(line)
        underline = _SETEXT.match(line)
        if atx:
            kinds[number] = heading_kind(len(atx.group(1))) if line.strip("# \t") else None
        elif (underline and number and lines[number - 1].strip() and kinds[number - 1] is None
              and not _RULE.match(lines[number - 1])):
            kinds[number - 1] = heading_kind(1 if underline.group(1)[0] == "=" else 2)
        elif _RULE.match(line):
            continue
        elif _ITEM.match(line):
            kinds[number] = LIST_ITEM
        elif _QUOTE.match(line):
            kinds[number] = BLOCKQUOTE
    return line_blocks(lines, kinds)
