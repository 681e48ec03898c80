"""Importers fill document attributes (source, date, author) from what the file says."""

from __future__ import annotations

from datetime import datetime

from annotext.application.corpus import CorpusService
from annotext.application.library import Library

ARTICLE = """<!DOCTYPE html><html><head><title>Harbour dues rise - Harbour Gazette</title>
<meta property="og:site_name" content="Harbour Gazette">
<meta name="author" content="Jane Porter">
<meta property="article:published_time" content="2024-03-05T09:30:00+00:00">
</head><body><article><h1>Harbour dues rise</h1>
<p>The port raised its dues on Tuesday, and fishermen said they would protest outside the office.</p>
<p>“We cannot pay this,” said Tom Reilly, who has fished here for thirty years.</p>
</article></body></html>"""


def test_html_byline_date_and_site_name(tmp_path):
    page = tmp_path / "harbour.html"
    page.write_text(ARTICLE, encoding="utf-8")
    library = Library(tmp_path / "lib.db")
    doc_id = library.import_file(page)
    attributes = CorpusService(library).document_attributes(doc_id)
    assert attributes["source"] == "Harbour Gazette"
    assert attributes["date"] == "2024-03-05"
    assert attributes["author"] == "Jane Porter"
    library.close()


def test_docx_core_properties(tmp_path):
    from docx import Document as WordDocument

    word = WordDocument()
    word.add_paragraph("Council report")
    word.add_paragraph("The council met on Monday to discuss the budget for next year.")
    word.core_properties.author = "Council clerk"
    word.core_properties.created = datetime(2023, 11, 2, 10, 0)
    path = tmp_path / "report.docx"
    word.save(str(path))
    library = Library(tmp_path / "lib.db")
    doc_id = library.import_file(path)
    attributes = CorpusService(library).document_attributes(doc_id)
    assert attributes["author"] == "Council clerk" and attributes["date"] == "2023-11-02"
    library.close()
