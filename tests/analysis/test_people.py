"""People index rules, on hand-made spans: no model needed."""

import re

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
    assert people[0].name == "Mary Jones" and people[0].mentions == 2  # the surname, not the street
    assert [e.label for e in entities if e.start == 0] == ["FAC"]


def test_surname_that_is_also_an_ordinary_word_is_not_propagated():
    text = "Neil Young spoke. Young people cheered. The young were happy."
    _, people = index_people(persons(text, ("Neil Young",)), text)
    assert people[0].mentions == 1


def test_mislabelled_person_is_recognised_from_who_clause():
    text = "Diego Rivera scored. Rivera, who came on late, was thrilled."
    spans = [Span(0, 12, "entity", "ORG"), Span(21, 27, "entity", "GPE")]
    entities, people = index_people(spans, text)
    assert [(p.name, p.mentions) for p in people] == [("Diego Rivera", 2)]


def test_surname_mislabelled_as_place_is_reclaimed_but_real_places_stay():
    text = "Teresa Alvarado won. Alvarado said so. Washington is far; Washington is big; George Washington was not."
    first = text.index("Washington is far")
    second = text.index("Washington is big")
    spans = persons(text, ("Teresa Alvarado",), ("George Washington",)) + [
        Span(21, 29, "entity", "ORG"), Span(first, first + 10, "entity", "GPE"), Span(second, second + 10, "entity", "GPE")]
    entities, people = index_people(spans, text)
    assert {p.name: p.mentions for p in people} == {"Teresa Alvarado": 2, "George Washington": 1}
    assert [e.label for e in entities if e.start in (first, second)] == ["GPE", "GPE"]


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


def test_names_with_particles_are_completed_and_merged():
    from annotext.analysis.people import surname

    assert surname(["Ursula", "von", "der", "Leyen"]) == "von der Leyen"
    assert surname(["Charles", "de", "Gaulle"]) == "de Gaulle"
    text = "Ursula von der Leyen spoke first. Later, von der Leyen left."
    first = Span(0, len("Ursula von der"), "entity", "PERSON")
    place = Span(len("Ursula von der "), len("Ursula von der Leyen"), "entity", "GPE")
    later = text.index("Leyen left")
    entities, people = index_people([first, place, Span(later, later + 5, "entity", "GPE")], text)
    assert [(p.name, p.aliases, p.mentions) for p in people] == [("Ursula von der Leyen", ["von der Leyen"], 2)]
    assert all(e.label == "PERSON" for e in entities)


def test_titles_are_not_part_of_the_canonical_name():
    text = "Councillor David Green spoke. Green left."
    entities, people = index_people(persons(text, ("Councillor David Green",), ("Green", 29)), text)
    assert people[0].name == "David Green" and people[0].mentions == 2


def test_mr_and_the_first_lady_with_the_same_surname_are_two_people():
    text = "The first lady, Michelle Obama, spoke first. Mr. Obama followed. Later Mr. Obama left."
    spans = persons(text, ("Michelle Obama",), ("Obama", text.index("Mr.")))
    _, people = index_people(spans, text)
    assert sorted((p.name, p.mentions) for p in people) == [("Michelle Obama", 1), ("Obama", 2)]


def test_role_and_leading_words_are_not_part_of_a_name():
    text = "Billionaire Anna Korr arrived. Follow Ben Tait on Twitter. A billionaire can wait."
    spans = persons(text, ("Billionaire Anna Korr",), ("Follow Ben Tait",))
    _, people = index_people(spans, text)
    assert sorted(p.name for p in people) == ["Anna Korr", "Ben Tait"]


def test_groups_are_not_people():
    text = "Republicans were angry. Democrats said so. Anna Bell agreed."
    spans = persons(text, ("Republicans",), ("Democrats",), ("Anna Bell",))
    _, people = index_people(spans, text)
    assert [p.name for p in people] == ["Anna Bell"]


def test_family_names_keep_their_particles():
    from annotext.analysis.people import surname
    assert surname(["Seán", "Ó", "Briain"]) == "Ó Briain"
    assert surname(["Joanna", "van", "der", "Berg"]) == "van der Berg"
    assert surname(["Kevin", "De", "Bruyne"]) == "De Bruyne"


def test_abbreviated_titles_and_post_nominals_are_not_part_of_the_name():
    assert name_words("Cllr Jane Doherty TD") == ["Jane", "Doherty"]
    assert name_words("Det Insp Mark Hale") == ["Mark", "Hale"]
    assert name_words("Supt Aidan Burke MBE") == ["Aidan", "Burke"]
    assert name_words("Kwame Mensah PhD") == ["Kwame", "Mensah"]


def test_a_capitalised_particle_at_a_sentence_start_is_the_same_family_name():
    text = "Chief executive Matthias von Ahlen spoke first. Von Ahlen said the deal was done."
    entities, people = index_people(persons(text, ("Matthias von Ahlen",), ("Von Ahlen",)), text)
    assert [(p.name, p.mentions) for p in people] == [("Matthias von Ahlen", 2)]


