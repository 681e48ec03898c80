"""Word documents (.docx) via python-docx: paragraphs and tables in document order."""

from __future__ import annotations

import zipfile
from pathlib import Path

from annotext.core.document import Document, normalise_newlines
from annotext.importers.errors import ImportFailed
from annotext.importers.pdf import _check_file


def import_docx(path: Path) -> Document:
    """Body text in order; a table row becomes one line with cells separated by " | "."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    _check_file(path)
    try:
        word = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise ImportFailed(path, f"not a readable Word document ({error.__class__.__name__}: {error})") from None
    except Exception as error:  # lxml errors on damaged XML parts
        raise ImportFailed(path, f"the Word document is damaged ({error})") from None
    lines = []
    for block in word.iter_inner_content():
        if isinstance(block, Paragraph):
            text = block.text.strip()
            if text:
                lines.append(text)
        elif isinstance(block, Table):
            for row in block.rows:
                cells = []
                for cell in row.cells:
                    value = " ".join(cell.text.split())
                    if value and (not cells or cells[-1] != value):  # merged cells repeat
                        cells.append(value)
                if cells:
                    lines.append(" | ".join(cells))
    text = normalise_newlines("\n".join(lines)).strip()
    if not text:
        raise ImportFailed(path, "the Word document contains no text")
    properties = word.core_properties
    title = (properties.title or "").strip() or text.split("\n", 1)[0][:200]
    metadata = {"author": properties.author} if properties.author else {}
    if properties.created:
        metadata["date"] = properties.created.isoformat()
    return Document(title=title, text=text + "\n", source=str(path.resolve()), metadata=metadata)
