"""One entry point for every export format: used by the CLI and by the GUI's background job."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from annotext.core.errors import AnnotextError
from annotext.export import FORMATS
from annotext.export.report import ReportOptions, build_report

SUFFIXES = {"html": ".html", "pdf": ".pdf", "docx": ".docx", "md": ".md", "csv": ".csv", "json": ".json",
            "jsonl": ".jsonl", "qdpx": ".qdpx"}


class ExportError(AnnotextError):
    """An export that could not be written; the message names the file and the problem."""


def export(items: list[tuple], tags: list, fmt: str, path: Path, options: ReportOptions | None = None,
           excel_bom: bool = False, progress: Callable[[str], None] | None = None,
           tokenize: Callable[[str], tuple[str, list[tuple[int, int, bool]]]] | None = None) -> Path:
    """Write `items` (document, corrected result, annotations) in `fmt` to `path`; returns the path.
    JSONL needs `tokenize` (analysis.tokens.token_bounds, passed in by the caller because exports
    sit beside analysis, not above it)."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    path = Path(path)
    report_progress = progress or (lambda _message: None)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if fmt in ("html", "pdf", "docx", "md"):
            report_progress("Building the report…")
            report = build_report(items, tags, options)
            report_progress(f"Writing {fmt.upper()}…")
            if fmt == "html":
                from annotext.export.html import write_html
                write_html(report, path)
            elif fmt == "pdf":
                from annotext.export.pdf import write_pdf
                write_pdf(report, path)
            elif fmt == "docx":
                from annotext.export.docx import write_docx
                write_docx(report, path)
            else:
                from annotext.export.markdown import write_markdown
                write_markdown(report, path)
        elif fmt == "csv":
            from annotext.export.data import write_csv
            write_csv(items, tags, path, excel_bom=excel_bom)
        elif fmt == "json":
            from annotext.export.data import write_w3c_json
            write_w3c_json(items, tags, path)
        elif fmt == "jsonl":
            from annotext.export.data import write_jsonl
            if tokenize is None:
                raise ExportError("JSONL export needs the language model's tokenizer")
            write_jsonl(items, tags, path, tokenize)
        else:
            from annotext.export.qdpx import write_qdpx
            write_qdpx(items, tags, path, items[0][0].title if len(items) == 1 else "Annotext project")
    except OSError as error:
        raise ExportError(f"{path}: cannot write ({error.strerror or error})") from error
    report_progress(f"Exported to {path}")
    return path
