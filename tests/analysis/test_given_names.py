"""The first-name lexicon: the weakest gender evidence, used only where the article says nothing."""

from annotext.analysis.given_names import FEMALE, MALE, given_name_gender


def test_a_clearly_gendered_given_name_decides():
    assert given_name_gender("Thomas Brannigan") == MALE
    assert given_name_gender("Keisha Abernathy-Lowe") == FEMALE


def test_shared_unknown_and_lone_names_decide_nothing():
    assert given_name_gender("Dana Whitcomb") is None  # borne by women and men
    assert given_name_gender("Jess Nakagawa") is None  # a short form the census lists under one sex only
    assert given_name_gender("Naveen Krishnamurthy") is None  # not in the census list
    assert given_name_gender("Brannigan") is None  # a family name alone


def test_the_given_name_tells_she_from_a_man_named_nearer(analyser):
    text = ("Keisha Abernathy toured a shuttered mill in Macon on Monday. Later that day Brent Vandersloot held a "
            "rally in Atlanta.\n\n“I don’t read polls,” she told reporters.")
    data = analyser.analyse(text).to_json(text)
    assert [q["speaker"] for q in data["quotes"]] == ["Keisha Abernathy"]



def test_compound_and_accented_given_names():
    assert given_name_gender("Marie-Ève Thériault") == FEMALE
    assert given_name_gender("José Ruiz") == MALE
    assert given_name_gender("Jean-François Tremblay") == MALE  # French: Jean is a man's name


def test_census_names_tell_a_name_from_a_word():
    from annotext.analysis.given_names import is_census_name

    assert is_census_name("Missoula") is False and is_census_name("Turnout") is False
    assert is_census_name("Kelly") is True and is_census_name("Muñoz") is True  # accents folded: MUNOZ
