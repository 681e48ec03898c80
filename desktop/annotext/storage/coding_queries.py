"""Read-only SQL for team work: who coded what, as plain rows for the agreement measures."""

from __future__ import annotations

from annotext.core.agreement import Coding


def coders(db) -> list[str]:
    """Every coder who has a passage in the library, alphabetically."""
    return [r[0] for r in db.execute(
        "select distinct author from annotations where author is not null and author != '' order by author")]


def document_lengths(db, doc_ids: list[int] | None = None) -> dict[int, int]:
    """Length in code points (SQLite's length() of text) of the chosen documents, or of all."""
    sql = "select id, length(text) from documents"
    params: list = []
    if doc_ids:
        sql += f" where id in ({', '.join('?' * len(doc_ids))})"
        params = list(doc_ids)
    return {r[0]: r[1] for r in db.execute(sql + " order by id", params)}


def codings(db, coder_names: list[str], doc_ids: list[int] | None = None) -> list[Coding]:
    """One Coding per (placed passage, tag) of the given coders; the tag is named by its path."""
    paths = tag_paths(db)
    sql = ('select a.id, a.doc_id, a.start, a."end", a.author, t.tag_id from annotations a'
           " join annotation_tags t on t.annotation_id = a.id where a.orphaned = 0"
           f" and a.author in ({', '.join('?' * len(coder_names))})")
    params: list = list(coder_names)
    if doc_ids:
        sql += f" and a.doc_id in ({', '.join('?' * len(doc_ids))})"
        params += list(doc_ids)
    return [Coding(doc_id, start, end, paths[tag_id], author, annotation_id)
            for annotation_id, doc_id, start, end, author, tag_id in db.execute(sql + " order by a.id", params)
            if tag_id in paths]


def tag_paths(db) -> dict[int, str]:
    """Tag id -> "Parent/Child" name path (unique, since tag names are)."""
    rows = {r[0]: (r[1], r[2]) for r in db.execute("select id, name, parent_id from tags")}
    paths: dict[int, str] = {}
    for tag_id in rows:
        names, current, seen = [], tag_id, set()
        while current is not None and current in rows and current not in seen:
            seen.add(current)
            names.append(rows[current][0])
            current = rows[current][1]
        paths[tag_id] = "/".join(reversed(names))
    return paths
