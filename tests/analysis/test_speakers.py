"""Speaker and people-index failure classes (issue 12), each on short invented sentences."""

from annotext.analysis.analyser import Analyser
from annotext.analysis.names import headline_lines, looks_like_name
from annotext.analysis.quote_kind import SCARE, SPEECH


def analyse(analyser, text):
    data = analyser.analyse(text).to_json(text)
    return data["quotes"], data["people"]


def speakers(quotes):
    return [q["speaker"] for q in quotes if q["kind"] == SPEECH]


def test_title_case_headline_makes_no_false_person(analyser):
    text = ("Refinery Closes as Prices Slide Again\n"
            "The refinery will close in March, its owner said on Monday.\n"
            "“We have no choice,” said Colin Tate, the owner.\n")
    _, people = analyse(analyser, text)
    assert [p["name"] for p in people] == ["Colin Tate"]


def test_headline_lines_are_recognised_but_sentences_are_not():
    text = "Storm Batters Coastal Towns Overnight\nThe storm hit Kent and Sussex on Monday night.\n"
    assert headline_lines(text) == [(0, len("Storm Batters Coastal Towns Overnight"))]


def test_role_word_before_name_is_not_part_of_the_canonical_name(analyser):
    text = ("Harbourmaster Ewan Ross closed the port on Friday.\n"
            "“The swell is too dangerous,” Ross said.\n")
    quotes, people = analyse(analyser, text)
    assert speakers(quotes) == ["Ewan Ross"]
    assert "Ewan Ross" in [p["name"] for p in people]
    assert not any(p["name"] in {"Ross", "Harbourmaster Ewan Ross"} for p in people)


def test_apposed_name_the_model_missed_is_a_speaker_and_a_person(analyser):
    text = ("Shares in Keller Bank fell sharply.\n"
            "The bank's finance director, Olga Brandt, told analysts: “We expect a weaker quarter.”\n")
    quotes, people = analyse(analyser, text)
    assert speakers(quotes) == ["Olga Brandt"]
    assert "Olga Brandt" in [p["name"] for p in people]


def test_every_speaker_is_in_the_people_index_with_the_same_name(analyser):
    text = ("The council met on Tuesday.\n"
            "“We need more buses,” said Alderman Ruth Baines. “The people deserve it.”\n"
            "“It will cost too much,” Baines added later.\n")
    quotes, people = analyse(analyser, text)
    names = {p["name"] for p in people}
    assert all(s in names for s in speakers(quotes))
    assert set(speakers(quotes)) == {"Ruth Baines"}


def test_subject_with_organisation_in_apposition_speaks_not_the_organisation(analyser):
    text = "Niamh Gallagher, director of the Irish Dairy Council, said: “Prices will rise this winter.”\n"
    quotes, _ = analyse(analyser, text)
    assert speakers(quotes) == ["Niamh Gallagher"]


def test_definite_description_resolves_to_the_person_introduced_with_that_role(analyser):
    text = ("The club's chairman, Daniel Okonkwo, was appointed in May.\n"
            "The league fined the club on Friday.\n"
            "“We will appeal,” the club's chairman said.\n")
    quotes, _ = analyse(analyser, text)
    assert speakers(quotes) == ["Daniel Okonkwo"]


def test_indefinite_description_stays_a_phrase(analyser):
    text = "“The figures are out of date,” a Department of Transport spokesman said.\n"
    quotes, _ = analyse(analyser, text)
    assert speakers(quotes) == ["a Department of Transport spokesman"]


def test_it_after_a_report_is_the_report(analyser):
    text = ("The report was published by the audit office on Monday. "
            "It concludes that the scheme “has failed on every measure”.\n")
    quotes, _ = analyse(analyser, text)
    assert speakers(quotes) == ["The report"]


def test_he_and_she_follow_the_gender_the_article_gives(analyser):
    text = ("Ms Clara Voss, the chief executive, met the union leader, Mr Tom Hale, on Monday.\n"
            "Voss said the talks had been useful. "
            "Hale left early. “I expected more,” she said.\n")
    quotes, _ = analyse(analyser, text)
    assert speakers(quotes) == ["Clara Voss"]


def test_gender_from_a_role_noun(analyser):
    text = ("The spokeswoman, Helen Varga, answered questions before the chairman, Peter Lund, arrived.\n"
            "Lund sat down. “We are ready,” she said.\n")
    quotes, _ = analyse(analyser, text)
    assert speakers(quotes) == ["Helen Varga"]