def test_a_family_name_with_particles_at_a_sentence_start_is_found():
    text = "Willemijn van der Meulen spoke. Van der Meulen said she would win."
    entities, people = index_people(persons(text, ("Willemijn van der Meulen",)), text)
    assert [(p.name, p.mentions) for p in people] == [("Willemijn van der Meulen", 2)]


def test_a_particle_surname_the_model_called_an_organisation_is_reclaimed():
    text = "Willemijn van der Meulen spoke. Van der Meulen said she would win. Van der Meulen left."
    spans = persons(text, ("Willemijn van der Meulen",)) + [
        Span(start, start + 14, "entity", "ORG") for start in (text.index("Van der"), text.rindex("Van der"))]
    entities, people = index_people(spans, text)
    assert [(p.name, p.mentions) for p in people] == [("Willemijn van der Meulen", 3)]


def test_abbreviated_name_words_keep_their_full_stop():
    assert name_words("Ms. Lauren St. Clair") == ["Lauren", "St.", "Clair"]
    assert name_words("Mr. Joe Webster Jr.") == ["Joe", "Webster"]


def test_a_nickname_in_quotation_marks_is_not_part_of_the_canonical_name():
    assert name_words("Harold “Hal” Jankowski") == ["Harold", "Jankowski"]
    assert name_words('Robert C. "Bobby" Scott') == ["Robert", "C.", "Scott"]


def test_words_before_a_title_or_a_possessive_are_not_part_of_the_name():
    text = "Texas Senator Ted Cruz spoke. Breitbart London’s Raheem Kassam wrote. Florida Gov. Jeb Bush left."
    spans = persons(text, ("Texas Senator Ted Cruz",), ("Breitbart London’s Raheem Kassam",), ("Florida Gov",),
                    ("Jeb Bush",))
    entities, people = index_people(spans, text)
    assert sorted(p.name for p in people) == ["Jeb Bush", "Raheem Kassam", "Ted Cruz"]
    assert {e.text_in(text) for e in entities if e.label == "PERSON"} == {"Ted Cruz", "Raheem Kassam", "Jeb Bush"}


def test_a_suffix_or_a_programme_is_not_a_person():
    text = "William F. Buckley Jr. wrote. Jr was away. Anderson Cooper 360 aired."
    entities, people = index_people(persons(text, ("William F. Buckley",), ("Jr", 30), ("Anderson Cooper 360",)), text)
    assert [p.name for p in people] == ["William F. Buckley"]


def test_a_name_with_a_patronymic_particle_inside_is_a_person_whatever_the_model_called_it():
    text = "Three summers ago, Orlaith Ní Bhraonáin was selling coffee. Later Rógvi í Lamba arrived."
    spans = [Span(text.index("Orlaith"), text.index(" was"), "entity", "ORG"),
             Span(text.index("Rógvi"), text.index(" arrived"), "entity", "GPE")]
    entities, people = index_people(spans, text)
    assert sorted(p.name for p in people) == ["Orlaith Ní Bhraonáin", "Rógvi í Lamba"]


def test_an_organisation_name_without_a_patronymic_particle_stays_an_organisation():
    text = "Three summers ago, Harrow Securities was selling bonds."
    entities, people = index_people([Span(text.index("Harrow"), text.index(" was"), "entity", "ORG")], text)
    assert people == []


def test_a_surname_the_model_called_a_thing_is_reclaimed_where_a_reporting_verb_follows_it():
    text = ("Mulroy's attorney, Gerald Whitcomb, argued self-defence. Whitcomb told jurors it was manslaughter. "
            "Whitcomb said he would appeal.")
    spans = persons(text, ("Gerald Whitcomb",)) + [
        Span(start, start + 8, "entity", label) for start, label in
        ((text.index("Whitcomb told"), "WORK_OF_ART"), (text.index("Whitcomb said"), "ORG"))]
    entities, people = index_people(spans, text)
    assert [(p.name, p.mentions) for p in people if p.name == "Gerald Whitcomb"] == [("Gerald Whitcomb", 3)]


def test_a_known_surname_with_an_honorific_the_model_called_an_organisation_is_the_person():
    text = "Gwenllian Pritchard-Jones keeps 900 ewes. Later Ms Pritchard-Jones said she would wait."
    spans = persons(text, ("Gwenllian Pritchard-Jones",)) + [
        Span(text.index("Ms "), text.index(" said"), "entity", "ORG")]
    entities, people = index_people(spans, text)
    assert [(p.name, p.mentions) for p in people] == [("Gwenllian Pritchard-Jones", 2)]
    assert "Pritchard-Jones" in {e.text_in(text) for e in entities if e.label == "PERSON"}


def test_a_name_with_a_role_in_apposition_is_a_person_whatever_the_model_called_it():
    text = ("Carla Fiorelli threw her support behind the senator. Fiorelli, the former Hewlett-Packard CEO who "
            "dropped her own bid, spoke first. Fiorelli left.")
    spans = [Span(start, start + len(form), "entity", "ORG") for form, start in
             (("Carla Fiorelli", 0), ("Fiorelli", text.index("Fiorelli,")), ("Fiorelli", text.rindex("Fiorelli")))]
    entities, people = index_people(spans, text)
    assert [(p.name, p.mentions) for p in people] == [("Carla Fiorelli", 3)]


