"""HTML report: one self-contained file (inline CSS, no scripts, no network references), printable.

Rendered by jinja2 with autoescaping on, so article text, tag names and comments are always text.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from annotext.core.palette import colour_for
from annotext.export.report import Report

TEMPLATES = Path(__file__).resolve().parent / "templates"
_environment = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=False,
    lstrip_blocks=False,
)
_environment.globals["colour_for"] = colour_for


def render_html(report: Report, for_qt: bool = False) -> str:
    """The report as an HTML string; `for_qt` uses only what Qt's rich-text engine understands (PDF)."""
    return _environment.get_template("report.html.j2").render(report=report, for_qt=for_qt)


def write_html(report: Report, path: Path) -> None:
    """Write the HTML report (UTF-8)."""
    path.write_text(render_html(report), encoding="utf-8")