def test_dateline_city_is_never_a_speaker(analyser):
    text = "OSLOBURG — Officials said on Monday that “the border will stay open”, according to the ministry.\n"
    quotes, people = analyse(analyser, text)
    assert "OSLOBURG" not in speakers(quotes)
    assert all(p["name"] != "OSLOBURG" for p in people)


def test_scare_quotes_are_marked_and_not_counted(analyser):
    text = ("Anna Petrova praised the “no-limits” partnership on Monday.\n"
            "“We will stand together,” Petrova said.\n")
    quotes, people = analyse(analyser, text)
    kinds = {q["text"]: q["kind"] for q in quotes}
    assert kinds["no-limits"] == SCARE
    assert kinds["We will stand together,"] == SPEECH
    anna = next(p for p in people if p["name"] == "Anna Petrova")
    assert anna["quotes"] == 1


def test_show_titles_and_nicknames_are_scare_quotes(analyser):
    text = ("Rep. Robert “Bobby” Marsh spoke on CBS’s “Face the Nation” on Sunday.\n"
            "“We have the votes,” Marsh said.\n")
    quotes, _ = analyse(analyser, text)
    assert [(q["text"], q["kind"]) for q in quotes] == [
        ("Bobby", SCARE), ("Face the Nation", SCARE), ("We have the votes,", SPEECH)]


def test_dash_signature_names_the_speaker(analyser):
    text = "“We deserve better than this.” ― Lucia Moreno\n“Nobody listens to us.” — Sam Okafor.\n"
    quotes, people = analyse(analyser, text)
    assert speakers(quotes) == ["Lucia Moreno", "Sam Okafor"]
    assert {"Lucia Moreno", "Sam Okafor"} <= {p["name"] for p in people}


def test_colon_at_the_end_of_the_previous_paragraph_introduces_the_quote(analyser):
    text = ("Wendy Achebe, the head teacher, was blunt.\n"
            "Achebe continued:\n"
            "“No child should sit an exam in a cold classroom.”\n")
    quotes, _ = analyse(analyser, text)
    assert speakers(quotes) == ["Wendy Achebe"]


def test_scare_quotes_are_marked_without_a_model():
    text = "“It works,” she said. The “so-called” plan.\n"
    data = Analyser().analyse(text).to_json(text)["quotes"]
    assert [q["kind"] for q in data] == [SPEECH, SCARE]


def test_name_shape():
    assert looks_like_name("Olga Brandt") and looks_like_name("Seán O’Brien") and looks_like_name("Ruud van Dijk")
    assert not looks_like_name("the market") and not looks_like_name("MOSCOW") and not looks_like_name("The Report")


def test_a_pair_describing_its_relationship_is_not_a_speaker(analyser):
    text = ("The two countries describe their relationship as a “strategic partnership” with “no limits”.\n"
            "The two leaders said on Monday: “We will meet again next year in the capital.”\n")
    quotes, _ = analyse(analyser, text)
    kinds = {q["text"]: (q["kind"], q["speaker"]) for q in quotes}
    assert kinds["strategic partnership"] == (SCARE, None)
    assert kinds["We will meet again next year in the capital."] == (SPEECH, "The two leaders")


def test_full_names_the_model_split_or_missed_are_completed(analyser):
    text = ("KILRUSH — Harbourmaster Ewan Ross defended the new charges on Tuesday.\n"
            "“We have not raised dues in eleven years,” Ross said.\n"
            "Farmers were angry. Máire Ní Fhlaithearta said the cut would wipe out her margin.\n"
            "Her neighbour, Tadhg O’Leary, agreed. “They took the money when prices were high,” he said.\n")
    quotes, people = analyse(analyser, text)
    names = {p["name"] for p in people}
    assert {"Ewan Ross", "Máire Ní Fhlaithearta", "Tadhg O’Leary"} <= names
    assert not names & {"Ross", "Tadhg", "Ní Fhlaithearta"}
    assert speakers(quotes) == ["Ewan Ross", "Tadhg O’Leary"]


def test_a_husband_with_the_same_surname_is_not_merged_into_his_wife(analyser):
    text = ("The tenant, Amira Haddad, told the court that her son had been ill for months. "
            "“He could not breathe at night,” she said.\n"
            "Mr Haddad, her husband, said the family had written to the landlord six times.\n"
            "“Nobody ever came,” he said.\n")
    quotes, people = analyse(analyser, text)
    assert speakers(quotes) == ["Amira Haddad", "Haddad"]
    assert sorted(p["name"] for p in people) == ["Amira Haddad", "Haddad"]


