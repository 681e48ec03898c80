"""Reports an analyst can hand over: legible (WCAG contrast on every highlight), faithful (the PDF's
text layer holds the article exactly), well laid out (no split rows, no lone headings), with a
summary, a byline and no local paths; and failed PDF writes that leave nothing behind."""

import re
import shutil
import subprocess
import zipfile
from html.parser import HTMLParser
from itertools import combinations

import pytest

from annotext.application.edits import AddAnnotation, CreateTag
from annotext.core import contrast
from annotext.core.annotations import TAG_PALETTE
from annotext.core.document import Document
from annotext.core.palette import LABEL_COLOURS, average_colour
from annotext.export.report import build_report
from annotext.export.run import ExportError, export

needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
MARKER = re.compile(r"\[/?\d+\]")
LIGATURES = re.compile("[\ufb00-\ufb06]")


def _normalised(text: str) -> str:
    return " ".join(text.split())


def _pdftotext(path, *args) -> str:
    return subprocess.run(["pdftotext", *args, str(path), "-"], capture_output=True, text=True, check=True).stdout


def _pages(path) -> list[str]:
    return _pdftotext(path).split("\f")


# Contrast ---------------------------------------------------------------------------------------
def _palette_colours() -> set[str]:
    """Every colour the palette can put behind text: labels, tags, blends of two or three tags,
    plus a 16-step grid of the whole RGB cube for colours an analyst picks by hand."""
    colours = set(LABEL_COLOURS.values()) | set(TAG_PALETTE)
    tags = list(TAG_PALETTE)
    colours |= {average_colour(list(pair)) for pair in combinations(tags, 2)}
    colours |= {average_colour(list(triple)) for triple in combinations(tags, 3)}
    steps = range(0, 256, 17)
    colours |= {f"#{r:02x}{g:02x}{b:02x}" for r in steps for g in steps for b in steps}
    return colours


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_every_palette_colour_gives_every_ink_aa_contrast(dark):
    inks = contrast.DARK_INKS if dark else contrast.LIGHT_INKS
    worst = min(contrast.contrast_ratio(contrast.highlight_fill(c, dark), ink)
                for c in _palette_colours() for ink in inks)
    assert worst >= contrast.AA_NORMAL_TEXT, worst
    # pale palette colours are kept as they are: the analyst recognises the tag
    assert contrast.highlight_fill("#f9d56e") == "#f9d56e"


def test_contrast_ratio_matches_wcag_reference_values():
    assert contrast.contrast_ratio("#000000", "#ffffff") == pytest.approx(21)
    assert contrast.contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast.contrast_ratio("#ff0000", "#ffffff") == pytest.approx(4.0, abs=0.01)


class _Styles(HTMLParser):
    """(classes, inline style) of every element of an HTML document, and its <style> text."""

    def __init__(self):
        super().__init__()
        self.elements, self.css, self._in_style = [], "", False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.elements.append((tag, attributes.get("class") or "", attributes.get("style") or ""))
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False if tag == "style" else self._in_style

    def handle_data(self, data):
        if self._in_style:
            self.css += data


def _css_fills(css: str) -> tuple[dict[str, str], dict[str, str]]:
    light_part, _, dark_part = css.partition("prefers-color-scheme: dark")
    pattern = re.compile(r"\.(c[0-9a-f]{6}) \{ background-color: (#[0-9a-f]{6}); \}")
    return dict(pattern.findall(light_part)), dict(pattern.findall(dark_part))


def test_html_and_pdf_highlights_reach_aa_in_light_and_dark(annotated_library):
    from annotext.export.html import render_html

    library, doc = annotated_library
    report = build_report(library.report_items([doc]), library.annotations.tags())
    page = _Styles()
    page.feed(render_html(report))
    light, dark = _css_fills(page.css)
    used = {c for _tag, classes, _style in page.elements for c in classes.split() if re.fullmatch(r"c[0-9a-f]{6}", c)}
    assert used and used <= set(light) and used <= set(dark)
    for fills, inks in ((light, contrast.LIGHT_INKS), (dark, contrast.DARK_INKS)):
        assert min(contrast.contrast_ratio(fills[c], ink) for c in used for ink in inks) >= 4.5
    qt = _Styles()
    qt.feed(render_html(report, for_qt=True))
    backgrounds = {m for _t, _c, style in qt.elements for m in re.findall(r"background-color: (#[0-9a-f]{6})", style)}
    assert len(backgrounds) > 5
    assert min(contrast.contrast_ratio(b, ink) for b in backgrounds for ink in contrast.LIGHT_INKS) >= 4.5


