"""Document structure kept from import: which lines are headings, list items or block quotes.

The text itself never changes (every offset in analyses, passages and exports points into it), so
structure is metadata beside it: `metadata["blocks"]` holds `[start, end, kind]` code-point ranges,
one per line, in text order. It is read back with `blocks_of`, which drops anything malformed, out
of range or crossing a line break, so a damaged or stale entry costs only its styling.
"""

from __future__ import annotations

from dataclasses import dataclass

METADATA_KEY = "blocks"
HEADING_1, HEADING_2, HEADING_3 = "h1", "h2", "h3"
LIST_ITEM = "li"
BLOCKQUOTE = "blockquote"
HEADINGS = (HEADING_1, HEADING_2, HEADING_3)
KINDS = frozenset((*HEADINGS, LIST_ITEM, BLOCKQUOTE))


@dataclass(frozen=True, slots=True)
class Block:
    """One line of the text that the source marked as a heading, list item or block quote."""

    start: int
    end: int
    kind: str


def heading_kind(level: int) -> str:
    """The heading kind of an HTML/Word heading level: 1-3 as such, deeper levels as the smallest."""
    return HEADINGS[min(max(level, 1), 3) - 1]


def line_blocks(lines: list[str], kinds: list[str | None], start: int = 0) -> list[Block]:
    """Blocks for `lines` joined with "\\n" from offset `start`: how importers that build their text
    line by line say which lines carried structure (a kind of None is an ordinary paragraph)."""
    blocks = []
    position = start
    for line, kind in zip(lines, kinds):
        if kind in KINDS and line:
            blocks.append(Block(position, position + len(line), kind))
        position += len(line) + 1
    return blocks


def with_blocks(metadata: dict, blocks: list[Block]) -> dict:
    """`metadata` with these blocks stored (JSON-ready), or without the key when there are none."""
    out = {key: value for key, value in metadata.items() if key != METADATA_KEY}
    if blocks:
        out[METADATA_KEY] = [[b.start, b.end, b.kind] for b in blocks]
    return out


def blocks_of(metadata: object, text: str) -> list[Block]:
    """The valid blocks stored in a document's metadata for this text, in order and without overlap.
    Anything else (not a list, wrong types, unknown kind, out of range, spanning a line break,
    overlapping an earlier block) is ignored, one entry at a time."""
    raw = metadata.get(METADATA_KEY) if isinstance(metadata, dict) else None
    if not isinstance(raw, list):
        return []
    blocks: list[Block] = []
    last_end = 0
    for entry in raw:
        if not (isinstance(entry, (list, tuple)) and len(entry) == 3):
            continue
        start, end, kind = entry
        if (type(start) is not int or type(end) is not int or kind not in KINDS
                or not 0 <= start < end <= len(text) or start < last_end or "\n" in text[start:end]):
            continue
        blocks.append(Block(start, end, kind))
        last_end = end
    return blocks