def test_an_unnamed_spokeswoman_is_who_she_is(analyser):
    text = ("Gareth Lloyd, the fire service’s area manager, said the rescue had been difficult.\n"
            "A spokeswoman for the county council said rest centres had been opened. "
            "“Nobody should stay in a flooded home tonight,” she said.\n")
    quotes, _ = analyse(analyser, text)
    assert speakers(quotes) == ["A spokeswoman for the county council"]


def test_it_is_the_organisation_that_reported_not_the_last_subject(analyser):
    text = ("The Environment Agency said in a statement that the defences were “on schedule”. "
            "It added that the storm had been “exceptional”.\n")
    quotes, _ = analyse(analyser, text)
    assert speakers(quotes) == ["The Environment Agency", "The Environment Agency"]


def test_storms_and_places_are_not_people(analyser):
    text = ("Hundreds of homes were flooded as Storm Morag brought heavy rain.\n"
            "The council will rename the Millbrook leisure centre. “It is a proud day for Millbrook,” said Colin Pryce.\n")
    _, people = analyse(analyser, text)
    assert [p["name"] for p in people] == ["Colin Pryce"]


def test_an_age_description_speaks_for_the_person_in_focus(analyser):
    text = ("Declan Moore scored twice on Sunday. “I felt sharp from the start,” the 24-year-old said.\n"
            "“Next week is bigger,” said the 24-year-old.\n")
    quotes, _ = analyse(analyser, text)
    assert speakers(quotes) == ["Declan Moore", "Declan Moore"]


def test_saints_names_are_clubs_and_places_not_people(analyser):
    text = "Ballyduff beat St Finbarr’s on Sunday. “We never stopped believing,” said captain Aoife Walsh.\n"
    _, people = analyse(analyser, text)
    assert [p["name"] for p in people] == ["Aoife Walsh"]


def test_a_quote_alone_in_the_next_paragraph_keeps_the_speaker_across_blank_lines(analyser):
    text = ("“We will get to the number,” Ann Collins told reporters.\n\n"
            "“So the best way we do it is to win every state.”\n")
    quotes, _ = analyse(analyser, text)
    assert speakers(quotes) == ["Ann Collins", "Ann Collins"]


def test_a_signature_in_the_next_paragraph_names_the_speaker(analyser):
    text = "“The whole idea needs to stop.”\n\n-Michelle Marks, Philadelphia.\n"
    quotes, _ = analyse(analyser, text)
    assert speakers(quotes) == ["Michelle Marks"]


def test_organisation_nouns_before_a_single_name_and_role_appositions(analyser):
    text = ("Housing charity Shelter said the ruling was “a warning to every landlord”.\n"
            "The study was published in the journal Neurology on Monday.\n"
            "Gareth Davies, the head of the National Audit Office, said: “The NHS has made real progress.”\n")
    quotes, people = analyse(analyser, text)
    assert [p["name"] for p in people] == ["Gareth Davies"]
    assert "Gareth Davies" in speakers(quotes)


def test_the_listener_is_never_who_he_is(analyser):
    text = ("Sean Hannity asked Donald Trump how high the wall would be.\n"
            "“Could be higher,” he told Hannity.\n")
    quotes, _ = analyse(analyser, text)
    assert speakers(quotes) == ["Donald Trump"]


def test_a_title_after_a_possessive_is_a_scare_quote_even_next_to_a_cue(analyser):
    text = "“It's heartbreaking,” Ryan said on CBS’s “Face the Nation” on Sunday.\n"
    quotes, _ = analyse(analyser, text)
    assert [(q["text"], q["kind"]) for q in quotes] == [("It's heartbreaking,", SPEECH), ("Face the Nation", SCARE)]


def test_continue_to_be_is_not_a_reporting_verb_and_the_addressee_is_not_the_speaker(analyser):
    text = ("Ted Cruz said he is certain Marco Rubio will continue to be “a champion for opportunity”.\n"
            "“We were wrong not to confront him,” Jorge Ramos, 58, told AFP in an interview.\n")
    quotes, _ = analyse(analyser, text)
    assert speakers(quotes) == ["Ted Cruz", "Jorge Ramos"]


def test_titles_alone_and_companies_are_not_people_and_the_judge_is_the_judge(analyser):
    text = ("Graham Whitcombe, the former finance chief of Solent Freight, denies fraud.\n"
            "The judge, Mrs Justice Patricia Hale, warned jurors not to research the case.\n"
            "“You must decide this case on the evidence,” the judge said.\n")
    quotes, people = analyse(analyser, text)
    assert sorted(p["name"] for p in people) == ["Graham Whitcombe", "Patricia Hale"]
    assert speakers(quotes) == ["Patricia Hale"]


