"""DOCX report with python-docx: a one-page summary, then the article with entities and passages
shaded in their own colours (run shading, w:shd, toned by core.contrast so every text stays at
WCAG AA), quotations in italics, and each passage's tags and comment as a real Word comment
anchored on exactly that passage (author and date); then the tables, columns sized by content."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from docx import Document as WordDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from annotext.core import contrast
from annotext.core.atomic import atomic_path
from annotext.core.palette import average_colour, colour_for
from annotext.core.xml_text import xml_safe
from annotext.export.report import Chapter, Report, Segment

TEXT_WIDTH_CM = 16.0  # A4/Letter body width with python-docx's default margins
BAR_BLOCKS = 24
MIN_COLUMN_CM = 1.2


def _hex(colour: str) -> RGBColor:
    return RGBColor.from_string(colour.lstrip("#").upper())


def shade(run, colour: str) -> None:
    """Paint `colour`, toned for legibility, behind a run (what Word calls shading)."""
    properties = run._r.get_or_add_rPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), contrast.highlight_fill(colour).lstrip("#").upper())
    properties.append(shading)


def segment_colour(chapter: Chapter, segment: Segment) -> str | None:
    """The colour behind a segment: its entity's, else the blend of the passages covering it."""
    if segment.entity:
        return colour_for(segment.entity)
    if segment.passages:
        return average_colour([chapter.passage(n).colour for n in segment.passages])
    return None


def write_docx(report: Report, path: Path) -> None:
    """Write the report as a .docx file, atomically."""
    word = WordDocument()
    word.styles["Normal"].font.size = Pt(11)
    word.core_properties.title = xml_safe(report.title)
    word.core_properties.author = xml_safe(", ".join(report.annotators) or report.generator)
    word.core_properties.comments = xml_safe(report.byline)
    word.add_heading(xml_safe(report.title), level=0)
    word.add_paragraph().add_run(xml_safe(report.byline)).italic = True
    _summary(word, report)
    for number, chapter in enumerate(report.chapters, start=1):
        word.add_heading(f"{number}. {xml_safe(chapter.title)}" if len(report.chapters) > 1 else "Article", level=1)
        _chapter(word, chapter)
    if report.codebook:
        word.add_heading("Codebook", level=1)
        _table(word, ["Tag", "Key", "Description"],
               [["\u00a0" * 4 * e.depth + ("↳ " if e.depth else "") + e.name, str(e.shortcut or ""), e.description]
                for e in report.codebook])
    with atomic_path(path) as temporary:
        word.save(str(temporary))


def _summary(word, report: Report) -> None:
    summary = report.summary
    if summary is None or summary.empty:
        return
    word.add_heading("Summary", level=1)
    word.add_paragraph(f"{summary.documents} document{'s' if summary.documents != 1 else ''} · "
                       f"{summary.quotes} quotations · {summary.passages} tagged passages")
    if summary.speakers:
        word.add_heading("Share of voice", level=3)
        table = _table(word, ["Speaker", "Quotes", "Words", "Share of quoted words"],
                       [[s.speaker, str(s.quotes), str(s.words), ""] for s in summary.speakers], numeric=(1, 2))
        for row, share in zip(table.rows[1:], summary.speakers):
            paragraph = row.cells[3].paragraphs[0]
            bar = paragraph.add_run("█" * max(1, round(share.share * BAR_BLOCKS)))
            bar.font.color.rgb = _hex(contrast.LIGHT_QUOTE_INK)
            paragraph.add_run(f" {share.share * 100:.0f}%")
    if summary.people:
        word.add_heading("People", level=3)
        _table(word, ["Person", "Mentions", "Quotes"],
               [[p.name, str(p.mentions), str(p.quotes)] for p in summary.people], numeric=(1, 2))
    if summary.tags:
        word.add_heading("Tags", level=3)
        _table(word, ["Tag", "Passages"], [[t.name, str(t.count)] for t in summary.tags], numeric=(1,))
    if summary.coders:
        word.add_heading("Passages per coder", level=3)
        _table(word, ["Coder", "Passages"], [[name, str(count)] for name, count in summary.coders], numeric=(1,))


