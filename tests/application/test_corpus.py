"""The corpus service over generated articles whose counts are known."""

from __future__ import annotations

import pytest

from annotext.application.corpus import CorpusService, merge_people, split_person
from annotext.application.correction_edits import quote_edit
from annotext.core.corpus import ORGANISATION, PERSON, CorpusFilter
from tests.corpus_articles import build_library, totals


@pytest.fixture
def corpus(tmp_path):
    library, items = build_library(tmp_path / "lib.db")
    yield library, CorpusService(library), items
    library.close()


def test_people_table_counts_every_person_once_across_documents(corpus):
    library, service, items = corpus
    speakers, words, mentions, documents = totals(items)
    people = {p.name: p for p in service.people()}
    assert set(people) == set(speakers) | set(mentions)
    for name, person in people.items():
        assert person.quotes == speakers[name], name
        assert person.quoted_words == words[name], name
        assert person.mentions == mentions[name], name
        assert person.documents == documents[name], name
    assert "Okafor" in people["Amara Okafor"].names or "Amara Okafor" not in speakers
    assert abs(sum(p.share for p in people.values()) - 100) < 1e-6
    total_words = sum(words.values())
    top = service.people()[0]
    assert top.share == pytest.approx(100 * words[top.name] / total_words)
    assert people["the Ministry of Finance"].kind == ORGANISATION
    assert people["Lena Brandt"].kind == PERSON


def test_filters_by_source_date_and_attribute(corpus):
    library, service, items = corpus
    chosen = [i for i in items if i.document.metadata["sitename"] == "Harbour Gazette"
              and "2024-01-05" <= i.document.metadata["date"] <= "2024-01-30"]
    speakers, words, mentions, _ = totals(chosen)
    selection = CorpusFilter(date_from="2024-01-05", date_to="2024-01-30", source="Harbour Gazette")
    people = {p.name: p for p in service.people(selection)}
    assert {n: p.quotes for n, p in people.items() if p.quotes} == +speakers
    assert service.totals(selection)["documents"] == len(chosen)
    one = items[3].document.metadata["author"]
    by_author = [i for i in items if i.document.metadata["author"] == one]
    assert service.totals(CorpusFilter(attrs=(("author", one),)))["documents"] == len(by_author)


def test_quotations_of_a_person_with_document_and_context(corpus):
    library, service, items = corpus
    speakers, *_ = totals(items)
    quotes = service.quotes("Amara Okafor")
    assert len(quotes) == speakers["Amara Okafor"]
    first = quotes[0]
    text = library.document(first.doc_id).text
    assert text[first.start:first.end] == f"“{first.content}”"
    assert first.after.startswith(", said ")
    assert [q.date for q in quotes] == sorted(q.date for q in quotes)


def test_corrections_change_the_corpus(corpus):
    library, service, items = corpus
    before = {p.name: p.quotes for p in service.people()}
    quote = service.quotes("Lena Brandt")[0]
    correction = quote_edit(library, quote.doc_id, quote.start, quote.end, speaker="Gideon Walsh")
    library.apply(correction)
    after = {p.name: p.quotes for p in service.people()}
    assert after["Lena Brandt"] == before["Lena Brandt"] - 1
    moved = next(q for q in service.quotes("Gideon Walsh") if (q.doc_id, q.start) == (quote.doc_id, quote.start))
    assert moved.content == quote.content
    library.revert(correction)  # undo forgets the correction
    assert {p.name: p.quotes for p in service.people()} == before


def test_corpus_merge_and_split_are_undoable(corpus):
    library, service, items = corpus
    people = {p.name: p for p in service.people()}
    edit = merge_people("Rafael Duarte", "Ingrid Solberg")
    library.apply(edit)
    merged = {p.name: p for p in service.people()}
    assert "Rafael Duarte" not in merged
    assert merged["Ingrid Solberg"].quotes == people["Ingrid Solberg"].quotes + people["Rafael Duarte"].quotes
    library.revert(edit)
    assert {p.name: p.quotes for p in service.people()} == {n: p.quotes for n, p in people.items()}
    split = split_person("Okafor")
    library.apply(split)
    after = {p.name: p for p in service.people()}
    assert after["Okafor"].quotes + after["Amara Okafor"].quotes == people["Amara Okafor"].quotes
    library.revert(split)
    assert service.people()[0].name in people


