"""Hostile content is shown as plain text in every widget and escaped in every export."""

import json
import zipfile

import docx
from PySide6.QtGui import QTextCursor

from annotext.core.document import Document
from annotext.application.edits import AddAnnotation, CreateTag
from annotext.export.run import export

MARKUP = '<b>bold</b><img src=x onerror=alert(1)><a href="http://evil">link</a>'
RTL = "\u202egnp.exe"
CONTROL = "bell\x07 tab\t vertical\x0b escape\x1b"
HOSTILE_TEXT = (f"{MARKUP} {RTL} headline\n"
                f"Paragraph with {MARKUP}, &amp; entities, {CONTROL} and a lone surrogate \ud800 here.\n"
                + "x" * 100_000 + "\nLast line.\n")


def test_hostile_document_tag_and_comment(qtbot, make_window, tmp_path):
    window = make_window(model_name="none")
    library = window.library
    doc = library.add_document(Document(title=f"{MARKUP} {RTL}", text=HOSTILE_TEXT, source=f"{MARKUP}.txt"))
    stored = library.document(doc)
    assert "\ud800" not in stored.text and "\ufffd" in stored.text and len(stored.text) == len(HOSTILE_TEXT)
    with qtbot.waitSignal(window.analysisApplied, timeout=60_000):
        window.open_document(doc)
    store = library.annotations
    tag = CreateTag(store.new_tag(f"{MARKUP} \ud800 tag"))
    window.annotating.submit(tag)
    start = stored.text.index("Paragraph")
    window.annotating.submit(AddAnnotation(store.new_annotation(doc, start, start + 30, [tag.tag.id],
                                                                 f"<script>alert(1)</script> {RTL} {CONTROL}")))
    # Reader: exactly the text, no markup interpreted.
    assert window.reader.toPlainText() == stored.text
    assert window.reader.document().toPlainText().count("<b>bold</b>") == 2
    # Lists and trees: item text is the raw string; tooltips are escaped.
    item = window.library_panel.item(0)
    assert item.text() == stored.title and "&lt;b&gt;" in item.toolTip()
    assert window.annotating.codebook.tag_names()[0].startswith("<b>bold</b>")
    row = window.annotating.panel.tree.topLevelItem(0)
    assert "<script>alert(1)</script>" in row.text(0) and "&lt;script&gt;" in row.toolTip(0)
    assert window.status_label.textFormat().name == "PlainText"
    tip = window.describe_spans(window.reader.tags_overlapping(start, start + 1))
    assert "<script>" in tip  # plain text, and shown through plain_tooltip (escaped)
    # Exports: escaped or encoded in every format.
    items = library.report_items([doc])
    tags = store.tags()
    html = export(items, tags, "html", tmp_path / "r.html").read_text(encoding="utf-8")
    assert "<script>" not in html and "<img" not in html and "<b>bold" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    md = export(items, tags, "md", tmp_path / "r.md").read_text(encoding="utf-8")
    assert "<script>" not in md and "<b>" not in md
    word = docx.Document(str(export(items, tags, "docx", tmp_path / "r.docx")))
    assert any("<script>alert(1)</script>" in c.text for c in word.comments)
    data = json.loads(export(items, tags, "json", tmp_path / "r.json").read_text(encoding="utf-8"))
    assert data["first"]["items"][0]["body"][-1]["value"].startswith("<script>")
    with zipfile.ZipFile(export(items, tags, "qdpx", tmp_path / "r.qdpx")) as archive:
        assert b"&lt;script&gt;" in archive.read("project.qde")
    export(items, tags, "pdf", tmp_path / "r.pdf")
    cursor = QTextCursor(window.reader.document())
    cursor.setPosition(5)
    assert not cursor.charFormat().isAnchor()
