"""Names the article itself shows are not people (invented sentences)."""

from annotext.analysis.not_people import not_a_person
from annotext.analysis.people import index_people
from annotext.core.results import ENTITY
from annotext.core.spans import Span


def _mentions(text: str, form: str) -> list[Span]:
    spans, start = [], text.find(form)
    while start >= 0:
        spans.append(Span(start, start + len(form), ENTITY, "PERSON"))
        start = text.find(form, start + 1)
    return spans


def _label(text: str, form: str, titled: bool = False) -> str | None:
    return not_a_person(form, _mentions(text, form), text, titled)


def test_a_nickname_in_quotation_marks():
    assert _label("The team nicknamed the fossil ‘Lazy Susan’ at once.", "Lazy Susan") == "WORK_OF_ART"


def test_a_name_always_after_the_is_a_thing():
    text = "He sold his trawler, the Mary Kate, in May. The harbourmaster saw the Mary Kate come in."
    assert _label(text, "Mary Kate") == "PRODUCT"
    assert _label("Mary Kate told the Mary Kate crew to rest.", "Mary Kate") is None


def test_a_word_the_text_also_writes_in_lower_case():
    assert _label("Cases of measles rose. ‘Measles is serious,’ a doctor said.", "Measles") == "ORG"
    assert _label("Cases of measles rose. ‘Measles is serious,’ Mr Measles said.", "Measles", titled=True) is None


def test_a_word_that_names_an_organisation():
    assert _label("Halvard Bank agreed a deal. Halvard shareholders will vote.", "Halvard") == "ORG"
    assert _label("Quillfeather, a popular app, failed after an update.", "Quillfeather") == "ORG"
    assert _label("They beat the holders, Carrigmore, by a point.", "Carrigmore") == "ORG"
    assert _label("Storm Ailsa arrived. She said Ailsa was her mother’s name.", "Ailsa") == "EVENT"


def test_a_person_with_staff_or_a_spokesman_stays_a_person():
    text = "Okafor's spokesman declined to comment. Okafor's staff were told on Monday."
    assert _label(text, "Okafor") is None


def test_groups_and_places():
    assert _label("Republicans voted against.", "Republicans") == "NORP"
    assert _label("It was a proud day for Millbrook, and in Millbrook the bells rang.", "Millbrook") == "GPE"


def test_people_index_leaves_them_out():
    text = "Quillfeather, a popular app, failed, Dana Ruiz said. Quillfeather apologised."
    spans = _mentions(text, "Quillfeather") + _mentions(text, "Dana Ruiz")
    tagged, people = index_people(spans, text)
    assert [p.name for p in people] == ["Dana Ruiz"]
    assert {s.label for s in tagged if s.text_in(text) == "Quillfeather"} == {"ORG"}


def test_several_words_of_an_organisation():
    assert _label("He joined Kilcarra Rovers in May. Kilcarra Rovers won.", "Kilcarra Rovers") == "ORG"
    assert _label("Staff at Seafield Manor Hotel were told.", "Seafield Manor Hotel") == "ORG"
    assert _label("The best prices to buy: Best Buy said so.", "Best Buy") == "ORG"
    assert _label("Dana Green said the green belt matters.", "Dana Green") is None


def test_a_person_whose_apposition_names_a_place_of_work_stays_a_person():
    text = "Dr Hana Marsh, a consultant at a hospital in Leeds, spoke. Dr Lee Fenn, the authority’s chief, agreed."
    assert _label(text, "Hana Marsh") is None
    assert _label(text, "Lee Fenn") is None
    assert _label("Bord Pleanála, the national planning body, refused.", "Bord Pleanála") == "ORG"


def test_vessels_animals_works_and_acronyms():
    assert _label("Officers boarded the trawler Karvøy at dawn. Karvøy was escorted in.", "Karvøy") == "PRODUCT"
    assert _label("JAXA said in a statement that its probe was safe.", "JAXA") == "ORG"
    assert _label("PENCE: We will win. Then he left.", "PENCE") is None


def test_a_verb_before_a_name_says_nothing():
    text = "Reines was picked to play Jon Carrow in rehearsals. Jon Carrow said no. Carrow left."
    assert _label(text, "Jon Carrow") is None


