"""DOCX report with python-docx: entities shaded in their colours, quotations in italics, passages
highlighted, and each comment as a real Word comment anchored on its passage (author and date)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from docx import Document as WordDocument
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from annotext.export.report import Chapter, Report

# Word's highlight palette (highlight is the only marker Word shows like a pen); nearest colour wins.
_HIGHLIGHTS = {
    WD_COLOR_INDEX.YELLOW: (255, 255, 0), WD_COLOR_INDEX.BRIGHT_GREEN: (0, 255, 0),
    WD_COLOR_INDEX.TURQUOISE: (0, 255, 255), WD_COLOR_INDEX.PINK: (255, 0, 255),
    WD_COLOR_INDEX.GRAY_25: (192, 192, 192), WD_COLOR_INDEX.RED: (255, 0, 0),
    WD_COLOR_INDEX.BLUE: (0, 0, 255), WD_COLOR_INDEX.GREEN: (0, 128, 0),
}


def _rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))


def nearest_highlight(colour: str) -> WD_COLOR_INDEX:
    """The Word highlight colour closest in hue to a #rrggbb tag colour (pastel tag colours are far
    from Word's saturated palette in RGB distance, but their hue is what the analyst recognises);
    grey for colours without much hue."""
    import colorsys

    r, g, b = (c / 255 for c in _rgb(colour))
    hue, saturation, _value = colorsys.rgb_to_hsv(r, g, b)
    if saturation < 0.15:
        return WD_COLOR_INDEX.GRAY_25

    def hue_distance(index: WD_COLOR_INDEX) -> float:
        other = colorsys.rgb_to_hsv(*(c / 255 for c in _HIGHLIGHTS[index]))[0]
        return min(abs(hue - other), 1 - abs(hue - other))

    return min((k for k in _HIGHLIGHTS if k != WD_COLOR_INDEX.GRAY_25), key=hue_distance)


def _shade(run, colour: str) -> None:
    properties = run._r.get_or_add_rPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour.lstrip("#").upper())
    properties.append(shading)


def _clean(text: str) -> str:
    """XML 1.0 cannot hold most control characters: drop them rather than fail the export."""
    return "".join(ch for ch in text if ch in "\t\n" or ord(ch) >= 32 and not 0xD800 <= ord(ch) <= 0xDFFF
                   and ch not in "\ufffe\uffff")


def write_docx(report: Report, path: Path) -> None:
    """Write the report as a .docx file."""
    word = WordDocument()
    word.styles["Normal"].font.size = Pt(11)
    word.core_properties.title = _clean(report.title)
    word.core_properties.author = report.generator
    word.add_heading(_clean(report.title), level=0)
    word.add_paragraph(f"Annotated report · {report.created_at} · {report.generator}").italic = True
    for number, chapter in enumerate(report.chapters, start=1):
        if len(report.chapters) > 1:
            word.add_heading(f"{number}. {_clean(chapter.title)}", level=1)
        _chapter(word, chapter)
    if report.codebook:
        word.add_heading("Codebook", level=1)
        _table(word, ["Tag", "Key", "Description"],
               [["    " * e.depth + e.name, str(e.shortcut or ""), e.description] for e in report.codebook])
    word.save(str(path))


def _chapter(word, chapter: Chapter) -> None:
    meta = word.add_paragraph()
    meta.add_run(f"Source: {_clean(chapter.source or '—')} · language model: {chapter.model}").italic = True
    first_run: dict[int, object] = {}
    last_run: dict[int, object] = {}
    for paragraph in chapter.paragraphs:
        if paragraph.heading and not any(s.passages for s in paragraph.segments):
            continue  # the title is already the heading
        block = word.add_heading(level=2) if paragraph.heading else word.add_paragraph()
        for segment in paragraph.segments:
            for n in segment.opens:
                marker = block.add_run(f"[{n}]")
                marker.font.superscript = True
                marker.bold = True
            run = block.add_run(_clean(segment.text))
            if segment.entity:
                from annotext.core.palette import colour_for

                _shade(run, colour_for(segment.entity))
            if segment.quote:
                run.italic = True
                run.font.color.rgb = RGBColor(0x8E, 0x24, 0x1B)
            if segment.passages:
                run.font.highlight_color = nearest_highlight(chapter.passage(segment.passages[-1]).colour)
                for n in segment.passages:
                    first_run.setdefault(n, run)
                    last_run[n] = run
    for passage in chapter.passages:
        if passage.number not in first_run:
            continue
        text = f"[{passage.number}] " + (", ".join(passage.tags) or "no tag")
        if passage.comment:
            text += f" — {passage.comment}"
        comment = word.add_comment([first_run[passage.number], last_run[passage.number]], text=_clean(text),
                                   author=_clean(passage.author or "Annotext"),
                                   initials=_clean("".join(w[:1] for w in (passage.author or "A").split())[:4]))
        _set_comment_date(comment, passage.updated_at)
    if chapter.tag_summary:
        word.add_heading("Tags", level=2)
        _table(word, ["Tag", "Passages", "Numbers"],
               [[t.name, str(t.count), ", ".join(map(str, t.passages))] for t in chapter.tag_summary])
    if chapter.passages:
        word.add_heading("Tagged passages", level=2)
        _table(word, ["#", "Passage", "Tags", "Comment"],
               [[str(p.number), p.exact, ", ".join(p.tags), p.comment] for p in chapter.passages])
    if chapter.people:
        word.add_heading("People", level=2)
        _table(word, ["Person", "Also called", "Mentions", "Quotes", "Words quoted"],
               [[p.name, ", ".join(p.aliases), str(p.mentions), str(p.quotes), str(p.quoted_words)]
                for p in chapter.people])
    if chapter.quote_groups:
        word.add_heading("Quotations by speaker", level=2)
        for group in chapter.quote_groups:
            word.add_paragraph().add_run(f"{group.speaker} ({len(group.quotes)}, {group.words} words)").bold = True
            for quote in group.quotes:
                line = word.add_paragraph(style="Quote")
                line.add_run(_clean(f"“{' '.join(quote['text'].split())}”"))
                if quote["cue"]:
                    line.add_run(f" — {quote['cue']}").italic = False


def _set_comment_date(comment, iso: str) -> None:
    """Word shows a comment's date from w:date; use the passage's last change."""
    try:
        stamp = datetime.fromisoformat(iso)
    except (TypeError, ValueError):
        return
    comment._comment_elm.set(qn("w:date"), stamp.strftime("%Y-%m-%dT%H:%M:%SZ"))


def _table(word, header: list[str], rows: list[list[str]]) -> None:
    table = word.add_table(rows=1, cols=len(header))
    table.style = "Light Grid Accent 1"
    for cell, text in zip(table.rows[0].cells, header):
        cell.text = text
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row):
            cell.text = _clean(str(text))
