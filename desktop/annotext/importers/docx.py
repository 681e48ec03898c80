"""Word documents (.docx) via python-docx: paragraphs and tables in document order."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from annotext.core.blocks import BLOCKQUOTE, LIST_ITEM, heading_kind, line_blocks, with_blocks
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
        lines, kinds = _lines(word, TextBudget(path))
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
    lines = [normalise_newlines(line) for line in lines]
    blocks = line_blocks(lines, kinds) if "\n".join(lines) == text else []  # (never differ: a check)
    return Document(title=title, text=text + "\n", source=source_of(path), metadata=with_blocks(metadata, blocks))


def _lines(word, budget: TextBudget) -> tuple[list[str], list[str | None]]:
    """Paragraph and table-row lines, counted against the text limit as they are made, each with the
    structure its paragraph style gives it (core/blocks.py; None for body text and table rows)."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    lines, kinds = [], []
    styles: dict[str, str | None] = {}  # style id -> kind: resolved once per style, not per paragraph
    for block in word.iter_inner_content():
        if isinstance(block, Paragraph):
            text = block.text.strip()
            if text:
                lines.append(budget.take(text))
                kinds.append(_paragraph_kind(block, styles))
        elif isinstance(block, Table):
            for row in block.rows:
                cells = [value for text in _row_texts(row) if (value := " ".join(budget.take(text).split()))]
                if cells:
                    lines.append(" | ".join(cells))
                    kinds.append(None)
    return lines, kinds


_HEADING = re.compile(r"^heading ([1-9])$")


def _paragraph_kind(paragraph, styles: dict[str, str | None]) -> str | None:
    """A heading (Heading 1-9), a list item (a List style or numbering of its own) or a block quote
    (Quote, Intense Quote), by the paragraph's style or the built-in style it is based on."""
    p_pr = paragraph._p.pPr
    style_id = p_pr.style if p_pr is not None and p_pr.style else ""
    if style_id not in styles:
        styles[style_id] = _style_kind(paragraph.style)
    kind = styles[style_id]
    if kind is None and p_pr is not None and p_pr.numPr is not None and p_pr.numPr.numId is not None:
        return LIST_ITEM
    return kind


def _style_kind(style) -> str | None:
    for _ in range(5):  # a custom style based on "Heading 2" is a heading too; never loop forever
        if style is None:
            return None
        name = (style.name or "").strip().lower()
        heading = _HEADING.match(name)
        if heading:
            return heading_kind(int(heading.group(1)))
        if name.startswith("list") and not name.startswith("list table"):
            return LIST_ITEM
        if name in ("quote", "intense quote"):
            return BLOCKQUOTE
        style = style.base_style
    return None


def _row_texts(row) -> list[str]:
    """The text of each cell written in this row. A cell merged down from a row above is skipped: its
    text was given there. (python-docx's `row.cells` would repeat it on every row, found by walking
    up the rows one by one: a 40 kB file with a cell merged over 6,000 rows took a minute.)"""
    from docx.table import _Cell

    return [_Cell(tc, row.table).text for tc in row._tr.tc_lst if tc.vMerge != "continue"]
