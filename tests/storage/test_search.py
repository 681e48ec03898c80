"""Full-text search over documents and comments: ranked, with snippets, safe against FTS syntax."""

from annotext.core.document import Document
from annotext.application.edits import AddAnnotation
from annotext.storage.search import first_match, fts_query


def test_query_syntax_is_never_interpreted():
    assert fts_query('climate "fund') == '"climate" "fund"'
    assert fts_query("NEAR(a b) OR -x") == '"NEAR" "a" "b" "OR" "x"'
    assert fts_query("invest*") == '"invest"*'
    assert fts_query("  ") == ""


def test_documents_and_comments_are_found_and_ranked(library):
    ids = [library.add_document(Document(title=t, text=x, source=f"s{i}")) for i, (t, x) in enumerate([
        ("Climate fund agreed", "The climate fund was agreed. Climate, climate, climate."),
        ("Football", "The match ended in a draw; climate was not mentioned."),
        ("Budget", "Nothing relevant here at all."),
    ])]
    store = library.annotations
    library.apply(AddAnnotation(store.new_annotation(ids[2], 0, 7, [], "link this to the climate debate")))
    hits = library.search("climate")
    assert [h.doc_id for h in hits if h.kind == "text"] == [ids[0], ids[1]]
    comment = [h for h in hits if h.kind == "comment"]
    assert comment and comment[0].doc_id == ids[2] and (comment[0].start, comment[0].end) == (0, 7)
    assert "‹climate›" in comment[0].snippet.lower()
    assert library.search("clim*") and library.search("nonexistentword") == []
    assert library.search('") OR (') == []


def test_comment_index_follows_edits(library):
    doc = library.add_document(Document(title="T", text="Some text to annotate here."))
    store = library.annotations
    edit = AddAnnotation(store.new_annotation(doc, 0, 4, [], "zebra"))
    library.apply(edit)
    assert library.search("zebra")
    library.revert(edit)
    assert library.search("zebra") == []


def test_first_match_locates_the_hit():
    text = "Nothing. Then Beijing said no."
    assert first_match(text, "beijing") == (14, 21)
    assert first_match(text, "Beij*") == (14, 21)
    assert first_match(text, "absent") is None


def test_first_match_skips_the_word_inside_a_longer_one():
    assert first_match("deforest the forest", "forest") == (13, 19)
    assert first_match("deforest", "forest") is None
    assert first_match("a\\forest", "forest") == (2, 8)  # a backslash is not a letter: the word starts there