def test_transcript_turns_in_straight_quotes_are_separate_quotations(analyser):
    text = ("Senator Maria Lopez spoke to Tom Reed on Sunday. A partial transcript follows:\n\n"
            "\"REED: Will you vote for the bill on Tuesday? Many of your colleagues say no.\n\n"
            "\"LOPEZ: I will vote for it, because the people of my state need it now.\n\n"
            "\"And I think most of my colleagues will come round in the end.\n\n"
            "\"REED: Thank you, Senator, for being with us this morning.\n")
    quotes, people = analyse(analyser, text)
    spoken = [(q["text"].split(":")[0], q["speaker"]) for q in quotes if q["kind"] == SPEECH]
    assert [s for _, s in spoken] == ["Tom Reed", "Maria Lopez", "Tom Reed"]
    assert quotes[1]["text"].endswith("come round in the end.")


def test_unclosed_quotation_opening_a_paragraph_ends_with_it():
    from annotext.analysis.quote_marks import find_quote_marks
    text = "He wrote:\n\n“We will not give up on this town, whatever they decide.\n\nThe council met later."
    found = find_quote_marks(text)
    assert [q.content(text) for q in found] == ["We will not give up on this town, whatever they decide."]
    assert find_quote_marks("He said “no more twice.") == []  # opened mid-paragraph: a stray mark


def test_he_is_never_the_person_just_called_she(analyser):
    text = ("Robin Hale studied the plan with Sam Ortiz.\n\n“It will not work,” she said.\n\n"
            "“It is fair and it will pass,” he said.\n")
    quotes, _ = analyse(analyser, text)
    assert speakers(quotes) == ["Robin Hale", "Sam Ortiz"]


def test_partial_quote_inside_someones_claim_is_their_speech(analyser):
    text = ("Police records on Friday contradicted Nora Quinn’s claim that there had been “hundreds of break-ins” "
            "in the district this year.\n")
    quotes, _ = analyse(analyser, text)
    assert [(q["kind"], q["speaker"]) for q in quotes] == [(SPEECH, "Nora Quinn")]


def test_partial_quote_in_a_reported_clause_is_the_reporters(analyser):
    text = ("Maria Alvarez won the pageant in 1996.\n\n"
            "Donald Trent tweeted in the early morning hours that Alvarez was “disgusting” and “a con” and "
            "encouraged Americans to “check out” her non-existent sex tape.\n")
    quotes, _ = analyse(analyser, text)
    assert speakers(quotes) == ["Donald Trent"] * 3  # not the subject of the clause he reported


def test_a_quoted_word_before_a_noun_is_the_reporters_when_a_reporting_verb_carries_it(analyser):
    text = ("Senator Dale Whitmore warned of a “ferocious” battle over the budget.\n\n"
            "Hannah Oduya says her “old friend” Tomas Brenner ran an honest campaign.\n\n"
            "Critics were called cranks by Lena Farrow for selling “miracle” remedies.\n\n"
            "The town unveiled a “no-limits” festival plan on Monday.\n")
    quotes, _ = analyse(analyser, text)
    assert [(q["text"], q["kind"], q["speaker"]) for q in quotes] == [
        ("ferocious", SPEECH, "Dale Whitmore"), ("old friend", SPEECH, "Hannah Oduya"),
        ("miracle", SCARE, None), ("no-limits", SCARE, None)]


def test_short_partial_quote_is_speech_only_under_a_reporting_verb(analyser):
    text = ("The county police department reported “forty stolen bicycles” in the first week of May.\n\n"
            "The old mill became a “creative hub” for the whole valley.\n")
    quotes, _ = analyse(analyser, text)
    assert [q["kind"] for q in quotes] == [SPEECH, SCARE]


def test_nickname_inside_the_speakers_name_does_not_hide_the_speaker(analyser):
    text = ("“We will win this seat in November,” Councillor Margaret “Peggy” Doyle told the crowd on Saturday.\n")
    quotes, people = analyse(analyser, text)
    assert [q["kind"] for q in quotes] == [SPEECH, SCARE]
    assert quotes[0]["speaker"] is not None and quotes[0]["speaker"].endswith("Doyle")
    assert quotes[0]["speaker"] in [p["name"] for p in people]