def test_an_organisation_with_a_description_in_apposition_stays_an_organisation():
    text = "Hartwell Pierce, the department store company, said sales fell."
    entities, people = index_people([Span(0, 15, "entity", "ORG")], text)
    assert people == []


def test_a_surname_the_model_mostly_called_an_organisation_is_the_person_where_it_is_a_subject():
    text = ("Calderas calls the wall stupid. Count former President Felipe Calderas among the critics. "
            "Calderas told CNBC it was useless. Later Calderas intimated disappointment. Calderas also noted a decline.")
    at = [i for i in range(len(text)) if text.startswith("Calderas", i) and not text.startswith("Calderas among", i - 7)]
    spans = persons(text, ("Felipe Calderas",)) + [Span(i, i + 8, "entity", "ORG") for i in at
                                                  if text[i - 7:i] != "Felipe "]
    subjects = [text.index("Calderas intimated"), text.index("Calderas also")]
    _, people = index_people(spans, text, subjects)
    assert [(p.name, p.mentions) for p in people] == [("Felipe Calderas", 5)]
    _, without_parse = index_people(spans, text)  # only the mention a reporting verb follows
    assert [(p.name, p.mentions) for p in without_parse] == [("Felipe Calderas", 2)]


def test_a_surname_another_unrecognised_name_also_ends_on_is_not_given_to_the_known_person():
    text = "Keith Lamont Scot died. Rakeyia Scot was there. Scot walked back. Scot had a book."
    spans = [Span(0, 17, "entity", "ORG")] + persons(text, ("Rakeyia Scot",)) + [
        Span(text.index("Scot walked"), text.index("Scot walked") + 4, "entity", "ORG"),
        Span(text.index("Scot had"), text.index("Scot had") + 4, "entity", "ORG")]
    subjects = [text.index("Scot walked"), text.index("Scot had")]
    _, people = index_people(spans, text, subjects)
    assert [(p.name, p.mentions) for p in people] == [("Rakeyia Scot", 1)]


def test_a_shared_surname_goes_to_the_namesake_who_was_a_subject_not_the_one_only_mentioned():
    text = ("Katrin Ahlers said the decision was hard. The bank was founded by her great-great-grandfather, "
            "Carl Friedrich Ahlers. Ahlers said it was not easy.")
    spans = persons(text, ("Katrin Ahlers",), ("Carl Friedrich Ahlers",), ("Ahlers", text.index("Ahlers said it")))
    entities, people = index_people(spans, text, [text.index("Ahlers said the")])
    last = max((e for e in entities if e.label == "PERSON"), key=lambda e: e.start)
    assert last.attrs["person"] == "Katrin Ahlers"


def test_a_subject_name_a_she_says_can_only_refer_to_is_a_person_whatever_the_model_called_it():
    text = ("Gerald Thibault spoke at noon.\n\nAcross the river, Jess Nakamura kept the diner open. "
            "“They were out there all night,” she says.\n")
    spans = persons(text, ("Gerald Thibault",)) + [Span(text.index("Jess"), text.index(" kept"), "entity", "ORG")]
    _, people = index_people(spans, text, [text.index("Nakamura")])
    assert sorted(p.name for p in people) == ["Gerald Thibault", "Jess Nakamura"]
    _, named_between = index_people(spans, text.replace("the diner", "Gerald Thibault's diner"), [text.index("Nakamura")])
    assert "Jess Nakamura" in [p.name for p in named_between]  # the diner's owner is named after "Jess", not before


def test_a_she_says_after_another_person_named_in_the_paragraph_makes_no_one_a_person():
    text = "Across the river, Harbour Lights kept the diner open for Ann Lee. “Thanks,” she says.\n"
    spans = [Span(text.index("Harbour"), text.index(" kept"), "entity", "ORG")] + persons(text, ("Ann Lee",))
    _, people = index_people(spans, text, [text.index("Lights")])
    assert [p.name for p in people] == ["Ann Lee"]


def test_a_promoted_name_ending_on_a_particle_takes_the_rest_of_the_family_name():
    text = "Cllr Pádraig Mac an tSaoi said the city needs homes. ‘We are arguing about a view,’ he said.\n"
    spans = [Span(text.index("Pádraig"), text.index(" an tSaoi"), "entity", "ORG")]
    entities, people = index_people(spans, text, [text.index("Mac")])
    assert [p.name for p in people] == ["Pádraig Mac an tSaoi"]


def test_a_she_says_does_not_make_a_name_of_ordinary_words_a_person():
    text = ("The judge is a member of the court’s liberal wing.\n\nOn Monday the Supreme Court ruled on the case. "
            "“It is over,” she said.\n")
    spans = [Span(text.index("Supreme"), text.index(" ruled"), "entity", "ORG")]
    _, people = index_people(spans, text, [text.index("Court ruled")])
    assert people == []


def test_a_place_before_a_clause_whose_subject_is_a_role_is_not_a_person():
    from annotext.analysis.mislabelled_people import promote_evident_people

    text = "At a press conference in Chelsea, the mayor also said it was too early to tell."
    place = Span(text.index("Chelsea"), text.index("Chelsea") + 7, "entity", "GPE")
    assert promote_evident_people([], [place], text) == ([], [place])
    person = "Carla Fiorelli, the former chief executive, spoke."
    assert len(promote_evident_people([], [Span(0, 14, "entity", "ORG")], person)[0]) == 1


