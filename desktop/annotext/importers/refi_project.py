"""Read a REFI-QDA project (.qdpx: a zip holding project.qde and the sources' texts) as written by
QualCoder, NVivo, MAXQDA, ATLAS.ti or Annotext, for merging another analyst's coding.

Follows the REFI-QDA Project standard (urn:QDA-XML:project:1.0): <Users> name the coders,
<CodeBook><Codes> the code tree, each <TextSource> its text (an internal file named by
plainTextPath, or inline <PlainTextContent>) and its <PlainTextSelection>s with <Coding> elements
whose creatingUser is the coder. Positions are character offsets into the source text.
Only text sources are read; other kinds are counted and reported as skipped. The automatic layer
Annotext itself writes (codes under "Speakers (Annotext)" and "People (Annotext)": quotations and
person mentions found by the analysis) is left out, with a note: merged, it would turn the machine's
findings into an analyst's passages; each library has its own analysis and corrections.
"""

from __future__ import annotations

from pathlib import Path

from annotext.core.coded_project import CodedProject, CodeRecord, SelectionRecord, SourceRecord
from annotext.core.document import clean_text, normalise_newlines
from annotext.core.refi_qda import AUTOMATIC_ROOTS, automatic_code_guid
from annotext.importers.archive import Archive, open_archive
from annotext.importers.errors import ImportFailed

NAMESPACE = "urn:QDA-XML:project:1.0"
_Q = f"{{{NAMESPACE}}}"
MAX_CODE_DEPTH = 64


def read_project(path: Path | str) -> tuple[CodedProject, list[str]]:
    """(the project, notes on what was skipped); ImportFailed with one line if it cannot be read."""
    from lxml import etree

    path = Path(path)
    with open_archive(path, ".qdpx") as (archive, _stream):  # regular file, size and ZIP-bomb checks
        try:
            names = {info.filename for info in archive.zip.infolist()}
            if "project.qde" not in names:
                raise ImportFailed(path, "not a REFI-QDA project (no project.qde inside)")
            parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
            root = etree.fromstring(archive.read("project.qde"), parser)
            if root.tag != f"{_Q}Project":
                raise ImportFailed(path, f"not a REFI-QDA project (root element {root.tag!r})")
            users = {u.get("guid"): (u.get("name") or u.get("guid")) for u in root.iter(f"{_Q}User")}
            codes, automatic = _without_automatic(_codes(path, root))
            notes: list[str] = []
            sources = []
            for element in root.iterfind(f"{_Q}Sources/*"):
                kind = etree.QName(element).localname
                if kind != "TextSource":
                    notes.append(f"{kind} {element.get('name') or ''!s}: not a text source, skipped".strip())
                    continue
                sources.append(_source(path, archive, names, element, users, notes))
            skipped = _drop_automatic(sources, automatic)
            if skipped:
                notes.append(f"{skipped} quotation(s) and person mention(s) coded by Annotext's analysis "
                             f"({' and '.join(AUTOMATIC_ROOTS)}) were not merged as passages")
        except etree.XMLSyntaxError as error:
            raise ImportFailed(path, f"project.qde is not well-formed XML ({error})") from None
        except OSError as error:
            raise ImportFailed(path, f"cannot be read ({error.strerror or error})") from None
    return CodedProject(origin=str(path), codes=codes, sources=sources), notes


def _codes(path: Path, root) -> list[CodeRecord]:
    codes: list[CodeRecord] = []

    def walk(element, parent: CodeRecord | None, depth: int) -> None:
        if depth > MAX_CODE_DEPTH:
            raise ImportFailed(path, f"the code tree is nested more than {MAX_CODE_DEPTH} levels deep")
        for child in element.iterfind(f"{_Q}Code"):
            name = " ".join((child.get("name") or "unnamed code").split())
            colour = child.get("color")
            description = child.findtext(f"{_Q}Description") or ""
            record = CodeRecord(guid=child.get("guid") or "", name=name,
                                path=(parent.path if parent else ()) + (name,),
                                colour=colour.lower() if colour and len(colour) == 7 and colour.startswith("#") else None,
                                description=description.strip(), parent_guid=parent.guid if parent else None)
            codes.append(record)
            walk(child, record, depth + 1)

    codebook = root.find(f"{_Q}CodeBook/{_Q}Codes")
    if codebook is not None:
        walk(codebook, None, 0)
    return codes


