"""REFI-QDA project export (.qdpx): a zip with project.qde (sources, codes, coded text selections)
and each document's plain text, readable by QualCoder, NVivo, MAXQDA and ATLAS.ti.

Besides the analyst's codes and passages it carries the automatic layer as corrected: every
quotation coded under "Speakers (Annotext)" (a child code per speaker, "Unattributed", and the
scare quotes), every person mention under "People (Annotext)" (a child code per person), coded by
the user "Annotext analyser" or by the analyst who corrected it. The export options leave either
out; Annotext's own merge skips both trees."""

from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET
import zipfile
from datetime import datetime, timezone
from pathlib import Path
from typing import NamedTuple

from annotext import __version__
from annotext.core.annotations import Annotation, Tag
from annotext.core.atomic import atomic_path
from annotext.core.document import Document
from annotext.core.refi_qda import PEOPLE_ROOT, SPEAKERS_ROOT, append_codes, automatic_code_guid
from annotext.core.xml_text import sanitise_tree
from annotext.export.analysis_layer import (ANALYSER, SCARE_QUOTES, UNATTRIBUTED, chosen_passages, mentions,
                                            quotations)

NAMESPACE = "urn:QDA-XML:project:1.0"
_Q = f"{{{NAMESPACE}}}"


def _stable_guid(*parts: object) -> str:
    """The same document or annotation always gets the same GUID, so re-exports line up."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "annotext:" + ":".join(map(str, parts))))


def _when(iso: str | None) -> str:
    try:
        return datetime.fromisoformat(iso).astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    except (TypeError, ValueError):
        return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def project_xml(items: list[tuple[Document, object, list[Annotation]]], tags: list[Tag], name: str,
                options=None) -> tuple[bytes, dict[str, str]]:
    """(project.qde bytes, {archive path: text}) for the given documents."""
    ET.register_namespace("", NAMESPACE)
    project = ET.Element(f"{_Q}Project", {"name": name, "origin": f"Annotext {__version__}",
                                          "creationDateTime": _when(None)})
    documents = [(document, chosen_passages(passages, options), _automatic(document, result, options))
                 for document, result, passages in items]
    authors = sorted({a.author or "analyst" for _d, passages, _auto in documents for a in passages}
                     | {c.coder for _d, _p, auto in documents for c in auto} or {"analyst"})
    user_guid = {author: _stable_guid("user", author) for author in authors}
    users = ET.SubElement(project, f"{_Q}Users")
    for author in authors:
        ET.SubElement(users, f"{_Q}User", {"guid": user_guid[author], "name": author})
    tag_guid = {t.id: t.guid or _stable_guid("tag", t.id) for t in tags}
    automatic_codes = {root: sorted({c.code for _d, _p, auto in documents for c in auto if c.root == root})
                       for root in (SPEAKERS_ROOT, PEOPLE_ROOT)}
    if tags or any(automatic_codes.values()):  # Project.xsd: a CodeBook holds at least one Code
        codebook = ET.SubElement(project, f"{_Q}CodeBook")
        codes = ET.SubElement(codebook, f"{_Q}Codes")
        append_codes(codes, tags, NAMESPACE, lambda tag: tag_guid[tag.id])
        _append_automatic_codes(codes, automatic_codes)
    sources = ET.SubElement(project, f"{_Q}Sources")
    files: dict[str, str] = {}
    for document, passages, automatic in documents:
        source_guid = _stable_guid("document", document.id, document.sha256)
        files[f"sources/{source_guid}.txt"] = document.text
        source = ET.SubElement(sources, f"{_Q}TextSource", {
            "guid": source_guid, "name": document.title, "plainTextPath": f"internal://{source_guid}.txt",
            "creationDateTime": _when(document.imported_at)})
        for a in passages:
            if a.orphaned:
                continue
            author = user_guid[a.author or "analyst"]
            selection = ET.SubElement(source, f"{_Q}PlainTextSelection", {
                "guid": _stable_guid("annotation", document.id, a.id), "name": a.exact[:60],
                "startPosition": str(a.start), "endPosition": str(a.end),
                "creatingUser": author, "creationDateTime": _when(a.created_at)})
            if a.comment:
                ET.SubElement(selection, f"{_Q}Description").text = a.comment
            for tag_id in a.tag_ids:
                if tag_id in tag_guid:
                    coding = ET.SubElement(selection, f"{_Q}Coding", {
                        "guid": _stable_guid("coding", a.id, tag_id), "creatingUser": author,
                        "creationDateTime": _when(a.created_at)})
                    ET.SubElement(coding, f"{_Q}CodeRef", {"targetGUID": tag_guid[tag_id]})
        for layer, start, end, coder, root, code in automatic:
            user, now = user_guid[coder], _when(None)
            selection = ET.SubElement(source, f"{_Q}PlainTextSelection", {
                "guid": _stable_guid(layer, document.id, start, end), "name": document.text[start:end][:60],
                "startPosition": str(start), "endPosition": str(end), "creatingUser": user,
                "creationDateTime": now})
            coding = ET.SubElement(selection, f"{_Q}Coding", {
                "guid": _stable_guid(layer, "coding", document.id, start, end), "creatingUser": user,
                "creationDateTime": now})
            ET.SubElement(coding, f"{_Q}CodeRef", {"targetGUID": automatic_code_guid(root, code)})
    sanitise_tree(project)
    ET.indent(project)
    return ET.tostring(project, encoding="utf-8", xml_declaration=True), files


class AutoCoding(NamedTuple):
    """One quotation or person mention to code: under `root` ("Speakers (Annotext)" or "People
    (Annotext)"), child code `code`, by the user `coder`."""

    layer: str
    start: int
    end: int
    coder: str
    root: str
    code: str


def _automatic(document: Document, result, options) -> list[AutoCoding]:
    """What to code of the automatic layer: quotations by speaker ("Unattributed" without one; scare
    quotes apart), mentions by person."""
    coded = [AutoCoding("quotation", q.start, q.end, q.corrected_by or ANALYSER, SPEAKERS_ROOT,
              SCARE_QUOTES if q.kind == "scare" else q.speaker or UNATTRIBUTED)
             for q in quotations(document, result, options)]
    coded += [AutoCoding("mention", m.start, m.end, m.corrected_by or ANALYSER, PEOPLE_ROOT, m.person)
              for m in mentions(document, result, options)]
    return coded


def _append_automatic_codes(codes: ET.Element, automatic_codes: dict[str, list[str]]) -> None:
    """A parent code (not codable itself) per automatic tree in use, with a child per speaker or person."""
    for root, names in automatic_codes.items():
        if not names:
            continue
        parent = ET.SubElement(codes, f"{_Q}Code", {"guid": automatic_code_guid(root), "name": root,
                                                    "isCodable": "false"})
        ET.SubElement(parent, f"{_Q}Description").text = (
            "Found by Annotext's analysis, as the analyst corrected it; not the analyst's coding.")
        for code in names:
            ET.SubElement(parent, f"{_Q}Code", {"guid": automatic_code_guid(root, code), "name": code,
                                                "isCodable": "true"})


def write_qdpx(items, tags: list[Tag], path: Path, name: str, options=None) -> None:
    """Write the .qdpx archive (atomically: the previous file stays until the new one is complete)."""
    xml, files = project_xml(items, tags, name, options)
    with atomic_path(path, verify=_check_archive) as temporary:
        with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("project.qde", xml)
            for archive_path, text in files.items():
                archive.writestr(archive_path, text.encode("utf-8", "surrogatepass"))


def _check_archive(path: Path) -> None:
    """Refuse an archive that does not read back (a short write the OS did not report)."""
    with zipfile.ZipFile(path) as archive:
        broken = archive.testzip()
    if broken is not None:
        raise OSError(f"{broken} is damaged in the written archive")