def test_a_capitalised_title_inside_a_phrase_and_hyphenated_particles():
    assert name_words("Pacific CEO Peter Lindqvist") == ["Peter", "Lindqvist"]
    text = "Layla al-Rashid leads the airline. Later, al-Rashid said the deal was done."
    entities, people = index_people(persons(text, ("Layla al-Rashid",)), text)
    assert [(p.name, p.mentions) for p in people] == [("Layla al-Rashid", 2)]



def test_a_group_name_before_a_full_name_is_not_a_first_name():
    text = ("Republican Dana Whitlock spoke first. Republican voters cheered Dana Whitlock. "
            "Debbie Wasserman Schultz spoke next. Wasserman Schultz thanked Debbie, her namesake.")
    spans = persons(text, ("Republican Dana Whitlock",), ("Dana Whitlock", 50), ("Debbie Wasserman Schultz",),
                    ("Wasserman Schultz", 110))
    spans.append(Span(text.index("Republican voters"), text.index(" voters"), "entity", "NORP"))
    spans.append(Span(text.rindex("Debbie"), text.rindex("Debbie") + 6, "entity", "ORG"))  # a model's mistake
    _, people = index_people(spans, text)
    assert sorted(p.name for p in people) == ["Dana Whitlock", "Debbie Wasserman Schultz"]


def test_a_surname_keeps_standing_for_the_person_it_first_stood_for():
    text = ("Sen. Rob Calder is endorsing the governor. Calder said he had doubts. "
            "Critics attacked his wife, Ines Calder, last year. Calder said the attacks were unfair.")
    spans = persons(text, ("Rob Calder",), ("Calder", 40), ("Ines Calder",), ("Calder", 115))
    entities, people = index_people(spans, text)
    by_name = {p.name: p.mentions for p in people}
    assert by_name == {"Rob Calder": 3, "Ines Calder": 1}


def test_a_full_name_labelled_an_organisation_joins_the_surname_that_speaks_or_has_an_age():
    from annotext.analysis.mislabelled_people import promote_evident_people
    text = ("In Golden Meadow, shrimper Tuan Nguyen rode out the storm. \"It was loud,\" Nguyen, 54, said. "
            "Spokeswoman Haley Morris of GOP Rep Lin's office declined to comment. Morris said so.")
    persons = [Span(text.index("Nguyen,"), text.index("Nguyen,") + 6, "entity", "PERSON"),
               Span(text.index("Morris said"), text.index("Morris said") + 6, "entity", "PERSON")]
    others = [Span(text.index("Tuan"), text.index("Tuan") + 11, "entity", "ORG"),
              Span(text.index("Spokeswoman"), text.index(" of GOP"), "entity", "ORG"),
              Span(text.index("GOP"), text.index("GOP") + 3, "entity", "ORG")]
    persons, others = promote_evident_people(persons, others, text)
    assert sorted(span.text_in(text) for span in persons) == ["Haley Morris", "Morris", "Nguyen", "Tuan Nguyen"]
    assert [span.text_in(text) for span in others] == ["GOP"]


def test_organisations_places_and_relatives_the_model_called_people_are_not_people():
    text = ("Anna Weiss, a spokeswoman for the tenants' union Woonbond Amsterdam, spoke in Amsterdam. "
            "In Golden Meadow, Tuan Le rode out the storm. Power was out across Amsterdam. "
            "‘Dad would have loved it,’ Tuan Le said. Crowds gathered at Martin Luther King’s memorial.")
    spans = persons(text, ("Anna Weiss",), ("Woonbond Amsterdam",), ("Golden Meadow",), ("Tuan Le",),
                    ("Dad",), ("Tuan Le", 150), ("Martin Luther King",))
    for place in re.finditer(r"(?<=in |ss )Amsterdam", text):
        spans.append(Span(place.start(), place.end(), "entity", "GPE"))
    _, people = index_people(sorted(spans, key=lambda s: s.start), text)
    assert sorted(p.name for p in people) == ["Anna Weiss", "Martin Luther King", "Tuan Le"]


def test_a_relative_named_before_a_possessive_is_that_relative_unless_a_comma_stands_between():
    from annotext.analysis.evident_names import named_relatives
    text = "The rice is her mother Keiko’s recipe. He mourned his mother, Chad’s ambassador said."
    assert [text[s:e] for s, e in named_relatives(text)] == ["Keiko"]


def test_a_word_that_only_opens_sentences_is_not_part_of_a_name_and_a_month_is_no_one():
    text = "While Sanders, the senator from Vermont, raised money, Clinton did not. Since January nobody has."
    spans = persons(text, ("While Sanders",), ("Clinton",), ("Since January",))
    _, people = index_people(spans, text)
    assert sorted(p.name for p in people) == ["Clinton", "Sanders"]


def test_councillor_elder_and_prime_minister_titles_are_not_part_of_names():
    assert name_words("Cr Tanya Kovačević") == ["Tanya", "Kovačević"]
    assert name_words("Uncle Darren Kirby") == ["Darren", "Kirby"]
    assert name_words("Prime Minister Ragnheiður Þorsteinsdóttir") == ["Ragnheiður", "Þorsteinsdóttir"]


