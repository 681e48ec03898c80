"""Read another analyst's Annotext library for a merge, without ever changing it.

The file (and its -wal, which may hold the newest commits) is copied into a temporary folder and
only the copy is opened, so not even SQLite's shared-memory file is created next to the original.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import tempfile
from pathlib import Path

from annotext.core.coded_project import CodedProject, CodeRecord, SelectionRecord, SourceRecord
from annotext.storage.errors import LibraryError

_NEEDED = {"documents", "tags", "annotations", "annotation_tags"}


def read_library(path: Path | str) -> CodedProject:
    """Documents, codebook and passages (with their coders) of another library file."""
    path = Path(path)
    if not path.is_file():
        raise LibraryError(f"{path}: {'not a regular file' if path.exists() else 'no such file'}")
    with tempfile.TemporaryDirectory(prefix="annotext-merge-") as folder:
        copy = Path(folder) / "other.sqlite"
        try:
            shutil.copyfile(path, copy)
            wal = path.with_name(path.name + "-wal")
            if wal.is_file():
                shutil.copyfile(wal, copy.with_name(copy.name + "-wal"))
        except OSError as error:
            raise LibraryError(f"{path}: cannot be read ({error.strerror or error})") from None
        try:
            connection = sqlite3.connect(copy)
            try:
                return _read(path, connection)
            finally:
                connection.close()
        except sqlite3.DatabaseError as error:
            raise LibraryError(f"{path}: not a readable Annotext library ({error})") from None


def _read(path: Path, connection: sqlite3.Connection) -> CodedProject:
    tables = {row[0] for row in connection.execute("select name from sqlite_master where type = 'table'")}
    if not _NEEDED <= tables:
        raise LibraryError(f"{path}: not an Annotext library (tables {', '.join(sorted(_NEEDED - tables))} missing)")
    if connection.execute("pragma quick_check").fetchone()[0] != "ok":
        raise LibraryError(f"{path}: the library is damaged (quick_check failed)")
    tags = {row[0]: row for row in connection.execute("select id, name, colour, parent_id, description, guid from tags")}

    def tag_path(tag_id: int, seen: frozenset = frozenset()) -> tuple[str, ...]:
        _id, name, _colour, parent_id, _description, _guid = tags[tag_id]
        if parent_id is None or parent_id not in tags or tag_id in seen:
            return (name,)
        return tag_path(parent_id, seen | {tag_id}) + (name,)

    codes = [CodeRecord(guid=guid, name=name, path=tag_path(tag_id), colour=colour, description=description or "",
                        parent_guid=tags[parent_id][5] if parent_id in tags else None)
             for tag_id, (_i, name, colour, parent_id, description, guid) in tags.items()]
    codes.sort(key=lambda code: len(code.path))  # parents before children
    links: dict[int, list[str]] = {}
    for annotation_id, tag_id in connection.execute("select annotation_id, tag_id from annotation_tags"):
        if tag_id in tags:
            links.setdefault(annotation_id, []).append(tags[tag_id][5])
    passages: dict[int, list[SelectionRecord]] = {}
    for row in connection.execute('select id, doc_id, start, "end", comment, author, created_at, updated_at'
                                  " from annotations where orphaned = 0 order by id"):
        annotation_id, doc_id, start, end, comment, author, created, updated = row
        passages.setdefault(doc_id, []).append(SelectionRecord(start, end, author or "unknown", created or "",
                                                               updated or "", comment or "",
                                                               links.get(annotation_id, [])))
    sources = []
    for doc_id, title, text, source, metadata in connection.execute(
            "select id, title, text, source, metadata from documents order by id"):
        try:
            meta = json.loads(metadata or "{}")
        except ValueError:
            meta = {}
        sources.append(SourceRecord(name=title, text=text, source=source or "",
                                    metadata=meta if isinstance(meta, dict) else {},
                                    selections=[s for s in passages.get(doc_id, []) if 0 <= s.start < s.end <= len(text)]))
    return CodedProject(origin=str(path), codes=codes, sources=sources)
