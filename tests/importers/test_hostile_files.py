"""Hostile files (issue 15, items 6, 7, 14, 15): ZIP bombs, text that multiplies while it is extracted,
special files (FIFO, devices behind a link, folders named like documents), encrypted or Deflate64
members, scripts in e-books and undecodable file names. Each is refused with one line naming the file,
or imported, quickly and in bounded memory; a hang or an "internal error" is a failure."""

import os
import struct
import subprocess
import sys
import zipfile

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotext.importers import ImportFailed, archive, import_file, limits

from test_documents import _write_pdf, make_epub

GOOD = "A headline\nEnough words to make a real paragraph of text for the importer.\n"


def run_cli(*args, timeout=60):
    """The CLI in a subprocess, so that a hang fails the test (timeout) instead of blocking the suite."""
    return subprocess.run([sys.executable, "-m", "annotext", *map(os.fsdecode, args)], capture_output=True,
                          text=True, timeout=timeout, errors="replace")


def refused(path, *words):
    with pytest.raises(ImportFailed) as info:
        import_file(path)
    message = str(info.value)
    assert "\n" not in message and message.startswith(f"{path}:"), message
    for word in words:
        assert word in message, message
    return message


def _docx(path):
    word = docx.Document()
    word.add_paragraph("A real paragraph.")
    word.save(str(path))


def _rewrite(source, target, replace):
    """Copy a ZIP, replacing members' data: {name: bytes}."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            new.writestr(info.filename, replace.get(info.filename, old.read(info.filename)))


def _patch_member(path, name, *, flags=None, method=None, size=None):
    """Rewrite header fields of one member in place, in both its local and its central header, to
    make what zipfile cannot write: encrypted flags, Deflate64, a lying uncompressed size."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zip_file:
        local = zip_file.getinfo(name).header_offset
        position = zip_file.start_dir
        central = None
        for info in zip_file.infolist():
            name_length, extra_length, comment_length = struct.unpack_from("<3H", data, position + 28)
            if info.filename == name:
                central = position
            position += 46 + name_length + extra_length + comment_length
    for header, offsets in ((local, (6, 8, 22)), (central, (8, 10, 24))):
        if flags is not None:
            struct.pack_into("<H", data, header + offsets[0], flags)
        if method is not None:
            struct.pack_into("<H", data, header + offsets[1], method)
        if size is not None:
            struct.pack_into("<L", data, header + offsets[2], size)
    path.write_bytes(bytes(data))


# Item 6: archive bombs and text limits ---------------------------------------------------------------
def test_docx_bomb_is_refused_from_its_declared_sizes(tmp_path):
    plain = tmp_path / "plain.docx"
    _docx(plain)
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(plain) as zip_file:
        xml = zip_file.read("word/document.xml")
    padded = xml.replace(b"<w:body>", b"<w:body>" + b" " * (64 * 1024 * 1024), 1)
    _rewrite(plain, bomb, {"word/document.xml": padded})
    assert bomb.stat().st_size < 200_000
    refused(bomb, "ZIP bomb", "word/document.xml")


def test_archive_expanding_past_the_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(archive, "MAX_EXPANDED_BYTES", 3_000_000)
    path = tmp_path / "book.epub"
    chapter = " ".join(f"word{i}" for i in range(150_000))  # ~1.2 MB each, compresses only ~5:1
    make_epub(path, [[chapter], [chapter], [chapter]])
    refused(path, "expand to more than 3 MB")


def test_a_huge_markup_member_is_refused_before_it_is_parsed(tmp_path, monkeypatch):
    monkeypatch.setattr(archive, "MAX_MARKUP_BYTES", 1_000_000)
    path = tmp_path / "book.epub"
    make_epub(path, [[" ".join(f"word{i}" for i in range(200_000))]])
    refused(path, "ch0.xhtml", "too large to read")


def test_member_that_inflates_beyond_its_declared_size_is_never_read_whole(tmp_path):
    path = tmp_path / "book.epub"
    make_epub(path, [["x" * 5_000_000]])
    _patch_member(path, "OEBPS/text/ch0.xhtml", size=2_000)  # claims 2 kB, inflates to 5 MB
    refused(path, "not a readable EPUB")


