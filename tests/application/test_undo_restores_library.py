"""Every kind of edit, applied then undone, leaves the library as it was: compared byte for byte
through a dump of the tables the analyst's work lives in (sqlite3's iterdump), plus the order of each
passage's tags (which the dump, sorted, cannot see). Redo then undo again must do the same."""

from __future__ import annotations

import copy

import pytest

from annotext.application.changes import Changes
from annotext.application.corpus import merge_people
from annotext.application.correction_edits import person_edit, quote_edit
from annotext.application.document_edits import ChangeDocument, DeleteDocument, ReplaceText
from annotext.application.edits import (AddAnnotation, ChangeTag, CreateTag, DeleteAnnotation, DeleteTag, MergeTags,
                                        set_comment, toggle_tag)
from annotext.core.people_corrections import RENAME

TABLES = ("documents", "analyses", "spans", "quote_corrections", "tags", "annotations", "annotation_tags",
          "doc_attributes", "doc_people", "doc_quotes", "corpus_person_edits")


def dump(library) -> list[str]:
    """The INSERT statements of the analyst's tables and of the corpus tables derived from them,
    sorted (row order on disk is not content); plus each summary's document, analysis and
    corrections key (its updated_at is the time it was derived, not content)."""
    wanted = tuple(f'INSERT INTO "{table}"' for table in TABLES)
    lines = sorted(line for line in library.db.conn.iterdump() if line.startswith(wanted))
    summaries = library.db.execute("select doc_id, analysis_id, corrections from doc_summaries order by doc_id")
    return lines + [repr(row) for row in summaries]


def tag_order(library) -> dict[int, list[int]]:
    return {a.id: a.tag_ids for d in library.documents() for a in library.annotations.annotations(d.id)}


@pytest.fixture
def filled(library, analyser, tmp_path):
    """Two analysed documents, a small tag tree, passages with several tags, a quote correction."""
    store = library.annotations
    doc = library.ensure_sample()
    other = tmp_path / "other.txt"
    other.write_text("Another story\n\nThe mayor said the bridge would open in May. Critics disagreed.\n")
    second = library.import_file(other)
    result = library.analyse(doc, analyser)
    library.analyse(second, analyser)
    parent = CreateTag(store.new_tag("Diplomacy"))
    library.apply(parent)
    child = CreateTag(store.new_tag("Summits", parent_id=parent.tag.id))
    library.apply(child)
    trade = CreateTag(store.new_tag("Trade", shortcut=3))
    library.apply(trade)
    ids = [parent.tag.id, child.tag.id, trade.tag.id]
    library.apply(AddAnnotation(store.new_annotation(doc, 0, 20, [ids[2], ids[0]], "first")))
    library.apply(AddAnnotation(store.new_annotation(doc, 100, 140, [ids[1], ids[2]])))
    library.apply(AddAnnotation(store.new_annotation(second, 15, 40, [ids[0]], "the mayor")))
    quote = result.quotes[0]
    library.apply(quote_edit(library, doc, quote.start, quote.end, speaker="Somebody Else"))
    return library, doc, second, ids, result


def builders(library, doc, second, ids, result):
    """(name, function building the edit from the current state): one of every kind."""
    store = library.annotations
    first = lambda: store.annotations(doc)[0]  # noqa: E731
    tag = lambda i: store.tag(ids[i])  # noqa: E731
    quotes = result.quotes

    def changed_tag():
        after = copy.copy(tag(1))
        after.name, after.colour, after.parent_id, after.shortcut = "Meetings", "#123456", None, 7
        return ChangeTag(tag(1), after)

    def renamed():
        before = library.document(second)
        after = copy.deepcopy(before)
        after.title, after.source, after.metadata["date"] = "Renamed", "https://example.org/x", "2024-05-01"
        return ChangeDocument(before, after)

    return [
        ("add passage", lambda: AddAnnotation(store.new_annotation(doc, 300, 330, [ids[0]], "new"))),
        ("delete passage", lambda: DeleteAnnotation(first())),
        ("toggle tag", lambda: toggle_tag(first(), ids[1])),
        ("untoggle tag", lambda: toggle_tag(first(), ids[2])),
        ("comment", lambda: set_comment(first(), "changed comment")),
        ("create tag", lambda: CreateTag(store.new_tag("Energy"))),
        ("change tag", changed_tag),
        ("merge tags", lambda: MergeTags(tag(2), tag(0))),
        ("delete tag keeping passages", lambda: DeleteTag(tag(0))),
        ("delete tag with passages", lambda: DeleteTag(tag(2), delete_passages=True)),
        ("change document", renamed),
        ("delete document", lambda: DeleteDocument(library.document(doc))),
        ("replace text", lambda: ReplaceText(doc, "A new beginning.\n\n" + library.document(doc).text[50:])),
        ("correct another quote", lambda: quote_edit(library, doc, quotes[1].start, quotes[1].end,
                                                                   speaker="Analyst Choice")),
        ("change a correction", lambda: quote_edit(library, doc, quotes[0].start, quotes[0].end,
                                                                 speaker="Third Person")),
        ("not a quotation", lambda: quote_edit(library, doc, quotes[2].start, quotes[2].end, not_quote=True)),
        ("rename a person", lambda: person_edit(library, doc, RENAME, result.people[0].name, "Renamed Person")),
        ("merge people across documents", lambda: merge_people(result.people[1].name, result.people[0].name)),
    ]