def test_docx_uses_run_shading_with_aa_contrast(annotated_library, tmp_path):
    library, doc = annotated_library
    path = export(library.report_items([doc]), library.annotations.tags(), "docx", tmp_path / "r.docx")
    xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    assert "<w:highlight" not in xml
    runs = re.findall(r"<w:r>(.*?)</w:r>", xml, flags=re.S) + re.findall(r"<w:r [^>]*>(.*?)</w:r>", xml, flags=re.S)
    checked = []
    for run in runs:
        fill = re.search(r'<w:shd [^>]*w:fill="([0-9A-F]{6})"', run)
        if not fill or "<w:t" not in run:
            continue
        ink = re.search(r'<w:color w:val="([0-9A-F]{6})"', run)
        checked.append(contrast.contrast_ratio("#" + fill.group(1), "#" + (ink.group(1) if ink else "000000")))
        checked.append(contrast.contrast_ratio("#" + fill.group(1), contrast.LIGHT_INK))
    assert len(checked) > 50 and min(checked) >= 4.5, min(checked)


# DOCX anchors and tables ------------------------------------------------------------------------
def _comment_anchors(xml: str) -> dict[str, str]:
    """Comment id -> the text between its commentRangeStart and commentRangeEnd."""
    anchors, open_ids = {}, []
    for match in re.finditer(r'<w:commentRangeStart w:id="(\d+)"/>|<w:commentRangeEnd w:id="(\d+)"/>|<w:t(?: [^>]*)?>([^<]*)</w:t>', xml):
        start, end, text = match.groups()
        if start:
            open_ids.append(start)
            anchors[start] = ""
        elif end:
            open_ids.remove(end)
        else:
            for comment_id in open_ids:
                anchors[comment_id] += text
    return anchors


def test_docx_comment_anchors_hold_exactly_their_passage(annotated_library, tmp_path):
    library, doc = annotated_library
    path = export(library.report_items([doc]), library.annotations.tags(), "docx", tmp_path / "r.docx")
    xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    anchors = sorted(a.replace("\u200b", "") for a in _comment_anchors(xml).values())
    passages = sorted(a.exact for a in library.annotations.annotations(doc))
    assert anchors == passages  # the fixture's passages 1 and 2 overlap: no marker inside either


def test_docx_table_columns_are_sized_by_content(annotated_library, tmp_path):
    import docx

    library, doc = annotated_library
    word = docx.Document(str(export(library.report_items([doc]), library.annotations.tags(), "docx",
                                    tmp_path / "r.docx")))
    passages = next(t for t in word.tables if t.rows[0].cells[0].text == "#")
    widths = [column.width for column in passages.columns]
    assert widths[0] < widths[2] < widths[1]  # "#" narrowest, the passage text widest
    assert widths[0] >= 1.19 * 360000 and abs(sum(widths) - 16 * 360000) < 1000  # 1.2 cm at least, 16 cm in all


# Summary, byline, sources -----------------------------------------------------------------------
@pytest.mark.parametrize("fmt", ["html", "docx", "pdf", "md"])
def test_reports_open_with_summary_and_byline_and_hide_local_paths(annotated_library, tmp_path, fmt, qapp):
    library, doc = annotated_library
    document = library.document(doc)
    items = library.report_items([doc])
    items[0][0].source = str(tmp_path / "private" / "folder" / "article.txt")
    path = export(items, library.annotations.tags(), fmt, tmp_path / f"r.{fmt}")
    if fmt == "docx":
        import docx

        word = docx.Document(str(path))
        text = "\n".join(p.text for p in word.paragraphs) + "\n".join(
            c.text for t in word.tables for r in t.rows for c in r.cells)
    elif fmt == "pdf":
        text = _pdftotext(path) if shutil.which("pdftotext") else _pdfium_text(path)
    else:
        text = path.read_text(encoding="utf-8").replace("\\", "")  # Markdown escapes _ in model names
    model = items[0][1].model
    for expected in ("Summary", "Share of voice", "Passages per coder", "Ana Lyst", model.name, model.version,
                     "article.txt", "Alicja Bachulska"):
        if fmt == "md" and expected in ("Summary", "Share of voice", "Passages per coder"):
            continue  # the Markdown report has no summary (not asked for); it still names model and coder
        assert expected in text, expected
    assert str(tmp_path) not in text and "private" not in text
    assert document.source  # the library keeps the full path


