"""Web pages (.html/.htm): the main article text and title via trafilatura, with comments, navigation,
cookie banners, sidebars, footers and scripts left out and paragraph breaks kept. Never fetches.
Pages too large for trafilatura in bounded time (whole books or reports saved as HTML) are read by
their block elements instead."""

from __future__ import annotations

import re
from pathlib import Path

from annotext.core.document import Document, normalise_newlines
from annotext.importers.errors import ImportFailed
from annotext.importers import limits
from annotext.importers.limits import TextBudget
from annotext.importers.markup import NOT_TEXT, block_lines
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
    return Document(title=title or text.split("\n", 1)[0][:200] or path.stem, text=text + "\n",
                    source=metadata.get("url") or source_of(path), metadata=metadata)


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
    lines = block_lines(tree, TextBudget(path), drop=_NOT_ARTICLE)
    if not lines:
        raise ImportFailed(path, "no article text found in this web page")
    text = "\n".join(([title] if title and lines[0] != title else []) + lines) + "\n"
    return Document(title=title or lines[0][:200], text=text, source=source_of(path))
