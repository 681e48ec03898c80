"""REFI-QDA codebook exchange (.qdc): the format QualCoder, NVivo, MAXQDA and ATLAS.ti read.

Names, colours, hierarchy and descriptions round-trip; each tag keeps its GUID so that exporting
and importing again updates tags instead of duplicating them.
"""

from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from annotext import __version__
from annotext.core.annotations import Tag, strip_name_controls
from annotext.core.errors import InputError
from annotext.core.xml_text import sanitise_tree

NAMESPACE = "urn:QDA-XML:codebook:1.0"
_NS = {"q": NAMESPACE}


# The parents of the codes Annotext writes for its automatic layer in a .qdpx: quotations coded by
# speaker, mentions coded by person. Recognised on reading, so a merge never turns them into passages.
SPEAKERS_ROOT = "Speakers (Annotext)"
PEOPLE_ROOT = "People (Annotext)"
AUTOMATIC_ROOTS = (SPEAKERS_ROOT, PEOPLE_ROOT)


def automatic_code_guid(root: str, name: str | None = None) -> str:
    """The GUID of an automatic parent code, or of its child `name`: stable across exports, so a
    speaker keeps one code in every project Annotext writes."""
    key = root if name is None else f"{root}\x1f{name}"
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "annotext:automatic-code:" + key))


class CodebookError(InputError, ValueError):
    """A .qdc file that cannot be read; the message names the file and the problem."""


@dataclass
class CodeNode:
    """One code read from a .qdc file, with its children."""

    guid: str
    name: str
    colour: str | None
    description: str
    children: list["CodeNode"] = field(default_factory=list)


def append_codes(codes: ET.Element, tags: list[Tag], namespace: str, guid_of) -> None:
    """Write the tag tree as nested <Code> elements under `codes` (shared by .qdc and .qdpx)."""
    q = f"{{{namespace}}}"
    children: dict[int | None, list[Tag]] = {}
    for tag in tags:
        children.setdefault(tag.parent_id, []).append(tag)

    def add(parent_element, tag: Tag) -> None:
        element = ET.SubElement(parent_element, f"{q}Code", {
            "guid": guid_of(tag), "name": tag.name, "isCodable": "true", "color": tag.colour.upper()})
        if tag.description:
            ET.SubElement(element, f"{q}Description").text = tag.description
        for child in children.get(tag.id, []):
            add(element, child)

    for tag in children.get(None, []):
        add(codes, tag)


def codebook_xml(tags: list[Tag]) -> bytes:
    """The codebook as REFI-QDA XML (UTF-8, with declaration), valid against Codebook.xsd.

    The schema wants at least one Code, so an empty codebook is refused (CodebookError) rather
    than written as a file no other program would read; Sets are optional and Annotext has none,
    so none are written (an empty <Sets/> is invalid)."""
    if not tags:
        raise CodebookError("the codebook is empty: create a tag before exporting it")
    ET.register_namespace("", NAMESPACE)
    root = ET.Element(f"{{{NAMESPACE}}}CodeBook", {"origin": f"Annotext {__version__}"})
    codes = ET.SubElement(root, f"{{{NAMESPACE}}}Codes")
    append_codes(codes, tags, NAMESPACE, lambda tag: tag.guid or str(uuid.uuid4()))
    sanitise_tree(root)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


MAX_CODE_DEPTH = 100  # real code hierarchies are a handful of levels deep


def read_codebook(path: Path) -> list[CodeNode]:
    """The code tree of a .qdc file (or of the CodeBook inside a project .qde file)."""
    try:
        root = ET.parse(path).getroot()
    except FileNotFoundError:
        raise CodebookError(f"{path}: no such file") from None
    except (ET.ParseError, OSError) as error:
        raise CodebookError(f"{path}: not a readable REFI-QDA codebook ({error})") from None
    codes = root.find("q:Codes", _NS)
    if codes is None:
        codes = root.find(".//q:CodeBook/q:Codes", _NS)
    if codes is None:
        raise CodebookError(f"{path}: no <Codes> element in namespace {NAMESPACE}")

    def node(element, depth: int = 1) -> CodeNode:
        if depth > MAX_CODE_DEPTH:  # a hostile file nested thousands deep must not exhaust the stack
            raise CodebookError(f"{path}: codes nested more than {MAX_CODE_DEPTH} levels deep; not a codebook"
                                " Annotext can import")
        description = element.find("q:Description", _NS)
        colour = element.get("color")
        return CodeNode(
            guid=element.get("guid") or str(uuid.uuid4()),
            name=" ".join(strip_name_controls(element.get("name") or "").split()) or "unnamed code",
            colour=colour.lower() if colour and len(colour) == 7 and colour.startswith("#") else None,
            description=(description.text or "").strip() if description is not None else "",
            children=[node(child, depth + 1) for child in element.findall("q:Code", _NS)],
        )

    return [node(element) for element in codes.findall("q:Code", _NS)]
