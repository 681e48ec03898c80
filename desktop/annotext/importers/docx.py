"""Word documents (.docx) via python-docx: paragraphs and tables in document order."""

from __future__ import annotations

import zipfile
from pathlib import Path

from annotext.core.document import Document, normalise_newlines
from annotext.importers.archive import open_archive
from annotext.importers.errors import ImportFailed
from annotext.importers.limits import TextBudget
from annotext.importers.source_file import source_of


def import_docx(path: Path) -> Document:
    """Body text in order; a table row becomes one line with cells separated by " | "."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    with open_archive(path, "Word document") as (archive, stream):
        archive.check_all()  # python-docx reads every part itself
        try:
            word = docx.Document(stream)
        except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
            raise ImportFailed(path, f"not a readable Word document ({error.__class__.__name__}: {error})") from None
        except Exception as error:  # lxml errors on damaged XML parts
            raise ImportFailed(path, f"the Word document is damaged ({error})") from None
    try:
        lines = _lines(word, TextBudget(path))
    except ImportFailed:
        raise
    except Exception as error:  # python-docx on inconsistent tables and the like
        raise ImportFailed(path, f"the Word document is damaged ({error.__class__.__name__}: {error})") from None
    text = normalise_newlines("\n".join(lines)).strip()
    if not text:
        raise ImportFailed(path, "the Word document contains no text")
    properties = word.core_properties
    title = (properties.title or "").strip() or text.split("\n", 1)[0][:200]
    metadata = {"author": properties.author} if properties.author else {}
    if properties.created:
        metadata["date"] = properties.created.isoformat()
    return Document(title=title, text=text + "\n", source=source_of(path), metadata=metadata)


def _lines(word, budget: TextBudget) -> list[str]:
    """Paragraph and table-row lines, counted against the text limit as they are made."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    lines = []
    for block in word.iter_inner_content():
        if isinstance(block, Paragraph):
            text = block.text.strip()
            if text:
                lines.append(budget.take(text))
        elif isinstance(block, Table):
            for row in block.rows:
                cells = [value for text in _row_texts(row) if (value := " ".join(budget.take(text).split()))]
                if cells:
                    lines.append(" | ".join(cells))
    return lines


def _row_texts(row) -> list[str]:
    """The text of each cell written in this row. A cell merged down from a row above is skipped: its
    text was given there. (python-docx's `row.cells` would repeat it on every row, found by walking
    up the rows one by one: a 40 kB file with a cell merged over 6,000 rows took a minute.)"""
    from docx.table import _Cell

    return [_Cell(tc, row.table).text for tc in row._tr.tc_lst if tc.vMerge != "continue"]
