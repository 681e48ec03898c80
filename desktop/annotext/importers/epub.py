"""E-books (.epub) with zipfile + lxml: chapters in spine order, block elements as paragraphs; the text
of scripts and style sheets is dropped, as the HTML importer does."""

from __future__ import annotations

import posixpath
import re
import zipfile
import zlib
from pathlib import Path

from annotext.core.blocks import with_blocks
from annotext.core.document import Document
from annotext.importers.archive import Archive, open_archive
from annotext.importers.errors import ImportFailed
from annotext.importers.limits import TextBudget
from annotext.importers.markup import block_lines, titled_text
from annotext.importers.source_file import source_of

_NS = {"c": "urn:oasis:names:tc:opendocument:xmlns:container", "opf": "http://www.idpf.org/2007/opf",
       "dc": "http://purl.org/dc/elements/1.1/", "enc": "http://www.w3.org/2001/04/xmlenc#"}
# Font obfuscation (IDPF, Adobe) hides fonts, not text: a book using it reads normally.
# A chapter names its encoding in a byte-order mark or an XML declaration; without one it is UTF-8
# (EPUB allows only UTF-8 and UTF-16), which lxml's HTML parser would otherwise read as Latin-1.
_DECLARED = re.compile(rb"^(?:\xef\xbb\xbf|\xff\xfe|\xfe\xff|\s*<\?xml[^>]*encoding)")
_FONT_OBFUSCATION = {"http://www.idpf.org/2008/embedding", "http://ns.adobe.com/pdf/enc#RC"}


def import_epub(path: Path) -> Document:
    """Text of every spine document, in reading order."""
    from lxml import etree, html

    try:
        with open_archive(path, "EPUB") as (book, _stream):
            container = etree.fromstring(book.read("META-INF/container.xml"))
            opf_path = container.find(".//c:rootfile", _NS).get("full-path")
            opf = etree.fromstring(book.read(opf_path))
            base = posixpath.dirname(opf_path)
            manifest = {item.get("id"): item.get("href") for item in opf.iterfind(".//opf:manifest/opf:item", _NS)}
            spine = [posixpath.normpath(posixpath.join(base, manifest[ref.get("idref")].split("#")[0]))
                     for ref in opf.iterfind(".//opf:spine/opf:itemref", _NS) if ref.get("idref") in manifest]
            _refuse_drm(book, spine)
            budget = TextBudget(path)
            lines: list[str] = []
            kinds: list[str | None] = []
            for name in spine:
                markup = book.read(name)
                if markup.strip():  # an empty chapter file is nothing to read, not a damaged book
                    parser = None if _DECLARED.match(markup) else html.HTMLParser(encoding="utf-8")
                    chapter_lines, chapter_kinds = block_lines(html.fromstring(markup, parser=parser), budget)
                    lines.extend(chapter_lines)
                    kinds.extend(chapter_kinds)
            title = opf.findtext(".//dc:title", default="", namespaces=_NS).strip()
            metadata = {key: value.strip() for key in ("creator", "date", "language", "publisher")
                        if (value := opf.findtext(f".//dc:{key}", default="", namespaces=_NS))}
    except (zipfile.BadZipFile, zlib.error, EOFError, KeyError, AttributeError, ValueError,
            etree.XMLSyntaxError, etree.ParserError) as error:
        raise ImportFailed(path, f"not a readable EPUB ({error.__class__.__name__}: {error})") from None
    except OSError as error:
        raise ImportFailed(path, f"cannot be read ({error.strerror or error})") from None
    if not lines:
        raise ImportFailed(path, "the e-book contains no text")
    text, blocks = titled_text(title, lines, kinds)
    return Document(title=title or lines[0][:200], text=text, source=source_of(path),
                    metadata=with_blocks(metadata, blocks))


def _refuse_drm(book: Archive, spine: list[str]) -> None:
    """A book whose chapters are encrypted (DRM) would import as noise: say so instead."""
    from lxml import etree

    try:
        encryption = etree.fromstring(book.read("META-INF/encryption.xml"))
    except KeyError:
        return
    for data in encryption.iterfind(".//enc:EncryptedData", _NS):
        method = data.find("enc:EncryptionMethod", _NS)
        reference = data.find(".//enc:CipherReference", _NS)
        if reference is None or (method is not None and method.get("Algorithm") in _FONT_OBFUSCATION):
            continue
        if posixpath.normpath(reference.get("URI", "")) in spine:
            raise ImportFailed(book.path, "the e-book is protected by DRM (its chapters are encrypted)")