def test_an_organisation_that_speaks_is_not_added_to_the_people_index(analyser):
    text = 'Crestline Health said in a statement that it was "delighted with the decision."'
    result = analyser.analyse(text).to_json(text)
    assert result["quotes"][0]["speaker"] == "Crestline Health"
    assert "Crestline Health" not in [p["name"] for p in result["people"]]


def test_a_peer_or_judge_named_by_title_keeps_it_and_the_title_says_the_role(analyser):
    text = ("Mr Justice Harrow-Lyle, who is hearing the case without a jury, warned the press on Monday.\n\n"
            "‘This is a trial about evidence,’ the judge said.\n\n"
            "In the appeal, Lady Okonjo-Baird said the rules were ‘plainly inadequate’. Lady Okonjo-Baird added "
            "that the force had erred. Lord Pemberley agreed.\n")
    quotes, people = analyse(analyser, text)
    assert speakers(quotes) == ["Mr Justice Harrow-Lyle", "Lady Okonjo-Baird"]
    assert {"Mr Justice Harrow-Lyle", "Lady Okonjo-Baird", "Lord Pemberley"} <= {p["name"] for p in people}


def test_a_title_introduces_the_role_but_a_former_one_does_not(analyser):
    text = ("Ohio Gov. Ray Dunmore and former Florida Gov. Walt Brisco met voters on Monday.\n\n"
            "“We will carry this state,” the Ohio governor said.\n")
    quotes, _ = analyse(analyser, text)
    assert speakers(quotes) == ["Ray Dunmore"]


def test_a_partial_quote_under_a_gerund_is_the_main_verbs_subjects(analyser):
    text = ("In an interview on Friday, Senator Mara Quist blasted the local press for being “unbelievably lazy.”\n\n"
            "The Ledger ran a check on Quist’s claim that there have been “hundreds of closures” this year.\n")
    quotes, _ = analyse(analyser, text)
    assert [(q["kind"], q["speaker"]) for q in quotes] == [(SPEECH, "Mara Quist"), (SPEECH, "Mara Quist")]


def test_the_regulator_is_the_organisation_just_quoted_by_an_untagged_name_if_of_its_kind(analyser):
    text = ("The Information Commissioner’s Office said it had been notified and was “making enquiries”. "
            "In a statement, the regulator added that organisations had “a particular duty to keep it secure”.\n\n"
            "The Westfield Rovers Supporters Club said it was “deeply shocked”. "
            "The regulator said the league had “acted too late”.\n")
    quotes, _ = analyse(analyser, text)
    assert speakers(quotes)[:2] == ["The Information Commissioner’s Office"] * 2
    assert speakers(quotes)[3] != speakers(quotes)[2]  # a supporters' club is not a regulator


def test_an_age_description_is_never_someone_introduced_with_another_age(analyser):
    text = ("PERTH — Daniel Okafor won his third title on Saturday, while 17-year-old Ruby Castellan won the 1500m.\n\n"
            "Okafor clocked 48.21 seconds.\n\n"
            "“I finally just ran,” the 26-year-old said.\n")
    quotes, _ = analyse(analyser, text)
    assert speakers(quotes) == ["Daniel Okafor"]


def test_he_after_a_confirmed_clause_is_the_one_who_confirmed(analyser):
    text = ("Luca Bertolini was sent off for a late challenge on Jamal Oduya, who had opened the scoring.\n\n"
            "Villa manager Gregor Lennox, whose side have dropped nine points this season, was blunt.\n\n"
            "“We stopped playing,” he said.\n\n"
            "Lennox confirmed that Oduya had gone off late on with a hamstring injury and would have a scan on Monday. "
            "“It doesn’t look great,” he added. “He felt it straight away.”\n")
    quotes, _ = analyse(analyser, text)
    assert speakers(quotes) == ["Gregor Lennox"] * 3


def test_partial_quotes_in_a_clause_inside_the_reported_clause_are_the_reporters(analyser):
    text = ("Donald Trump spoke to reporters on Monday.\n\n"
            "Trump, in Kentucky, said Tuesday that Marco Rubio was “a total lightweight” while Ted Cruz is "
            "“a basket case” and “a liar.”\n")
    quotes, _ = analyse(analyser, text)
    assert speakers(quotes) == ["Donald Trump"] * 3


