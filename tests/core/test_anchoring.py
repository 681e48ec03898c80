"""Re-anchoring annotations onto changed text: edited articles and a property-based guarantee."""

from hypothesis import given, settings
from hypothesis import strategies as st

from annotext.core.anchoring import Reanchorer
from annotext.core.annotations import selectors
from annotext.application.edits import AddAnnotation

OLD = ("Officials met in Geneva on Monday.\n"
       "The agreement caps emissions from heavy industry and sets a price on carbon.\n"
       "Critics said the deal was too weak to matter.\n"
       "A final vote is expected next month.\n")


def place(old, new, passage):
    start = old.index(passage)
    exact, prefix, suffix = selectors(old, start, start + len(passage))
    anchor = Reanchorer(old, new).anchor(start, start + len(passage), exact, prefix, suffix)
    return (new[anchor.start:anchor.end], anchor.method) if anchor else None


def test_words_inserted_before_the_passage():
    new = OLD.replace("Officials met", "Senior officials from 40 countries met")
    assert place(OLD, new, "caps emissions from heavy industry") == ("caps emissions from heavy industry", "position")


def test_passage_slightly_edited_is_found_fuzzily():
    new = OLD.replace("too weak to matter", "far too weak to matter")
    found, method = place(OLD, new, "Critics said the deal was too weak to matter")
    assert found == "Critics said the deal was far too weak to matter" and method == "fuzzy"


def test_paragraphs_reordered():
    lines = OLD.split("\n")
    new = "\n".join([lines[3], lines[2], lines[0], lines[1]]) + "\n"
    for passage in ("Critics said the deal", "A final vote", "sets a price on carbon"):
        assert place(OLD, new, passage)[0] == passage


def test_deleted_passage_is_orphaned():
    new = OLD.replace("Critics said the deal was too weak to matter.\n", "")
    assert place(OLD, new, "Critics said the deal was too weak to matter.") is None


def test_repeated_words_keep_the_right_occurrence():
    old = "Putin spoke. Then Putin left. Later Putin returned."
    new = "Yesterday Putin spoke. Then Putin left quietly. Later Putin returned."
    start = old.index("Putin", old.index("Then"))
    exact, prefix, suffix = selectors(old, start, start + 5)
    anchor = Reanchorer(old, new).anchor(start, start + 5, exact, prefix, suffix)
    assert anchor.start == new.index("Putin", new.index("Then"))


def test_library_replace_text_moves_and_orphans_but_never_drops(library, tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(OLD, encoding="utf-8")
    doc = library.import_file(path)
    store = library.annotations
    for passage, comment in (("sets a price on carbon", "key"), ("Critics said the deal was too weak to matter.", "gone")):
        start = OLD.index(passage)
        library.apply(AddAnnotation(store.new_annotation(doc, start, start + len(passage), [], comment)))
    new = "Update: " + OLD.replace("Critics said the deal was too weak to matter.\n", "")
    path.write_text(new, encoding="utf-8")
    assert library.import_file(path) == doc  # same source: a newer version, not a new document
    assert library.document(doc).text == new
    by_comment = {a.comment: a for a in store.annotations(doc)}
    assert new[by_comment["key"].start:by_comment["key"].end] == "sets a price on carbon"
    assert by_comment["gone"].orphaned and by_comment["gone"].exact.startswith("Critics")
    assert len(store.annotations(doc)) == 2


alphabet = st.characters(codec="utf-8", categories=("L", "N", "Zs", "P"))


@settings(max_examples=150, deadline=None)
@given(text=st.text(alphabet, min_size=40, max_size=400), data=st.data())
def test_unchanged_passage_always_lands_exactly(text, data):
    start = data.draw(st.integers(0, len(text) - 5))
    end = data.draw(st.integers(start + 1, min(len(text), start + 60)))
    insert_at = data.draw(st.sampled_from(sorted({0, len(text)} | set(range(0, max(0, start - 32)))
                                                | set(range(min(len(text), end + 32), len(text) + 1)))))
    inserted = data.draw(st.text(alphabet, min_size=1, max_size=50))
    new = text[:insert_at] + inserted + text[insert_at:]
    exact, prefix, suffix = selectors(text, start, end)
    anchor = Reanchorer(text, new).anchor(start, end, exact, prefix, suffix)
    shift = len(inserted) if insert_at <= start else 0
    assert anchor is not None
    assert new[anchor.start:anchor.end] == exact
    if _occurrences(new, prefix + exact + suffix) == 1:  # unambiguous: it must be the very same place
        assert (anchor.start, anchor.end) == (start + shift, end + shift)


def _occurrences(text: str, needle: str) -> int:
    """Overlapping occurrences (str.count skips overlaps)."""
    count, position = 0, text.find(needle)
    while position >= 0:
        count, position = count + 1, text.find(needle, position + 1)
    return count