def test_apply_then_undo_restores_every_table_byte_for_byte(filled):
    library, doc, second, ids, result = filled
    for name, build in builders(library, doc, second, ids, result):
        before, order = dump(library), tag_order(library)
        edit = build()
        changes = library.apply(edit)
        assert isinstance(changes, Changes)
        after = dump(library)
        assert after != before, f"{name}: the edit changed nothing"
        library.revert(edit)
        assert dump(library) == before, f"{name}: undo did not restore the library"
        assert tag_order(library) == order, f"{name}: undo changed the order of a passage's tags"
        library.apply(edit)  # redo, then undo once more
        assert len(dump(library)) == len(after), f"{name}: redo differs from the first apply"
        library.revert(edit)
        assert dump(library) == before, f"{name}: undo after redo did not restore the library"


def test_undone_deletion_and_replacement_are_found_by_search_again(filled):
    library, doc, *_ = filled
    hits = [(h.doc_id, h.kind, h.snippet) for h in library.search("Prigozhin")]
    assert (doc, "text") in [h[:2] for h in hits]
    for edit in (DeleteDocument(library.document(doc)), ReplaceText(doc, "Nothing about anyone.\n")):
        library.apply(edit)
        assert (doc, "text") not in [(h.doc_id, h.kind) for h in library.search("Prigozhin")]
        library.revert(edit)
        assert [(h.doc_id, h.kind, h.snippet) for h in library.search("Prigozhin")] == hits


def test_changes_name_what_each_edit_touched(filled):
    library, doc, second, ids, result = filled
    store = library.annotations
    first = store.annotations(doc)[0]
    assert library.apply(set_comment(first, "x")) == Changes(passages=True, doc_id=doc, passage_ids=frozenset({first.id}))
    created = CreateTag(store.new_tag("Energy"))
    assert library.apply(created) == Changes(codebook=True)
    quote = result.quotes[1]
    correction = quote_edit(library, doc, quote.start, quote.end, not_quote=True)
    assert library.apply(correction) == Changes(corrections=True, doc_id=doc)
    changes = library.apply(ReplaceText(second, "Short.\n"))
    assert changes.text and changes.passages and changes.touches(second) and not changes.touches(doc)
    assert library.apply(DeleteDocument(library.document(second))).documents
    assert (Changes(passages=True, doc_id=doc) | Changes(codebook=True)) == Changes(passages=True, codebook=True)
    one, two = (Changes(passages=True, doc_id=doc, passage_ids=frozenset({i})) for i in (1, 2))
    assert (one | two).passage_ids == {1, 2} and (one | Changes(codebook=True)).passage_ids is None
    assert (one | Changes(corrections=True, doc_id=doc)).passage_ids == {1}
    assert (one | Changes(passages=True, doc_id=doc)).passage_ids is None  # any passage: not only these


def test_a_correction_undone_forgets_it_and_the_detected_speaker_returns(filled):
    library, doc, _second, _ids, result = filled
    quote = result.quotes[1]
    detected = library.stored_result(library.document(doc)).quotes[1].attrs.get("speaker")
    edit = quote_edit(library, doc, quote.start, quote.end, speaker="Analyst Choice")
    library.apply(edit)
    assert library.stored_result(library.document(doc)).quotes[1].attrs["speaker"] == "Analyst Choice"
    library.revert(edit)
    assert library.stored_result(library.document(doc)).quotes[1].attrs.get("speaker") == detected