def test_an_organisation_named_after_its_description_speaks_by_its_name(analyser):
    text = ("Germany's financial regulator, BaFin, said it would review the deal “in the usual way”.\n\n"
            "The train drivers’ union Aslef said the report got “everything right”.\n\n"
            "A spokeswoman for the Consumer Brands Association called it “a misleading label”.\n")
    quotes, _ = analyse(analyser, text)
    assert speakers(quotes) == ["BaFin", "Aslef", "A spokeswoman for the Consumer Brands Association"]


def test_a_paragraph_where_someone_takes_the_turn_introduces_the_next_quotation(analyser):
    text = ("Hannah Price, 34, has been missing since Friday.\n\n"
            "Her brother, Daniel, spoke to reporters outside the police station on Sunday evening.\n\n"
            "‘Hannah is the one who looks after everybody else.’\n\n"
            "The search resumed at dawn.\n\n"
            "‘We will not stop.’\n")
    quotes, _ = analyse(analyser, text)
    assert [q["speaker"] for q in quotes] == ["Daniel", None]  # a paragraph where nobody takes the turn gives none


def test_a_nationality_noun_is_the_person_the_text_is_about(analyser):
    text = ("Villa manager Gregor Lennox, whose side have dropped nine points this season, was blunt.\n\n"
            "Asked whether his position was under threat, the Scot said: “That is not a question for me.”\n\n"
            "The French were not impressed.\n")
    quotes, _ = analyse(analyser, text)
    assert speakers(quotes) == ["Gregor Lennox"]


def test_partial_quotes_in_a_participle_clause_are_the_reporters(analyser):
    text = ("Governor Chris Dalton and Senator Marco Ruiz spoke on Monday.\n\n"
            "Dalton, the state’s sitting governor, repeated accusations that Ruiz recites the same campaign "
            "points, calling him a “talented guy” when required to “deliver a speech, read a teleprompter.”\n")
    quotes, _ = analyse(analyser, text)
    assert speakers(quotes) == ["Chris Dalton"] * 2


def test_a_headline_quotation_before_a_colon_and_a_name_is_that_persons(analyser):
    text = ("“I wrote it at my mam’s kitchen table”: Niamh Doherty sweeps the Aurora awards\n\n"
            "Niamh Doherty was the big winner on Saturday night.\n")
    quotes, _ = analyse(analyser, text)
    assert speakers(quotes) == ["Niamh Doherty"]


def test_the_company_that_spoke_is_not_displaced_by_organisations_in_its_sentence_or_in_quotations(analyser):
    text = ("Berger & Lindqvist said it would appeal to the EU's General Court in Luxembourg.\n\n"
            "\"The Commission has misunderstood this market,\" the company said in a statement.\n\n"
            "The Kansas Chamber, which lobbied for the bill, said in a statement that the veto was wrong.\n\n"
            "\"Kansas is losing workers,\" the statement said.\n\n"
            "(Reporting by Marta Kowalczyk-Nunes; Editing by Tomás Aherne)\n")
    quotes, people = analyse(analyser, text)
    assert speakers(quotes) == ["Berger & Lindqvist", "Kansas Chamber"]
    assert {p["name"] for p in people} == {"Marta Kowalczyk-Nunes", "Tomás Aherne"}


def test_a_definite_source_described_by_who_they_are_stays_that_description(analyser):
    text = ("Minister of State Niamh Fennelly told the Dáil that the Government would act.\n\n"
            "The parent who first shared the screenshots, who asked not to be named, said she welcomed the inquiry.\n\n"
            "“I’m not trying to shut anybody down,” she said.\n")
    quotes, _ = analyse(analyser, text)
    assert speakers(quotes) == ["The parent who first shared the screenshots"]


def test_more_verbs_of_speaking_attribute_a_quotation(analyser):
    text = ("John Bolton spoke on Monday.\n\n"
            "“That is a disservice to them,” Bolton charged.\n\n"
            "“I’m going to support him,” Bolton beamed.\n")
    quotes, _ = analyse(analyser, text)
    assert speakers(quotes) == ["John Bolton", "John Bolton"]


def test_an_age_description_opening_a_sentence_is_who_she_is_next(analyser):
    text = ("Philippa Crowe, the agency’s director, said: “Today’s sentence sends a clear message.”\n\n"
            "For Ciara Walsh, who founded the swimmers' group in 2020, the sentence was a vindication. "
            "The 38-year-old, who lives in Dartington, collected samples every week.\n\n"
            "“My daughter was ill for a week after swimming,” she said.\n")
    quotes, _ = analyse(analyser, text)
    assert speakers(quotes) == ["Philippa Crowe", "Ciara Walsh"]


