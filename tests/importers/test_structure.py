"""Document structure kept from import: headings, list items and block quotes as block ranges beside
a text that is exactly what it was before structure was kept."""

import zipfile

import docx
import pytest

from annotext.core.blocks import Block, blocks_of, line_blocks, with_blocks
from annotext.importers import import_file
from annotext.importers import limits


def _shown(document):
    """(kind, line text) of each block, checked to lie on whole lines of the text."""
    blocks = blocks_of(document.metadata, document.text)
    assert blocks == [Block(*entry) for entry in document.metadata.get("blocks", [])]  # all stored are valid
    for block in blocks:
        assert block.start == 0 or document.text[block.start - 1] == "\n"
        assert document.text[block.end] == "\n"
    return [(b.kind, document.text[b.start:b.end]) for b in blocks]


ARTICLE_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Rivers rise across the north</title></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav><main><article>
<h1>Rivers rise across the north</h1>
<p>Heavy rain over the weekend pushed several rivers in the northern provinces above their flood marks.</p>
<h2>What the <em>agency</em> said</h2>
<p>The environment agency issued warnings for eleven towns and asked residents to move valuables upstairs.</p>
<ul><li>Sandbags are available at the town hall</li><li>Schools in <a href="/x">two districts</a> are closed
<ul><li>Buses run a reduced timetable</li></ul></li></ul>
<blockquote><p>We have not seen levels like this in thirty years.</p><p>Everyone should stay away from the banks.</p></blockquote>
<h3>Outlook</h3>
<p>More rain is expected on Tuesday, although forecasters say it should be lighter than at the weekend.</p>
<p>We have not seen levels like this in thirty years.</p>
</article></main><footer>All rights reserved.</footer></body></html>"""


def test_html_article_keeps_headings_list_items_and_quotes(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(ARTICLE_PAGE, encoding="utf-8")
    document = import_file(path)
    assert document.text == (
        "Rivers rise across the north\n"
        "Heavy rain over the weekend pushed several rivers in the northern provinces above their flood marks.\n"
        "What the agency said\n"
        "The environment agency issued warnings for eleven towns and asked residents to move valuables upstairs.\n"
        "- Sandbags are available at the town hall\n"
        "- Schools in two districts are closed\n"
        "  - Buses run a reduced timetable\n"
        "We have not seen levels like this in thirty years.\n"
        "Everyone should stay away from the banks.\n"
        "Outlook\n"
        "More rain is expected on Tuesday, although forecasters say it should be lighter than at the weekend.\n"
        "We have not seen levels like this in thirty years.\n")
    assert _shown(document) == [
        ("h1", "Rivers rise across the north"),
        ("h2", "What the agency said"),
        ("li", "- Sandbags are available at the town hall"),
        ("li", "- Schools in two districts are closed"),
        ("li", "  - Buses run a reduced timetable"),
        ("blockquote", "We have not seen levels like this in thirty years."),
        ("blockquote", "Everyone should stay away from the banks."),
        ("h3", "Outlook"),
    ]  # the same sentence later as a paragraph stays a paragraph


WRAPPED_PAGE = """<html><head><title>Paths</title></head><body><article><h1>Paths</h1>
<p>A path can take two forms, and the difference matters when code moves between modules later on.</p>
<ul><li>An <em>absolute</em> path is the full path starting from a crate root; for code
from an external crate, it begins with the literal <code>crate</code>.</li>
<li>A <em>relative</em> path starts from the current module and uses <code>self</code>, <code>super</code>, or
an identifier.</li></ul>
<blockquote><p>Choosing between <code>crate</code> and <code>self</code> is a decision you make
project by project.</p></blockquote>
<p>Both forms are followed by one or more identifiers separated by double colons in the source.</p>
</article></body></html>"""


def test_html_elements_whose_source_text_was_wrapped_cover_all_their_lines(tmp_path):
    path = tmp_path / "paths.html"
    path.write_text(WRAPPED_PAGE, encoding="utf-8")
    document = import_file(path)
    lines = document.text.split("\n")
    assert lines[2:8] == ["- An absolute path is the full path starting from a crate root; for code",
                          "from an external crate, it begins with the literal crate.",
                          "- A relative path starts from the current module and uses self, super, or",
                          "an identifier.",
                          "Choosing between crate and self is a decision you make",
                          "project by project."]  # trafilatura keeps the source's line breaks here
    assert _shown(document) == [("h1", "Paths"), ("li", lines[2]), ("li", lines[3]), ("li", lines[4]),
                                ("li", lines[5]), ("blockquote", lines[6]), ("blockquote", lines[7])]
    assert lines[7] == "project by project."


def test_html_page_too_large_for_extraction_keeps_structure(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_EXTRACTION_BYTES", 200)
    path = tmp_path / "book.html"
    path.write_text("<html><head><title>A Long Report</title><script>var x = 1;</script></head><body>"
                    "<h2>Part one</h2><p>Plain paragraph.</p><ol><li>One</li><li><p>Two</p></li></ol>"
                    "<blockquote>Said once.</blockquote><h5>Small print</h5></body></html>", encoding="utf-8")
    document = import_file(path)
    assert document.text == "A Long Report\nPart one\nPlain paragraph.\nOne\nTwo\nSaid once.\nSmall print\n"
    assert _shown(document) == [("h2", "Part one"), ("li", "One"), ("li", "Two"), ("blockquote", "Said once."),
                                ("h3", "Small print")]


def test_docx_styles_become_blocks(tmp_path):
    word = docx.Document()
    word.add_paragraph("Annual review", style="Title")
    word.add_paragraph("This year the association grew by a third.")
    word.add_paragraph("Members", style="Heading 2")
    word.add_paragraph("Four new branches", style="List Bullet")
    word.add_paragraph("Two mergers", style="List Number")
    word.add_paragraph("The best year we have had.", style="Quote")
    word.add_paragraph("Raised with emphasis.", style="Intense Quote")
    word.add_paragraph("Finances", style="Heading 1")
    word.add_paragraph("Details", style="Heading 6")
    numbered = word.add_paragraph("Numbered without a list style")
    numbered._p.get_or_add_pPr().get_or_add_numPr().get_or_add_numId().val = 1
    table = word.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Income", "Costs"
    path = tmp_path / "review.docx"
    word.save(path)
    document = import_file(path)
    assert document.text == ("Annual review\nThis year the association grew by a third.\nMembers\nFour new branches\n"
                             "Two mergers\nThe best year we have had.\nRaised with emphasis.\nFinances\nDetails\n"
                             "Numbered without a list style\nIncome | Costs\n")
    assert _shown(document) == [("h2", "Members"), ("li", "Four new branches"), ("li", "Two mergers"),
                                ("blockquote", "The best year we have had."),
                                ("blockquote", "Raised with emphasis."), ("h1", "Finances"), ("h3", "Details"),
                                ("li", "Numbered without a list style")]


def _epub(path, chapters, declaration='<?xml version="1.0" encoding="utf-8"?>\n'):
    with zipfile.ZipFile(path, "w") as book:
        book.writestr("mimetype", "application/epub+zip")
        book.writestr("META-INF/container.xml", """<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles><rootfile full-path="content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>""")
        items = "".join(f'<item id="c{i}" href="ch{i}.xhtml" media-type="application/xhtml+xml"/>'
                        for i in range(len(chapters)))
        spine = "".join(f'<itemref idref="c{i}"/>' for i in range(len(chapters)))
        book.writestr("content.opf", f"""<?xml version="1.0"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:title>Field Notes</dc:title></metadata><manifest>{items}</manifest><spine>{spine}</spine></package>""")
        for i, body in enumerate(chapters):
            book.writestr(f"ch{i}.xhtml", declaration +
                          f'<html xmlns="http://www.w3.org/1999/xhtml"><body>{body}</body></html>')