def test_an_apposition_whose_head_is_a_person():
    text = "Jean-Luc Tremblant, a former city councillor, said so. Tremblant left."
    assert _label(text, "Jean-Luc Tremblant") is None
    assert _label("Quillfeather, a popular app that tracks glucose, failed.", "Quillfeather") == "ORG"


def test_nationalities_illnesses_and_compass_places():
    assert _label("Lessons are in English and Maori.", "English") == "NORP"
    assert _label("A vaccine against Lassa fever worked. Lassa kills thousands.", "Lassa") == "EVENT"


def test_the_people_of_a_place_the_text_names_are_not_a_person():
    text = "The veto was a slap in the face to every working Kansan, she said. Kansas lost jobs."
    assert _label(text, "Kansan") == "NORP"
    assert _label("Duncan said so. Duncan left.", "Duncan") is None


def test_a_name_run_into_a_weekday_is_a_date():
    text = "At the meeting in Hudson, New Hampshire Monday, voters lined up. Ann Marsh spoke first."
    assert _label(text, "Hampshire Monday") == "DATE"
    assert _label(text, "Ann Marsh") is None


def test_a_name_always_after_the_and_a_place_is_a_team_or_thing_but_not_after_a_title():
    text = ("The Halifax Squall beat Denver. Fans call their stand the “Squall Wall”. "
            "Before the Squall hired him, he coached in Moncton.")
    assert _label(text, "Squall") == "PRODUCT"
    assert _label("It was the President Joe Biden who spoke.", "Joe Biden") is None


def test_words_that_stand_only_before_places():
    assert _label("About 300 km from the state capital Raipur, people gather.", "Raipur") == "GPE"
    assert _label("It serves customers in Devon and east Cornwall.", "Cornwall") == "GPE"
    assert _label("A phone fixed in Lyon or Łódź instead of being replaced.", "Łódź") == "GPE"
    assert _label("Raipur Singh, the mayor, agreed.", "Raipur Singh") is None


def test_a_name_in_capitals_is_a_heading_or_a_dateline():
    assert _label("HO CHI MINH CITY, Vietnam — Fire broke out.", "HO CHI") == "GPE"


def test_a_force_a_caucus_and_a_street_are_not_people():
    assert _label("Officers from Greater Manchester Police arrested him.", "Greater Manchester Police") == "ORG"
    assert _label("House Freedom Caucus members objected.", "House Freedom Caucus") == "ORG"
    assert _label("He was shot on Avenida Benito Juárez at dawn.", "Avenida Benito Juárez") == "FAC"


def test_a_form_of_address_is_nobody_s_name():
    assert _label("“That is your inspector general, Madam Secretary,” he said.", "Madam") == "NORP"


def test_a_word_before_an_elided_article_is_part_of_a_place():
    assert _label("Beans were smuggled into Côte d’Ivoire and Togo.", "Côte") == "GPE"
    assert _label("Pierre Côte said the price was fair.", "Côte") is None


def test_a_people_s_name_for_one_of_them_is_not_a_person():
    assert _label("The 31-year-old Scot described the race as a grind.", "Scot") == "NORP"


def test_one_word_that_is_nobody_s_name_and_acts_as_nobody_is_not_a_person():
    assert _label("Polls closed at ten. Turnout was 64 per cent, officials said.", "Turnout") == "ORG"
    assert _label("Fans of Benfica sang all night. Benfica won the cup.", "Benfica") == "ORG"


def test_one_unknown_word_that_acts_as_a_person_stays_a_person():
    assert _label("Sutrisno, 52, a dishwasher from Central Java, had worked there for years.", "Sutrisno") is None
    assert _label("He is survived by his children Siobhán, Colm and Úna.", "Colm") is None
    assert _label("President Obama condemned the test.", "Obama") is None
    assert _label("Adeyemi said the plan was late.", "Adeyemi") is None


def test_a_party_word_alone_is_a_member_described_not_named():
    text = "Kurt Vanderbilt, a West Michigan Republican who narrowly lost in 2022, said he would run."
    assert not_a_person("Republican", _mentions(text, "Republican"), text, titled=False) == "NORP"
