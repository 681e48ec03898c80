"""Applying the analyst's people and quotation corrections on top of an analysis (pure, no model)."""

from annotext.core.corrections import QuoteCorrection, apply_corrections, quote_content
from annotext.core.people_corrections import (ADD_PERSON, MERGE, NOT_PERSON, RENAME, SPLIT, PersonCorrection)
from annotext.core.results import ENTITY, QUOTE, AnalysisResult, ModelInfo, Person
from annotext.core.spans import Span

TEXT = ("Anna Berg met Rosatom. “We agree,” Berg said. Rosatom said “no comment”. "
        "Dr Karl Ode and Ode agreed. “Fine,” said Ewan Ross. A “scare” word. “Later,” Ode added.")


def _at(surface: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(surface, start + 1)
    return start, start + len(surface)


def _person(surface: str, name: str, nth: int = 0) -> Span:
    return Span(*_at(surface, nth), ENTITY, "PERSON", {"person": name})


def _quote(surface: str, speaker: str | None, speaker_at: tuple[int, int] | None = None) -> Span:
    start, end = _at(surface)
    return Span(start, end, QUOTE, "QUOTE", {"content": quote_content(surface), "speaker": speaker,
                                              "speaker_start": speaker_at[0] if speaker_at else None,
                                              "speaker_end": speaker_at[1] if speaker_at else None,
                                              "cue": "said" if speaker else None})


def result() -> AnalysisResult:
    entities = [_person("Anna Berg", "Anna Berg"), _person("Rosatom", "Rosatom"), _person("Berg", "Anna Berg", 1),
                _person("Rosatom", "Rosatom", 1), _person("Dr Karl Ode", "Karl Ode"), _person("Ode", "Karl Ode", 1),
                _person("Ode", "Karl Ode", 2)]
    quotes = [_quote("“We agree,”", "Anna Berg", _at("Berg", 1)), _quote("“no comment”", "Rosatom", _at("Rosatom", 1)),
              _quote("“Fine,”", None), _quote("“scare”", None), _quote("“Later,”", "Karl Ode", _at("Ode", 2))]
    people = [Person("Anna Berg", ["Berg"], 2, 1, 2), Person("Karl Ode", ["Dr Karl Ode", "Ode"], 3, 1, 1),
              Person("Rosatom", [], 2, 1, 2)]
    return AnalysisResult("sha", ModelInfo("en_core_web_sm", "3.8.0"), "1", sorted(entities, key=lambda s: s.start),
                          quotes, people)


def people_of(shown: AnalysisResult) -> dict[str, Person]:
    return {p.name: p for p in shown.people}


def speakers(shown: AnalysisResult) -> dict[str, str | None]:
    return {q.attrs["content"]: q.attrs["speaker"] for q in shown.quotes}


def test_no_corrections_leaves_the_result_as_it_is():
    original = result()
    assert apply_corrections(original, [], TEXT, []) is original


def test_rename_follows_mentions_and_speakers_and_keeps_the_old_form_as_alias():
    original = result()
    shown = apply_corrections(original, [], TEXT, [PersonCorrection(RENAME, "Anna Berg", "Anna M. Berg", author="kim")])
    person = people_of(shown)["Anna M. Berg"]
    assert "Anna Berg" not in people_of(shown)
    assert person.mentions == 2 and person.quotes == 1 and "Anna Berg" in person.aliases
    assert speakers(shown)["We agree,"] == "Anna M. Berg"
    assert {e.attrs["person"] for e in shown.entities if e.label == "PERSON"} == {"Anna M. Berg", "Rosatom", "Karl Ode"}
    assert person.corrections == ["“Anna Berg” renamed to “Anna M. Berg”"]
    assert shown.corrections[0].author == "kim"
    assert original.people[0].name == "Anna Berg"  # the input is untouched


def test_a_rename_given_by_an_alias_still_applies_when_a_newer_model_picks_another_canonical_name():
    changed = result()
    changed.people[0] = Person("Berg", ["Anna Berg"], 2, 1, 2)
    changed.entities = [Span(e.start, e.end, e.kind, e.label, {"person": "Berg"}) if e.attrs.get("person") == "Anna Berg"
                        else e for e in changed.entities]
    shown = apply_corrections(changed, [], TEXT, [PersonCorrection(RENAME, "Anna Berg", "A. Berg")])
    assert people_of(shown)["A. Berg"].mentions == 2


def test_merge_sums_mentions_quotes_and_words():
    shown = apply_corrections(result(), [], TEXT, [PersonCorrection(MERGE, "Rosatom", "Anna Berg")])
    person = people_of(shown)["Anna Berg"]
    assert "Rosatom" not in people_of(shown)
    assert (person.mentions, person.quotes, person.quoted_words) == (4, 2, 4)
    assert "Rosatom" in person.aliases
    assert speakers(shown)["no comment"] == "Anna Berg"


def test_split_moves_the_alias_mentions_and_its_quotations_to_a_new_person():
    shown = apply_corrections(result(), [], TEXT, [PersonCorrection(SPLIT, "Karl Ode", "Ode")])
    people = people_of(shown)
    assert people["Karl Ode"].mentions == 1 and "Ode" not in people["Karl Ode"].aliases
    assert people["Ode"].mentions == 2 and people["Ode"].quotes == 1
    assert speakers(shown)["Later,"] == "Ode"


def test_split_of_the_canonical_form_renames_the_rest_to_its_fullest_alias():
    shown = apply_corrections(result(), [], TEXT, [PersonCorrection(SPLIT, "Anna Berg", "Anna Berg")])
    people = people_of(shown)
    assert people["Anna Berg"].mentions == 1 and people["Anna Berg"].quotes == 0
    assert people["Berg"].mentions == 1 and people["Berg"].quotes == 1  # "We agree," was said by "Berg"


def test_a_split_that_finds_no_mention_written_that_way_changes_nothing():
    shown = apply_corrections(result(), [], TEXT, [PersonCorrection(SPLIT, "Karl Ode", "Karl Ode")])
    assert {p.name: p.mentions for p in shown.people} == {p.name: p.mentions for p in result().people}
    assert shown.corrections == []


def test_not_a_person_drops_or_relabels_the_mentions_and_leaves_share_of_voice():
    dropped = apply_corrections(result(), [], TEXT, [PersonCorrection(NOT_PERSON, "Rosatom")])
    assert "Rosatom" not in people_of(dropped)
    assert not [e for e in dropped.entities if TEXT[e.start:e.end] == "Rosatom"]
    relabelled = apply_corrections(result(), [], TEXT, [PersonCorrection(NOT_PERSON, "Rosatom", "ORG")])
    orgs = [e for e in relabelled.entities if e.label == "ORG"]
    assert len(orgs) == 2 and all("person" not in e.attrs for e in orgs)
    assert speakers(relabelled)["no comment"] == "Rosatom"  # an organisation can still be quoted


def test_add_person_finds_every_whole_word_occurrence_and_takes_over_its_quotation():
    text = TEXT
    start, end = _at("Ewan Ross")
    base = result()
    base.quotes[2] = _quote("“Fine,”", "Ewan Ross", (start, end))
    shown = apply_corrections(base, [], text, [PersonCorrection(ADD_PERSON, "Ewan Ross", None, start, end, "Ewan Ross")])
    person = people_of(shown)["Ewan Ross"]
    assert person.mentions == 1 and person.quotes == 1
    mention = [e for e in shown.entities if e.attrs.get("person") == "Ewan Ross"]
    assert [(e.start, e.end) for e in mention] == [(start, end)]


def test_add_person_replaces_a_wrong_entity_and_survives_moved_offsets():
    start, end = _at("Rosatom")
    shown = apply_corrections(result(), [], TEXT, [PersonCorrection(NOT_PERSON, "Rosatom", "ORG"),
                                                   PersonCorrection(ADD_PERSON, "Rosa Tom", None, start + 3, end + 3,
                                                                    "Rosatom")])
    assert people_of(shown)["Rosa Tom"].mentions == 2
    assert not [e for e in shown.entities if e.label == "ORG"]


def test_a_correction_about_someone_no_longer_there_is_skipped_and_later_ones_still_apply():
    shown = apply_corrections(result(), [], TEXT, [PersonCorrection(RENAME, "Nobody", "X"),
                                                   PersonCorrection(RENAME, "Rosatom", "Rosatom Corp")])
    assert "Rosatom Corp" in people_of(shown) and "X" not in people_of(shown)
    assert len(shown.corrections) == 1


def test_quote_speaker_not_quote_and_scare():
    base = result()
    fine = base.quotes[2]
    scare = base.quotes[3]
    agree = base.quotes[0]
    corrections = [QuoteCorrection(fine.start, fine.end, fine.text_in(TEXT), "Berg"),
                   QuoteCorrection(scare.start, scare.end, scare.text_in(TEXT), speaker_set=False, kind="scare"),
                   QuoteCorrection(agree.start, agree.end, agree.text_in(TEXT), not_quote=True)]
    shown = apply_corrections(base, corrections, TEXT, [])
    assert speakers(shown)["Fine,"] == "Anna Berg"  # an alias resolves to the person
    assert [q.attrs["content"] for q in shown.hidden_quotes] == ["We agree,"]
    assert "We agree," not in speakers(shown)
    assert [q.attrs.get("kind") for q in shown.quotes if q.attrs["content"] == "scare"] == ["scare"]
    berg = people_of(shown)["Anna Berg"]
    assert (berg.quotes, berg.quoted_words) == (1, 1)  # lost "We agree," (2 words), gained "Fine," (1)


def test_a_scare_quote_with_a_speaker_does_not_count_as_speech():
    base = result()
    later = base.quotes[4]
    shown = apply_corrections(base, [QuoteCorrection(later.start, later.end, later.text_in(TEXT), speaker_set=False,
                                                     kind="scare")], TEXT, [])
    assert people_of(shown)["Karl Ode"].quotes == 0
    assert speakers(shown)["Later,"] == "Karl Ode"


def test_a_quotation_the_detector_missed_is_added_with_its_speaker_who_becomes_a_person():
    start, end = _at("A “scare” word")
    correction = QuoteCorrection(start, end, TEXT[start:end], "Jo Typed", added=True)
    shown = apply_corrections(result(), [correction], TEXT, [])
    added = [q for q in shown.quotes if q.start == start]
    assert added[0].attrs["speaker"] == "Jo Typed" and added[0].attrs["content"] == "A “scare” word"
    assert people_of(shown)["Jo Typed"].quotes == 1
    assert [q.start for q in shown.quotes] == sorted(q.start for q in shown.quotes)


def test_an_added_quotation_that_the_detector_now_finds_is_not_doubled():
    base = result()
    fine = base.quotes[2]
    shown = apply_corrections(base, [QuoteCorrection(fine.start, fine.end, fine.text_in(TEXT), "Karl Ode", added=True)],
                              TEXT, [])
    assert len(shown.quotes) == len(base.quotes)


def test_people_corrections_run_before_quote_speakers_so_names_resolve_after_merges():
    base = result()
    fine = base.quotes[2]
    shown = apply_corrections(base, [QuoteCorrection(fine.start, fine.end, fine.text_in(TEXT), "Rosatom")], TEXT,
                              [PersonCorrection(MERGE, "Rosatom", "Karl Ode")])
    assert speakers(shown)["Fine,"] == "Karl Ode"
    assert people_of(shown)["Karl Ode"].quotes == 3


def test_quote_content_strips_any_quotation_marks():
    assert quote_content("“Hello,” ") == "Hello,"
    assert quote_content("«Bonjour»") == "Bonjour"
    assert quote_content("'x'") == "x"


def test_speakers_are_offered_nearest_mention_first():
    from annotext.core.corrections import speakers_by_distance

    base = result()
    later = base.quotes[4]  # "Later," said by Ode, at the end of the text
    base.people.append(Person("Never Mentioned", []))
    assert speakers_by_distance(base.people, base.entities, later.start, later.end) == [
        "Karl Ode", "Rosatom", "Anna Berg", "Never Mentioned"]
    first = base.quotes[0]  # "We agree," right after "Anna Berg met Rosatom."
    assert speakers_by_distance(base.people, base.entities, first.start, first.end)[:2] == ["Anna Berg", "Rosatom"]


def test_a_quote_correction_follows_a_quotation_whose_bounds_a_newer_analyser_drew_differently():
    base = result()
    later = base.quotes[4]  # “Later,”
    correction = QuoteCorrection(later.start, later.end, later.text_in(TEXT), "Anna Berg")
    moved = Span(later.start, later.end - 1, QUOTE, "QUOTE", dict(later.attrs))  # without the closing mark
    base.quotes[4] = moved
    shown = apply_corrections(base, [correction], TEXT, [])
    assert speakers(shown)["Later,"] == "Anna Berg"
    elsewhere = QuoteCorrection(0, 9, "Anna Berg", "Karl Ode")  # overlaps no quotation: ignored
    assert speakers(apply_corrections(result(), [elsewhere], TEXT, [])) == speakers(result())
