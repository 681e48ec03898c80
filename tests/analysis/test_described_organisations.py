"""'The union said', 'the report concludes': the organisation or document the article named."""

from annotext.analysis.described_organisations import described_organisation, organisation_in_focus
from annotext.core.results import ENTITY
from annotext.core.spans import Span


def _entities(text: str, *names: tuple[str, str]) -> list[Span]:
    spans = [Span(text.index(name), text.index(name) + len(name), ENTITY, label) for name, label in names]
    return sorted(spans, key=lambda s: s.start)


def _resolve(text: str, noun: str, *names: tuple[str, str]) -> str | None:
    entities = _entities(text, *names)
    before = text.rindex(f"the {noun}") if f"the {noun}" in text else text.rindex(f"The {noun}")
    return described_organisation(noun, before, text, entities, [s.start for s in entities])


def test_an_organisation_introduced_with_the_noun():
    text = ("The drivers’ union, the Guild of Tram Staff, called the strike after talks at Conciliat failed. "
            "The union said it would strike again.")
    assert _resolve(text, "union", ("Guild of Tram Staff", "ORG"), ("Conciliat", "ORG")) == "Guild of Tram Staff"


def test_an_organisation_whose_name_holds_the_noun_or_an_apposition_gives_it():
    text = "The Marine Protection Agency warned boats. Harbour Ltd agreed. Later the agency said more."
    assert _resolve(text, "agency", ("Marine Protection Agency", "ORG"), ("Harbour Ltd", "ORG")) == "Marine Protection Agency"
    text = "Pell & Grant, the department store company, fell. Norvale rose. In a statement, the company said no."
    assert _resolve(text, "company", ("Pell & Grant", "ORG"), ("Norvale", "ORG")) == "Pell & Grant"


def test_without_a_textual_link_the_description_stays():
    text = "Norvale and Pell & Grant reported. The company said little."
    assert _resolve(text, "company", ("Norvale", "ORG"), ("Pell & Grant", "ORG")) is None


def test_a_named_document():
    text = "The Castlegate report was published on Monday. Flow, the report concludes, is the problem."
    assert _resolve(text, "report") == "Castlegate report"
    assert _resolve("A report was out. The report concludes little.", "report") is None


def _in_focus(text: str, noun: str, *names: tuple[str, str]) -> str | None:
    entities = _entities(text, *names)
    before = text.rindex(f"The {noun}")
    return organisation_in_focus(noun, before, text, entities, [s.start for s in entities],
                                 lambda span: text.startswith(" said", span.end))


def test_the_organisation_that_just_spoke_is_the_one_described():
    text = "Turnout was 29 per cent, Elections Canada said.\n\nThe agency said turnout was “typically lower”."
    assert _in_focus(text, "agency", ("Elections Canada", "ORG")) == "Elections Canada"


def test_no_organisation_in_focus_when_it_did_not_speak_is_of_another_kind_or_another_came_between():
    silent = "Staff at Calderbrook Hospital found files locked.\n\nThe regulator said it was “concerned”."
    assert _in_focus(silent, "regulator", ("Calderbrook Hospital", "ORG")) is None
    other_kind = "Calderbrook Hospital said files were locked.\n\nThe regulator said it was “concerned”."
    assert _in_focus(other_kind, "regulator", ("Calderbrook Hospital", "ORG")) is None
    between = "Elections Canada said so. Voters for the Green Party stayed home.\n\nThe agency said it was “lower”."
    assert _in_focus(between, "agency", ("Elections Canada", "ORG"), ("Green Party", "ORG")) is None
    far = "Elections Canada said so.\n\nVoters stayed home.\n\nMany were away.\n\nThe agency said it was “lower”."
    assert _in_focus(far, "agency", ("Elections Canada", "ORG")) is None


def test_an_acronym_the_text_defines_stands_for_its_name():
    from annotext.analysis.described_organisations import defined_acronyms
    text = ("Kiprop was banned, the Athletics Integrity Unit (AIU) announced. The Confederation of Chilean "
            "Students (Confech) marched. He works at IBM (Armonk).")
    assert defined_acronyms(text) == {"AIU": "Athletics Integrity Unit"}
