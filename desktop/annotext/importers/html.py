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
    is found, in order, as the next line with the same characters, white space aside, or as the next
    few lines that together have them (an element whose source text was wrapped keeps its line
    breaks). Paragraphs are matched too, to keep the order; an element that cannot be found is left
    unstyled, never guessed."""
    if body is None:
        return []
    lines = text.split("\n")
    keys = [_letters(_ITEM_MARKER.sub("", line.strip(), count=1)) for line in lines]
    where: dict[str, list[int]] = {}
    for number, (line, key) in enumerate(zip(lines, keys)):
        where.setdefault(key, []).append(number)
        if _letters(line) != key:
            where.setdefault(_letters(line), []).append(number)
    kinds: list[str | None] = [None] * len(lines)
    next_line = 0
    for words, kind in _structural_lines(body):
        if not words:
            continue
        numbers = where.get(words, ())
        found = bisect_left(numbers, next_line)
        if found < len(numbers):
            first = last = numbers[found]
        else:
            span = _wrapped(keys, words, next_line)
            if span is None:
                continue
            first, last = span
        for number in range(first, last + 1):
            kinds[number] = kind or kinds[number]
        next_line = last + 1
    return line_blocks(lines, kinds)


WRAP_WINDOW = 40  # lines looked ahead for the start of an element whose text was wrapped


def _wrapped(keys: list[str], words: str, start: int) -> tuple[int, int] | None:
    """(first, last) of consecutive lines from `start` on that together make `words`, or None."""
    for first in range(start, min(start + WRAP_WINDOW, len(keys))):
        joined = keys[first]
        if not joined or len(joined) >= len(words) or not words.startswith(joined):
            continue
        last = first
        while (len(joined) < len(words) and last + 1 < len(keys) and keys[last + 1]
               and words.startswith(keys[last + 1], len(joined))):
            last += 1
            joined += keys[last]
        if joined == words:
            return first, last
    return None


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
            yield _letters("".join(element.itertext())), heading_kind(level)
        elif tag == "item":
            yield _letters(_own_text(element)), LIST_ITEM
        elif tag == "quote":
            parts = [child for child in element if child.tag not in _INLINE]
            if not parts:
                yield _letters("".join(element.itertext())), BLOCKQUOTE
            for child in parts:
                yield _letters("".join(child.itertext())), BLOCKQUOTE
        else:
            yield _letters("".join(element.itertext())), None


def _letters(text: str) -> str:
    """Text without any white space: how a line and an element are compared, since trafilatura
    spaces in-line markup ("<code>cargo</code>,") differently from the tree's own text."""
    return "".join(text.split())


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
