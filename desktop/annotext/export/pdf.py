"""PDF report through Qt's text engine (QTextDocument + QPdfWriter): no extra dependency, fonts
embedded by Qt, text extractable, page numbers in the footer. The only export module that uses Qt,
and only QtGui (no widgets), so it runs headless."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from annotext.export.html import render_html
from annotext.export.report import Report

MARGIN_MM = 18
FOOTER_MM = 8


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
    """Write the report as an A4 PDF; returns the number of pages."""
    _gui_application()
    from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
    from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter)
    writer.setResolution(300)
    writer.setTitle(report.title)
    writer.setCreator(report.generator)
    document = QTextDocument()
    document.documentLayout().setPaintDevice(writer)
    font = QFont()
    font.setFamilies(["Source Serif 4", "Georgia", "Noto Serif", "DejaVu Serif", "serif"])
    font.setPointSizeF(10.5)
    document.setDefaultFont(font)
    document.setDefaultStyleSheet(
        "h1 { font-size: 20pt; } h2 { font-size: 15pt; } h3 { font-size: 12pt; }"
        " .meta, .cue { color: #555555; } .comments { color: #333333; margin-left: 18px; }"
        " th { background-color: #eeeeee; } .pn { font-weight: bold; }")
    document.setHtml(render_html(report, for_qt=True))
    footer = FOOTER_MM / 25.4 * writer.resolution()
    width, height = writer.width(), writer.height() - footer
    document.setPageSize(QSizeF(width, height))
    pages = document.pageCount()
    painter = QPainter(writer)
    try:
        footer_font = QFont(font)
        footer_font.setPointSizeF(8.5)
        for page in range(pages):
            if page:
                writer.newPage()
            painter.save()
            painter.translate(0, -page * height)
            document.drawContents(painter, QRectF(0, page * height, width, height))
            painter.restore()
            painter.setFont(footer_font)
            painter.drawText(QRectF(0, height, width, footer), Qt.AlignmentFlag.AlignCenter,
                             f"{report.title} — page {page + 1} of {pages}")
    finally:
        painter.end()
    return pages
