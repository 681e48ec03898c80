"""Validated annotation and codebook operations over the repository: what edits are made of."""

from __future__ import annotations

import copy

from annotext.core.annotations import (Annotation, AnnotationError, Tag, default_author, next_colour,
                                       selectors, validate_colour, validate_comment, validate_range,
                                       validate_tag_name)
from annotext.core.document import clean_text
from annotext.storage.annotations_repo import AnnotationRepository


class AnnotationStore:
    """The analyst's layer of one library. Each call that writes is committed when it returns."""

    def __init__(self, repo: AnnotationRepository, text_of, author: str | None = None):
        self.repo = repo
        self._text_of = text_of  # doc_id -> text
        self.author = author or default_author()

    # Codebook ------------------------------------------------------------------------------
    def tags(self) -> list[Tag]:
        """The codebook, in creation order."""
        return self.repo.tags()

    def tag(self, tag_id: int) -> Tag:
        """One tag; AnnotationError if it does not exist."""
        for tag in self.repo.tags():
            if tag.id == tag_id:
                return tag
        raise AnnotationError(f"there is no tag with id {tag_id}")

    def tag_named(self, name: str) -> Tag | None:
        """The tag with this name (case-insensitive), if any."""
        wanted = " ".join(name.split()).casefold()
        return next((t for t in self.repo.tags() if t.name.casefold() == wanted), None)

    def new_tag(self, name: str, colour: str | None = None, parent_id: int | None = None,
                shortcut: int | None = None, description: str = "") -> Tag:
        """A validated, not yet stored tag (name unique, colour valid, shortcut free, parent existing)."""
        tags = self.repo.tags()
        tag = Tag(name=validate_tag_name(name), colour=validate_colour(colour or next_colour([t.colour for t in tags])),
                  parent_id=parent_id, shortcut=shortcut, description=description.strip())
        self.check_tag(tag, tags)
        return tag

    def check_tag(self, tag: Tag, tags: list[Tag] | None = None) -> None:
        """Refuse duplicate names or shortcuts, unknown parents and cycles in the hierarchy."""
        tags = self.repo.tags() if tags is None else tags
        others = [t for t in tags if t.id != tag.id]
        if any(t.name.casefold() == tag.name.casefold() for t in others):
            raise AnnotationError(f"a tag named {tag.name!r} already exists")
        if tag.shortcut is not None:
            if not 1 <= tag.shortcut <= 9:
                raise AnnotationError("shortcuts are the keys 1 to 9")
            holder = next((t for t in others if t.shortcut == tag.shortcut), None)
            if holder is not None:
                raise AnnotationError(f"key {tag.shortcut} is already the shortcut of {holder.name!r}")
        by_id = {t.id: t for t in tags}
        parent = tag.parent_id
        seen = {tag.id}
        while parent is not None:
            if parent not in by_id:
                raise AnnotationError(f"there is no parent tag with id {parent}")
            if parent in seen:
                raise AnnotationError("a tag cannot be placed inside itself or its own children")
            seen.add(parent)
            parent = by_id[parent].parent_id

    def store_tag(self, tag: Tag) -> Tag:
        """Insert a tag (keeping id/guid when restoring); returns it with its id."""
        stored = copy.copy(tag)
        stored.id = self.repo.insert_tag(tag)
        if not stored.guid:
            stored.guid = next(t.guid for t in self.repo.tags() if t.id == stored.id)
        return stored

    def update_tag(self, tag: Tag) -> None:
        """Write a changed tag after validation."""
        tag.name = validate_tag_name(tag.name)
        tag.colour = validate_colour(tag.colour)
        self.check_tag(tag)
        self.repo.update_tag(tag)

    def delete_tag(self, tag_id: int) -> None:
        """Delete a tag (its links go with it; callers move children and passages first)."""
        self.repo.delete_tag(tag_id)

    def tag_counts(self, doc_id: int | None = None) -> dict[int, int]:
        """Passages per tag id."""
        return self.repo.tag_counts(doc_id)

    # Annotations ---------------------------------------------------------------------------
    def new_annotation(self, doc_id: int, start: int, end: int, tag_ids: list[int] | None = None,
                       comment: str = "") -> Annotation:
        """A validated, not yet stored annotation with its selectors filled from the text."""
        text = self._text_of(doc_id)
        validate_range(text, start, end)
        known = {t.id for t in self.repo.tags()}
        unknown = [t for t in (tag_ids or []) if t not in known]
        if unknown:
            raise AnnotationError(f"unknown tag ids: {unknown}")
        exact, prefix, suffix = selectors(text, start, end)
        return Annotation(doc_id=doc_id, start=start, end=end, exact=exact, prefix=prefix, suffix=suffix,
                          comment=validate_comment(clean_text(comment)), tag_ids=list(dict.fromkeys(tag_ids or [])), author=self.author)

    def store_annotation(self, annotation: Annotation) -> Annotation:
        """Insert (or re-insert, on redo) an annotation; returns it as stored."""
        annotation_id = self.repo.insert_annotation(annotation)
        return self.repo.annotation(annotation_id)

    def update_annotation(self, annotation: Annotation, *, keep_time: bool = False) -> Annotation:
        """Write a changed annotation; returns it as stored (new updated time, or its own with
        `keep_time`, so undo restores it exactly)."""
        annotation.comment = validate_comment(clean_text(annotation.comment))
        self.repo.update_annotation(annotation, keep_time=keep_time)
        return self.repo.annotation(annotation.id)

    def delete_annotation(self, annotation_id: int) -> None:
        """Remove an annotation."""
        self.repo.delete_annotation(annotation_id)

    def annotation(self, annotation_id: int) -> Annotation:
        """One annotation; AnnotationError if it does not exist."""
        found = self.repo.annotation(annotation_id)
        if found is None:
            raise AnnotationError(f"there is no annotation with id {annotation_id}")
        return found

    def annotations(self, doc_id: int) -> list[Annotation]:
        """All annotations of a document, in text order."""
        return self.repo.annotations(doc_id)
