"""Bring another analyst's work into this library: `annotext merge OTHER`, File ▸ Merge….

Rules (docs/team.md states them for the analyst):
- Documents are matched by their text's hash; failing that, by title or source, and the other
  coder's passages are re-anchored onto our text (those that cannot be placed are kept as
  orphans, as a text replacement does). Unknown documents are added.
- Codes are matched by GUID, then by name path ("Parent/Child"), then by name. A match by path or
  name whose GUID differs is a clash: it is reported, and the other coder's passages go to our tag
  (our GUID, name, colour and place in the tree win). Unknown codes are added with their GUID.
- Passages keep their coder, comment and times. A passage already present (same document, range
  and coder) only gains the tags it lacked, so merging the same file twice adds nothing.
- Everything is one transaction, preceded by a backup; the other file is only read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from annotext.core.anchoring import Reanchorer
from annotext.core.annotations import Annotation, Tag, next_colour, selectors, validate_colour, validate_tag_name
from annotext.core.coded_project import CodedProject, SourceRecord
from annotext.core.document import Document, text_sha256
from annotext.storage.errors import LibraryError


@dataclass
class MergeSummary:
    """What a merge brought in, matched, and could not place."""

    origin: str
    documents_matched: int = 0
    documents_reanchored: int = 0
    documents_added: int = 0
    codes_matched: int = 0
    codes_added: int = 0
    clashes: list[str] = field(default_factory=list)
    passages_added: int = 0
    passages_present: int = 0
    passages_extended: int = 0
    orphans: int = 0
    coders: set[str] = field(default_factory=set)
    notes: list[str] = field(default_factory=list)
    backup: str = ""

    def lines(self) -> list[str]:
        """The summary as short lines for the terminal or a message box."""
        out = [f"Merged {self.origin}",
               f"documents: {self.documents_matched} matched by text, {self.documents_reanchored} matched by"
               f" title/source and re-anchored, {self.documents_added} added",
               f"codes: {self.codes_matched} matched, {self.codes_added} added, {len(self.clashes)} clashes",
               f"passages: {self.passages_added} added, {self.passages_extended} gained tags,"
               f" {self.passages_present} already here, {self.orphans} could not be placed (kept as orphans)",
               f"coders: {', '.join(sorted(self.coders)) or 'none'}"]
        out += [f"clash: {clash}" for clash in self.clashes]
        out += [f"note: {note}" for note in self.notes]
        if self.backup:
            out.append(f"backup taken first: {self.backup}")
        return out


def read_other_work(path: Path | str, library_path: Path | str) -> tuple[CodedProject, list[str]]:
    """Another analyst's work as the merge needs it, with notes on what was skipped: a REFI-QDA
    `.qdpx` by its suffix, else an Annotext library file; never the open library, its side files or
    its backups (the CLI and File ▸ Merge… both go through here)."""
    from annotext.importers.refi_project import read_project
    from annotext.storage.foreign_library import read_library
    from annotext.storage.library_files import refuse_library_target

    refuse_library_target(path, library_path)
    if Path(path).suffix.lower() == ".qdpx":
        return read_project(path)
    return read_library(path), []


def merge_project(library, project: CodedProject, notes: list[str] | None = None) -> MergeSummary:
    """Merge `project` into `library` in one transaction (a backup is taken first)."""
    if library.read_only:
        raise LibraryError(f"{library.path}: opened read-only; nothing can be merged into it")
    summary = MergeSummary(origin=project.origin, notes=list(notes or []))
    summary.backup = str(library.backup())
    with library.db.atomic():
        tag_of = _merge_codes(library.annotations, project, summary)
        for source in project.sources:
            _merge_source(library, source, tag_of, summary)
    return summary


def _merge_codes(store, project: CodedProject, summary: MergeSummary) -> dict[str, int]:
    """Their code GUID -> our tag id, adding codes we lack."""
    ours = store.tags()
    by_id = {t.id: t for t in ours}

    def path_of(tag: Tag) -> tuple[str, ...]:
        names, seen = [tag.name.casefold()], {tag.id}
        while tag.parent_id is not None and tag.parent_id in by_id and tag.parent_id not in seen:
            tag = by_id[tag.parent_id]
            seen.add(tag.id)
            names.append(tag.name.casefold())
        return tuple(reversed(names))

    by_guid = {t.guid: t for t in ours}
    by_path = {path_of(t): t for t in ours}
    by_name = {t.name.casefold(): t for t in ours}
    tag_of: dict[str, int] = {}
    for code in project.codes:  # parents come before their children
        path = tuple(name.casefold() for name in code.path)
        match = by_guid.get(code.guid)
        if match is None:
            match = by_path.get(path) or by_name.get(validate_tag_name(code.name).casefold())
            if match is not None:
                where = "/".join(code.path)
                how = "another GUID" if path_of(match) == path else f"another place ({'/'.join(path_of(match))})"
                summary.clashes.append(f"code {where!r} has {how} here: its passages go to our tag {match.name!r}")
        if match is not None:
            summary.codes_matched += 1
            tag_of[code.guid] = match.id
            continue
        colour = code.colour
        try:
            colour = validate_colour(colour) if colour else next_colour([t.colour for t in by_id.values()])
        except ValueError:
            colour = next_colour([t.colour for t in by_id.values()])
        parent_id = tag_of.get(code.parent_guid) if code.parent_guid else None
        tag = Tag(name=validate_tag_name(code.name), colour=colour, parent_id=parent_id,
                  description=code.description, guid=code.guid if code.guid and code.guid not in by_guid else "")
        stored = store.store_tag(tag)
        by_id[stored.id] = stored
        by_guid[stored.guid] = stored
        by_path[path_of(stored)] = stored
        by_name[stored.name.casefold()] = stored
        tag_of[code.guid] = stored.id
        summary.codes_added += 1
    return tag_of


def _merge_source(library, source: SourceRecord, tag_of: dict[str, int], summary: MergeSummary) -> None:
    repo, store = library.repo, library.annotations
    doc_id = repo.find_document(sha256=text_sha256(source.text))
    anchorer = None
    if doc_id is not None:
        summary.documents_matched += 1
    else:
        doc_id = _same_title_or_source(library, source)
        if doc_id is not None:
            summary.documents_reanchored += 1
            anchorer = Reanchorer(source.text, library.document(doc_id).text)
        else:
            doc_id = repo.add_document(Document(title=source.name, text=source.text, source=source.source,
                                                metadata=source.metadata))
            summary.documents_added += 1
    text = library.document(doc_id).text
    existing = {(a.start, a.end, a.author): a for a in store.annotations(doc_id) if not a.orphaned}
    orphans = {(a.exact, a.author) for a in store.annotations(doc_id) if a.orphaned}
    for selection in source.selections:
        summary.coders.add(selection.coder)
        tags = list(dict.fromkeys(tag_of[g] for g in selection.code_guids if g in tag_of))
        start, end = selection.start, selection.end
        exact, prefix, suffix = selectors(source.text, start, end)
        orphaned = False
        if anchorer is not None:
            anchor = anchorer.anchor(start, end, exact, prefix, suffix)
            if anchor is None:
                orphaned = True
            else:
                start, end = anchor.start, anchor.end
                exact, prefix, suffix = selectors(text, start, end)
        if orphaned:
            if (exact, selection.coder) in orphans:
                summary.passages_present += 1
                continue
            orphans.add((exact, selection.coder))
            summary.orphans += 1
        else:
            present = existing.get((start, end, selection.coder))
            if present is not None:
                missing = [t for t in tags if t not in present.tag_ids]
                comment = present.comment or selection.comment
                if missing or comment != present.comment:
                    present.tag_ids = present.tag_ids + missing
                    present.comment = comment
                    store.update_annotation(present)
                    summary.passages_extended += 1
                else:
                    summary.passages_present += 1
                continue
        annotation = store.store_annotation(Annotation(
            doc_id=doc_id, start=start, end=end, exact=exact, prefix=prefix, suffix=suffix,
            comment=selection.comment, tag_ids=tags, author=selection.coder, created_at=selection.created_at,
            updated_at=selection.updated_at or selection.created_at, orphaned=orphaned))
        if not orphaned:
            existing[(start, end, selection.coder)] = annotation
            summary.passages_added += 1


def _same_title_or_source(library, source: SourceRecord) -> int | None:
    """An edited version of the same document: same source file/URL, else same title."""
    if source.source:
        found = library.repo.find_by_source(source.source)
        if found is not None:
            return found
    wanted = " ".join(source.name.split()).casefold()
    for summary in library.repo.documents():
        if " ".join(summary.title.split()).casefold() == wanted:
            return summary.id
    return None