def test_too_many_entries_are_refused_before_the_directory_is_parsed(tmp_path, monkeypatch):
    monkeypatch.setattr(archive, "MAX_ARCHIVE_ENTRIES", 100)
    path = tmp_path / "many.epub"
    make_epub(path, [["Chapter text."]] * 120)
    refused(path, "entries")


def test_a_cell_merged_over_thousands_of_rows_is_read_once_and_quickly(tmp_path):
    """A 40 kB DOCX whose 10,000-character cell is merged down 6,000 rows: python-docx's row.cells walks
    up the rows for every row (a minute, then RecursionError) and would repeat the text 6,000 times."""
    from lxml import etree

    word = docx.Document()
    table = word.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "x" * 10_000
    table.cell(0, 0).merge(table.cell(1, 0))
    table.cell(1, 1).text = "second row"
    plain = tmp_path / "plain.docx"
    word.save(str(plain))
    with zipfile.ZipFile(plain) as zip_file:
        root = etree.fromstring(zip_file.read("word/document.xml"))
    namespace = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
    xml_table = root.find(".//w:tbl", namespace)
    continued = xml_table.findall("w:tr", namespace)[1]
    for _ in range(6_000):
        xml_table.append(etree.fromstring(etree.tostring(continued)))
    path = tmp_path / "merged.docx"
    _rewrite(plain, path, {"word/document.xml": etree.tostring(root)})
    assert path.stat().st_size < 100_000
    lines = import_file(path).text.split("\n")
    assert lines[0] == "x" * 10_000
    assert lines[1:6_002] == ["second row"] * 6_001


@pytest.mark.parametrize("suffix", [".txt", ".html", ".docx", ".epub", ".pdf"])
def test_every_importer_applies_the_same_text_limit(qapp, tmp_path, monkeypatch, suffix):
    paragraphs = [" ".join(f"Item {i}.{j}: the committee met on day {j} and agreed on budget line {i * j}."
                           for j in range(30)) for i in range(3)]
    path = tmp_path / f"long{suffix}"
    if suffix == ".txt":
        path.write_text("\n".join(paragraphs))
    elif suffix == ".html":
        path.write_text("<html><body><article>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</article></body></html>")
    elif suffix == ".docx":
        word = docx.Document()
        for paragraph in paragraphs:
            word.add_paragraph(paragraph)
        word.save(str(path))
    elif suffix == ".epub":
        make_epub(path, [paragraphs])
    else:
        _write_pdf(path, [[p[i:i + 80] for i in range(0, len(p), 80)] for p in paragraphs])
    assert len(import_file(path).text) > 5_000
    monkeypatch.setattr(limits, "MAX_TEXT_CHARS", 5_000)
    message = refused(path)
    assert "too long" in message or "too large" in message


def test_web_page_too_large_for_article_extraction_is_read_by_blocks(tmp_path, monkeypatch):
    """trafilatura took 109 s and 1.3 GB on a 50 MB page; above the limit the blocks are read."""
    monkeypatch.setattr(limits, "MAX_EXTRACTION_BYTES", 2_000)
    path = tmp_path / "book.html"
    chapters = "".join(f"<h2>Chapter {i}</h2><p>The text of chapter {i}, <b>bold</b> and plain.</p>" for i in range(60))
    path.write_text(f"<html><head><title>A Saved Book</title><style>p {{ color: red }}</style></head><body>"
                    f"<nav><ul><li>Home</li><li>Index</li></ul></nav><script>var tracking = 1;</script>"
                    f"<main>{chapters}</main><footer><p>Copyright notice</p></footer></body></html>")
    document = import_file(path)
    lines = document.text.split("\n")
    assert document.title == "A Saved Book"
    assert lines[:3] == ["A Saved Book", "Chapter 0", "The text of chapter 0, bold and plain."]
    assert len(lines) == 1 + 120 + 1
    for junk in ("color", "tracking", "Home", "Copyright"):
        assert junk not in document.text


# Item 7: special files ----------------------------------------------------------------------------------
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_link_to_an_endless_device_is_refused(tmp_path, device):
    if not os.path.exists(device):
        pytest.skip(f"no {device} here")
    link = tmp_path / "article.txt"
    link.symlink_to(device)
    result = run_cli("--db", tmp_path / "lib.sqlite", "import", link)
    assert result.returncode == 2
    assert result.stderr.strip() == f"annotext: {link}: is a device (a link to {device}), not a regular file"