def _without_automatic(codes: list[CodeRecord]) -> tuple[list[CodeRecord], set[str]]:
    """(the analyst's codes, the GUIDs of the automatic trees Annotext writes): a tree is automatic
    when its root has the GUID or the name Annotext gives it (another program may keep either)."""
    roots = {automatic_code_guid(name) for name in AUTOMATIC_ROOTS}
    automatic: set[str] = set()
    for code in codes:  # parents come before their children
        if (code.parent_guid is None and (code.guid in roots or code.name in AUTOMATIC_ROOTS)) \
                or code.parent_guid in automatic:
            automatic.add(code.guid)
    return [c for c in codes if c.guid not in automatic], automatic


def _drop_automatic(sources: list[SourceRecord], automatic: set[str]) -> int:
    """Remove the automatic codes from every selection, and the selections that had only those
    (and no comment); returns how many selections went."""
    if not automatic:
        return 0
    dropped = 0
    for source in sources:
        kept = []
        for selection in source.selections:
            codes = [g for g in selection.code_guids if g not in automatic]
            if len(codes) < len(selection.code_guids) and not codes and not selection.comment:
                dropped += 1
                continue
            selection.code_guids = codes
            kept.append(selection)
        source.selections = kept
    return dropped


def _source(path: Path, archive: Archive, names: set[str], element, users: dict, notes: list[str]) -> SourceRecord:
    name = element.get("name") or "Untitled"
    inline = element.findtext(f"{_Q}PlainTextContent")
    if inline is not None:
        text = inline
    else:
        text_path = element.get("plainTextPath") or ""
        member = text_path.removeprefix("internal://")
        candidates = [member, f"sources/{member}", f"Sources/{member}"]
        found = next((c for c in candidates if c in names), None)
        if found is None:
            raise ImportFailed(path, f"the text of source {name!r} ({text_path or 'no plainTextPath'}) is missing")
        raw = archive.read(found)
        text = raw.decode("utf-8-sig", errors="replace")
    position = _newline_map(text)
    selections = []
    for selection in element.iterfind(f"{_Q}PlainTextSelection"):
        try:
            start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
        except (TypeError, ValueError):
            notes.append(f"{name}: a selection without valid positions was skipped")
            continue
        if not 0 <= start < end <= len(text):
            notes.append(f"{name}: selection {start}–{end} lies outside the text, skipped")
            continue
        start, end = position(start), position(end)
        creator = selection.get("creatingUser")
        codings = selection.findall(f"{_Q}Coding")
        coder = users.get(creator) or (users.get(codings[0].get("creatingUser")) if codings else None) or "unknown"
        guids = [ref.get("targetGUID") for coding in codings for ref in coding.iterfind(f"{_Q}CodeRef")
                 if ref.get("targetGUID")]
        comment = (selection.findtext(f"{_Q}Description") or "").strip()
        selections.append(SelectionRecord(start, end, coder, selection.get("creationDateTime") or "",
                                          selection.get("modifiedDateTime") or "", comment, guids))
    return SourceRecord(name=name, text=clean_text(normalise_newlines(text)), selections=selections)


def _newline_map(text: str):
    """Offsets in `text` -> offsets after CRLF/CR become LF (the form every Annotext text has)."""
    if "\r" not in text:
        return lambda offset: offset
    removed = [0] * (len(text) + 1)
    count = 0
    for index, char in enumerate(text):
        removed[index] = count
        if char == "\r" and index + 1 < len(text) and text[index + 1] == "\n":
            count += 1
    removed[len(text)] = count
    return lambda offset: offset - removed[offset]