def test_the_last_sentence_of_a_paragraph_can_hand_the_turn(analyser):
    text = ("‘I have to give her credit,’ Zheng Yiran said.\n\n"
            "She was asked twice about her shoulder. She shook her head both times and then answered in English.\n\n"
            "‘No excuses. I will come back here next year.’\n")
    quotes, _ = analyse(analyser, text)
    assert speakers(quotes) == ["Zheng Yiran", "Zheng Yiran"]


def test_a_title_case_name_after_a_determiner_or_possessive_is_a_scare_quote(analyser):
    text = ("Speaker Newt Gingrich included it in his 1994 “Contract with America.”\n\n"
            "Clinton spoke during a \"Commander-in-Chief Forum\" sponsored by NBC News, she said.\n\n"
            "“We Will Win,” Gingrich said.\n")
    quotes, _ = analyse(analyser, text)
    assert [q["kind"] for q in quotes] == [SCARE, SCARE, SPEECH]


def test_a_short_clause_opening_with_a_pronoun_is_speech_not_a_scare_quote(analyser):
    text = ("Aaron Kall compared Trump to a coach who works the referees in hopes that \"they'll go easier\" on him.\n\n"
            "The old mill became a “creative hub” for the whole valley.\n")
    quotes, _ = analyse(analyser, text)
    assert [q["kind"] for q in quotes] == [SPEECH, SCARE]


def test_a_name_someone_called_or_cited_is_their_words_but_a_plain_title_is_not(analyser):
    text = ("Mayor Dana Whitcombe called the councillor “Mister Gridlock” on Monday.\n\n"
            "Councillor Ruth Baines cited the mayor’s past references to her as “Lady Potholes” and “Queen Delay” "
            "as examples of his disrespect.\n\n"
            "She appeared on “The Late Show” on Tuesday.\n")
    quotes, _ = analyse(analyser, text)
    assert [(q["kind"], q["speaker"]) for q in quotes][:3] == [(SPEECH, "Dana Whitcombe"), (SPEECH, "Ruth Baines"),
                                                                (SPEECH, "Ruth Baines")]
    assert quotes[3]["kind"] == SCARE


def test_a_sentence_before_a_quotation_in_the_same_paragraph_can_hand_the_turn(analyser):
    text = ("“Rates will fall by spring,” said Craig Robson, an economist at Tarn Capital.\n\n"
            "Professor Dianne Bystrom disagreed. “Nobody at the bank is promising that.”\n\n"
            "“The data are mixed,” Robson said. Ruth Osei agreed. “Mixed is generous.”\n\n"
            "Ruth Osei left the room. “Back in a minute.”\n")
    quotes, _ = analyse(analyser, text)
    assert [(q["text"], q["speaker"]) for q in quotes] == [
        ("Rates will fall by spring,", "Craig Robson"), ("Nobody at the bank is promising that.", "Dianne Bystrom"),
        ("The data are mixed,", "Craig Robson"), ("Mixed is generous.", "Ruth Osei"),
        ("Back in a minute.", None)]  # leaving the room hands no turn


def test_phrasal_reporting_verbs_are_cues(analyser):
    text = ("“You have no plan,” said Senator Ellen Marsh.\n\n"
            "Tom Okafor shot back, “I have had a plan for two years.”\n\n"
            "“Would you raise taxes?” the moderator Rita Vance pressed.\n\n"
            "“It happens,” Okafor went on. “You get over it.”\n\n"
            "“The way I see it,” Marsh elaborated, “you cannot.”\n\n"
            "As the prosecutor Anne Kuipers put it, “nobody kept the receipts.”\n")
    quotes, _ = analyse(analyser, text)
    assert speakers(quotes) == ["Ellen Marsh", "Tom Okafor", "Rita Vance", "Tom Okafor", "Tom Okafor", "Ellen Marsh",
                                "Ellen Marsh", "Anne Kuipers"]


def test_a_description_named_after_a_person_is_not_that_person(analyser):
    text = ("Chris Christie endorsed Donald Trump on Friday in Concord.\n\n"
            "At a town hall in Hudson, the Christie supporter retorted: “There is a special place for people like that.”\n")
    quotes, _ = analyse(analyser, text)
    assert speakers(quotes) == ["the Christie supporter"]


