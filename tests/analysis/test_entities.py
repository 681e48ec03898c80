"""Entities and people on the sample article, checked against its reference annotations."""

import re

from annotext.analysis.analyser import ANALYSER_VERSION
from annotext.analysis.entities import joined_hyphenated_names
from annotext.core.results import ENTITY
from annotext.core.spans import Span


def _count(text, forms):
    pattern = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return len(re.findall(rf"(?<!\w)(?:{pattern})(?!\w)", text))


def test_people_are_exactly_the_reference_people(sample_result, gold, sample_text):
    people = {p.name: p for p in sample_result.people}
    assert set(people) == set(gold["people"])
    for name, forms in gold["people"].items():
        assert sorted(people[name].aliases) == sorted(f for f in forms if f != name), name
        assert people[name].mentions == _count(sample_text, forms), name
    assert people["Xi Jinping"].mentions == 10


def test_not_people_are_not_listed(sample_result, gold, sample_text):
    person_texts = {e.text_in(sample_text) for e in sample_result.entities if e.label == "PERSON"}
    assert not person_texts & set(gold["not_people"])


def test_every_person_mention_points_to_its_person(sample_result, gold, sample_text):
    for entity in sample_result.entities:
        if entity.label == "PERSON":
            assert entity.text_in(sample_text) in gold["people"][entity.attrs["person"]]


def test_places_and_organisations(sample_result, gold, sample_text):
    found = {(e.text_in(sample_text), e.label) for e in sample_result.entities}
    for place in gold["places"]:
        assert (place, "GPE") in found or (place, "LOC") in found, place
    orgs = [o for o in gold["organisations"] if (o, "ORG") in found]
    assert len(orgs) >= len(gold["organisations"]) - 1, set(gold["organisations"]) - set(orgs)


def test_no_entity_crosses_a_line_break(sample_result, sample_text):
    assert all("\n" not in e.text_in(sample_text) for e in sample_result.entities)


def test_possessives_do_not_change_labels(sample_result, sample_text):
    for entity in sample_result.entities:
        surface = entity.text_in(sample_text)
        assert not surface.endswith(("\u2018s", "\u2019s", "'s")), surface
        if surface in {"Russia", "China", "Beijing", "Moscow"}:
            assert entity.label == "GPE", (surface, entity.label)


def test_result_records_model_and_analyser(sample_result):
    assert sample_result.model.name.startswith("en_core_web_sm")
    assert sample_result.analyser_version == ANALYSER_VERSION


def test_possessive_inside_org_is_split_only_when_head_is_known(analyser):
    text = "Students at China’s Jilin University met officials from China.\nMcDonald’s Corporation grew."
    result = analyser.analyse(text)
    surfaces = {e.text_in(text) for e in result.entities}
    assert "China’s Jilin University" not in surfaces
    assert "Jilin University" in surfaces


def test_a_person_span_cut_at_a_hyphen_takes_the_whole_double_barrelled_surname():
    text = "Jacinta Moreland-Price thanked volunteers. Later Okonkwo-Reyes spoke, and Anne-Marie left."
    cut = Span(0, text.index("-Price"), ENTITY, "PERSON")
    second_half = Span(text.index("Reyes"), text.index(" spoke"), ENTITY, "PERSON")
    first_half = Span(text.index("Okonkwo"), text.index("-Reyes"), ENTITY, "ORG")
    joined = joined_hyphenated_names([cut, first_half, second_half], text)
    assert [(span.text_in(text), span.label) for span in joined] == [
        ("Jacinta Moreland-Price", "PERSON"), ("Okonkwo-Reyes", "PERSON")]


def test_only_person_spans_are_joined_over_a_hyphen():
    text = "Officials in Baden-Württemberg met Anna Weber-Lutz."
    place = Span(text.index("Baden"), text.index("-Württemberg"), ENTITY, "GPE")
    person = Span(text.index("Anna"), len(text) - 1, ENTITY, "PERSON")
    assert joined_hyphenated_names([place, person], text) == [place, person]


def test_a_korean_given_name_cut_at_its_hyphen_is_joined():
    text = "President Kang Min-seok was impeached."
    start = text.index("Kang")
    spans = [Span(start, start + len("Kang Min"), "entity", "PERSON")]
    assert [s.text_in(text) for s in joined_hyphenated_names(spans, text)] == ["Kang Min-seok"]