def test_fifo_is_refused_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "article.txt"
    os.mkfifo(fifo)
    good = tmp_path / "good.txt"
    good.write_text(GOOD)
    result = run_cli("--db", tmp_path / "lib.sqlite", "import", fifo, good)  # TimeoutExpired if it hangs
    assert result.returncode == 2
    assert result.stderr.strip() == f"annotext: {fifo}: is a named pipe (FIFO), not a regular file"
    assert result.stdout.strip().endswith("\tA headline")


@pytest.mark.parametrize("name", ["report.pdf", "book.epub", "minutes.docx", "notes.txt", "page.html"])
def test_folder_named_like_a_document_is_refused(tmp_path, name):
    folder = tmp_path / name
    folder.mkdir()
    refused(folder, "is a folder, not a file")


def test_broken_link_and_unreadable_file(tmp_path):
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "missing.txt")
    refused(link, "no such file")


def test_link_to_a_regular_file_is_imported(tmp_path):
    target = tmp_path / "real.txt"
    target.write_text(GOOD)
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    document = import_file(link)
    assert document.text == GOOD and document.source == str(target.resolve())


# Item 14: scripts and style sheets in e-books --------------------------------------------------------------
def test_epub_drops_script_and_style_text(tmp_path):
    path = tmp_path / "book.epub"
    make_epub(path, [["Before <script>var secret = 'do not import me';</script> after."]])
    with zipfile.ZipFile(path) as zip_file:
        chapter = zip_file.read("OEBPS/text/ch0.xhtml").decode()
    chapter = chapter.replace("<body>", "<head><style>p { color: red }</style><script>alert('head')</script>"
                                        "</head><body><style>.x { display: none }</style>")
    _rewrite(path, tmp_path / "scripted.epub", {"OEBPS/text/ch0.xhtml": chapter.encode()})
    text = import_file(tmp_path / "scripted.epub").text
    assert "Before after." in text
    for junk in ("secret", "do not import", "color", "display", "alert"):
        assert junk not in text


def test_an_empty_chapter_file_does_not_refuse_the_book(tmp_path):
    path = tmp_path / "book.epub"
    make_epub(path, [["Last chapter."], ["First chapter."]])
    _rewrite(path, tmp_path / "gap.epub", {"OEBPS/text/ch0.xhtml": b""})
    assert import_file(tmp_path / "gap.epub").text.split("\n")[2] == "First chapter."


# Item 15: names, folders, encrypted and Deflate64 members, a full disk ----------------------------------------
def test_encrypted_member_is_refused_in_one_line(tmp_path):
    path = tmp_path / "locked.epub"
    make_epub(path, [["Secret chapter."]])
    _patch_member(path, "OEBPS/text/ch0.xhtml", flags=0x1)
    refused(path, "encrypted", "ch0.xhtml")


def test_deflate64_member_is_refused_in_one_line(tmp_path):
    path = tmp_path / "old.epub"
    make_epub(path, [["Chapter."]])
    _patch_member(path, "OEBPS/content.opf", method=9)
    refused(path, "Deflate64", "content.opf")


def test_drm_protected_epub_is_refused(tmp_path):
    plain = tmp_path / "plain.epub"
    make_epub(plain, [["Chapter."]])
    path = tmp_path / "drm.epub"
    encryption = b"""<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container"
        xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData>
        <enc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/>
        <enc:CipherData><enc:CipherReference URI="OEBPS/text/ch0.xhtml"/></enc:CipherData>
        </enc:EncryptedData></encryption>"""
    with zipfile.ZipFile(plain) as old, zipfile.ZipFile(path, "w") as new:
        for info in old.infolist():
            new.writestr(info, old.read(info))
        new.writestr("META-INF/encryption.xml", encryption)
    refused(path, "DRM")


