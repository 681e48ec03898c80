"""Names the text marks as people, whatever the model called them (invented sentences)."""

from annotext.analysis.evident_names import dateline_places, evident_people
from annotext.analysis.people import index_people
from annotext.core.results import ENTITY
from annotext.core.spans import Span


def _names(text: str) -> set[str]:
    return {text[start:end] for start, end in evident_people(text)}


def test_role_apposition_after_the_name():
    text = ("In a note, Tomás Ferreira-Lund, an agricultural economist at Harrow Securities, said prices would recover. "
            "Ailbhe O’Riordan, Kestrel’s chief executive, said nothing.")
    assert _names(text) == {"Tomás Ferreira-Lund", "Ailbhe O’Riordan"}


def test_age_and_who_appositions():
    text = "Ruairí MacGiolla, 47, of Dingle, was fined. Saoirse Ní Bhriain, who has coached the side for years, left."
    assert _names(text) == {"Ruairí MacGiolla", "Saoirse Ní Bhriain"}


def test_role_before_the_name_with_or_without_comma():
    text = "A graduate student, Lindiwe Mokoena-Faure, saw it first, chief executive Anselm von Drach said."
    assert _names(text) == {"Lindiwe Mokoena-Faure", "Anselm von Drach"}


def test_honorific_on_the_family_name_marks_the_full_name():
    text = "Declan Furlong-Byrne spoke first. Later Mr Furlong-Byrne added a word."
    assert _names(text) == {"Declan Furlong-Byrne"}


def test_organisations_places_and_headlines_are_not_marked():
    text = ("Harbour Dues Rise As Councillors Meet Kitto Quay Owners Tonight\n\n"
            "The landlord, Eastgate Homes, appealed. Its owner, Brackley Holdings, said no. "
            "The club, Kilbride Camogie, won. Mr Quay had no comment.")
    assert _names(text) == set()


def test_a_possessive_or_an_honorific_is_not_part_of_the_name():
    text = "Hungary's Viktor Orbán, the prime minister, spoke. Mr MacAuley’s lawyer, Conor Dunphy SC, said so."
    assert _names(text) == {"Viktor Orbán", "Conor Dunphy"}


def test_dateline_cities():
    text = "ROTTERDAM, Netherlands (Reuters) - A trial opened.\n\nDENVER (AP) — Another.\n\nSANTA CLARA — Third."
    assert dateline_places(text) == {"ROTTERDAM", "DENVER", "SANTA CLARA"}


def test_people_index_takes_a_mislabelled_name_and_never_a_dateline_city():
    text = ("VALDORA, Spain (Reuters) - Colm Rafferty, an agricultural economist, said Valdora was quiet. "
            "Mr Rafferty added that a Valdora court would rule.")
    start = text.index("Colm")
    entities = [Span(0, 7, ENTITY, "PERSON"), Span(start, start + 13, ENTITY, "ORG"),
                Span(text.index("Valdora was"), text.index("Valdora was") + 7, ENTITY, "PERSON"),
                Span(text.index("Rafferty added"), text.index("Rafferty added") + 8, ENTITY, "PERSON")]
    tagged, people = index_people(entities, text)
    assert [p.name for p in people] == ["Colm Rafferty"]
    assert people[0].mentions == 2
    assert not any(s.label == "PERSON" and s.text_in(text).upper() == "VALDORA" for s in tagged)


def test_bare_role_apposition_role_phrase_and_abbreviated_names():
    text = ("Anne-Sophie Martel, director of Vermont Emergency Management, spoke. The cabinet secretary for "
            "rural affairs, Rhodri ap Gwilym, agreed. Brightlane chief executive Laurel St. Croix said so. "
            "The player’s agent, Inês Albuquerque-Lobo, said there was interest.")
    assert _names(text) == {"Anne-Sophie Martel", "Rhodri ap Gwilym", "Laurel St. Croix", "Inês Albuquerque-Lobo"}


def test_organisations_with_a_role_word_before_them_are_not_names():
    text = "The owner, Seafield Manor Hotel, objected. A resident, Áine Ní Bhriain, spoke; Cllr Pádraig Mac, too."
    assert _names(text) == {"Áine Ní Bhriain"}


def test_relatives_and_bystanders_named_by_a_first_name():
    from annotext.analysis.evident_names import named_relatives
    text = ("Rebecca Hoang, whose son Marcus was ill, spoke. Her father, Emeka, wept. He is survived by his "
            "children Siobhán, Colm and Úna. A lad called Rhodri helped. Her partner Ciara Quinn came. "
            "The probe, called Hypatia, flew.")
    assert {text[a:b] for a, b in named_relatives(text)} == {"Marcus", "Emeka", "Siobhán", "Colm", "Úna", "Rhodri"}


def test_a_title_ends_no_name_but_introduces_the_name_after_it():
    names = _names("Former Florida Gov. Jed Bash said he would run. Maryland Gov. Marta O’Mally disagreed.")
    assert names == {"Jed Bash", "Marta O’Mally"}  # never "Florida Gov" or "Former Florida"


def test_a_capital_particle_inside_a_name_with_a_role_apposition():
    text = "Conor Ó Briain, the coach, was angry. Ó Briain asked why."
    assert _names(text) == {"Conor Ó Briain"}


def test_a_person_noun_then_named_and_a_full_name():
    from annotext.analysis.evident_names import named_relatives
    text = ("Outside, a retired schoolteacher from Esbjerg named Birthe Kjærgaard said she cried. "
            "A horse named Red Rum won. A coach called Ana Lopes agreed.")
    assert {text[a:b] for a, b in named_relatives(text)} == {"Birthe Kjærgaard", "Ana Lopes"}


def test_trades_of_the_arts_and_the_press_are_roles_in_an_apposition():
    text = ("Callum MacLeod, the critic who chaired the panel, said it was unanimous. "
            "Ines Arrieta, a novelist from Bilbao, agreed.")
    assert {text[a:b] for a, b in evident_people(text)} == {"Callum MacLeod", "Ines Arrieta"}


def test_a_role_of_a_domain_before_a_name_but_not_a_group_before_its_name():
    text = ("Chief inspector of mines Lerato Seabi will visit. Kim Rowe, director of campaign group Open Faces, "
            "spoke. A spokeswoman for the tenants' union Woonbond Amsterdam agreed.")
    assert _names(text) == {"Lerato Seabi", "Kim Rowe"}


def test_a_title_case_role_inside_a_capitalised_run_marks_the_name_after_it():
    text = "Blast at refinery\n\nFire Marshal Dwayne Pettigrew said the blaze was contained."
    assert [text[a:b] for a, b in evident_people(text)] == ["Dwayne Pettigrew"]


def test_a_byline_and_two_people_described_together_are_people():
    text = ("Border bill passes\n\nBy Jennifer Kwan and Marcus DeLuca\n\nWASHINGTON — The Senate voted. Whitcomb asked "
            "about Bradley Koenig and Teresa Molina-Ruiz, two former aides to the president.")
    assert sorted(text[a:b] for a, b in evident_people(text)) == [
        "Bradley Koenig", "Jennifer Kwan", "Marcus DeLuca", "Teresa Molina-Ruiz"]


def test_a_name_after_a_ranking_is_a_person():
    text = "Former British No 1 Marta Kovács-Hall, commentating for the BBC, called it the best final."
    assert [text[s:e] for s, e in evident_people(text)] == ["Marta Kovács-Hall"]
