"""Reports: same content in every format, escaped everywhere, safe to open in a browser."""

import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import docx
import pytest

from annotext.export.report import ReportOptions, build_report
from annotext.export.run import export

HOSTILE_TAG = "<img src=x onerror=alert(1)>"  # as in conftest.py's annotated library
HOSTILE_COMMENT = '<script>document.title="PWNED";alert("x")</script> & more'


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.attributes, self.text = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes.extend(attrs)

    def handle_data(self, data):
        self.text.append(data)


def write(annotated_library, fmt, tmp_path, **kw):
    library, doc = annotated_library
    return export(library.report_items([doc]), library.annotations.tags(), fmt, tmp_path / f"out.{fmt}", **kw)


def test_report_shows_when_each_document_was_imported(annotated_library, tmp_path):
    library, doc = annotated_library
    imported = library.document(doc).imported_at
    assert re.match(r"\d{4}-\d\d-\d\dT", imported)
    chapter = build_report(library.report_items([doc]), library.annotations.tags()).chapters[0]
    assert chapter.imported_at == imported
    html = write(annotated_library, "html", tmp_path).read_text(encoding="utf-8")
    assert f"imported {imported[:10]}" in html


def test_hostile_values_match_the_fixture(hostile):
    assert hostile == {"tag": HOSTILE_TAG, "comment": HOSTILE_COMMENT}


def test_report_model_numbers_passages_and_groups_quotes(annotated_library):
    library, doc = annotated_library
    report = build_report(library.report_items([doc]), library.annotations.tags())
    chapter = report.chapters[0]
    assert [p.number for p in chapter.passages] == [1, 2, 3]
    assert chapter.passages[0].comment == "Framing: continuity" and chapter.passages[0].author == "Ana Lyst"
    assert {t.name: t.count for t in chapter.tag_summary} == {"Bilateral ties": 2, HOSTILE_TAG: 2}
    assert chapter.quote_groups[0].speaker == "Joe Webster" and len(chapter.quote_groups[0].quotes) == 3
    assert {p.name for p in chapter.people} >= {"Xi Jinping", "Vladimir Putin"}
    overlap = [s for p in chapter.paragraphs for s in p.segments if len(s.passages) == 2]
    assert overlap and overlap[0].text.startswith("a decade")
    filtered = build_report(library.report_items([doc]), library.annotations.tags(),
                            ReportOptions(entity_labels={"PERSON"}, tag_ids={library.annotations.tag_named("Bilateral ties").id},
                                          quotes=False, people=False, codebook=False))
    chapter = filtered.chapters[0]
    assert [p.exact[:12] for p in chapter.passages] == ["Their relati", "Beijing has "]
    assert {label for label, *_ in chapter.entity_legend} == {"PERSON"}
    assert chapter.quote_groups == [] and chapter.people == [] and filtered.codebook == []


def test_html_is_self_contained_and_escapes_everything(annotated_library, tmp_path):
    path = write(annotated_library, "html", tmp_path)
    html = path.read_text(encoding="utf-8")
    parsed = _Elements()
    parsed.feed(html)
    assert "script" not in parsed.tags and "img" not in parsed.tags
    assert not [a for a in parsed.attributes if a[0] in ("src", "href") or (a[0].startswith("on"))]
    assert not re.search(r"https?://|url\(|@import", html.replace("http://www.w3.org", ""))
    text = "".join(parsed.text)
    assert HOSTILE_TAG in text and HOSTILE_COMMENT in text
    for needle in ("Framing: continuity", "Joe Webster", "Quotations by speaker", "People", "Codebook",
                   "pro-Russia neutrality", "Tagged passages"):
        assert needle in text


@pytest.mark.skipif(not (shutil.which("chromium") or shutil.which("chromium-browser")),
                    reason="Chromium is not installed; the DOM test above covers escaping")
def test_html_runs_no_script_in_a_real_browser(annotated_library, tmp_path):
    path = write(annotated_library, "html", tmp_path)
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    run = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                          "--disable-background-networking", "--disable-component-update", "--disable-sync",
                          f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", path.as_uri()],
                         capture_output=True, text=True, timeout=120)
    dom = run.stdout
    assert "<title>" in dom, run.stderr[-2000:]
    assert "PWNED" not in dom.split("</title>")[0]
    assert "<script" not in dom and "<img" not in dom
    assert "&lt;img src=x onerror=alert(1)&gt;" in dom


