"""REFI-QDA project export (.qdpx): a zip with project.qde (sources, codes, coded text selections)
and each document's plain text, readable by QualCoder, NVivo, MAXQDA and ATLAS.ti."""

from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET
import zipfile
from datetime import datetime, timezone
from pathlib import Path

from annotext import __version__
from annotext.core.annotations import Annotation, Tag
from annotext.core.atomic import atomic_path
from annotext.core.document import Document
from annotext.core.refi_qda import append_codes
from annotext.core.xml_text import sanitise_tree

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


def project_xml(items: list[tuple[Document, object, list[Annotation]]], tags: list[Tag], name: str) -> tuple[bytes, dict[str, str]]:
    """(project.qde bytes, {archive path: text}) for the given documents."""
    ET.register_namespace("", NAMESPACE)
    project = ET.Element(f"{_Q}Project", {"name": name, "origin": f"Annotext {__version__}",
                                          "creationDateTime": _when(None)})
    authors = sorted({a.author or "analyst" for _d, _r, passages in items for a in passages} or {"analyst"})
    user_guid = {author: _stable_guid("user", author) for author in authors}
    users = ET.SubElement(project, f"{_Q}Users")
    for author in authors:
        ET.SubElement(users, f"{_Q}User", {"guid": user_guid[author], "name": author})
    tag_guid = {t.id: t.guid or _stable_guid("tag", t.id) for t in tags}
    if tags:  # Project.xsd: a CodeBook holds at least one Code, so no codebook is written empty
        codebook = ET.SubElement(project, f"{_Q}CodeBook")
        codes = ET.SubElement(codebook, f"{_Q}Codes")
        append_codes(codes, tags, NAMESPACE, lambda tag: tag_guid[tag.id])
    sources = ET.SubElement(project, f"{_Q}Sources")
    files: dict[str, str] = {}
    for document, _result, passages in items:
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
    sanitise_tree(project)
    ET.indent(project)
    return ET.tostring(project, encoding="utf-8", xml_declaration=True), files


def write_qdpx(items, tags: list[Tag], path: Path, name: str) -> None:
    """Write the .qdpx archive (atomically: the previous file stays until the new one is complete)."""
    xml, files = project_xml(items, tags, name)
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