def test_undecodable_file_names_import_and_fail_in_one_line_and_the_rest_goes_on(tmp_path):
    folder = os.fsencode(tmp_path)
    good = folder + b"/r\xe9sum\xe9.txt"  # Latin-1 bytes: not valid UTF-8
    bad = folder + b"/bro\xffken.pdf"
    last = tmp_path / "last.txt"
    with open(good, "wb") as stream:
        stream.write(GOOD.encode())
    with open(bad, "wb") as stream:
        stream.write(b"%PDF-1.4 not really")
    last.write_text("Last one\nWith some words in it to import.\n")
    result = run_cli("--db", tmp_path / "lib.sqlite", "import", good, bad, last)
    assert result.returncode == 2, result.stderr
    assert "internal error" not in result.stderr
    assert result.stderr.strip().startswith(f"annotext: {tmp_path}/bro\ufffdken.pdf: not a readable PDF")
    assert [line.split("\t")[1] for line in result.stdout.strip().split("\n")] == ["A headline", "Last one"]
    listing = run_cli("--db", tmp_path / "lib.sqlite", "list")
    assert listing.returncode == 0 and "A headline" in listing.stdout


def test_full_library_disk_fails_that_file_only(library, tmp_path):
    """SQLITE_FULL, as a full disk gives it, from a page limit on the library's connection."""
    first = tmp_path / "first.txt"
    first.write_text(GOOD)
    library.import_file(first)
    pages = library.db.execute("pragma page_count").fetchone()[0]
    library.db.execute(f"pragma max_page_count = {pages + 1}")
    big = tmp_path / "big.txt"
    big.write_text("A long one\n" + "Many words in a long paragraph of text. " * 20_000)
    from annotext.storage.errors import LibraryError

    with pytest.raises(LibraryError, match="disk is full"):
        library.import_file(big)
    assert [d.title for d in library.documents()] == ["A headline"]
    library.db.execute("pragma max_page_count = 1073741823")
    library.import_file(big)
    assert len(library.documents()) == 2


def test_full_disk_during_a_cli_import(tmp_path):
    """A real full disk: a 600 kB tmpfs in a private mount namespace (skipped where none can be made)."""
    mount = tmp_path / "small-disk"
    mount.mkdir()
    big = tmp_path / "big.txt"
    big.write_text("A long one\n" + "Many words in a long paragraph of text. " * 12_000)
    small = tmp_path / "small.txt"
    small.write_text(GOOD)
    script = (f"mount -t tmpfs -o size=600k tmpfs {mount} || exit 99; "
              f"exec {sys.executable} -m annotext --db {mount}/lib.sqlite import {big} {small}")
    try:
        result = subprocess.run(["unshare", "-rm", "sh", "-c", script], capture_output=True, text=True,
                                timeout=60, env={**os.environ})
    except FileNotFoundError:
        pytest.skip("unshare is not available")
    if result.returncode == 99 or "unshare:" in result.stderr:
        pytest.skip(f"cannot mount a tmpfs here: {result.stderr.strip()}")
    assert result.returncode == 2, result.stderr
    assert result.stderr.strip() == (f"annotext: {big}: not imported: {mount}/lib.sqlite: cannot write here: the "
                                     "disk is full; nothing was changed (free some space and try again)")
    assert result.stdout.strip().endswith("\tA headline")


@settings(max_examples=150, deadline=None)
@given(suffix=st.sampled_from([".docx", ".epub"]),
       changes=st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 255)), min_size=1, max_size=8))
def test_damaged_containers_import_or_are_refused_in_one_line(tmp_path_factory, suffix, changes):
    """Bytes changed anywhere in a valid DOCX/EPUB (headers, directory, data): imported, or one
    ImportFailed line; never another exception (zipfile alone raises five other kinds)."""
    folder = tmp_path_factory.mktemp("damaged")
    path = folder / f"valid{suffix}"
    if suffix == ".docx":
        word = docx.Document()
        word.add_paragraph("A paragraph of the document.")
        word.add_table(rows=2, cols=2).cell(0, 0).text = "cell"
        word.save(str(path))
    else:
        make_epub(path, [["One chapter.", "Two paragraphs."], ["Another chapter."]])
    data = bytearray(path.read_bytes())
    for where, value in changes:
        data[int(where * len(data))] = value
    path.write_bytes(bytes(data))
    try:
        document = import_file(path)
    except ImportFailed as error:
        assert "\n" not in str(error) and str(error).startswith(f"{path}:")
    else:
        assert document.text.strip()