def _page_texts_without_footer(path) -> list[str]:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    pages = [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    return ["\n".join(line for line in page.split("\n") if " — page " not in line) for page in pages]


def _pdfium_text(path) -> str:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    return "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))


# PDF text layer and layout ----------------------------------------------------------------------
@needs_pdftotext
def test_pdf_text_layer_holds_the_article_exactly(annotated_library, tmp_path, qapp):
    library, doc = annotated_library
    path = export(library.report_items([doc]), library.annotations.tags(), "pdf", tmp_path / "r.pdf")
    extracted = _pdftotext(path)
    assert not LIGATURES.search(extracted)
    assert not re.search(r"\[\d+\]\S", extracted)  # a passage number never touches the word it marks
    flowing = _normalised(MARKER.sub(" ", extracted.replace("\u200b", "")))
    text = library.document(doc).text
    paragraphs = [line for line in text.split("\n")[1:] if line.strip()]
    missing = [p for p in paragraphs if _normalised(p) not in flowing]
    assert not missing, missing[:2]
    assert "difficult relations" in flowing


def _long_document(library, paragraphs=30, words=60):
    """A document whose paragraphs and comments are long enough to cross page breaks."""
    body = [f"Paragraph {i} " + " ".join(f"word{i}x{j}" for j in range(words)) for i in range(paragraphs)]
    text = "Long report\n" + "\n".join(body) + "\n"
    doc = library.add_document(Document(title="Long report", text=text, source="/home/someone/long.txt"))
    store = library.annotations
    tag = CreateTag(store.new_tag("Theme"))
    library.apply(tag)
    for i, paragraph in enumerate(body):
        start = text.index(paragraph)
        library.apply(AddAnnotation(store.new_annotation(doc, start, start + len(paragraph), [tag.tag.id],
                                                         f"note {i} first\nnote {i} second\nnote {i} third")))
    return doc, body


@needs_pdftotext
def test_pdf_never_splits_rows_repeats_headers_and_keeps_headings_with_text(library, tmp_path, qapp):
    doc, body = _long_document(library)
    path = export(library.report_items([doc]), library.annotations.tags(), "pdf", tmp_path / "long.pdf")
    pages = _pages(path)
    table_start = next(i for i, page in enumerate(pages) if "Tagged passages" in page)
    for i in range(len(body)):
        # the row is the last place its comment appears; its whole passage must be on that page
        where = max(n for n, page in enumerate(pages) if f"note {i} third" in page)
        assert where >= table_start
        page = _normalised(pages[where])
        assert f"word{i}x0" in page and f"word{i}x{59}" in page and f"note {i} first" in page, i
    for page in pages[table_start + 1:]:
        if "note" in page:
            assert _normalised(page).startswith("# Passage Tags Comment"), page[:80]
    headings = {"Summary", "Article", "Tags", "Tagged passages", "People", "Codebook", "Share of voice",
                "Passages per coder", "Quotations by speaker"}
    for page in pages:
        lines = [line.strip() for line in page.split("\n") if line.strip()]
        body_lines = [line for line in lines if " — page " not in line]
        assert not body_lines or body_lines[-1] not in headings, body_lines[-1]
    without_footers = ["\n".join(line for line in page.split("\n") if " — page " not in line) for page in pages]
    flowing = _normalised(MARKER.sub(" ", "\n".join(without_footers).replace("\u200b", "")))
    for paragraph in body:
        assert flowing.count(_normalised(paragraph)) >= 1  # not cut, not doubled at a page break
    lines = [line for page in pages for line in page.split("\n") if line.startswith("Paragraph ")]
    assert len(lines) == len(set(lines))


@needs_pdftotext
def test_pdf_overlapping_passages_show_both_and_comments_keep_their_lines(annotated_library, tmp_path, qapp):
    library, doc = annotated_library
    first = library.annotations.annotations(doc)[0]
    from annotext.application.edits import set_comment

    library.apply(set_comment(first, "line one\nline two\n- line three"))
    path = export(library.report_items([doc]), library.annotations.tags(), "pdf", tmp_path / "r.pdf")
    text = _pdftotext(path)
    assert "line one\nline two\n- line three" in text
    assert "[/1]" in text  # passage 1 overlaps passage 2: its end is marked, not lost
    assert "[2]" in text
    html = export(library.report_items([doc]), library.annotations.tags(), "html", tmp_path / "r.html")
    assert "line one<br>line two<br>- line three" in html.read_text(encoding="utf-8")


def test_pdf_codebook_keeps_its_nesting(library, tmp_path, qapp):
    store = library.annotations
    parent = CreateTag(store.new_tag("Parent"))
    library.apply(parent)
    library.apply(CreateTag(store.new_tag("Child", parent_id=parent.tag.id)))
    doc = library.ensure_sample()
    path = export(library.report_items([doc]), store.tags(), "pdf", tmp_path / "c.pdf")
    text = _pdfium_text(path)
    assert re.search(r"↳\s*■?\s*Child", text)


def test_long_unbroken_runs_wrap_and_keep_every_character(library, tmp_path, qapp):
    word = "x" * 20_000
    doc = library.add_document(Document(title="Long word", text=f"Long word\nStart {word} end.\n"))
    path = export(library.report_items([doc]), [], "pdf", tmp_path / "w.pdf")
    pages = _page_texts_without_footer(path)
    assert "Start" + word + "end." in re.sub(r"[\s\u200b]", "", "".join(pages))
    assert len(pages) < 20  # wrapped at the page width, not one character per line


# Failed PDF writes ------------------------------------------------------------------------------
def test_pdf_to_dev_full_fails_clearly_and_leaves_the_device(annotated_library, qapp):
    import os
    import stat

    library, doc = annotated_library
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    with pytest.raises(ExportError, match="/dev/full"):
        export(library.report_items([doc]), library.annotations.tags(), "pdf", "/dev/full")
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)
    assert not [p for p in os.listdir("/dev") if ".tmp-" in p]


