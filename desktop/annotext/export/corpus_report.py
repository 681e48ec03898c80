"""The corpus report: people table, charts, quotations per speaker and the code report of a library
(or a selection), as self-contained HTML (inline SVG), PDF (vector charts), DOCX (chart images)
or CSV (the people table). Every write is atomic; article text is escaped everywhere.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from annotext.core.atomic import atomic_path, atomic_write_text
from annotext.core.corpus import CodedPassage, CorpusPerson, CorpusQuote, TagBySource, TimePoint

REPORT_FORMATS = ("html", "pdf", "docx", "csv")

Progress = Callable[[int, int], None]  # (steps done, steps in all); may raise to stop the write


class _Steps:
    """Counts a writer's natural steps (a chart, a table, a speaker, a tag) and reports each one."""

    def __init__(self, total: int, progress: Progress | None):
        self.total = total
        self.done = 0
        self._progress = progress

    def step(self) -> None:
        """One step finished; tells `progress`, which may raise to abandon the write."""
        self.done = min(self.done + 1, self.total)
        if self._progress is not None:
            self._progress(self.done, self.total)


@dataclass
class CorpusReport:
    """Everything a corpus report shows, as plain data (built by annotext.application.corpus)."""

    title: str
    selection: str  # the filter, in words
    generated: str  # "Annotext 1.2, 2026-11-28 10:00 UTC"
    totals: dict[str, int]
    people: list[CorpusPerson]
    unit: str
    timeline: list[TimePoint]
    tags: TagBySource
    quotes: list[tuple[CorpusPerson, list[CorpusQuote]]] = field(default_factory=list)
    quotes_cap: int = 0  # quotations listed per speaker at most (0: all)
    passages: list[tuple[str, list[CodedPassage]]] = field(default_factory=list)  # (tag, passages)
    top: int = 15
    code_only: bool = False  # a code report: the passages of some tags, nothing else
    passage_counts: dict[str, int] = field(default_factory=dict)  # tag -> passages in all (when capped)

    def more_passages(self, tag: str, listed: int) -> int:
        """How many passages of `tag` the report leaves out (0 when it lists them all)."""
        return max(0, self.passage_counts.get(tag, listed) - listed)


def code_report(title: str, selection: str, generated: str, passages: list[tuple[str, list[CodedPassage]]]) -> CorpusReport:
    """A report holding only the coded passages (coding retrieval's export)."""
    return CorpusReport(title, selection, generated, {}, [], "month", [], TagBySource(), passages=passages,
                        code_only=True)


def figures(report: CorpusReport, theme=None) -> list:
    """The report's three charts, from the same renderer the corpus view uses."""
    from annotext.export.charts import LIGHT, share_of_voice_figure, tag_heatmap_figure, timeline_figure

    theme = theme or LIGHT
    return [share_of_voice_figure(report.people, report.top, theme),
            timeline_figure(report.timeline, report.unit, theme),
            tag_heatmap_figure(report.tags, theme)]


def people_rows(report: CorpusReport) -> list[dict]:
    """The people table as rows (CSV, DOCX and the tests read the same numbers)."""
    return [{"name": p.name, "kind": p.kind, "documents": p.documents, "mentions": p.mentions,
             "quotations": p.quotes, "words_quoted": p.quoted_words, "share_of_voice_pct": f"{p.share:.1f}",
             "first_date": p.first_date or "", "last_date": p.last_date or ""} for p in report.people]


def write_corpus_report(report: CorpusReport, fmt: str, path: Path, progress: Progress | None = None) -> Path:
    """Write the report in `fmt` to `path` atomically (a failed write leaves any old file as it was).
    `progress(done, total)` hears of each step, so a GUI can show a count and time left; when it
    raises (Stop), the write is abandoned and any old file stays as it was."""
    if fmt not in REPORT_FORMATS:
        raise ValueError(f"unknown corpus report format {fmt!r} (choose from {', '.join(REPORT_FORMATS)})")
    path = Path(path)
    steps = _Steps(report_steps(report, fmt), progress)
    if fmt == "html":
        text = render_html(report, steps=steps)
        atomic_write_text(path, text)
    elif fmt == "csv":
        atomic_write_text(path, render_csv(report), newline="")
    elif fmt == "docx":
        with atomic_path(path) as temporary:
            _write_docx(report, temporary, steps)
    else:
        with atomic_path(path) as temporary:
            _write_pdf(report, temporary, steps)
    steps.step()  # the file is in place
    return path


def report_steps(report: CorpusReport, fmt: str) -> int:
    """How many progress steps writing `report` as `fmt` takes (each chart, table, speaker and tag)."""
    charts = 0 if report.code_only else 3
    if fmt == "html":
        return charts + 2  # the charts, the page, the file
    if fmt == "pdf":
        return 3 + 3  # the charts, the text pages, joining them, the file
    if fmt == "docx":
        corpus = 0 if report.code_only else charts + 1 + len(report.quotes)
        return corpus + len(report.passages) + 1 + 1  # sections, saving, the file
    return 1


def passage_rows(report: CorpusReport) -> list[dict]:
    """The coded passages as rows (the code report's CSV)."""
    return [{"tag": tag, "doc_id": p.doc_id, "document": p.title, "date": p.date or "", "source": p.source or "",
             "start": p.start, "end": p.end, "passage": p.exact, "comment": p.comment, "coder": p.coder,
             "tags": "; ".join(p.tags)} for tag, passages in report.passages for p in passages]


def render_csv(report: CorpusReport) -> str:
    """The people table (or, for a code report, the passages) as CSV, cells safe from formulas."""
    from annotext.export.data import csv_cell

    buffer = io.StringIO()
    rows = passage_rows(report) if report.code_only else people_rows(report)
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]) if rows else ["name"], lineterminator="\r\n")
    writer.writeheader()
    writer.writerows({k: csv_cell(v) for k, v in row.items()} for row in rows)
    return buffer.getvalue()