def test_a_name_right_after_any_organisation_noun_is_the_organisations():
    text = "Fans watched on the screen overlooking the court Philippe Chatrier. Maria Lopez won."
    _, people = index_people(persons(text, ("Philippe Chatrier",), ("Maria Lopez",)), text)
    assert [p.name for p in people] == ["Maria Lopez"]


def test_compound_and_provisional_titles_are_not_part_of_names_and_arap_is_a_particle():
    assert name_words("Vice Chancellor Özlem Yıldırım-Berger") == ["Özlem", "Yıldırım-Berger"]
    assert name_words("Chief Cabinet Secretary Ayaka Shimizu") == ["Ayaka", "Shimizu"]
    assert name_words("Premier-designate Marie-Ève Thériault") == ["Marie-Ève", "Thériault"]
    text = "Kiprotich arap Ng’eno, his coach, spoke. “He never cheated,” arap Ng’eno said."
    _, people = index_people(persons(text, ("Kiprotich arap Ng’eno",), ("arap Ng’eno", 40)), text)
    assert [(p.name, p.mentions) for p in people] == [("Kiprotich arap Ng’eno", 2)]


def test_joined_initials_and_a_quoted_nickname_belong_to_the_name(analyser):
    text = ("The distillery manager, Donald ‘Donnie’ MacPherson, who has worked there for 34 years, was there.\n\n"
            "‘There was a silence for a good minute,’ MacPherson said.\n\n"
            "J.P. Arsenault, who teaches at the Université de Moncton, watched.\n\n"
            "\"The peninsula has voted Liberal,\" Arsenault said.\n")
    result = analyser.analyse(text).to_json(text)
    assert [q["speaker"] for q in result["quotes"] if q["kind"] == "speech"] == ["Donald MacPherson", "J.P. Arsenault"]
    assert name_words("George H.W. Bush") == ["George", "H.W.", "Bush"]


def test_cups_streets_and_question_words_are_not_people():
    text = ("He won the Davis Cup in 2022. Crowds filled Waterloo Row. What Thériault does next matters. "
            "Marie Thériault won.")
    _, people = index_people(persons(text, ("Davis Cup",), ("Waterloo Row",), ("What Thériault",), ("Marie Thériault",)), text)
    assert [p.name for p in people] == ["Marie Thériault"]


def test_a_title_inside_a_longer_run_of_capitals_and_an_aged_single_name_mark_people():
    from annotext.analysis.evident_names import evident_people
    text = ("Maryland Solicitor General Naomi Feld replied that cities had banned firearms.\n\n"
            "Sutrisno, 52, a dishwasher from Central Java, had worked there for eleven years.\n\n"
            "The Rev. Thomas Kowalczyk of St. Brendan's Catholic Church spoke.\n")
    found = [text[s:e] for s, e in evident_people(text)]
    assert "Naomi Feld" in found and "Sutrisno" in found and "Catholic Church" not in found


def test_a_shared_surname_goes_to_the_namesake_the_pronoun_after_it_fits():
    text = ("Dorothy Woods, whose husband, Navy SEAL Ty Woods, died in 2012, spoke on Thursday. "
            "Woods said she does not believe the critics.")
    spans = persons(text, ("Dorothy Woods",), ("Ty Woods",), ("Woods", 80))
    entities, people = index_people(spans, text)
    dorothy = next(p for p in people if p.name == "Dorothy Woods")
    assert dorothy.mentions == 2  # "Woods said she": not her husband


def test_the_first_of_two_family_names_is_the_same_person():
    text = "Patricio Muñoz Sepúlveda leads the union. Muñoz, an electrician, spoke first."
    entities, people = index_people(persons(text, ("Patricio Muñoz Sepúlveda",), ("Muñoz", 30)), text)
    assert [(p.name, p.mentions) for p in people] == [("Patricio Muñoz Sepúlveda", 2)]


def test_a_monarch_or_pope_keeps_the_style_and_a_chiefly_title_is_dropped():
    text = ("Pope Clement XV opened the synod. Clement XV spoke for an hour. "
            "Ratu Josefa Vuniwaqa, Fiji's prime minister, agreed.")
    spans = persons(text, ("Clement XV",), ("Clement XV", 30), ("Ratu Josefa Vuniwaqa",))
    _, people = index_people(spans, text)
    assert sorted(p.name for p in people) == ["Josefa Vuniwaqa", "Pope Clement XV"]


def test_a_given_name_before_a_family_name_tagged_alone_is_another_person_of_that_family():
    text = ("MacKinnon Wins Gold\n\nSINGAPORE — Ella MacKinnon broke the record on Sunday. MacKinnon said she cried. "
            "She called her mother, Fiona MacKinnon. Fans of the Coalition Against MacKinnon stayed away.")
    spans = persons(text, ("MacKinnon", 30), ("MacKinnon", 70), ("Fiona MacKinnon",), ("MacKinnon", 160))
    _, people = index_people(spans, text)
    assert "Ella MacKinnon" in [p.name for p in people]
    assert not any(p.name.startswith(("Against", "Coalition", "Wins")) for p in people)


