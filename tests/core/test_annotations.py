"""Codebook and annotations through the core: validation, selectors, and every edit undone and redone."""

import pytest

from annotext.core.annotations import AnnotationError, selectors
from annotext.application.edits import (AddAnnotation, ChangeTag, CreateTag, DeleteAnnotation, DeleteTag, MergeTags,
                                 set_comment, toggle_tag)


@pytest.fixture
def doc(library):
    return library.ensure_sample()


def make_tag(library, name, **kw):
    edit = CreateTag(library.annotations.new_tag(name, **kw))
    library.apply(edit)
    return edit.tag


def add(library, doc, start, end, tags=(), comment=""):
    edit = AddAnnotation(library.annotations.new_annotation(doc, start, end, list(tags), comment))
    library.apply(edit)
    return edit


def test_selectors_have_32_characters_of_context():
    text = "x" * 40 + "PASSAGE" + "y" * 40
    exact, prefix, suffix = selectors(text, 40, 47)
    assert (exact, prefix, suffix) == ("PASSAGE", "x" * 32, "y" * 32)
    assert selectors("abc", 0, 1) == ("a", "", "bc")


def test_annotation_round_trip_with_emoji_offsets(library, tmp_path):
    path = tmp_path / "e.txt"
    path.write_text("😀 Emoji first 🎉 then the passage we want.", encoding="utf-8")
    doc = library.import_file(path)
    start = library.document(doc).text.index("the passage")
    tag = make_tag(library, "Evidence")
    edit = add(library, doc, start, start + len("the passage"), [tag.id], "why 😀")
    stored = library.annotations.annotations(doc)[0]
    assert stored.exact == "the passage" and stored.comment == "why 😀"
    assert stored.prefix.endswith("🎉 then ") and stored.tag_ids == [tag.id]
    assert stored.author and stored.created_at and stored.updated_at
    assert edit.annotation.id == stored.id


@pytest.mark.parametrize("start,end,message", [(5, 5, "not a passage"), (-1, 4, "not a passage"),
                                               (0, 10**7, "not a passage")])
def test_invalid_ranges_are_refused(library, doc, start, end, message):
    with pytest.raises(AnnotationError, match=message):
        library.annotations.new_annotation(doc, start, end)


def test_whitespace_passage_is_refused(library, tmp_path):
    path = tmp_path / "w.txt"
    path.write_text("Title\n\n   \nBody", encoding="utf-8")
    doc = library.import_file(path)
    with pytest.raises(AnnotationError, match="white space"):
        library.annotations.new_annotation(doc, 6, 10)


def test_tag_validation(library):
    make_tag(library, "Claims", shortcut=1)
    store = library.annotations
    with pytest.raises(AnnotationError, match="already exists"):
        store.new_tag(" claims ")
    with pytest.raises(AnnotationError, match="already the shortcut"):
        store.new_tag("Other", shortcut=1)
    with pytest.raises(AnnotationError, match="colour"):
        store.new_tag("Bad colour", colour="red")
    with pytest.raises(AnnotationError, match="needs a name"):
        store.new_tag("   ")


def test_tag_cannot_be_moved_under_its_own_child(library):
    parent = make_tag(library, "Parent")
    child = make_tag(library, "Child", parent_id=parent.id)
    moved = library.annotations.tag(parent.id)
    moved.parent_id = child.id
    with pytest.raises(AnnotationError, match="inside itself"):
        library.annotations.check_tag(moved)


