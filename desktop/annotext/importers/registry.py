"""Which importer handles which file: by suffix, with plain text as the fallback for unknown ones."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from annotext.core.document import Document
from annotext.importers.errors import ImportFailed
from annotext.importers.docx import import_docx
from annotext.importers.epub import import_epub
from annotext.importers.html import import_html
from annotext.importers.pdf import import_pdf
from annotext.importers.text import import_text

_IMPORTERS: dict[str, Callable[[Path], Document]] = {
    ".txt": import_text,
    ".text": import_text,
    ".md": import_text,
    ".markdown": import_text,
    ".html": import_html,
    ".htm": import_html,
    ".xhtml": import_html,
    ".pdf": import_pdf,
    ".docx": import_docx,
    ".epub": import_epub,
}


def supported_suffixes() -> list[str]:
    """File suffixes offered in the Open dialog."""
    return sorted(_IMPORTERS)


def import_file(path: Path | str) -> Document:
    """Read any supported file into a Document (not stored); raises ImportFailed with a clear line."""
    path = Path(path)
    importer = _IMPORTERS.get(path.suffix.lower())
    if importer is None:
        if path.suffix:
            raise ImportFailed(path, f"unsupported file type {path.suffix!r} (supported: {', '.join(supported_suffixes())})")
        importer = import_text
    return importer(path)
