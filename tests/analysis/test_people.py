"""People index rules, on hand-made spans: no model needed."""

from annotext.analysis.people import index_people, name_words
from annotext.core.spans import Span


def persons(text, *forms_at):
    spans = []
    for form in forms_at:
        start = text.index(form[0], form[1] if len(form) > 1 else 0)
        spans.append(Span(start, start + len(form[0]), "entity", "PERSON"))
    return spans


def test_surname_merges_into_full_name_and_canonical_is_fullest():
    text = "Angela Merkel arrived. Merkel spoke. Later Merkel left."
    entities, people = index_people(persons(text, ("Angela Merkel",), ("Merkel", 20)), text)
    assert [(p.name, p.aliases, p.mentions) for p in people] == [("Angela Merkel", ["Merkel"], 3)]
    assert {e.attrs["person"] for e in entities} == {"Angela Merkel"}


def test_missed_mentions_are_found_but_not_inside_other_entities():
    text = "Jones Street is long. Mary Jones said so. Jones agreed."
    spans = persons(text, ("Mary Jones",)) + [Span(0, 12, "entity", "FAC")]
    entities, people = index_people(spans, text)
    assert people[0].name == "Mary Jones" and people[0].mentions == 1
    spans = persons(text, ("Mary Jones",), ("Jones", 40)) + [Span(0, 12, "entity", "FAC")]
    entities, people = index_people(spans, text)
    assert people[0].mentions == 2


def test_two_people_with_one_surname_go_to_the_nearest_earlier():
    text = "John Smith met Jane Smith. Then Jane Smith spoke; Smith was brief."
    spans = persons(text, ("John Smith",), ("Jane Smith",), ("Jane Smith", 30), ("Smith", 50))
    entities, people = index_people(spans, text)
    last = [e for e in entities if e.start == text.index("Smith was")][0]
    assert last.attrs["person"] == "Jane Smith"


def test_single_word_in_proper_noun_phrase_is_not_a_person():
    text = "They joined the Silk and Road project. Silk is a fabric."
    spans = persons(text, ("Silk",))
    entities, people = index_people(spans, text)
    assert people == [] and entities == []


def test_single_word_person_mentioned_once_elsewhere_is_kept():
    text = "Madonna sang."
    _, people = index_people(persons(text, ("Madonna",)), text)
    assert [p.name for p in people] == ["Madonna"]


def test_honorifics_do_not_split_people():
    assert name_words("Mr. Joe Webster Jr.") == ["Joe", "Webster"]
    text = "Dr Ruth Lee spoke. Ruth Lee left. Lee returned."
    spans = persons(text, ("Dr Ruth Lee",), ("Ruth Lee", 18), ("Lee", 34))
    _, people = index_people(spans, text)
    assert len(people) == 1 and people[0].mentions == 3
