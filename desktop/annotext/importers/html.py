"""Web pages (.html/.htm): the main article text and title via trafilatura, with comments, navigation,
cookie banners, sidebars, footers and scripts left out and paragraph breaks kept. Never fetches."""

from __future__ import annotations

import re
from pathlib import Path

from annotext.core.document import Document, normalise_newlines
from annotext.importers.errors import ImportFailed
from annotext.importers import limits
from annotext.importers.source_file import read_bytes, source_of
from annotext.importers.text import decode_text

_BLANK_LINES = re.compile(r"\n{2,}")


def import_html(path: Path) -> Document:
    """Extract the article of a saved web page."""
    import trafilatura

    html = decode_text(read_bytes(path, limits.MAX_TEXT_CHARS), path)
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
    metadata = {key: value for key in ("author", "date", "url", "sitename")
                if (value := getattr(extracted, key, None))}
    return Document(title=title or text.split("\n", 1)[0][:200] or path.stem, text=text + "\n",
                    source=metadata.get("url") or source_of(path), metadata=metadata)