def test_summaries_are_built_lazily_for_old_analyses(corpus):
    library, service, items = corpus
    library.db.execute("delete from doc_people")
    library.db.execute("delete from doc_quotes")
    library.db.execute("delete from doc_summaries")
    assert service.people() == []
    assert service.prepare() == len(items)
    speakers, *_ = totals(items)
    assert {p.name: p.quotes for p in service.people() if p.quotes} == +speakers


def test_replaced_text_leaves_the_corpus_until_analysed_again(corpus):
    library, service, items = corpus
    doc_id = items[0].document.id
    library.replace_text(doc_id, "A different text entirely, with no quotations.\n")
    assert service.totals()["analysed"] == len(items) - 1
    assert all(q.doc_id != doc_id for p in service.people() for q in service.quotes(p.name))


def test_timeline_and_tags_by_source(corpus):
    library, service, items = corpus
    unit, points = service.timeline()
    assert unit == "day"  # 40 articles, one a day
    assert len(points) == 40
    unit, weeks = service.timeline(unit="week")
    assert weeks[0].period == "2024-01-01" and weeks[1].period == "2024-01-08"  # Mondays
    assert sum(p.mentions for p in weeks) == sum(p.mentions for p in points)
    assert sum(p.quotes for p in points) == sum(sum(i.speakers.values()) for i in items)
    store = library.annotations
    tag = store.store_tag(store.new_tag("Economy"))
    tagged = items[:7]
    for item in tagged:
        store.store_annotation(store.new_annotation(item.document.id, 0, 10, [tag.id], comment="headline"))
    table = service.tags_by()
    for source in {i.document.metadata["sitename"] for i in tagged}:
        assert table.count("Economy", source) == sum(1 for i in tagged if i.document.metadata["sitename"] == source)
    passages = service.passages("Economy")
    assert len(passages) == 7 and all(p.comment == "headline" and p.coder == "tester" for p in passages)
    assert len(service.passages("Economy", CorpusFilter(source="Harbour Gazette"))) == sum(
        1 for i in tagged if i.document.metadata["sitename"] == "Harbour Gazette")


def test_share_of_voice_of_a_shortened_list_is_of_every_word(corpus):
    library, service, items = corpus
    everyone = {p.name: p.share for p in service.people()}
    top = service.people(limit=3)
    assert [p.share for p in top] == [everyone[p.name] for p in top]


def test_a_people_correction_in_one_document_reaches_the_corpus(corpus):
    from annotext.application.correction_edits import person_edit
    from annotext.core.people_corrections import RENAME

    library, service, items = corpus
    item = next(i for i in items if "Lena Brandt" in i.speakers and "Lena Brandt" in {p.name for p in i.result.people})
    before = {p.name: p for p in service.people()}
    edit = person_edit(library, item.document.id, RENAME, "Lena Brandt", "Lena Brandt-Olsen")
    library.apply(edit)
    after = {p.name: p for p in service.people()}
    # The document now names her "Lena Brandt-Olsen" and keeps "Lena Brandt" as another form of
    # that name, so the corpus still counts her as one person, under both names...
    assert "Lena Brandt-Olsen" in after["Lena Brandt"].names
    assert after["Lena Brandt"].quotes == before["Lena Brandt"].quotes
    # ...until the analyst separates the names at corpus level.
    split = split_person("Lena Brandt-Olsen")
    library.apply(split)
    separate = {p.name: p for p in service.people()}
    assert separate["Lena Brandt-Olsen"].quotes == item.speakers["Lena Brandt"]
    assert separate["Lena Brandt"].quotes == before["Lena Brandt"].quotes - item.speakers["Lena Brandt"]
    library.revert(split)
    library.revert(edit)
    assert {p.name: p.quotes for p in service.people()} == {n: p.quotes for n, p in before.items()}


def test_an_entry_is_found_as_the_analyst_types_it(corpus):
    _library, service, _items = corpus
    assert service.find_entry("Lena Brandt") == "Lena Brandt"
    assert service.find_entry("  lena   BRANDT ") == "Lena Brandt"
    assert service.find_entry("nobody of that name") is None