def test_every_annotation_edit_undoes_and_redoes(library, doc):
    store = library.annotations
    tag = make_tag(library, "Claims")
    other = make_tag(library, "Evidence")
    created = add(library, doc, 10, 30, [tag.id])
    original = store.annotation(created.annotation.id)
    builders = (lambda a: set_comment(a, "a comment"), lambda a: toggle_tag(a, other.id),
                lambda a: toggle_tag(a, tag.id))
    for build in builders:  # edits are built from the current state, as the GUI does
        before = store.annotation(original.id)
        edit = build(before)
        library.apply(edit)
        after = store.annotation(original.id)
        assert (after.comment, after.tag_ids) != (before.comment, before.tag_ids)
        library.revert(edit)
        assert (store.annotation(original.id).comment, store.annotation(original.id).tag_ids) == \
            (before.comment, before.tag_ids)
        library.apply(edit)
    delete = DeleteAnnotation(store.annotation(original.id))
    library.apply(delete)
    assert store.annotations(doc) == []
    library.revert(delete)
    restored = store.annotation(original.id)
    assert restored.comment == "a comment" and restored.tag_ids == [other.id]
    library.revert(created)
    assert store.annotations(doc) == []
    library.apply(created)
    assert store.annotation(original.id).exact == original.exact


def test_overlapping_passages_coexist(library, doc):
    tag = make_tag(library, "Claims")
    add(library, doc, 10, 40, [tag.id])
    add(library, doc, 20, 60, [tag.id])
    add(library, doc, 20, 60, [], "same range, other passage")
    assert len(library.annotations.annotations(doc)) == 3


def test_rename_recolour_and_move_undo(library):
    store = library.annotations
    tag = make_tag(library, "Claims")
    parent = make_tag(library, "Themes")
    after = store.tag(tag.id)
    after.name, after.colour, after.parent_id = "Assertions", "#123456", parent.id
    edit = ChangeTag(store.tag(tag.id), after)
    library.apply(edit)
    changed = store.tag(tag.id)
    assert (changed.name, changed.colour, changed.parent_id) == ("Assertions", "#123456", parent.id)
    library.revert(edit)
    back = store.tag(tag.id)
    assert (back.name, back.parent_id) == ("Claims", None)


def test_merge_moves_passages_and_children_and_undoes(library, doc):
    store = library.annotations
    source = make_tag(library, "Russia")
    target = make_tag(library, "Moscow")
    child = make_tag(library, "Kremlin", parent_id=source.id)
    only_source = add(library, doc, 10, 20, [source.id]).annotation.id
    both = add(library, doc, 30, 40, [source.id, target.id]).annotation.id
    merge = MergeTags(store.tag(source.id), store.tag(target.id))
    library.apply(merge)
    assert [t.name for t in store.tags()] == ["Moscow", "Kremlin"]
    assert store.tag(child.id).parent_id == target.id
    assert store.annotation(only_source).tag_ids == [target.id]
    assert store.annotation(both).tag_ids == [target.id]
    library.revert(merge)
    assert store.annotation(only_source).tag_ids == [source.id]
    assert sorted(store.annotation(both).tag_ids) == sorted([source.id, target.id])
    assert store.tag(child.id).parent_id == source.id


@pytest.mark.parametrize("delete_passages", [False, True])
def test_delete_tag_keeps_or_deletes_passages_and_undoes(library, doc, delete_passages):
    store = library.annotations
    parent = make_tag(library, "Themes")
    tag = make_tag(library, "Claims", parent_id=parent.id)
    child = make_tag(library, "Sub-claims", parent_id=tag.id)
    passage = add(library, doc, 10, 20, [tag.id], "keep me").annotation.id
    edit = DeleteTag(store.tag(tag.id), delete_passages=delete_passages)
    library.apply(edit)
    assert store.tag(child.id).parent_id == parent.id
    remaining = store.annotations(doc)
    if delete_passages:
        assert remaining == []
    else:
        assert [(a.id, a.tag_ids, a.comment) for a in remaining] == [(passage, [], "keep me")]
    library.revert(edit)
    assert store.annotation(passage).tag_ids == [tag.id]
    assert store.tag(child.id).parent_id == tag.id


def test_library_list_counts_annotations(library, doc):
    add(library, doc, 10, 20, [], "x")
    assert library.documents()[0].annotations == 1
