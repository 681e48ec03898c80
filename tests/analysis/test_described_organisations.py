"""'The union said', 'the report concludes': the organisation or document the article named."""

from annotext.analysis.described_organisations import described_organisation
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
