"""Real files of each kind, generated here, imported and checked for their text."""

import zipfile

import docx
import pytest

from annotext.importers import ImportFailed, import_file

ARTICLE = [
    "Ministers agree new climate fund after marathon talks",
    "Negotiators from almost 200 countries agreed on Saturday to create a fund for climate damage.",
    "“This is a historic day,” said the conference president, Amira Haddad.",
    "The fund will be hosted by the World Bank for an interim period of four years.",
]

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title} | The Daily Planet</title>
<script>var tracking = "do not import me";</script><style>body {{ color: red }}</style></head>
<body><header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav></header>
<div class="cookie-banner">We use cookies to improve your experience. Accept all cookies?</div>
<main><article><h1>{title}</h1>
<p>{p1}</p><p>{p2}</p><p>{p3}</p>
<p>Observers said the agreement was the most significant outcome of the talks since the Paris accord, and that
the details of who pays, and how much, would be settled over the coming year by a transitional committee.</p>
</article></main>
<aside class="sidebar"><h3>Most read</h3><ul><li>Celebrity chef opens restaurant</li></ul></aside>
<section id="comments"><h3>Comments</h3><p>First! This is a reader comment that must not be imported.</p></section>
<footer>© 2024 The Daily Planet. All rights reserved. Terms. Privacy.</footer></body></html>"""


def test_html_main_text_without_boilerplate(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE.format(title=ARTICLE[0], p1=ARTICLE[1], p2=ARTICLE[2], p3=ARTICLE[3]), encoding="utf-8")
    document = import_file(path)
    assert document.title.startswith("Ministers agree new climate fund")
    for paragraph in ARTICLE[1:]:
        assert paragraph in document.text.split("\n")
    for junk in ("do not import me", "cookies", "Most read", "reader comment", "All rights reserved", "Sport"):
        assert junk not in document.text


def _write_pdf(path, pages_of_lines, draw_text=True):
    from PySide6.QtCore import QMarginsF, QRectF
    from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter

    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(20, 20, 20, 20), QPageLayout.Unit.Millimeter)
    writer.setTitle("Quarterly report")
    painter = QPainter(writer)
    font = QFont("DejaVu Sans")
    font.setPointSize(11)
    painter.setFont(font)
    height = painter.fontMetrics().height() * 1.3
    for index, lines in enumerate(pages_of_lines):
        if index:
            writer.newPage()
        y = 200.0
        for line in lines:
            if draw_text and line:
                painter.drawText(QRectF(0, y, writer.width(), height * 2), 0, line)
            elif not draw_text:
                painter.fillRect(QRectF(100, y, 3000, 40), 0)
            y += height
    painter.end()


def test_pdf_paragraphs_and_hyphenation(qapp, tmp_path):
    path = tmp_path / "report.pdf"
    _write_pdf(path, [[
        "Quarterly report on regional development",
        "",
        "The regional development agency spent most of its budget on infra-",
        "structure projects in the northern provinces, where unemployment",
        "remains higher than the national average.",
        "",
        "A second programme funded training for young people.",
    ], ["Page two continues with a final paragraph about the outlook for the",
        "coming year and the risks to the forecast."]])
    document = import_file(path)
    paragraphs = document.text.strip().split("\n")
    assert paragraphs[0] == "Quarterly report on regional development"
    assert ("The regional development agency spent most of its budget on infrastructure projects in the "
            "northern provinces, where unemployment remains higher than the national average.") in paragraphs
    assert "A second programme funded training for young people." in paragraphs
    assert paragraphs[-1].startswith("Page two continues") and paragraphs[-1].endswith("risks to the forecast.")
    assert document.title == "Quarterly report"


def test_scanned_pdf_without_text_is_refused(qapp, tmp_path):
    path = tmp_path / "scan.pdf"
    _write_pdf(path, [["x"] * 10], draw_text=False)
    with pytest.raises(ImportFailed, match="no text layer"):
        import_file(path)


def test_docx_paragraphs_and_tables_in_order(tmp_path):
    word = docx.Document()
    word.core_properties.title = "Board minutes"
    word.add_heading("Board minutes, 3 March", level=1)
    word.add_paragraph("The board approved the budget.")
    table = word.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Item", "Amount"
    table.cell(1, 0).text, table.cell(1, 1).text = "Salaries", "€1.2m"
    word.add_paragraph("The meeting closed at 18:00.")
    path = tmp_path / "minutes.docx"
    word.save(str(path))
    document = import_file(path)
    assert document.text.split("\n")[:5] == ["Board minutes, 3 March", "The board approved the budget.",
                                             "Item | Amount", "Salaries | €1.2m", "The meeting closed at 18:00."]
    assert document.title == "Board minutes"


def make_epub(path, chapters, title="A Short Book"):
    with zipfile.ZipFile(path, "w") as book:
        book.writestr("mimetype", "application/epub+zip")
        book.writestr("META-INF/container.xml", """<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>""")
        items = "".join(f'<item id="c{i}" href="text/ch{i}.xhtml" media-type="application/xhtml+xml"/>'
                        for i in range(len(chapters)))
        spine = "".join(f'<itemref idref="c{i}"/>' for i in reversed(range(len(chapters))))
        book.writestr("OEBPS/content.opf", f"""<?xml version="1.0"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:title>{title}</dc:title><dc:creator>A. Writer</dc:creator></metadata>
<manifest>{items}</manifest><spine>{spine}</spine></package>""")
        for i, paragraphs in enumerate(chapters):
            body = "".join(f"<p>{p}</p>" for p in paragraphs)
            book.writestr(f"OEBPS/text/ch{i}.xhtml",
                          f'<html xmlns="http://www.w3.org/1999/xhtml"><body><h2>Chapter {i}</h2>{body}</body></html>')


def test_epub_in_spine_order(tmp_path):
    path = tmp_path / "book.epub"
    make_epub(path, [["First written, read second."], ["Written second, read first.", "Another paragraph."]])
    document = import_file(path)
    assert document.text.split("\n")[:6] == ["A Short Book", "Chapter 1", "Written second, read first.",
                                             "Another paragraph.", "Chapter 0", "First written, read second."]
    assert document.metadata["creator"] == "A. Writer"


@pytest.mark.parametrize("suffix,content,problem", [
    (".pdf", b"%PDF-1.4 this is not really a pdf", "not a readable PDF"),
    (".docx", b"PK\x03\x04 broken zip", "not a readable Word document"),
    (".epub", b"not a zip at all", "not a readable EPUB"),
    (".html", b"", "empty"),
    (".html", b"<html><body><nav>Home</nav></body></html>", "no article text"),
    (".pdf", b"", "empty"),
])
def test_corrupt_files_are_refused_with_the_file_named(tmp_path, suffix, content, problem):
    path = tmp_path / f"bad{suffix}"
    path.write_bytes(content)
    with pytest.raises(ImportFailed) as info:
        import_file(path)
    assert problem in str(info.value) and str(path) in str(info.value)


def test_failed_import_leaves_library_unchanged(library, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Good\nText.", encoding="utf-8")
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4 broken")
    library.import_file(good)
    before = library.db.execute("select count(*) from documents").fetchone()[0]
    with pytest.raises(ImportFailed):
        library.import_file(bad)
    assert library.db.execute("select count(*) from documents").fetchone()[0] == before
