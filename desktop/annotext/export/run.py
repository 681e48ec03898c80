"""One entry point for every export format: used by the CLI and by the GUI's background job."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from annotext.export.errors import ExportError
from annotext.export.registry import FORMATS, ExportRequest
from annotext.export.report import ReportOptions

__all__ = ["ExportError", "export"]


def export(items: list[tuple], tags: list, fmt: str, path: Path, options: ReportOptions | None = None,
           excel_bom: bool = False, progress: Callable[[str], None] | None = None,
           tokenize: Callable[[str], tuple[str, list[tuple[int, int, bool]]]] | None = None) -> Path:
    """Write `items` (document, corrected result, annotations) in `fmt` to `path`; returns the path.
    JSONL needs `tokenize` (analysis.tokens.token_bounds, passed in by the caller because exports
    sit beside analysis, not above it)."""
    chosen = FORMATS.get(fmt)
    if chosen is None:
        raise ExportError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    path = Path(path)
    report_progress = progress or (lambda _message: None)
    request = ExportRequest(items, tags, path, options, excel_bom, tokenize)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if chosen.report:
            report_progress("Building the report…")
            request.report()
            report_progress(f"Writing {fmt.upper()}…")
        chosen.write(request)
    except OSError as error:
        raise ExportError(f"{path}: cannot write ({error.strerror or error})") from error
    report_progress(f"Exported to {path}")
    return path