def render_html(report: CorpusReport, for_qt: bool = False, steps: _Steps | None = None) -> str:
    """Self-contained HTML: inline CSS and inline SVG charts, no script, no network reference."""
    from markupsafe import Markup

    from annotext.export.charts import svg_markup
    from annotext.export.html import ENVIRONMENT

    charts = []
    if not (for_qt or report.code_only):
        for figure in figures(report):
            charts.append(Markup(svg_markup(figure)))
            if steps is not None:
                steps.step()
    page = ENVIRONMENT.get_template("corpus.html.j2").render(report=report, charts=charts, for_qt=for_qt)
    if steps is not None:
        steps.step()
    return page


def _write_pdf(report: CorpusReport, path: Path, steps: _Steps) -> None:
    """A4 PDF: the tables laid out by Qt's text engine, preceded by the charts as vector pages drawn
    by matplotlib; pypdfium2 joins the two."""
    import tempfile

    import pypdfium2

    from annotext.export.pdf import html_pdf

    drawn = figures(report)  # first: loading annotext.export.charts sets matplotlib up
    from matplotlib.backends.backend_pdf import PdfPages

    with tempfile.TemporaryDirectory(dir=path.parent) as folder:
        charts, text = Path(folder) / "charts.pdf", Path(folder) / "text.pdf"
        with PdfPages(charts, metadata={"Title": report.title, "Creator": "Annotext"}) as pages:
            for figure in drawn:
                pages.savefig(figure, facecolor=figure.get_facecolor())
                steps.step()
        html_pdf(render_html(report, for_qt=True), report.title, report.generated, text, inserted=len(drawn))
        steps.step()
        joined = pypdfium2.PdfDocument.new()
        text_document = pypdfium2.PdfDocument(str(text))
        charts_document = pypdfium2.PdfDocument(str(charts))
        try:
            joined.import_pages(text_document, [0])  # title and totals first
            joined.import_pages(charts_document)
            if len(text_document) > 1:
                joined.import_pages(text_document, list(range(1, len(text_document))))
            joined.save(str(path))
            steps.step()
        finally:
            for document in (joined, text_document, charts_document):
                document.close()


def _write_docx(report: CorpusReport, path: Path, steps: _Steps) -> None:
    """DOCX with python-docx: headings, tables, and each chart as a PNG picture."""
    from docx import Document as WordDocument

    from annotext.core.xml_text import xml_safe as _clean

    word = WordDocument()
    word.core_properties.title = _clean(report.title)
    word.add_heading(_clean(report.title), level=0)
    word.add_paragraph(_clean(f"{report.selection} — {report.generated}"))
    if not report.code_only:
        _docx_corpus(word, report, steps)
    if report.passages:
        word.add_heading("Code report", level=1)
        for tag, passages in report.passages:
            word.add_heading(_clean(f"{tag} — {len(passages)} passage(s)"), level=2)
            for passage in passages:
                paragraph = word.add_paragraph(style="List Bullet")
                paragraph.add_run(_clean(passage.exact)).bold = True
                paragraph.add_run(_clean(f" — {passage.title}, {passage.date or 'undated'}, coder {passage.coder or '—'}"))
                if passage.comment:
                    word.add_paragraph(_clean(passage.comment), style="Quote")
            if report.more_passages(tag, len(passages)):
                word.add_paragraph(f"{report.more_passages(tag, len(passages))} more not listed"
                                   " (the Passages tab of the corpus view exports them all).")
            steps.step()
    word.save(str(path))
    steps.step()


def _docx_corpus(word, report: CorpusReport, steps: _Steps) -> None:
    from docx.shared import Inches

    from annotext.core.xml_text import xml_safe as _clean
    from annotext.export.charts import render

    word.add_paragraph(_clean(totals_line(report)))
    for figure in figures(report):
        word.add_picture(io.BytesIO(render(figure, "png")), width=Inches(6.3))
        steps.step()
    word.add_heading("People and speakers", level=1)
    rows = people_rows(report)
    headers = ["Name", "Kind", "Documents", "Mentions", "Quotations", "Words quoted", "Share %", "First", "Last"]
    table = word.add_table(rows=1, cols=len(headers))
    table.style = "Light Grid Accent 1"
    for cell, header in zip(table.rows[0].cells, headers):
        cell.text = header
    for row in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row.values()):
            cell.text = _clean(str(value))
    steps.step()
    word.add_heading("Quotations by speaker", level=1)
    for person, quotes in report.quotes:
        word.add_heading(_clean(f"{person.name}{' (organisation)' if person.is_organisation else ''}"
                                f" — {person.quotes} quotation(s)"), level=2)
        for quote in quotes:
            paragraph = word.add_paragraph(style="List Bullet")
            paragraph.add_run(_clean(f"“{quote.content}”")).italic = True
            paragraph.add_run(_clean(f" — {quote.title}, {quote.date or 'undated'}"
                                     f"{', ' + quote.source if quote.source else ''}"))
        if report.quotes_cap and person.quotes > len(quotes):
            word.add_paragraph(f"{person.quotes - len(quotes)} more not listed.")
        steps.step()


def totals_line(report: CorpusReport) -> str:
    """The one-line summary of what the report covers."""
    t = report.totals
    return (f"{t['documents']} documents selected, {t['analysed']} analysed, {t['dated']} dated; "
            f"{t['quotes']} quotations ({t['attributed_quotes']} attributed), "
            f"{t['attributed_words']:,} words quoted with a known speaker.")

