"""Epithets ("the Cork flanker", "the mother of three") and indefinite sources taken up again
("A Norwegian diplomat …" … "the diplomat said"), on short invented sentences."""

from annotext.analysis.epithets import unnamed_source
from tests.speaker_lists import speech_speakers as speakers


def test_a_family_epithet_is_the_person_the_text_was_talking_about(analyser):
    text = ("In the village, Nasreen Akhter waded through deep water carrying her children while her "
            "husband, Jamal Uddin, swam beside them.\n\n"
            "\"The water came in one hour,\" the mother of three said at a shelter.\n")
    assert speakers(analyser, text) == ["Nasreen Akhter"]


def test_an_origin_epithet_is_the_person_the_text_was_talking_about(analyser):
    text = ("Captain Aoife Brennan, who was named player of the match, made the decisive turnover on "
            "her own line.\n\n"
            "“I don’t know how I got my hands on it,” the Kerry flanker said afterwards.\n")
    assert speakers(analyser, text) == ["Aoife Brennan"]


def test_an_office_without_an_introduction_is_not_an_epithet(analyser):
    text = ("Captain Aoife Brennan made the decisive turnover on her own line.\n\n"
            "“We will review it,” the referee said afterwards.\n")
    assert speakers(analyser, text) == ["the referee"]


def test_an_indefinite_source_taken_up_definitely_is_the_introduced_description(analyser):
    text = ("A Danish diplomat, speaking on condition of anonymity, said Copenhagen wanted calm. "
            "The talks ended early.\n\n"
            "“Nobody wants a trade war,” the diplomat said.\n")
    assert speakers(analyser, text) == ["A Danish diplomat"]


def test_a_named_introduction_after_the_indefinite_one_wins(analyser):
    text = ("A Danish diplomat said on Monday that Copenhagen wanted calm.\n\n"
            "On Tuesday the senior diplomat, Henrik Lund, met the press.\n\n"
            "“Nobody wants a trade war,” the diplomat said.\n")
    assert speakers(analyser, text) == ["Henrik Lund"]


def test_a_thing_described_by_its_origin_is_not_an_epithet_for_a_person(analyser):
    text = ("The play, by the Camborne-born writer Jory Pengelly, was savaged by critics.\n\n"
            "The Times review of the production dismissed it as ‘a dreary sermon in a hard hat’.\n")
    assert "Jory Pengelly" not in speakers(analyser, text)


def test_an_affiliation_is_not_an_epithet(analyser):
    text = ("Donald Tremaine raised most of his money from small donors this summer.\n\n"
            "“That could cause problems,” the RNC member said.\n")
    assert speakers(analyser, text) == ["the RNC member"]


def test_she_after_an_unnamed_source_spoke_is_that_source(analyser):
    text = ("Judge Adaora Nwosu thanked the jurors for their work.\n\n"
            "One juror, a retired schoolteacher who asked that her name not be used, said the video had been "
            "decisive. “He had time to stop,” she said.\n")
    assert speakers(analyser, text) == ["One juror"]


def test_the_age_description_is_the_person_introduced_with_that_age(analyser):
    text = ("Jurors convicted Brandon Mulroy, 34, in the death of Hector Ruiz, 41. Mulroy's attorney, "
            "Gerald Whitcomb, spoke for an hour.\n\n"
            "Testifying last week, the 34-year-old said he had been “scared out of my mind”.\n")
    assert speakers(analyser, text) == ["Brandon Mulroy"]


def test_he_after_a_profession_nobody_was_introduced_with_is_the_person_the_text_is_about(analyser):
    text = ("Callum de Wit, who plays the mine captain, grew up in Redruth. ‘My nan could have written it,’ "
            "Mr de Wit said.\n\n"
            "The actor said the cast had spent a week at a mine museum. ‘You come up a different actor,’ he said.\n")
    assert speakers(analyser, text) == ["Callum de Wit", "Callum de Wit"]


def test_she_after_an_office_nobody_was_introduced_with_is_that_description(analyser):
    text = ("Callum de Wit grew up in Redruth. ‘My nan could have written it,’ Mr de Wit said.\n\n"
            "The spokeswoman said the cast had rehearsed for a week. ‘It was hard work,’ she said.\n")
    assert speakers(analyser, text) == ["Callum de Wit", "The spokeswoman"]


def test_an_unnamed_source_may_be_described_by_a_who_clause_but_not_in_apposition_to_a_name():
    text = ("A Johannesburg-based banker who has advised the company, and who asked not to be identified, said the "
            "split was likely. Leila Hadi, a sociology student who joined the protest, said it was peaceful.")
    first = text.index("Leila")
    assert unnamed_source(text, 0, first, lambda at: False)[0] == "A Johannesburg-based banker"
    assert unnamed_source(text, first, len(text), lambda at: False) is None


def test_a_bare_person_noun_nobody_was_introduced_with_is_the_person_in_focus(analyser):
    text = ("Final\n\nAt the news conference, Kaisa Mäkinen was asked whether it was the best moment of her career.\n\n"
            "\"Ask me tomorrow,\" she said.\n\nAnd what would she tell her father?\n\n\"That he can stop watching our "
            "games at three in the morning,\" the winger said, grinning.")
    assert speakers(analyser, text) == ["Kaisa Mäkinen", "Kaisa Mäkinen"]


def test_a_bare_office_nobody_was_introduced_with_is_not_guessed(analyser):
    text = "Vote\n\nMaria Lopez left early.\n\n\"We will review it,\" the senator said."
    assert speakers(analyser, text) == ["the senator"]


def test_an_anonymous_source_keeps_what_qualifies_it_and_is_taken_up_again(analyser):
    text = ("Talks\n\nA person familiar with the negotiations, who was not authorized to speak publicly, said the offer "
            "was \"not going anywhere.\" The person said the union would \"walk out Friday.\"")
    assert speakers(analyser, text) == ["A person familiar with the negotiations"] * 2


def test_a_place_after_an_unnamed_speaker_is_part_of_the_description(analyser):
    assert speakers(analyser, "Town hall\n\nA man near the back shouted, \"You voted for it!\"") == ["A man near the back"]


def test_a_described_trade_is_the_person_the_lead_is_about(analyser):
    text = ("Town hall\n\nOSHKOSH, Wis. — Walenty Kowalski has been on Medicare for 13 years, and on Saturday he wanted "
            "his congresswoman to know it.\n\n“I paid into this for 46 years,” the retired machinist said.")
    assert speakers(analyser, text) == ["Walenty Kowalski"]


def test_an_unnamed_official_keeps_the_whole_name_of_the_ministry(analyser):
    text = ("Demolitions\n\nA senior official at the Ministry of Lands, who asked not to be named, said some houses "
            "stood on a riparian reserve.\n\n‘People are angry, and I understand it,’ the official said.")
    data = analyser.analyse(text).to_json(text)
    assert [q["speaker"] for q in data["quotes"]] == ["A senior official at the Ministry of Lands"]
