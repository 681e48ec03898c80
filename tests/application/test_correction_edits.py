"""Corrections as edits: stored with author and time, kept across restart, re-analysis and a newer
model, and undone and redone exactly (the database compared through a table dump)."""

import dataclasses

import pytest

from annotext.application.correction_edits import (CorrectionError, person_edit, quote_edit,
                                                   restore_quote_edit)
from annotext.application.library import Library
from annotext.core.results import ModelInfo


def dump(library) -> list[tuple]:
    """Every row of both correction tables in a stable order (a quotation correction's surrogate id
    aside: it is keyed by document and offsets)."""
    rows = [("people", *row) for row in library.db.execute("select * from people_corrections order by id")]
    columns = [c.name for c in library.db["quote_corrections"].columns if c.name != "id"]
    quoted = ", ".join(f'"{c}"' for c in columns)
    rows += [("quote", *row) for row in library.db.execute(
        f'select {quoted} from quote_corrections order by doc_id, start, "end"')]
    return rows


class NewerModel:
    """The real analyser, presented as a newer model and analyser version (so nothing is cached)."""

    def __init__(self, inner, version="9.9.9"):
        self.inner = inner
        self.model = ModelInfo(inner.model.name, version)
        self.version = "99"

    def analyse(self, text, progress=None):
        result = self.inner.analyse(text, progress=progress)
        return dataclasses.replace(result, model=self.model, analyser_version=self.version)


def quote_at(result, content_start: str):
    return next(q for q in result.quotes if q.attrs["content"].startswith(content_start))


def people(result) -> dict:
    return {p.name: p for p in result.people}


@pytest.fixture
def analysed(tmp_path, analyser):
    path = tmp_path / "lib.sqlite"
    library = Library(path, author="Kim")
    doc_id = library.ensure_sample()
    library.analyse(doc_id, analyser)
    yield path, library, doc_id
    library.close()


def corrections(library, doc_id):
    """One correction of every kind, made the way the GUI and the CLI make them."""
    text = library.document(doc_id).text
    shown = library.stored_result(library.document(doc_id))
    start = text.index("Moscow")  # taken for a place by the model; the analyst says it names a person
    partner = quote_at(shown, "reliable partner")
    friend = quote_at(shown, "best friend")
    limits = quote_at(shown, "no-limits")
    missed = text.index("Beijing")
    return [
        person_edit(library, doc_id, "rename", "Vladimir Putin", "President Putin", known=shown.people),
        person_edit(library, doc_id, "merge", "Webster", "Alexander Gabuev", known=shown.people),
        person_edit(library, doc_id, "split", "Xi Jinping", "Xi", known=shown.people),
        person_edit(library, doc_id, "not_person", "Yevgeny Prigozhin", "ORG", known=shown.people),
        person_edit(library, doc_id, "add_person", "", None, start=start, end=start + 6),
        quote_edit(library, doc_id, limits.start, limits.end, speaker="Xi Jinping"),
        quote_edit(library, doc_id, friend.start, friend.end, not_quote=True),
        quote_edit(library, doc_id, partner.start, partner.end, kind="scare"),
        quote_edit(library, doc_id, missed, missed + 7, added=True, speaker="Someone Typed"),
    ]


def check_corrected(result, text):
    names = people(result)
    assert "Vladimir Putin" not in names and names["President Putin"].mentions == 13
    assert "Joe Webster" not in names and names["Alexander Gabuev"].quotes == 5
    assert names["Xi"].mentions >= 1 and names["Xi Jinping"].mentions >= 1
    assert "Yevgeny Prigozhin" not in names
    assert any(e.label == "ORG" and text[e.start:e.end] == "Yevgeny Prigozhin" for e in result.entities)
    assert quote_at(result, "no-limits").attrs["speaker"] == "Xi Jinping"
    assert [q.attrs["content"] for q in result.hidden_quotes] == ["best friend"]
    assert quote_at(result, "reliable partner").attrs["kind"] == "scare"
    assert names["Someone Typed"].quotes == 1
    assert names["Moscow"].mentions == text.count("Moscow") and not [e for e in result.entities if e.label == "GPE"
                                                                    and text[e.start:e.end] == "Moscow"]
    assert len(result.corrections) == 9