def _chapter(word, chapter: Chapter) -> None:
    meta = word.add_paragraph()
    meta.add_run(f"Source: {xml_safe(chapter.source or '—')} · language model: {chapter.model}").italic = True
    first_run: dict[int, object] = {}
    last_run: dict[int, object] = {}
    for paragraph in chapter.paragraphs:
        if paragraph.heading and not any(s.passages for s in paragraph.segments):
            continue  # the title is already the heading
        block = word.add_heading(level=2) if paragraph.heading else word.add_paragraph()
        for segment in paragraph.segments:
            # No inline passage numbers: the Word comment is the marker, and a number inside an
            # overlapping passage would become part of that other passage's comment anchor.
            run = block.add_run("\u200b".join(xml_safe(piece) for piece in segment.pieces))
            colour = segment_colour(chapter, segment)
            if colour:
                shade(run, colour)
            if segment.quote:
                run.italic = True
                run.font.color.rgb = _hex(contrast.LIGHT_QUOTE_INK)
            for n in segment.passages:
                first_run.setdefault(n, run)
                last_run[n] = run
    for passage in chapter.passages:
        if passage.number not in first_run:
            continue
        heading = f"[{passage.number}] " + (", ".join(passage.tags) or "no tag")
        comment = word.add_comment([first_run[passage.number], last_run[passage.number]], text=xml_safe(heading),
                                   author=xml_safe(passage.author or "Annotext"),
                                   initials=xml_safe("".join(w[:1] for w in (passage.author or "A").split())[:4]))
        for line in passage.comment.split("\n") if passage.comment else []:
            comment.add_paragraph(xml_safe(line))
        _set_comment_date(comment, passage.updated_at)
    if chapter.tag_summary:
        word.add_heading("Tags", level=2)
        _table(word, ["Tag", "Passages", "Passage numbers"],
               [[t.name, str(t.count), ", ".join(map(str, t.passages))] for t in chapter.tag_summary], numeric=(1,))
    if chapter.passages:
        word.add_heading("Tagged passages", level=2)
        _table(word, ["#", "Passage", "Tags", "Comment"],
               [[str(p.number), p.exact, ", ".join(p.tags), p.comment] for p in chapter.passages], numeric=(0,))
    if chapter.people:
        word.add_heading("People", level=2)
        _table(word, ["Person", "Also called", "Mentions", "Quotes", "Words quoted"],
               [[p.name, ", ".join(p.aliases), str(p.mentions), str(p.quotes), str(p.quoted_words)]
                for p in chapter.people], numeric=(2, 3, 4))
    if chapter.quote_groups:
        word.add_heading("Quotations by speaker", level=2)
        for group in chapter.quote_groups:
            title = word.add_paragraph()
            title.paragraph_format.keep_with_next = True
            title.add_run(xml_safe(f"{group.speaker} ({len(group.quotes)}, {group.words} words)")).bold = True
            for quote in group.quotes:
                line = word.add_paragraph(style="Quote")
                line.add_run(xml_safe(f"“{' '.join(quote['text'].split())}”"))
                if quote["cue"]:
                    line.add_run(xml_safe(f" — {quote['cue']}")).italic = False
    if chapter.corrections:
        word.add_heading("Corrected by the analyst", level=2)
        _table(word, ["About", "Correction", "By", "When"],
               [[c.subject, c.change, c.author, c.when[:16].replace("T", " ")] for c in chapter.corrections])


def _set_comment_date(comment, iso: str) -> None:
    """Word shows a comment's date from w:date; use the passage's last change."""
    try:
        stamp = datetime.fromisoformat(iso)
    except (TypeError, ValueError):
        return
    comment._comment_elm.set(qn("w:date"), stamp.strftime("%Y-%m-%dT%H:%M:%SZ"))


def column_widths_cm(header: list[str], rows: list[list[str]], total: float = TEXT_WIDTH_CM) -> list[float]:
    """Column widths by content: proportional to each column's longest line (header included),
    at least the header's width, a long column capped so it cannot squeeze the others."""
    weights = []
    for column, title in enumerate(header):
        longest = max([len(title)] + [max((len(line) for line in str(row[column]).split("\n")), default=0)
                                      for row in rows])
        weights.append(min(max(longest, len(title) + 2, 4), 50))
    widths = [max(MIN_COLUMN_CM, w * total / sum(weights)) for w in weights]
    excess = sum(widths) - total
    flexible = sum(w for w in widths if w > MIN_COLUMN_CM)
    return [w - excess * w / flexible if w > MIN_COLUMN_CM else w for w in widths]


def _table(word, header: list[str], rows: list[list[str]], numeric: tuple[int, ...] = ()):
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    table = word.add_table(rows=1, cols=len(header))
    table.style = "Light Grid Accent 1"
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    widths = column_widths_cm(header, rows)
    for cell, text in zip(table.rows[0].cells, header):
        cell.text = text
    _repeat_header(table.rows[0])
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row):
            cell.text = xml_safe(str(text))
    for row in table.rows:
        _keep_row_together(row)
        for column, (cell, width) in enumerate(zip(row.cells, widths)):
            cell.width = Cm(width)
            if column in numeric:
                for paragraph in cell.paragraphs:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for column, width in zip(table.columns, widths):
        column.width = Cm(width)
    return table


def _repeat_header(row) -> None:
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _keep_row_together(row) -> None:
    """Word and LibreOffice never split this row across pages."""
    properties = row._tr.get_or_add_trPr()
    cant_split = OxmlElement("w:cantSplit")
    cant_split.set(qn("w:val"), "true")
    properties.append(cant_split)