def test_epub_chapters_keep_structure_after_the_title_line(tmp_path):
    path = tmp_path / "notes.epub"
    _epub(path, ["<h1>Spring</h1><p>Birds came back early.</p><ul><li>Swallows</li><li>Swifts 🐦</li></ul>",
                 "<h2>Summer</h2><blockquote><p>Hot, said the farmer.</p></blockquote><p>End.</p>"])
    document = import_file(path)
    assert document.text == ("Field Notes\nSpring\nBirds came back early.\nSwallows\nSwifts 🐦\nSummer\n"
                             "Hot, said the farmer.\nEnd.\n")
    assert _shown(document) == [("h1", "Spring"), ("li", "Swallows"), ("li", "Swifts 🐦"), ("h2", "Summer"),
                                ("blockquote", "Hot, said the farmer.")]


MARKDOWN = """# Field notes
Intro with *emphasis* at the start and 1984 in it.
## Birds
- swifts
* swallows
  1. nested numbered
> A quote from the warden.
Underlined heading
------------------

```
# not a heading inside code
- nor a list
```
#hashtag is not a heading
***
Closing paragraph.
"""


def test_markdown_text_is_kept_as_written_and_its_structure_marked(tmp_path):
    path = tmp_path / "notes.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    document = import_file(path)
    assert document.text == MARKDOWN
    assert _shown(document) == [("h1", "# Field notes"), ("h2", "## Birds"), ("li", "- swifts"), ("li", "* swallows"),
                                ("li", "  1. nested numbered"), ("blockquote", "> A quote from the warden."),
                                ("h2", "Underlined heading")]