def test_a_title_the_model_kept_in_the_name_introduces_the_role(analyser):
    text = ("Archbishop Julius Ndung’u of the Anglican Diocese of Nakuru, who chaired the talks, urged calm. "
            "“We will still be neighbours,” the archbishop said.\n\n"
            "Pope Clement XV opened the synod on Sunday. “It is an act of listening,” the 71-year-old pontiff said.\n\n"
            "On Friday the soprano Karen Lindholm sang the lullaby. Lindholm grew up in Malmö. "
            "“It terrified me,” the 31-year-old Swedish soprano admitted.\n")
    quotes, _ = analyse(analyser, text)
    assert speakers(quotes) == ["Julius Ndung’u", "Pope Clement XV", "Karen Lindholm"]


def test_a_lead_may_describe_someone_it_names_later_and_a_document_is_its_owners(analyser):
    text = ("An independent review has found failures at two hospitals, in a report that its chair described as "
            "‘a story of warnings given and warnings ignored’.\n\n"
            "In her foreword, the review’s chair, Prof. Ruth Ní Dhomhnaill, a consultant midwife, wrote that "
            "families had been failed.\n\n"
            "One of the midwives who raised the alarm, Chidinma Eze, said she had been moved. The review found that "
            "her email, which warned of ‘an accident waiting to happen’, was never discussed.\n\n"
            "Cllr Declan O’Dowd, who sits on the housing committee, said the findings were damning. "
            "‘We were told it was in hand,’ Cllr Declan said.\n")
    quotes, people = analyse(analyser, text)
    assert speakers(quotes) == ["Ruth Ní Dhomhnaill", "Chidinma Eze", "Declan O’Dowd"]
    assert "Declan" not in [p["name"] for p in people]


def test_after_an_answer_a_cue_less_question_is_the_questioners_turn(analyser):
    text = ("At the news conference, a reporter from Fiji's national broadcaster pressed the minister, "
            "Daniel Hale, on new mines.\n\n"
            "“Will Australia approve new coal mines this year?” the reporter asked.\n\n"
            "“Every project will be assessed on its merits,” Hale replied.\n\n"
            "“So that's a yes?”\n\n"
            "“It is an answer,” he said.\n\n"
            "“And it is final.”\n")
    quotes, _ = analyse(analyser, text)
    reporter = "a reporter from Fiji's national broadcaster"
    assert speakers(quotes) == [reporter, "Daniel Hale", reporter, "Daniel Hale", "Daniel Hale"]


def test_chained_titles_a_relative_clause_and_a_determiner_introduce_roles_and_names(analyser):
    text = ("Det. Insp. Aoife MacNamara is leading the investigation. “Call us,” DI MacNamara said.\n\n"
            "Graham Oakes, who coached two Olympic champions, watched from the stands. "
            "‘We spent months on one stroke,’ the coach said.\n\n"
            "Joris de Wit won after the Brazilian Thiago Conceição, who touched first, was disqualified.\n\n"
            "Conceição was furious. ‘I have done this turn a thousand times,’ he said.\n\n"
            "“We will find everyone,” the detective said.\n")
    quotes, people = analyse(analyser, text)
    assert speakers(quotes) == ["Aoife MacNamara", "Graham Oakes", "Thiago Conceição", "Aoife MacNamara"]
    assert "Thiago Conceição" in [p["name"] for p in people]


def test_a_paragraph_of_reported_speech_hands_the_turn_and_an_apposed_name_is_the_subject(analyser):
    text = ("Jana Dvořák, a Czech MEP, opposed the law.\n\n"
            "The law’s rapporteur, the Dutch Green MEP Annelies van der Berg-Koster, said the vote ended what she called "
            "“the throwaway decade”.\n\n"
            "Ember & Vine’s co-founder, Orla Ní Dhuibhir, said the press had found the manuscript in a pile.\n\n"
            "“It came in on a Friday afternoon with a very polite cover letter.”\n\n"
            "Gabriel Costa, a student from Porto Alegre, said he had joined the march. “We won this already,” he said.\n")
    quotes, _ = analyse(analyser, text)
    assert speakers(quotes) == ["Annelies van der Berg-Koster", "Orla Ní Dhuibhir", "Gabriel Costa"]


def test_a_headline_quotation_is_the_words_of_whoever_says_them_in_the_article(analyser):
    text = ("“We Found Out From a Group Text”: Zárate Closes After 14 Years in the West Village\n\n"
            "The restaurant closed on Sunday.\n\n"
            "“We found out from a group text,” said Keisha Okafor-Bright, 33, the restaurant’s sous-chef.\n")
    quotes, _ = analyse(analyser, text)
    assert [(q["kind"], q["speaker"]) for q in quotes] == [(SPEECH, "Keisha Okafor-Bright")] * 2