@pytest.mark.parametrize("fault", ["full", "read_only"])
def test_pdf_on_a_full_or_read_only_disk_fails_and_keeps_the_old_file(annotated_library, small_disk, fault, qapp):
    library, doc = annotated_library
    target = small_disk.path / "report.pdf"
    target.write_bytes(b"%PDF-1.4 previous good file")
    if fault == "full":
        small_disk.fill()
    else:
        small_disk.read_only()
    try:
        with pytest.raises(ExportError, match="report.pdf"):
            export(library.report_items([doc]), library.annotations.tags(), "pdf", target)
        assert target.read_bytes() == b"%PDF-1.4 previous good file"
        assert sorted(p.name for p in small_disk.path.iterdir()) == sorted(
            ["report.pdf"] + (["filler.bin"] if fault == "full" else []))
    finally:
        small_disk.read_only(False) if fault == "read_only" else small_disk.make_room()


@pytest.mark.parametrize("fmt", ["pdf", "csv"])
def test_cli_export_to_dev_full_is_one_line_and_exit_1(annotated_library, fmt):
    import os
    import sys

    library, doc = annotated_library
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    code = ("import sys\nfrom annotext.launcher import run\n"
            f"sys.argv = ['annotext', '--db', {str(library.path)!r}, 'export', '{doc}', '--format', '{fmt}', "
            "'-o', '/dev/full']\nrun()\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 1, result
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "/dev/full" in lines[0] and "Traceback" not in result.stderr, result.stderr
    assert result.stdout == ""
