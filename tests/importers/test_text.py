"""Plain-text import: encodings detected, bad files refused with one clear line."""

import codecs

import pytest

from annotext.importers import ImportFailed, import_file

TEXT = "Ça coûte 5 € — «déjà vu», naïve café.\nSecond line with Zürich and Łódź."


@pytest.mark.parametrize("encoding,bom", [
    ("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE),
    ("utf-16-be", codecs.BOM_UTF16_BE),
])
def test_unicode_encodings(tmp_path, encoding, bom):
    path = tmp_path / "a.txt"
    path.write_bytes(bom + TEXT.encode(encoding))
    assert import_file(path).text == TEXT


def test_legacy_single_byte_encodings(tmp_path):
    text = ("Le café coûte cher à Paris, déjà très cher. Les élèves étudient près de la fenêtre, "
            "où l'été est agréable. Ça arrive «souvent» — c'est la vie.\n") * 5
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode("cp1252"))
    assert import_file(path).text == text


def test_cyrillic_legacy_encoding(tmp_path):
    text = ("Президент России заявил журналистам, что переговоры прошли успешно. "
            "Встреча в Пекине продолжалась несколько часов.\n") * 4
    path = tmp_path / "ru.txt"
    path.write_bytes(text.encode("cp1251"))
    assert import_file(path).text == text


def test_newlines_normalised_and_title(tmp_path):
    path = tmp_path / "story.txt"
    path.write_bytes(b"Headline\r\n\r\nBody text.\r\n")
    doc = import_file(path)
    assert doc.text == "Headline\n\nBody text.\n" and doc.title == "Headline"
    assert doc.source == str(path.resolve())


@pytest.mark.parametrize("content,problem", [
    (b"", "empty"), (b"   \n\n", "empty"), (b"\x00\x01\x02\x89PNG\x00\x00" * 50, "not a text file"),
])
def test_bad_files_are_refused_with_a_reason(tmp_path, content, problem):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(ImportFailed) as info:
        import_file(path)
    assert problem in str(info.value) and str(path) in str(info.value)


def test_missing_and_unsupported(tmp_path):
    with pytest.raises(ImportFailed, match="no such file"):
        import_file(tmp_path / "missing.txt")
    (tmp_path / "x.xyz").write_text("hello")
    with pytest.raises(ImportFailed, match="unsupported file type"):
        import_file(tmp_path / "x.xyz")


def test_too_large(tmp_path, monkeypatch):
    from annotext.importers import limits, text

    monkeypatch.setattr(limits, "MAX_TEXT_CHARS", 100)
    path = tmp_path / "big.txt"
    path.write_text("word " * 100)
    with pytest.raises(ImportFailed, match="too large"):
        text.import_text(path)
