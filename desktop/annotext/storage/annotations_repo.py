"""SQL for the codebook and annotations. Every method that writes commits before it returns."""

from __future__ import annotations

import uuid

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # sqlite-utils loads when a library is opened, not at start-up
    from sqlite_utils import Database

from annotext.core.annotations import Annotation, Tag
from annotext.storage.repository import utc_now

_ANNOTATION_COLUMNS = ('id, doc_id, start, "end", exact, prefix, suffix, comment, author,'
                       ' created_at, updated_at, orphaned')


class AnnotationRepository:
    """Tags, annotations and the links between them."""

    def __init__(self, db: "Database"):
        self.db = db

    # Tags ----------------------------------------------------------------------------------
    def tags(self) -> list[Tag]:
        """The whole codebook, in creation order."""
        rows = self.db.execute("select id, name, colour, parent_id, shortcut, description, guid from tags order by id")
        return [Tag(id=r[0], name=r[1], colour=r[2], parent_id=r[3], shortcut=r[4], description=r[5] or "",
                    guid=r[6]) for r in rows]

    def insert_tag(self, tag: Tag) -> int:
        """Store a tag (keeping its id and guid when given, for undo and codebook import)."""
        row = {"name": tag.name, "colour": tag.colour, "parent_id": tag.parent_id, "shortcut": tag.shortcut,
               "description": tag.description, "guid": tag.guid or str(uuid.uuid4())}
        if tag.id is not None:
            row["id"] = tag.id
        with self.db.atomic():
            return self.db["tags"].insert(row).last_pk

    def update_tag(self, tag: Tag) -> None:
        """Write every field of an existing tag."""
        with self.db.atomic():
            self.db.execute(
                "update tags set name = ?, colour = ?, parent_id = ?, shortcut = ?, description = ? where id = ?",
                [tag.name, tag.colour, tag.parent_id, tag.shortcut, tag.description, tag.id])

    def delete_tag(self, tag_id: int) -> None:
        """Remove a tag and its links (children must have been moved first)."""
        with self.db.atomic():
            self.db.execute("delete from annotation_tags where tag_id = ?", [tag_id])
            self.db.execute("delete from tags where id = ?", [tag_id])

    def tag_counts(self, doc_id: int | None = None) -> dict[int, int]:
        """Number of passages per tag (in one document, or in the whole library)."""
        sql = "select tag_id, count(*) from annotation_tags"
        params: list = []
        if doc_id is not None:
            sql += " join annotations on annotations.id = annotation_id where doc_id = ?"
            params = [doc_id]
        return {r[0]: r[1] for r in self.db.execute(sql + " group by tag_id", params)}

    def annotations_with_tag(self, tag_id: int) -> list[int]:
        """Ids of the annotations carrying a tag."""
        return [r[0] for r in self.db.execute("select annotation_id from annotation_tags where tag_id = ?", [tag_id])]

    def retag(self, annotation_ids: list[int], old_tag: int, new_tag: int | None) -> None:
        """Move links from one tag to another (merge), or drop them (new_tag None)."""
        with self.db.atomic():
            for annotation_id in annotation_ids:
                self.db.execute("delete from annotation_tags where annotation_id = ? and tag_id = ?",
                                [annotation_id, old_tag])
                if new_tag is not None:
                    self.db.execute("insert or ignore into annotation_tags (annotation_id, tag_id) values (?, ?)",
                                    [annotation_id, new_tag])

    def set_links(self, tag_lists: dict[int, list[int]]) -> None:
        """Give each annotation exactly these tags, in this order (undo of a merge or a tag deletion)."""
        with self.db.atomic():
            for annotation_id, tag_ids in tag_lists.items():
                self.db.execute("delete from annotation_tags where annotation_id = ?", [annotation_id])
                self._write_tags(annotation_id, tag_ids)

    # Annotations ---------------------------------------------------------------------------
    def insert_annotation(self, annotation: Annotation) -> int:
        """Store an annotation with its tags in one transaction; returns its id."""
        now = utc_now()
        row = {"doc_id": annotation.doc_id, "start": annotation.start, "end": annotation.end,
               "exact": annotation.exact, "prefix": annotation.prefix, "suffix": annotation.suffix,
               "comment": annotation.comment, "author": annotation.author,
               "created_at": annotation.created_at or now, "updated_at": annotation.updated_at or now,
               "orphaned": int(annotation.orphaned)}
        if annotation.id is not None:
            row["id"] = annotation.id
        with self.db.atomic():
            annotation_id = self.db["annotations"].insert(row).last_pk
            self._write_tags(annotation_id, annotation.tag_ids)
        return annotation_id

    def update_annotation(self, annotation: Annotation, *, keep_time: bool = False) -> str:
        """Write comment, tags, range and selectors of an existing annotation; returns the new updated_at
        (with `keep_time`, the annotation's own: undo puts a passage back exactly as it was)."""
        now = annotation.updated_at if keep_time and annotation.updated_at else utc_now()
        with self.db.atomic():
            self.db.execute(
                'update annotations set start = ?, "end" = ?, exact = ?, prefix = ?, suffix = ?, comment = ?,'
                ' updated_at = ?, orphaned = ? where id = ?',
                [annotation.start, annotation.end, annotation.exact, annotation.prefix, annotation.suffix,
                 annotation.comment, now, int(annotation.orphaned), annotation.id])
            self.db.execute("delete from annotation_tags where annotation_id = ?", [annotation.id])
            self._write_tags(annotation.id, annotation.tag_ids)
        return now

    def delete_annotation(self, annotation_id: int) -> None:
        """Remove an annotation and its tag links."""
        with self.db.atomic():
            self.db.execute("delete from annotation_tags where annotation_id = ?", [annotation_id])
            self.db.execute("delete from annotations where id = ?", [annotation_id])

    def annotation(self, annotation_id: int) -> Annotation | None:
        """One annotation with its tags, or None."""
        found = self._select("where id = ?", [annotation_id])
        return found[0] if found else None

    def annotations(self, doc_id: int) -> list[Annotation]:
        """Every annotation of a document in text order."""
        return self._select('where doc_id = ? order by start, "end", id', [doc_id])

    def annotation_counts(self) -> dict[int, int]:
        """Number of annotations per document (for the library list)."""
        return {r[0]: r[1] for r in self.db.execute("select doc_id, count(*) from annotations group by doc_id")}

    def _select(self, where: str, params: list) -> list[Annotation]:
        rows = list(self.db.execute(f"select {_ANNOTATION_COLUMNS} from annotations {where}", params))
        if not rows:
            return []
        ids = [r[0] for r in rows]
        tags: dict[int, list[int]] = {}
        for chunk_start in range(0, len(ids), 500):
            chunk = ids[chunk_start:chunk_start + 500]
            marks = ",".join("?" * len(chunk))
            for annotation_id, tag_id in self.db.execute(
                    f"select annotation_id, tag_id from annotation_tags where annotation_id in ({marks})"
                    " order by rowid", chunk):
                tags.setdefault(annotation_id, []).append(tag_id)
        return [Annotation(id=r[0], doc_id=r[1], start=r[2], end=r[3], exact=r[4], prefix=r[5] or "",
                           suffix=r[6] or "", comment=r[7] or "", author=r[8] or "", created_at=r[9],
                           updated_at=r[10], orphaned=bool(r[11]), tag_ids=tags.get(r[0], []))
                for r in rows]

    def _write_tags(self, annotation_id: int, tag_ids: list[int]) -> None:
        for tag_id in dict.fromkeys(tag_ids):
            self.db.execute("insert into annotation_tags (annotation_id, tag_id) values (?, ?)",
                            [annotation_id, tag_id])