@pytest.mark.parametrize("declaration", ["", '<?xml version="1.0" encoding="utf-8"?>\n'])
def test_epub_chapter_is_utf8_unless_it_says_otherwise(tmp_path, declaration):
    path = tmp_path / "accents.epub"
    _epub(path, ["<p>Café in Zürich 🐦</p>"], declaration=declaration)
    assert import_file(path).text == "Field Notes\nCafé in Zürich 🐦\n"


def test_plain_text_has_no_blocks(tmp_path):
    path = tmp_path / "note.txt"
    path.write_text("Title\n# not a heading here\n- nor a list\n", encoding="utf-8")
    assert "blocks" not in import_file(path).metadata


@pytest.mark.parametrize("stored", [
    None, "h2", 5, {"a": 1}, [[0, 5]], [["0", 5, "h2"]], [[0, 5, "h9"]], [[0, 500, "h2"]], [[-1, 5, "h2"]],
    [[3, 3, "li"]], [[0, 12, "li"]], [[0, 5.0, "h2"]], [[True, 5, "h2"]],
])
def test_malformed_or_out_of_range_blocks_are_ignored(stored):
    assert blocks_of({"blocks": stored}, "Title\nsecond line\n") == []


def test_valid_blocks_survive_beside_malformed_ones():
    text = "Title\nsecond line\nthird\n"
    stored = [[6, 17, "li"], "junk", [10, 20, "h2"], [18, 23, "blockquote"], [18, 23, "h1"]]
    assert blocks_of({"blocks": stored}, text) == [Block(6, 17, "li"), Block(18, 23, "blockquote")]


def test_blocks_round_trip_through_metadata_without_touching_other_keys():
    blocks = line_blocks(["A", "B", "", "C"], ["h2", None, "li", "li"], start=4)
    assert blocks == [Block(4, 5, "h2"), Block(9, 10, "li")]
    metadata = with_blocks({"author": "X", "blocks": [[0, 1, "h1"]]}, blocks)
    assert metadata == {"author": "X", "blocks": [[4, 5, "h2"], [9, 10, "li"]]}
    assert with_blocks(metadata, []) == {"author": "X"}


def _write_pdf(path, lines):
    """A one-page PDF of (text, point size) lines; an empty text leaves a blank line."""
    from PySide6.QtCore import QMarginsF, QRectF
    from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter

    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(20, 20, 20, 20), QPageLayout.Unit.Millimeter)
    painter = QPainter(writer)
    y = 200.0
    for text, points in lines:
        font = QFont("DejaVu Sans")
        font.setPointSize(points)
        painter.setFont(font)
        height = painter.fontMetrics().height() * 1.3
        if text:
            painter.drawText(QRectF(0, y, writer.width(), height * 2), 0, text)
        y += height
    painter.end()


def test_pdf_headings_by_type_size_and_the_text_unchanged(qapp, tmp_path):
    from annotext.importers.pdf import join_paragraphs

    path = tmp_path / "report.pdf"
    _write_pdf(path, [("Annual report", 22), ("", 11),
                      ("The association grew by a third this year, mostly in the north where", 11),
                      ("two new branches opened in the spring.", 11), ("", 11),
                      ("Finances", 15), ("", 11),
                      ("Income rose faster than costs for the first time in a decade, and the", 11),
                      ("reserve now covers six months of spending.", 11), ("", 11),
                      ("Outlook", 13), ("", 11), ("Growth is expected to slow next year as well.", 11)])
    document = import_file(path)
    assert document.text == ("Annual report\nThe association grew by a third this year, mostly in the north where "
                             "two new branches opened in the spring.\nFinances\nIncome rose faster than costs for "
                             "the first time in a decade, and the reserve now covers six months of spending.\n"
                             "Outlook\nGrowth is expected to slow next year as well.\n")
    assert _shown(document) == [("h1", "Annual report"), ("h2", "Finances"), ("h3", "Outlook")]
    assert join_paragraphs(["A line that", "wraps on.", "", "Next"], [11.0, 10.0, 0.0, 12.0]) == (
        ["A line that wraps on.", "Next"], [10.0, 12.0])


def test_pdf_in_one_type_size_has_no_headings(qapp, tmp_path):
    path = tmp_path / "plain.pdf"
    _write_pdf(path, [("Short title", 11), ("", 11), ("A paragraph of body text set like the title.", 11)])
    assert "blocks" not in import_file(path).metadata