def test_markdown_is_readable_and_escaped(annotated_library, tmp_path):
    text = write(annotated_library, "md", tmp_path).read_text(encoding="utf-8")
    assert "> Their relationship has been a constant despite a decade" in text
    assert "> **Comment:** Framing: continuity" in text
    assert "\\<script\\>" in text and "<script>" not in text
    assert "| Xi Jinping | Xi |" in text


def test_docx_has_shading_and_real_comments(annotated_library, tmp_path):
    path = write(annotated_library, "docx", tmp_path)
    document = docx.Document(str(path))
    comments = list(document.comments)
    assert len(comments) == 3
    assert all(c.author == "Ana Lyst" for c in comments)
    assert "Framing: continuity" in comments[0].text and HOSTILE_COMMENT in comments[1].text
    with zipfile.ZipFile(path) as archive:
        body = archive.read("word/document.xml").decode("utf-8")
    from annotext.core.contrast import highlight_fill

    person = highlight_fill("#aa9cfc").lstrip("#").upper()  # displaCy's PERSON, toned for AA contrast
    assert body.count("w:commentRangeStart") == 3 and "w:highlight" not in body and f'w:fill="{person}"' in body
    assert 'w:date="' in archive_comments(path)


def archive_comments(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read("word/comments.xml").decode("utf-8")


def test_pdf_has_pages_numbers_fonts_and_extractable_comments(qapp, annotated_library, tmp_path):
    # qapp: the PDF writer would otherwise create a bare QGuiApplication, and later widget tests
    # in this process need a QApplication (the CLI, a process of its own, needs nothing).
    import pypdfium2 as pdfium

    path = write(annotated_library, "pdf", tmp_path)
    pdf = pdfium.PdfDocument(str(path))
    pages = [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    text = " ".join(" ".join(page.split()) for page in pages)
    assert len(pdf) >= 2
    assert "Framing: continuity" in text and HOSTILE_TAG in text
    assert f"page 1 of {len(pdf)}" in text and f"page {len(pdf)} of {len(pdf)}" in text
    assert b"/FontFile2" in path.read_bytes()  # embedded TrueType fonts
    if shutil.which("pdftotext"):  # the tool analysts use: finds the comments too
        extracted = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
        assert "Framing: continuity" in " ".join(extracted.split())


def test_csv_rows_and_excel_bom(annotated_library, tmp_path):
    plain = write(annotated_library, "csv", tmp_path).read_bytes()
    assert not plain.startswith(b"\xef\xbb\xbf")
    import csv
    import io

    rows = [r for r in csv.DictReader(io.StringIO(plain.decode("utf-8"))) if r["layer"] == "passage"]
    assert [r["tags"] for r in rows] == ["Bilateral ties", HOSTILE_TAG, f"Bilateral ties; {HOSTILE_TAG}"]
    assert rows[1]["comment"] == HOSTILE_COMMENT and rows[0]["author"] == "Ana Lyst"
    bom = write(annotated_library, "csv", tmp_path, excel_bom=True).read_bytes()
    assert bom.startswith(b"\xef\xbb\xbf")


def test_w3c_json(annotated_library, tmp_path):
    library, doc = annotated_library
    data = json.loads(write(annotated_library, "json", tmp_path).read_text(encoding="utf-8"))
    assert data["@context"] == "http://www.w3.org/ns/anno.jsonld" and data["type"] == "AnnotationCollection"
    every = data["first"]["items"]
    items = [a for a in every if a["id"].startswith("urn:annotext:annotation:")]  # the analyst's
    assert data["total"] == len(every) > len(items) == 3 and data["first"]["type"] == "AnnotationPage"
    first = items[0]
    assert {b["purpose"] for b in first["body"]} == {"tagging", "commenting"}
    quote, position = first["target"]["selector"]
    text = library.document(doc).text
    assert quote["type"] == "TextQuoteSelector" and text[position["start"]:position["end"]] == quote["exact"]
    assert text[position["start"] - len(quote["prefix"]):position["start"]] == quote["prefix"]


def test_jsonl_spans(annotated_library, tmp_path):
    from annotext.analysis.tokens import token_bounds

    lines = write(annotated_library, "jsonl", tmp_path, tokenize=token_bounds).read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[0])
    labels = {s["label"] for s in record["spancat_spans"]}
    assert {"PERSON", "GPE", "QUOTE", "Bilateral ties", HOSTILE_TAG} <= labels
    assert {"PERSON", "GPE"} <= {s["label"] for s in record["spans"]}  # ner: the entities alone
    assert not {"QUOTE", "Bilateral ties", HOSTILE_TAG} & {s["label"] for s in record["spans"]}
    for span in record["spans"] + record["spancat_spans"]:
        assert 0 <= span["start"] < span["end"] <= len(record["text"])


def test_qdpx_project(annotated_library, tmp_path):
    import xml.etree.ElementTree as ET

    library, doc = annotated_library
    path = write(annotated_library, "qdpx", tmp_path)
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        root = ET.fromstring(archive.read("project.qde"))
        ns = {"q": "urn:QDA-XML:project:1.0"}
        source = root.find("q:Sources/q:TextSource", ns)
        text = archive.read("sources/" + source.get("plainTextPath").removeprefix("internal://")).decode("utf-8")
    assert "project.qde" in names and text == library.document(doc).text
    codes = {c.get("guid"): c.get("name") for c in root.iter("{urn:QDA-XML:project:1.0}Code")}
    tops = [c.get("name") for c in root.findall("q:CodeBook/q:Codes/q:Code", ns)]
    assert tops == ["Bilateral ties", HOSTILE_TAG, "Speakers (Annotext)", "People (Annotext)"]
    selections = source.findall("q:PlainTextSelection", ns)
    analysts = [s for s in selections if s.find("q:Coding", ns).get("creatingUser") != _user(root, "Annotext analyser")]
    assert len(analysts) == 3 and len(selections) > 3
    for selection in selections:
        start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
        assert text[start:end] == selection.get("name")[:60] or text[start:end].startswith(selection.get("name"))
        for ref in selection.iter("{urn:QDA-XML:project:1.0}CodeRef"):
            assert ref.get("targetGUID") in codes
    users = {u.get("guid") for u in root.iter("{urn:QDA-XML:project:1.0}User")}
    assert all(s.get("creatingUser") in users for s in selections)


def _user(root, name: str) -> str:
    return next(u.get("guid") for u in root.iter("{urn:QDA-XML:project:1.0}User") if u.get("name") == name)


def test_cli_export_never_imports_spacy_for_analysed_documents(annotated_library, tmp_path):
    library, doc = annotated_library
    out = tmp_path / "cli.html"
    code = ("import sys\n"
            "from annotext.cli import main\n"
            "try:\n"
            f"    main(['--db', {str(library.path)!r}, 'export', '{doc}', '--format', 'html', '-o', {str(out)!r}])\n"
            "except SystemExit as e:\n"
            "    assert not e.code, e.code\n"
            "assert 'spacy' not in sys.modules, 'spaCy was imported'\n"
            "print('ok')\n")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert run.stdout.strip().endswith("ok"), run.stderr[-2000:]
    assert "Joe Webster" in out.read_text(encoding="utf-8")


def test_export_to_unwritable_place_is_a_clear_error(annotated_library, tmp_path):
    from annotext.export.run import ExportError

    library, doc = annotated_library
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ExportError, match="cannot write"):
        export(library.report_items([doc]), library.annotations.tags(), "html", blocker / "sub" / "r.html")