def test_a_name_cut_after_its_given_name_or_particle_gets_them_back():
    text = ("The rapporteur, the Dutch MEP Annelies van der Berg-Koster, spoke. The Irish MEP Caoimhe Ní Bhriain agreed. "
            "Van der Berg-Koster thanked her.")
    spans = persons(text, ("der Berg-Koster",), ("Ní Bhriain",))
    _, people = index_people(spans, text)
    assert sorted(p.name for p in people) == ["Annelies van der Berg-Koster", "Caoimhe Ní Bhriain"]


def test_the_first_word_of_a_two_word_name_written_alone_is_that_person():
    text = "Zhang Yuqing took silver. Later, Zhang said she was pleased. Zhang, speaking through an interpreter, smiled."
    _, people = index_people(persons(text, ("Zhang Yuqing",)), text)
    assert [(p.name, p.mentions) for p in people] == [("Zhang Yuqing", 3)]


def test_two_parts_of_a_name_with_only_a_particle_between_are_one_name():
    text = "Her main challenger, Dr Kiprotich arap Sang, conceded. Sang said the count was fair."
    spans = persons(text, ("Dr Kiprotich",), ("Sang",), ("Sang", 50))
    _, people = index_people(spans, text)
    assert [(p.name, p.mentions) for p in people] == [("Kiprotich arap Sang", 2)]


def test_a_title_case_description_before_a_name_is_not_part_of_it():
    assert name_words("Retiree Giuseppe Lombardini") == ["Giuseppe", "Lombardini"]
    assert name_words("Grandmother Ada Whitlock") == ["Ada", "Whitlock"]
    assert name_words("Mother Teresa") == ["Mother", "Teresa"]  # also a religious title: kept


def test_an_owner_before_a_name_is_not_part_of_it():
    assert name_words("Aston Martin's Callum MacAskill") == ["Callum", "MacAskill"]
    assert name_words("Jack O'Neill") == ["Jack", "O'Neill"]


def test_a_full_name_labelled_an_organisation_is_the_person_its_family_name_with_a_particle_names():
    text = "Kenji Yamamoto won as Sem de Bruijn of Team Lowlands took the lead. Later de Bruijn said he was tired."
    full = Span(text.index("Sem"), text.index(" of Team"), "entity", "ORG")
    short = Span(text.index("de Bruijn said"), text.index(" said"), "entity", "PERSON")
    entities, people = index_people([full, short], text)
    assert [(p.name, p.mentions) for p in people] == [("Sem de Bruijn", 2)]


def test_a_place_and_a_title_or_a_party_before_a_name_are_not_part_of_it():
    assert name_words("Toledo Mayor Antonio Rosales-Kerr") == ["Antonio", "Rosales-Kerr"]
    assert name_words("Republican Cornelius Vander Veen") == ["Cornelius", "Vander", "Veen"]
    assert name_words("Sheriff Dwayne Holcomb") == ["Dwayne", "Holcomb"]
    assert name_words("Julie Bishop") == ["Julie", "Bishop"]  # a family name that is also a title
    assert name_words("Anne Marie King Smith") == ["Anne", "Marie", "King", "Smith"]


def _index(text, spans):
    return index_people(spans, text)


def _labelled(text, form, label, start=0):
    at = text.index(form, start)
    return Span(at, at + len(form), "entity", label)


def test_a_labelled_span_with_a_verb_in_it_does_not_hide_a_known_surname():
    text = "Mike Pence spoke. Todd asked Pence about it. Pence said it was fine. Later Pence left."
    spans = [_labelled(text, "Mike Pence", "PERSON"), _labelled(text, "Todd asked Pence", "ORG"),
             _labelled(text, "Pence", "ORG", 45), _labelled(text, "Pence", "ORG", 75)]
    entities, people = _index(text, spans)
    assert any(e.start == 45 and e.attrs.get("person") == "Mike Pence" for e in entities)


def test_a_family_name_written_first_is_that_person_when_it_speaks():
    text = "Wang Lei runs the joint venture. “The badge was enough,” Wang said in the interview."
    entities, people = _index(text, [_labelled(text, "Wang Lei", "PERSON"), _labelled(text, "Wang", "ORG", 10)])
    assert [(p.name, p.mentions) for p in people] == [("Wang Lei", 2)]


def test_a_name_with_a_suffix_labelled_an_organisation_is_the_titled_person():
    text = "Counsel assisting, Aroha Te Whata SC, opened the case. Later Ms Te Whata said it came too late."
    spans = [_labelled(text, "Aroha Te Whata SC", "ORG"), _labelled(text, "Ms Te Whata", "PERSON")]
    _, people = _index(text, spans)
    assert [p.name for p in people] == ["Aroha Te Whata"]


def test_a_gaelic_patronymic_with_its_article_is_one_name():
    text = "Professor Eilidh Nic a’ Phearsain said the figures were steady. Nic a’ Phearsain smiled."
    _, people = _index(text, [_labelled(text, "Eilidh Nic", "PERSON")])
    assert people[0].name == "Eilidh Nic a’ Phearsain"


