"""PDF report through Qt's text engine (QTextDocument + QPdfWriter): no extra dependency, fonts
embedded by Qt, text extractable, page numbers in the footer. The only export module that uses Qt,
and only QtGui (no widgets), so it runs headless.

What a print reader expects and Qt's rich-text layout does not do by itself is added here:
ligatures are off (so the text layer says "difficult", not "diﬃcult"); a heading never ends a page
alone; a table row, or a paragraph in a table cell, is never split across pages; tables repeat their
header row. The file is written beside the target, checked with PDFium, and only then renamed over
it, so a failed export (read-only folder, /dev/full, full disk) leaves nothing half-written behind.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from annotext.core.atomic import atomic_path
from annotext.export.html import render_html
from annotext.export.report import Report

MARGIN_MM = 18
FOOTER_MM = 8
FAMILIES = ["DejaVu Serif", "Source Serif 4", "Georgia", "Noto Serif", "serif"]
KEEP_WITH_HEADING = 3  # blocks after a heading that must start on its page (e.g. note, legend, first row)


def _gui_application():
    """Qt's text layout needs a QGuiApplication; without a display use the offscreen platform."""
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is None:
        if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication([sys.argv[0] if sys.argv else "annotext"])
    return app


def write_pdf(report: Report, path: Path) -> int:
    """Write the report as an A4 PDF; returns the number of pages. OSError if the file could not
    be written completely (the previous file at `path`, if any, is then left as it was)."""
    with atomic_path(path, verify=_verifier()) as temporary:
        pages = _render(report, temporary)
        _verifier.expected_pages = pages
    return pages


def _verifier():
    def verify(candidate: Path) -> None:
        """Refuse a PDF that PDFium cannot open or that lacks pages (a write the OS cut short)."""
        import pypdfium2 as pdfium

        try:
            document = pdfium.PdfDocument(str(candidate))
        except pdfium.PdfiumError as error:
            raise OSError(f"the PDF written is unreadable ({error}); is the disk full?") from None
        try:
            count = len(document)
        finally:
            document.close()
        expected = getattr(_verifier, "expected_pages", None)
        if count == 0 or (expected is not None and count != expected):
            raise OSError(f"the PDF written has {count} of {expected} pages; is the disk full?")

    return verify


def _render(report: Report, path: Path) -> int:
    return html_pdf(render_html(report, for_qt=True), report.title, report.generator, path)


def html_pdf(html: str, title: str, creator: str, path: Path, inserted: int = 0) -> int:
    """Lay out Qt rich-text HTML on A4 pages with a "title — page n of m" footer; returns the pages.
    Shared by the document reports and the corpus report (which inserts `inserted` chart pages after
    the first, counted in the footers)."""
    _gui_application()
    from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
    from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter)
    writer.setResolution(300)
    writer.setTitle(title)
    writer.setCreator(creator)
    document = QTextDocument()
    document.documentLayout().setPaintDevice(writer)
    font = _font(QFont, 10.5)
    document.setDefaultFont(font)
    document.setDefaultStyleSheet(
        "h1 { font-size: 20pt; } h2 { font-size: 15pt; } h3 { font-size: 12pt; } h4 { font-size: 10.5pt; }"
        " .meta, .cue, .muted { color: #555555; } .comments { margin-left: 18px; }"
        " th { background-color: #eeeeee; text-align: left; } .pn { font-weight: bold; }")
    document.setHtml(html)
    footer = FOOTER_MM / 25.4 * writer.resolution()
    width, height = writer.width(), writer.height() - footer
    document.setPageSize(QSizeF(width, height))
    _prepare(document, font, height)
    pages = document.pageCount()
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"{path.parent}: cannot write the PDF here")
    try:
        footer_font = QFont(font)
        footer_font.setPointSizeF(8.5)
        for page in range(pages):
            if page and not writer.newPage():
                raise OSError("cannot add a page to the PDF; is the disk full?")
            painter.save()
            painter.translate(0, -page * height)
            # Qt draws every line touching the rectangle, edges included, and a PDF keeps clipped
            # text in its text layer: half a unit inside each edge, a line ending exactly at the
            # page break is drawn on its own page only.
            document.drawContents(painter, QRectF(0, page * height + 0.5, width, height - 1))
            painter.restore()
            painter.setFont(footer_font)
            painter.drawText(QRectF(0, height, width, footer), Qt.AlignmentFlag.AlignCenter,
                             f"{title} — page {page + 1 + (inserted if page else 0)} of {pages + inserted}")
    finally:
        finished = painter.end()
    if not finished:
        raise OSError("the PDF could not be completed; is the disk full?")
    return pages


def _font(QFont, size: float):
    """The report font, ligatures off so the text layer holds the letters the article has."""
    font = QFont()
    font.setFamilies(FAMILIES)
    font.setPointSizeF(size)
    for feature in ("liga", "clig", "dlig"):
        font.setFeature(QFont.Tag(feature), 0)
    return font


def _prepare(document, font, page_height: float) -> None:
    """Turn off ligatures everywhere; keep headings with what follows them and table rows whole,
    under a repeated header; then cut paragraphs at page breaks."""
    from PySide6.QtGui import QFont, QTextCharFormat, QTextCursor, QTextTable

    everything = QTextCursor(document)
    everything.select(QTextCursor.SelectionType.Document)
    no_ligatures = QTextCharFormat()
    no_ligatures.setFontFeatures({QFont.Tag(name): 0 for name in ("liga", "clig", "dlig")})
    everything.mergeCharFormat(no_ligatures)
    _keep_together(document, page_height, list(_tables(document.rootFrame(), QTextTable)))
    _split_blocks_at_page_breaks(document, page_height)


