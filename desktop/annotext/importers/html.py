"""Web pages (.html/.htm): the main article text and title via trafilatura, with comments, navigation,
cookie banners, sidebars, footers and scripts left out and paragraph breaks kept. Never fetches.
Pages too large for trafilatura in bounded time (whole books or reports saved as HTML) are read by
their block elements instead."""

from __future__ import annotations

import re
from bisect import bisect_left
from pathlib import Path

from annotext.core.blocks import BLOCKQUOTE, LIST_ITEM, Block, heading_kind, line_blocks, with_blocks
from annotext.core.document import Document, normalise_newlines
from annotext.importers.errors import ImportFailed
from annotext.importers import limits
from annotext.importers.limits import TextBudget
from annotext.importers.markup import NOT_TEXT, block_lines, titled_text
from annotext.importers.source_file import read_bytes, source_of
from annotext.importers.text import decode_text

_BLANK_LINES = re.compile(r"\n{2,}")


def import_html(path: Path) -> Document:
    """Extract the article of a saved web page."""
    import trafilatura

    data = read_bytes(path, limits.MAX_TEXT_CHARS)
    html = decode_text(data, path)
    if len(data) > limits.MAX_EXTRACTION_BYTES:
        return _import_large_page(path, html)
    try:
        extracted = trafilatura.bare_extraction(html, include_comments=False, include_tables=True,
                                                include_images=False, with_metadata=True, deduplicate=True)
    except Exception as error:  # trafilatura raises many kinds on broken markup
        raise ImportFailed(path, f"not a readable web page ({error})") from None
    text = normalise_newlines(getattr(extracted, "text", None) or "").strip() if extracted else ""
    if len(text.split()) < 5:
        raise ImportFailed(path, "no article text found in this web page")
    text = _BLANK_LINES.sub("\n", text)
    title = (getattr(extracted, "title", None) or "").strip()
    if title and not text.startswith(title):
        text = f"{title}\n{text}"
    metadata = {key: value for key in ("author", "date", "url", "sitename", "hostname")
                if (value := getattr(extracted, key, None))}
    blocks = extracted_blocks(getattr(extracted, "body", None), text)
    return Document(title=title or text.split("\n", 1)[0][:200] or path.stem, text=text + "\n",
                    source=metadata.get("url") or source_of(path), metadata=with_blocks(metadata, blocks))


# trafilatura starts a list item's line with a marker ("- ", indented when nested).
_ITEM_MARKER = re.compile(r"^(?:[-*•]|\d+[.)])\s+")
_INLINE = frozenset({"hi", "ref", "lb", "del", "graphic", "span"})  # trafilatura's in-line elements


def extracted_blocks(body, text: str) -> list[Block]:
    """Where trafilatura's extracted article (its XML tree: <head rend="h2">, <item>, <quote>) put
    headings, list items and block quotes in the plain text it made from it. Each structural element
    is found, in order, as the next line with the same words (paragraphs are matched too, to keep
    the order); one that cannot be found is left unstyled, never guessed."""
    if body is None:
        return []
    lines = text.split("\n")
    where: dict[str, list[int]] = {}
    for number, line in enumerate(lines):
        words = " ".join(line.split())
        where.setdefault(words, []).append(number)
        unmarked = _ITEM_MARKER.sub("", words, count=1)
        if unmarked != words:
            where.setdefault(unmarked, []).append(number)
    kinds: list[str | None] = [None] * len(lines)
    next_line = 0
    for words, kind in _structural_lines(body):
        numbers = where.get(words, ())
        found = bisect_left(numbers, next_line)
        if found < len(numbers):
            kinds[numbers[found]] = kind or kinds[numbers[found]]
            next_line = numbers[found] + 1
    return line_blocks(lines, kinds)


def _structural_lines(body):
    """(words, kind) of each line-making element of trafilatura's tree, in document order: headings,
    list items (without their nested lists), block quotes (each paragraph of one), paragraphs (kind
    None). Table cells are left out: their lines are rows, never structure."""
    for element in body.iter():
        tag = element.tag
        if not isinstance(tag, str) or tag not in ("head", "item", "quote", "p"):
            continue
        inside = {a.tag for a in element.iterancestors()}
        if inside & {"cell", "head", "quote"} or (tag != "item" and "item" in inside):
            continue
        if tag == "head":
            rend = element.get("rend") or ""
            level = int(rend[1]) if len(rend) == 2 and rend[0] == "h" and rend[1].isdigit() else 2
            yield " ".join("".join(element.itertext()).split()), heading_kind(level)
        elif tag == "item":
            yield " ".join(_own_text(element).split()), LIST_ITEM
        elif tag == "quote":
            parts = [child for child in element if child.tag not in _INLINE]
            if not parts:
                yield " ".join("".join(element.itertext()).split()), BLOCKQUOTE
            for child in parts:
                yield " ".join("".join(child.itertext()).split()), BLOCKQUOTE
        else:
            yield " ".join("".join(element.itertext()).split()), None


def _own_text(item) -> str:
    """A list item's text without the nested lists inside it (those are lines of their own)."""
    parts = [item.text or ""]
    for child in item:
        if child.tag in _INLINE:
            parts.extend(child.itertext())
        elif child.tag != "list":
            parts.extend((" ", *child.itertext(), " "))
        parts.append(child.tail or "")
    return "".join(parts)


# Removed from a page too large for article extraction: never text, or never the article.
_NOT_ARTICLE = NOT_TEXT | {"nav", "aside", "footer", "form", "button", "select"}


def _import_large_page(path: Path, html: str) -> Document:
    """A page too large for article extraction (a whole book or report saved as HTML): the text of its
    block elements, without scripts, style sheets, navigation, sidebars and footers."""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        tree = lxml_html.document_fromstring(html.encode("utf-8"), parser=lxml_html.HTMLParser(encoding="utf-8"))
    except (etree.ParserError, ValueError) as error:
        raise ImportFailed(path, f"not a readable web page ({error})") from None
    title = " ".join((tree.findtext(".//title") or "").split())
    lines, kinds = block_lines(tree, TextBudget(path), drop=_NOT_ARTICLE)
    if not lines:
        raise ImportFailed(path, "no article text found in this web page")
    text, blocks = titled_text(title, lines, kinds)
    return Document(title=title or lines[0][:200], text=text, source=source_of(path), metadata=with_blocks({}, blocks))
