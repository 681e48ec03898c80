"""Text of (X)HTML by its block elements, one line each: linear in the size of the markup, used for
e-book chapters and for web pages too large for article extraction."""

from __future__ import annotations

from annotext.core.blocks import BLOCKQUOTE, LIST_ITEM, Block, heading_kind, line_blocks
from annotext.importers.limits import TextBudget

BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dt", "dd", "figcaption",
                    "td", "th"})
NOT_TEXT = frozenset({"script", "style", "noscript", "template"})  # never reader-visible text


def block_lines(tree, budget: TextBudget, drop: frozenset[str] = NOT_TEXT) -> tuple[list[str], list[str | None]]:
    """The outermost block elements' text, one line each, after removing the elements in `drop`
    (their text, not the text that follows them); with each line, the structure it had (a heading,
    list item or block quote: core/blocks.py) or None."""
    for element in [e for e in tree.iter() if isinstance(e.tag, str) and local_name(e.tag) in drop
                    and e.getparent() is not None]:
        element.drop_tree()
    lines, kinds = [], []
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        if local_name(element.tag) in BLOCKS and not any(
                isinstance(a.tag, str) and local_name(a.tag) in BLOCKS for a in element.iterancestors()):
            text = " ".join(element.text_content().split())
            if text:
                lines.append(budget.take(text))
                kinds.append(block_kind(local_name(element.tag)))
    return lines, kinds


def block_kind(name: str) -> str | None:
    """The structure an (X)HTML block element gives its line: h1-h6, li and blockquote have one."""
    if len(name) == 2 and name[0] == "h" and name[1] in "123456":
        return heading_kind(int(name[1]))
    return {"li": LIST_ITEM, "blockquote": BLOCKQUOTE}.get(name)


def titled_text(title: str, lines: list[str], kinds: list[str | None]) -> tuple[str, list[Block]]:
    """The document text of block lines (the title first unless the first line already is it), one
    paragraph a line, and where its structured lines fall in it."""
    head = [title] if title and lines[0] != title else []
    text = "\n".join(head + lines) + "\n"
    return text, line_blocks(lines, kinds, start=len(title) + 1 if head else 0)


def local_name(tag: str) -> str:
    """"p" for "p", "P" and "{http://www.w3.org/1999/xhtml}p"."""
    return tag.split("}")[-1].lower()