def _split_blocks_at_page_breaks(document, page_height: float) -> None:
    """Cut every paragraph that runs over a page break into paragraphs at those breaks.

    Qt draws a whole paragraph on each page it touches and only clips it, and a PDF keeps
    clipped text in its text layer: the last line before a break would be extracted twice. The
    cuts change nothing visible (no margin between the pieces, a break is already a line end).
    All cut points are found first and made in one edit, from the end backwards, so the layout
    is redone once, not once per cut (a paragraph of a million characters spans 300 pages)."""
    from PySide6.QtGui import QTextBlockFormat, QTextCursor, QTextFormat

    layout = document.documentLayout()
    cuts = []  # (block, positions of the lines that open a new page)
    block = document.begin()
    while block.isValid():
        lines = block.layout()
        if lines.lineCount() > 1 and QTextCursor(block).currentTable() is None:
            top = layout.blockBoundingRect(block).top()
            page = int((top + lines.lineAt(0).y()) // page_height)
            positions = []
            for index in range(1, lines.lineCount()):
                line = lines.lineAt(index)
                line_page = int((top + line.y()) // page_height)
                if line_page != page:
                    positions.append(block.position() + line.textStart())
                    page = line_page
            if positions:
                cuts.append((QTextBlockFormat(block.blockFormat()), positions))
        block = block.next()
    if not cuts:
        return
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    for original, positions in reversed(cuts):
        middle = QTextBlockFormat(original)
        middle.setTopMargin(0)
        middle.setBottomMargin(0)
        middle.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_Auto)
        last = QTextBlockFormat(middle)
        last.setBottomMargin(original.bottomMargin())
        for number, position in enumerate(reversed(positions)):
            cursor.setPosition(position)
            cursor.insertBlock(last if number == 0 else middle, cursor.charFormat())
        head = QTextBlockFormat(original)
        head.setBottomMargin(0)
        cursor.setPosition(positions[0] - 1)
        cursor.setBlockFormat(head)
    cursor.endEditBlock()


def _tables(frame, QTextTable):
    for child in frame.childFrames():
        if isinstance(child, QTextTable):
            yield child
        yield from _tables(child, QTextTable)


def _page_of(document, block, page_height: float) -> tuple[int, int]:
    rect = document.documentLayout().blockBoundingRect(block)
    return int(rect.top() // page_height), int(max(rect.top(), rect.bottom() - 1) // page_height)


def _keep_together(document, page_height: float, tables) -> None:
    """One pass through the document in reading order. A heading that a page break would
    separate from the blocks after it starts the next page instead; a table row that a break
    would cut starts the next page under a copy of its table's header, and a row that opens a
    page anyway gets the header copy too. Every row is a one-row table of its own (the template
    writes them so for Qt, whose table layout breaks rows line by line), so a row moves by a page
    break before its frame. A change only moves what comes after it, so one pass is enough."""
    from PySide6.QtGui import QTextCursor, QTextFormat

    layout = document.documentLayout()
    items = [(table.firstPosition(), 1, table) for table in tables]
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() and block.text().strip() and QTextCursor(block).currentTable() is None:
            items.append((block.position(), 0, block))
        block = block.next()
    header, previous_page = None, -1
    for _position, kind, item in sorted(items, key=lambda entry: (entry[0], entry[1])):
        if kind == 0:
            if _heading_alone(document, item, page_height):
                _break_before(item, QTextCursor, QTextFormat)
            continue
        rect = layout.frameBoundingRect(item)
        page = int(rect.top() // page_height)
        if _is_header(item):
            header, previous_page = item, int((rect.bottom() - 1) // page_height)
            continue
        split = int((rect.bottom() - 1) // page_height) != page and rect.height() <= 0.6 * page_height
        if header is not None and (split or page > previous_page):
            _copy_header(header, item)
            if split:
                frame_format = item.format()
                frame_format.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                item.setFormat(frame_format)
            rect = layout.frameBoundingRect(item)
        previous_page = int((rect.bottom() - 1) // page_height)


def _heading_alone(document, block, page_height: float) -> bool:
    """True when one of the few blocks after a heading starts on a later page than the heading."""
    if _starts_page(block):
        return False
    page = _page_of(document, block, page_height)[0]
    following, ahead = block.next(), 0
    while following.isValid() and ahead < KEEP_WITH_HEADING and not following.blockFormat().headingLevel():
        if _page_of(document, following, page_height)[0] > page:
            return True
        following, ahead = following.next(), ahead + 1
    return False


def _is_header(table) -> bool:
    """A table of <th> cells: Qt gives header cells a bold weight in the cell format itself."""
    from PySide6.QtGui import QTextFormat

    cell_format = table.cellAt(0, 0).format()
    return cell_format.hasProperty(QTextFormat.Property.FontWeight) and cell_format.fontWeight() >= 600


def _copy_header(header, table) -> None:
    """Put the header's cells, with their formats, as a first row of `table`."""
    from PySide6.QtGui import QTextCursor

    table.insertRows(0, 1)
    for column in range(min(header.columns(), table.columns())):
        source = header.cellAt(0, column)
        target = table.cellAt(0, column)
        target.setFormat(source.format())
        cursor = QTextCursor(source.firstCursorPosition())
        cursor.setPosition(source.lastCursorPosition().position(), QTextCursor.MoveMode.KeepAnchor)
        target.firstCursorPosition().insertFragment(cursor.selection())


def _starts_page(block) -> bool:
    from PySide6.QtGui import QTextFormat

    return bool(block.blockFormat().pageBreakPolicy() & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)


def _break_before(block, QTextCursor, QTextFormat) -> None:
    cursor = QTextCursor(block)
    block_format = block.blockFormat()
    block_format.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    cursor.setBlockFormat(block_format)