def test_given_names_before_a_name_after_an_owner_belong_to_it():
    text = "He finished ahead of Colombia’s Juan Esteban Quintero Ríos. “The danger was Juan Esteban,” said Slovenia’s Žiga Kovačič."
    spans = [_labelled(text, "Quintero Ríos", "PERSON"), _labelled(text, "Juan Esteban", "PERSON", 70),
             _labelled(text, "Kovačič", "PERSON")]
    _, people = _index(text, spans)
    assert sorted(p.name for p in people) == ["Juan Esteban Quintero Ríos", "Žiga Kovačič"]


def test_a_hyphenated_particle_opening_a_sentence_is_the_same_name():
    text = "Lt. Gov. Amira al-Haddad was mentioned. Al-Haddad said she was honoured."
    spans = [_labelled(text, "Amira al-Haddad", "PERSON"), _labelled(text, "Al-Haddad", "PERSON")]
    _, people = _index(text, spans)
    assert [(p.name, p.mentions) for p in people] == [("Amira al-Haddad", 2)]


def test_the_place_of_a_title_before_a_name_is_not_a_given_name():
    text = "Former Ambassador to Poland Charles Whitcombe, the fifth candidate, complained. Whitcombe said so."
    _, people = _index(text, [_labelled(text, "Poland Charles Whitcombe", "PERSON")])
    assert [p.name for p in people] == ["Charles Whitcombe"]


def test_a_title_case_headline_with_particles_says_nothing_about_people():
    text = ("Lefèvre Wins on Alpe d’Huez as Van der Meulen Cracks and Loses Yellow\n\n"
            "Bastien Lefèvre won the stage. Joris van der Meulen lost the jersey.")
    spans = [_labelled(text, "Lefèvre Wins", "PERSON"), _labelled(text, "Bastien Lefèvre", "PERSON"),
             _labelled(text, "Joris van der Meulen", "PERSON")]
    _, people = _index(text, spans)
    assert sorted(p.name for p in people) == ["Bastien Lefèvre", "Joris van der Meulen"]


def test_a_known_name_in_a_headline_phrase_labelled_an_organisation_is_only_the_name():
    text = ("Rivals Gang Up on Front-Runner Halvorsen in Final Iowa Debate\n\n"
            "Sen. Mark Halvorsen was attacked. Halvorsen said he was not worried.")
    spans = [_labelled(text, "Front-Runner Halvorsen", "ORG"), _labelled(text, "Mark Halvorsen", "PERSON"),
             _labelled(text, "Halvorsen", "PERSON", 90)]
    _, people = _index(text, spans)
    assert [(p.name, p.aliases) for p in people] == [("Mark Halvorsen", ["Halvorsen"])]


def test_a_namesake_named_inside_a_relative_clause_does_not_take_the_surname():
    text = ("Outside the hearing, Kerry-Anne Dwyer, whose mother, Joan Dwyer, died in her car, said she came every day. "
            "“Mum did everything,” Ms Dwyer said.")
    kerry, joan = text.index("Kerry-Anne"), text.index("Joan")
    spans = [_labelled(text, "Kerry-Anne Dwyer", "PERSON"), _labelled(text, "Joan Dwyer", "PERSON"),
             _labelled(text, "Ms Dwyer", "PERSON")]
    entities, _ = index_people(spans, text, [kerry, joan], [joan])
    assert [e.attrs["person"] for e in entities if e.label == "PERSON"][-1] == "Kerry-Anne Dwyer"


def test_a_title_ending_in_a_known_name_is_not_that_person():
    text = "Carly Fiorina wrote a memoir. The book Perfect Enough: Carly Fiorina and HP was a hit. Fiorina said so."
    spans = [_labelled(text, "Carly Fiorina", "PERSON"), _labelled(text, "Perfect Enough: Carly Fiorina", "ORG")]
    _, people = _index(text, spans)
    assert [p.name for p in people] == ["Carly Fiorina"]


def test_an_organisation_that_starts_with_a_given_name_and_speaks_as_its_family_name_is_a_person():
    text = ("Trump is on solid ground attacking Bill Clinton, Carly Fiorina said Monday. "
            "“He is fair game,” Fiorina told the hosts. Delta Air Lines said flights were full.")
    spans = [_labelled(text, "Bill Clinton", "PERSON"), _labelled(text, "Carly Fiorina", "ORG"),
             _labelled(text, "Fiorina", "ORG", 80), _labelled(text, "Delta Air Lines", "ORG")]
    _, people = _index(text, spans)
    assert sorted((p.name, p.mentions) for p in people) == [("Bill Clinton", 1), ("Carly Fiorina", 2)]


def test_a_shared_family_name_in_the_headline_is_the_person_introduced_first():
    text = ("Nominee Szabó Faces Questions\n\nJudge Helena Szabó spent hours before the committee. Her father, László "
            "Szabó, fled Budapest. Her husband, Gábor Szabó, sat behind her. Szabó said she was ready.")
    spans = [_labelled(text, "Szabó", "PERSON"), _labelled(text, "Helena Szabó", "PERSON"),
             _labelled(text, "László Szabó", "PERSON"), _labelled(text, "Gábor Szabó", "PERSON")]
    entities, _ = _index(text, spans)
    assert [e.attrs["person"] for e in entities if e.text_in(text) == "Szabó"] == ["Helena Szabó"] * 2


