"""E-books (.epub) with zipfile + lxml: chapters in spine order, block elements as paragraphs."""

from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path

from annotext.core.document import Document
from annotext.importers.errors import ImportFailed
from annotext.importers.pdf import _check_file

_NS = {"c": "urn:oasis:names:tc:opendocument:xmlns:container", "opf": "http://www.idpf.org/2007/opf",
       "dc": "http://purl.org/dc/elements/1.1/"}
_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dt", "dd", "figcaption", "td", "th"}


def import_epub(path: Path) -> Document:
    """Text of every spine document, in reading order."""
    from lxml import etree, html

    _check_file(path)
    try:
        with zipfile.ZipFile(path) as book:
            container = etree.fromstring(book.read("META-INF/container.xml"))
            opf_path = container.find(".//c:rootfile", _NS).get("full-path")
            opf = etree.fromstring(book.read(opf_path))
            base = posixpath.dirname(opf_path)
            manifest = {item.get("id"): item.get("href") for item in opf.iterfind(".//opf:manifest/opf:item", _NS)}
            spine = [manifest[ref.get("idref")] for ref in opf.iterfind(".//opf:spine/opf:itemref", _NS)
                     if ref.get("idref") in manifest]
            lines: list[str] = []
            for href in spine:
                name = posixpath.normpath(posixpath.join(base, href.split("#")[0]))
                tree = html.fromstring(book.read(name))
                for element in tree.iter():
                    if not isinstance(element.tag, str):
                        continue
                    tag = element.tag.split("}")[-1].lower()
                    if tag in _BLOCKS and not any(
                            isinstance(a.tag, str) and a.tag.split("}")[-1].lower() in _BLOCKS
                            for a in element.iterancestors()):
                        text = " ".join(element.text_content().split())
                        if text:
                            lines.append(text)
            title = opf.findtext(".//dc:title", default="", namespaces=_NS).strip()
            metadata = {key: value.strip() for key in ("creator", "date", "language")
                        if (value := opf.findtext(f".//dc:{key}", default="", namespaces=_NS))}
    except (zipfile.BadZipFile, KeyError, AttributeError, etree.XMLSyntaxError, etree.ParserError) as error:
        raise ImportFailed(path, f"not a readable EPUB ({error.__class__.__name__}: {error})") from None
    if not lines:
        raise ImportFailed(path, "the e-book contains no text")
    text = "\n".join(([title] if title and lines[0] != title else []) + lines) + "\n"
    return Document(title=title or lines[0][:200], text=text, source=str(path.resolve()), metadata=metadata)