def test_several_documents_make_one_report_with_a_chapter_each(annotated_library, tmp_path):
    from annotext.core.document import Document

    library, doc = annotated_library
    other = library.add_document(Document(title="Second article", text="Second article\n“Hello,” she said.\n"))
    html = export(library.report_items([doc, other]), library.annotations.tags(), "html",
                  tmp_path / "both.html").read_text(encoding="utf-8")
    assert "<h2>1. Xi, Putin To Freshen" in html and "<h2>2. Second article</h2>" in html
    assert html.count('class="chapter"') == 2


def test_author_from_settings_is_recorded(tmp_path):
    from annotext.application.edits import AddAnnotation
    from annotext.application.library import Library

    library = Library(tmp_path / "l.sqlite", author="Rosa Analyst")
    doc = library.ensure_sample()
    library.apply(AddAnnotation(library.annotations.new_annotation(doc, 0, 5)))
    assert library.annotations.annotations(doc)[0].author == "Rosa Analyst"
    library.close()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_docx_opens_in_libreoffice(annotated_library, tmp_path):
    path = write(annotated_library, "docx", tmp_path)
    run = subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo-profile",
                          "--convert-to", "pdf", "--outdir", str(tmp_path / "lo"), str(path)],
                         capture_output=True, text=True, timeout=300)
    converted = tmp_path / "lo" / "out.pdf"
    assert converted.exists(), run.stdout + run.stderr
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(converted))
    text = " ".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    assert "Alicja Bachulska" in " ".join(text.split())