def test_every_correction_survives_restart_reanalysis_and_a_newer_model(analysed, analyser):
    path, library, doc_id = analysed
    for edit in corrections(library, doc_id):
        library.apply(edit)
    document = library.document(doc_id)
    check_corrected(library.stored_result(document), document.text)
    library.close()
    reopened = Library(path)  # restart
    check_corrected(reopened.stored_result(document), document.text)
    fresh = analyser.analyse(document.text)  # re-analysis, not from the cache
    check_corrected(reopened.corrected(document, fresh), document.text)
    newer = reopened.analyse(doc_id, NewerModel(analyser))  # a newer model: a new stored analysis
    assert newer.model.version == "9.9.9"
    check_corrected(newer, document.text)
    assert reopened.db.execute("select count(*) from analyses").fetchone()[0] == 2
    reopened.close()


def test_corrections_are_stamped_with_author_and_time(analysed):
    _path, library, doc_id = analysed
    for edit in corrections(library, doc_id)[:2] + corrections(library, doc_id)[6:7]:
        library.apply(edit)
    stored = library.repo.people_corrections(doc_id)
    assert [c.author for c in stored] == ["Kim", "Kim"] and all(c.created_at.startswith("20") for c in stored)
    (quote,) = library.repo.quote_corrections(doc_id)
    assert quote.author == "Kim" and quote.updated_at.startswith("20") and quote.not_quote


def test_each_correction_undoes_and_redoes_exactly(analysed):
    _path, library, doc_id = analysed
    for edit in corrections(library, doc_id):
        before = dump(library)
        library.apply(edit)
        after = dump(library)
        assert after != before, edit.label
        library.revert(edit)
        assert dump(library) == before, edit.label
        library.apply(edit)  # redo
        assert dump(library) == after, edit.label


def test_not_a_quotation_is_restored_and_the_restore_is_undoable(analysed):
    _path, library, doc_id = analysed
    document = library.document(doc_id)
    friend = quote_at(library.stored_result(document), "best friend")
    library.apply(quote_edit(library, doc_id, friend.start, friend.end, speaker="Vladimir Putin"))
    library.apply(quote_edit(library, doc_id, friend.start, friend.end, not_quote=True))
    assert not [q for q in library.stored_result(document).quotes if q.start == friend.start]
    restore = restore_quote_edit(library, doc_id, friend.start, friend.end)
    library.apply(restore)
    shown = library.stored_result(document)
    assert quote_at(shown, "best friend").attrs["speaker"] == "Vladimir Putin"  # the speaker choice stays
    library.revert(restore)
    assert library.stored_result(document).hidden_quotes[0].start == friend.start
    with pytest.raises(CorrectionError):
        restore_quote_edit(library, doc_id, 0, 5)


def test_deleting_a_document_and_undoing_brings_its_corrections_back(analysed):
    from annotext.application.document_edits import DeleteDocument

    _path, library, doc_id = analysed
    for edit in corrections(library, doc_id):
        library.apply(edit)
    before = dump(library)
    delete = DeleteDocument(library.document(doc_id))
    library.apply(delete)
    assert dump(library) == []
    library.revert(delete)
    assert dump(library) == before


def test_bad_corrections_are_refused_with_one_clear_line(analysed):
    _path, library, doc_id = analysed
    known = library.stored_result(library.document(doc_id)).people
    cases = [
        (lambda: person_edit(library, doc_id, "rename", "Nobody Here", "X", known=known), "no person called"),
        (lambda: person_edit(library, doc_id, "merge", "Xi Jinping", "Xi Jinping", known=known), "itself"),
        (lambda: person_edit(library, doc_id, "split", "Xi Jinping", "Jinping Xi", known=known), "not a name of"),
        (lambda: person_edit(library, doc_id, "not_person", "Xi Jinping", "PLANET", known=known), "relabelled as"),
        (lambda: person_edit(library, doc_id, "add_person", "", start=5, end=5), "select the name"),
        (lambda: quote_edit(library, doc_id, 10, 10_000_000, speaker="X"), "not a range"),
        (lambda: quote_edit(library, doc_id, 0, 5, kind="shout"), "kind of a quotation"),
    ]
    for build, message in cases:
        with pytest.raises(CorrectionError, match=message):
            build()
    assert dump(library) == []
