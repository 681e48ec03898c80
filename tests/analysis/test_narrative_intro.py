"""A cue-less paragraph of quotation after narrative about one person (analysis/narrative_intro.py)."""

from annotext.analysis.cues import paragraph_before
from tests.speaker_lists import all_speakers as speakers


def test_a_quotation_paragraph_after_narrative_about_a_person_is_theirs(analyser):
    text = ("Final debate\n\nRepublicans turned on Sen. Mark Halvorsen on Thursday.\n\n"
            "In his closing statement, Halvorsen returned to the story he has told at more than 90 stops.\n\n"
            "\"When I was a kid in Aberdeen, my father lost his hardware store.\"\n\n"
            "\"I'm asking you to caucus for me on the 15th.\"")
    assert speakers(analyser, text) == ["Mark Halvorsen", "Mark Halvorsen"]


def test_the_paragraph_is_about_its_first_subject_not_a_relative_named_after(analyser):
    text = ("Hearing\n\nIn her opening statement, Judge Helen Carter described growing up in Cleveland. Her father, "
            "Robert Carter, drove a city bus for 31 years.\n\n“My parents arrived in this country with one suitcase.”")
    assert speakers(analyser, text) == ["Helen Carter"]


def test_after_a_paragraph_that_quotes_someone_the_quotation_is_left_to_the_exchange(analyser):
    text = ("Budget\n\nAlderman Carlos Ibarra asked Budget Director Ann Szymanska about a payment.\n\n"
            "“Who are these people?” Ibarra asked.\n\n“They’re auditing our fleet contracts,” Szymanska said.\n\n"
            "“For $4.2 million?”")
    assert speakers(analyser, text)[-1] == "Carlos Ibarra"


def test_a_narrative_paragraph_about_she_introduces_the_quotation_after_it(analyser):
    text = ("Primary\n\n“We won,” Layla Haddad said at the rally.\n\nHer rival, Tom Pryce, conceded shortly after ten.\n\n"
            "Later that night she thanked her volunteers one by one.\n\n“This was your win, not mine.”")
    assert speakers(analyser, text)[-1] == "Layla Haddad"


def test_the_paragraph_before_a_line_skips_the_blank_lines_between():
    text = "Headline\n\nFirst paragraph.\n\n\n“Quote.”"
    start, end = paragraph_before(text, text.index("“"))
    assert text[start:end] == "First paragraph."
    assert paragraph_before(text, 0) == (0, 0)
