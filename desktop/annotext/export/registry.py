"""Every export format in one place: its name (the CLI's --format), file suffix, description (the
GUI's list) and writer. The CLI, the GUI and `export.run.export` all read this table, so a format is
added once. Writers import their module only when used (python-docx, Qt's PDF writer are heavy)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable


@dataclass
class ExportRequest:
    """What a writer gets: the documents (document, corrected result, passages), the codebook, the
    target and the options; `report()` builds the report model once, for the report formats."""

    items: list[tuple]
    tags: list
    path: Path
    options: object = None  # export.report.ReportOptions
    excel_bom: bool = False
    tokenize: Callable | None = None
    _report: object = field(default=None, repr=False)

    def report(self):
        """The report model every report format is written from."""
        if self._report is None:
            from annotext.export.report import build_report

            self._report = build_report(self.items, self.tags, self.options)
        return self._report


@dataclass(frozen=True, slots=True)
class ExportFormat:
    """One way to export: `report` formats are written from the report model, the others from the data."""

    name: str
    suffix: str
    description: str
    report: bool
    write: Callable[[ExportRequest], None]


def _html(request: ExportRequest) -> None:
    from annotext.export.html import write_html

    write_html(request.report(), request.path)


def _pdf(request: ExportRequest) -> None:
    from annotext.export.pdf import write_pdf

    write_pdf(request.report(), request.path)


def _docx(request: ExportRequest) -> None:
    from annotext.export.docx import write_docx

    write_docx(request.report(), request.path)


def _markdown(request: ExportRequest) -> None:
    from annotext.export.markdown import write_markdown

    write_markdown(request.report(), request.path)


def _csv(request: ExportRequest) -> None:
    from annotext.export.data import write_csv

    write_csv(request.items, request.tags, request.path, excel_bom=request.excel_bom, options=request.options)


def _json(request: ExportRequest) -> None:
    from annotext.export.data import write_w3c_json

    write_w3c_json(request.items, request.tags, request.path, request.options)


def _jsonl(request: ExportRequest) -> None:
    from annotext.export.data import write_jsonl
    from annotext.export.errors import ExportError

    if request.tokenize is None:
        raise ExportError("JSONL export needs the language model's tokenizer")
    write_jsonl(request.items, request.tags, request.path, request.tokenize)


def _qdpx(request: ExportRequest) -> None:
    from annotext.export.qdpx import write_qdpx

    items = request.items
    write_qdpx(items, request.tags, request.path, items[0][0].title if len(items) == 1 else "Annotext project",
               request.options)


FORMATS: dict[str, ExportFormat] = {f.name: f for f in (
    ExportFormat("html", ".html", "HTML report (one self-contained file)", True, _html),
    ExportFormat("pdf", ".pdf", "PDF report", True, _pdf),
    ExportFormat("docx", ".docx", "Word report (DOCX)", True, _docx),
    ExportFormat("md", ".md", "Markdown report", True, _markdown),
    ExportFormat("csv", ".csv", "CSV: one row per passage, quotation and person mention", False, _csv),
    ExportFormat("json", ".json", "JSON: W3C Web Annotations", False, _json),
    ExportFormat("jsonl", ".jsonl", "JSONL: spaCy/Prodigy spans", False, _jsonl),
    ExportFormat("qdpx", ".qdpx", "REFI-QDA project (QualCoder, NVivo, MAXQDA…)", False, _qdpx),
)}