def test_a_name_run_into_the_dateline_is_a_person_after_the_city():
    text = ("Nominee accepts\n\nCLEVELAND - Donald Trump painted a dire portrait on Thursday. Ivanka Trump spoke before "
            "him. Trump said the country was in crisis.")
    spans = [_labelled(text, "CLEVELAND - Donald Trump", "ORG"), _labelled(text, "Ivanka Trump", "PERSON"),
             _labelled(text, "Trump", "PERSON", 80)]
    entities, people = _index(text, spans)
    assert [(e.text_in(text), e.label) for e in entities][:2] == [("CLEVELAND", "GPE"), ("Donald Trump", "PERSON")]
    assert sorted(p.name for p in people) == ["Donald Trump", "Ivanka Trump"]


def test_places_and_hospitals_named_after_people_are_not_people():
    text = ("Lorena Ibarra, a nurse at St. Francis Regional, who knocked on doors, drove down the Jefferson Davis "
            "Highway. Ibarra said so.")
    spans = [_labelled(text, "Lorena Ibarra", "PERSON"), _labelled(text, "Francis Regional", "PERSON"),
             _labelled(text, "Jefferson Davis Highway", "PERSON")]
    _, people = _index(text, spans)
    assert [p.name for p in people] == ["Lorena Ibarra"]


def test_a_possessive_is_not_part_of_a_name_and_a_nationality_before_a_name_is_no_determiner():
    text = "For two decades, Wade McCrory's name was known. He faces the Australian Callum McKenzie-Tait on Sunday."
    spans = [_labelled(text, "Wade McCrory's", "PERSON"), _labelled(text, "Callum McKenzie-Tait", "PERSON")]
    _, people = _index(text, spans)
    assert sorted(p.name for p in people) == ["Callum McKenzie-Tait", "Wade McCrory"]


def test_a_byline_keeps_a_hyphenated_family_name():
    text = "Costa wins Wimbledon\n\nBy Oliver Hargreaves-Pym at the All England Club\n\nAna Costa won the title."
    _, people = _index(text, [_labelled(text, "Ana Costa", "PERSON")])
    assert sorted(p.name for p in people) == ["Ana Costa", "Oliver Hargreaves-Pym"]


def test_a_title_and_a_description_in_title_case_before_a_name_are_not_part_of_it():
    text = ("Federal Emergency Management Agency Administrator Gordon Achterberg flew in. Challenger Lorena Ibarra "
            "won the race. Achterberg and Ibarra spoke.")
    spans = [_labelled(text, "Administrator Gordon Achterberg", "PERSON"),
             _labelled(text, "Challenger Lorena Ibarra", "PERSON")]
    _, people = _index(text, spans)
    assert sorted(p.name for p in people) == ["Gordon Achterberg", "Lorena Ibarra"]


def test_a_first_family_name_with_particles_is_the_persons_and_councilmember_a_title():
    text = "Councilmember Sofía de la Cruz Ortega spoke first. “No,” de la Cruz said."
    spans = [_labelled(text, "Councilmember Sofía de la Cruz Ortega", "PERSON"), _labelled(text, "la Cruz", "PERSON")]
    _, people = _index(text, spans)
    assert [p.name for p in people] == ["Sofía de la Cruz Ortega"]


def test_a_verb_opening_the_sentence_an_acronym_and_an_institution_are_not_names():
    text = ("Invoking Ronald Reagan, Ashby told the crowd he would verify. A senior NHS England source agreed. "
            "Staff at Queen Elizabeth Hospital walked out.")
    spans = [_labelled(text, "Invoking Ronald Reagan", "PERSON"), _labelled(text, "NHS England", "PERSON"),
             _labelled(text, "Queen Elizabeth", "PERSON")]
    _, people = _index(text, spans)
    assert [p.name for p in people] == ["Ronald Reagan"]


def test_two_family_names_that_speak_are_the_persons_whatever_the_model_called_them():
    text = "Ferrari team principal Federico Ruiz de Azúa was less philosophical. “Why?” Ruiz de Azúa said."
    spans = [_labelled(text, "Federico Ruiz de Azúa", "PERSON"), _labelled(text, "Ruiz de Azúa", "WORK_OF_ART", 70)]
    _, people = _index(text, spans)
    assert [(p.name, p.mentions) for p in people] == [("Federico Ruiz de Azúa", 2)]


def test_a_second_family_name_the_model_cut_off_belongs_to_the_name():
    text = "New Mexico Attorney General Raúl Domínguez Treviño sued the company on Tuesday. Domínguez said so."
    _, people = _index(text, [_labelled(text, "Raúl Domínguez", "PERSON")])
    assert [p.name for p in people] == ["Raúl Domínguez Treviño"]


def test_the_first_of_two_family_names_that_speaks_is_the_persons():
    text = "Attorney General Raúl Domínguez Treviño sued on Tuesday. “It is a case about lies,” Domínguez told reporters."
    spans = [_labelled(text, "Raúl Domínguez Treviño", "PERSON"), _labelled(text, "Domínguez", "ORG", 60)]
    _, people = _index(text, spans)
    assert [(p.name, p.mentions) for p in people] == [("Raúl Domínguez Treviño", 2)]
