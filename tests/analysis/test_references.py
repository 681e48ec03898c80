"""Who a description or a pronoun refers to (issue 12), each rule on short invented sentences."""

from annotext.analysis.appositions import comma_apposed
from annotext.analysis.attribution import Attributor
from annotext.core.results import PERSON
from annotext.core.spans import Span
from tests.speaker_lists import speech_speakers as speakers


def test_role_of_a_place_introduces_the_person_a_later_description_names(analyser):
    text = ("The mayor of Tressick, Councillor Morwenna Hale, said the fees would rise in April.\n"
            "“Nobody wanted to do this,” the mayor said.\n")
    assert speakers(analyser, text) == ["Morwenna Hale"]


def test_role_word_written_before_the_name_introduces_the_person(analyser):
    text = ("Athletic director Dana Whitlow watched from the front row.\n"
            "“He has our full support,” the athletic director said after the game.\n")
    assert speakers(analyser, text) == ["Dana Whitlow"]


def test_a_describing_adjective_need_not_repeat_the_introduction(analyser):
    text = ("The plan was opposed by Alderman Piers Langdon at the meeting on Monday.\n"
            "“It is a waste of money,” the veteran alderman said.\n")
    assert speakers(analyser, text) == ["Piers Langdon"]


def test_a_description_with_a_pronoun_cue_after_it_is_the_named_role_holder(analyser):
    text = ("The plan was opposed by Alderman Piers Langdon at the meeting on Monday.\n"
            "The veteran alderman warned that the council risked what he called ‘a contest nobody wins’.\n")
    assert speakers(analyser, text) == ["Piers Langdon"]


def test_a_description_nobody_was_introduced_with_stays_a_description(analyser):
    text = ("The council met on Monday to set the harbour fees.\n"
            "“Nobody wanted to do this,” the mayor said.\n")
    assert speakers(analyser, text) == ["the mayor"]


def test_a_role_changing_adjective_must_match(analyser):
    text = ("Mayor Morwenna Hale opened the meeting on Monday.\n"
            "“We were never consulted,” the former mayor said.\n")
    assert speakers(analyser, text) == ["the former mayor"]


def test_he_after_a_subject_named_inside_an_apposition_is_that_subject(analyser):
    text = ("Inspector Callum Rhys said the water rose within minutes. ‘We moved everyone out,’ he said.\n"
            "Her neighbour, the baker Oswin Threlfall-Gray, was more philosophical. "
            "‘The sea always comes back,’ he said.\n")
    assert speakers(analyser, text) == ["Callum Rhys", "Oswin Threlfall-Gray"]


def test_a_name_that_a_reporting_verb_follows_is_salient_even_when_the_parse_lost_its_subject():
    text = "Outside the court, Bernadette Quill, the skipper’s wife, said the family was relieved. Tom Bright left."
    quill = Span(text.index("Bernadette"), text.index(", the skipper"), PERSON, "PERSON", {"person": "Bernadette Quill"})
    bright = Span(text.index("Tom"), text.index(" left"), PERSON, "PERSON", {"person": "Tom Bright"})
    attributor = Attributor(text, [], [quill, bright], {}, subject_starts=[])
    assert attributor._is_salient(quill)
    assert not attributor._is_salient(bright)


def test_he_is_the_reporter_not_the_subject_of_what_he_reported(analyser):
    text = ("Detective Mark Evans said he had watched Peter Lloyd leave the bar that evening. "
            "‘I had no reason to doubt him,’ he said.\n")
    assert speakers(analyser, text) == ["Mark Evans"]


def test_she_after_a_description_is_the_person_named_with_that_role(analyser):
    text = ("Chancellor Helen Marsh-Abbott said the cuts were needed.\n"
            "Professor Aisha Karim said in an interview that she was angry. “This is a betrayal,” she said.\n"
            "Asked whether she expected thanks, the chancellor laughed.\n"
            "“Nobody thanks you for this,” she said.\n")
    assert speakers(analyser, text) == ["Aisha Karim", "Helen Marsh-Abbott"]


def test_a_description_is_not_the_person_who_held_the_role_before(analyser):
    text = ("Mayor Anne Ruddock said the scheme would close.\n"
            "It began in 1998, when then-Mayor Peter Holt signed the contract.\n"
            "“It has served the town well,” the mayor said.\n")
    assert speakers(analyser, text) == ["Anne Ruddock"]


def test_a_cueless_quote_continues_a_speaker_only_when_the_paragraph_before_ends_with_that_quote(analyser):
    text = ("“We will win this,” said Ana Ruiz.\n\n"
            "“They will not,” Tom Bell replied. Later the crowd cheered and the hall emptied slowly.\n\n"
            "“Nobody expected this result.”\n\n"
            "“It was a fair fight,” Bell said.\n\n"
            "“And we will be back.”\n")
    assert speakers(analyser, text) == ["Ana Ruiz", "Tom Bell", None, "Tom Bell", "Tom Bell"]


def test_a_family_name_with_a_capital_particle_opening_a_sentence_is_the_known_person(analyser):
    text = ("The singer Orlaith Ní Bhraonáin played first. Her fan Chiamaka Obi, 19, drove up from Athlone.\n\n"
            "‘She writes about us,’ Ms Obi said.\n\n"
            "Asked about the show, Ní Bhraonáin laughs. ‘Don’t trip,’ she says.\n")
    assert speakers(analyser, text) == ["Chiamaka Obi", "Orlaith Ní Bhraonáin"]


def test_an_ambiguous_description_is_the_role_holder_named_just_before(analyser):
    text = ("The Faroese minister Rógvi í Lamba met the Norwegian minister, Ingrid Solheim-Berg, in Bergen.\n\n"
            "Í Lamba said the talks would go on. “We will sit at the table,” the minister said.\n")
    assert speakers(analyser, text) == ["Rógvi í Lamba"]


def test_she_continues_the_subject_of_the_sentences_before_not_the_last_person_named(analyser):
    text = ("Three summers ago, Saoirse Ní Dhonnabháin was selling coffee from a van.\n\n"
            "Her debut album went to number one. She has toured America, supporting Maggie Rockwell on one leg.\n\n"
            "‘It still doesn’t feel real,’ she says.\n")
    assert speakers(analyser, text) == ["Saoirse Ní Dhonnabháin"]


def test_she_after_a_two_word_role_is_the_person_introduced_with_it(analyser):
    text = ("Lumenlight chief executive Lauren St. Claire said the company had found the fault.\n\n"
            "Teresa Villalobos, counsel at the group SafeHome, said the gap was too long. “Those are bedrooms,” "
            "Villalobos said.\n\n"
            "Asked about the delay, the chief executive said the company had needed time. “You don't want to "
            "recall the wrong product,” she said.\n")
    assert speakers(analyser, text) == ["Teresa Villalobos", "Lauren St. Claire"]


def test_she_after_a_role_from_the_wider_vocabulary_is_the_person_introduced_with_it(analyser):
    text = ("“We are getting out of its way,” incident commander Marisol Fuentes-Arriaga said.\n\n"
            "“There is no rain in the forecast,” said Tyler Brooker, a meteorologist with the weather service.\n\n"
            "Asked when residents might be allowed home, the incident commander said she could not give a date. "
            "“I'd be lying to you,” she said.\n")
    assert speakers(analyser, text) == ["Marisol Fuentes-Arriaga", "Tyler Brooker", "Marisol Fuentes-Arriaga"]


def test_she_after_a_description_with_a_nationality_is_the_one_person_introduced_with_the_role(analyser):
    text = ("Captain Aoife Ní Bhraonáin made the decisive turnover on her own line.\n\n"
            "Winger Margaux Dubois-Sanet scored twice for France. “We came back,” Dubois-Sanet said.\n\n"
            "The Irish captain was asked whether she had doubted the result. She said: “Only for about nine minutes.”\n")
    assert speakers(analyser, text) == ["Margaux Dubois-Sanet", "Aoife Ní Bhraonáin"]


def test_of_two_subjects_the_parser_gave_a_reporting_verb_the_nearer_speaks(analyser):
    text = ("Ballyvourney led by two points with ten minutes left after a goal from Róisín Kiely-Dunne, and their "
            "manager, Declan Brennan, said afterwards that his side had “stopped playing” once they went ahead.\n")
    assert speakers(analyser, text) == ["Declan Brennan"]


def test_a_description_in_the_lead_is_the_one_person_the_body_introduces_with_that_role(analyser):
    text = ("CORK — A skipper was fined €18,000 on Thursday, with a judge describing his logbooks as "
            "‘an exercise in creative writing’.\n\n"
            "Rónán MacAulay, 52, admitted the offences. In her remarks, Judge Gráinne de Paoire said the sea "
            "was not a private larder.\n")
    assert speakers(analyser, text)[0] == "Gráinne de Paoire"


def test_a_description_after_people_were_named_is_not_given_a_later_name(analyser):
    text = ("Rónán MacAulay, 52, was fined €18,000 on Thursday, with a judge describing his logbooks as "
            "‘an exercise in creative writing’.\n\n"
            "In her remarks, Judge Gráinne de Paoire said the sea was not a private larder.\n")
    assert speakers(analyser, text)[0] != "Gráinne de Paoire"


def test_the_subject_of_a_passive_is_not_the_reporter_of_the_clause_inside_it(analyser):
    text = ("Inspector Callum MacInnis and Mrs Isla McPhee were both praised by Argyll and Bute Council’s leader, "
            "who called the evacuation ‘textbook’.\n")
    assert speakers(analyser, text) == ["Argyll and Bute Council’s leader"]


def test_a_name_before_a_relative_clause_and_a_verb_is_the_subject_she_refers_to(analyser):
    text = ("Labour Minister Javiera Ibáñez said both sides had to move. “Nobody wins,” she said.\n\n"
            "In the mining camp of Sierra Gorda, where many of the strikers live in prefabricated housing, Rosa Quispe, "
            "whose husband has driven a haul truck at Cerro Toro for 17 years, was preparing soup for the picket line.\n\n"
            "“We women are the ones who make the strike last,” she said.\n\n"
            "Ana Ruiz and Carmen Soto, who played together in the 1990s, embraced. “She is a friend,” Ruiz said.\n")
    result = analyser.analyse(text).to_json(text)
    assert [q["speaker"] for q in result["quotes"]] == ["Javiera Ibáñez", "Rosa Quispe", "Ana Ruiz"]


def test_a_name_between_commas_right_before_the_verb_speaks_however_the_parser_attached_it():
    text = ("A spokeswoman for the Department of Homeland Security, Angela Prieto-Marsh, said the department "
            "was reviewing it. A lawyer for the firm, which sued its director, Ahmed Rashid, said it had won.")
    person = Span(text.index("Angela"), text.index(", said"), PERSON, "PERSON")
    director = Span(text.index("Ahmed"), text.index(", said it"), PERSON, "PERSON")
    department = Span(text.index("the Department"), text.index(", Angela"), PERSON, "ORG")
    entities = [department, person, director]
    starts = [span.start for span in entities]
    subject_end = text.index(" for the Department")
    assert comma_apposed(text, entities, starts, subject_end, text.index("said the"), {"PERSON"}) == person
    assert comma_apposed(text, entities, starts, subject_end, text.index("said the"), {"ORG"}) is None
    firm_end = text.index(" for the firm")
    assert comma_apposed(text, entities, starts, firm_end, text.index("said it"), {"PERSON"}) is None  # the firm's director


def test_a_party_epithet_is_the_member_just_named(analyser):
    text = ("Sen. Marisol Ybarra-Quinn, D-N.M., questioned the witness for an hour. Ybarra-Quinn said the rules were "
            "too weak. \"If you can be sued, you test harder,\" the New Mexico Democrat said.")
    assert speakers(analyser, text) == ["Marisol Ybarra-Quinn"]


def test_a_party_epithet_is_never_a_member_of_the_other_party(analyser):
    text = ("Sen. Marisol Ybarra-Quinn, D-N.M., and Sen. Colt Harnish, R-Okla., sparred. Harnish said the bill went "
            "too far. \"This is a mistake,\" the Democrat said.")
    assert speakers(analyser, text) != ["Colt Harnish"]


def test_the_agent_of_a_passive_main_clause_is_who_a_later_he_continues(analyser):
    text = ("The council leader, Rodrigo Alvarenga, defended the plan on Monday. The images were analysed by Tiago "
            "Monteiro-Lins, a remote-sensing specialist at the institute, who testified in March. Speaking after the "
            "verdict, he said the case was clear. \"Now we can date every hectare,\" he said.")
    assert speakers(analyser, text) == ["Tiago Monteiro-Lins"]


def test_the_agent_of_a_participle_before_the_subject_is_not_who_speaks(analyser):
    text = "Senator Ruth Abernathy spoke first. Pressed by Greg Otieno, she said: \"I will secure the border first.\""
    assert speakers(analyser, text) == ["Ruth Abernathy"]


def test_the_answer_after_a_question_put_to_someone_is_theirs(analyser):
    text = ("Presenter Robin Castellane opened the show. Castellane also pressed Anand Vishwakarma on reports that his "
            "brother had won a state contract.\n\n\"Every dollar was disclosed,\" he said.")
    assert speakers(analyser, text) == ["Anand Vishwakarma"]


def test_a_request_is_not_a_question_the_asker_goes_on(analyser):
    text = ("Chair Robin Castellane spoke after Anand Vishwakarma. Castellane asked Vishwakarma to resign.\n\n"
            "\"It is time,\" he said.")
    assert speakers(analyser, text) == ["Robin Castellane"]


def test_a_role_given_after_a_party_and_state_introduces_the_person(analyser):
    text = ("\"We asked nicely,\" Rep. Gordon Lachlan (R-Ohio), the committee's chairman, said. Harriet Ovens, a former "
            "counsel, disagreed.\n\nThe chairman said the committee could sue. \"I don't want to go there,\" he said.")
    assert speakers(analyser, text)[-1] == "Gordon Lachlan"


def test_she_after_asked_whether_she_is_the_woman_asked(analyser):
    text = ("Ferry inquiry\n\nA former engineer, Mairi Sutherland, told MSPs she had warned in writing. The committee’s "
            "convener, Alasdair Moray, asked whether she believed ministers had overruled the board. ‘I can only tell "
            "you what I was told,’ she replied.")
    assert speakers(analyser, text) == ["Mairi Sutherland"]


def test_a_pronoun_in_the_lead_with_nobody_named_before_is_the_person_named_next(analyser):
    text = ("Contract should never have been signed, committee told\n\nA former senior engineer at the ferry agency has "
            "told MSPs she warned in writing that the contract ‘should never have been signed’, years before the ships "
            "entered service.\n\nMairi Sutherland, who was head of procurement until 2019, said she had sent a memo.")
    assert speakers(analyser, text) == ["Mairi Sutherland"]


def test_its_document_speaks_for_the_organisation_just_named(analyser):
    text = ("Outbreak grows\n\nNationally, the Public Health Agency of Canada reported 611 cases so far this year. Its "
            "latest weekly report warned that “sustained community transmission is occurring” in several provinces.")
    assert speakers(analyser, text) == ["the Public Health Agency of Canada"]


def test_the_one_person_of_the_sentence_before_a_quotation_is_its_he_even_as_an_object(analyser):
    text = ("Hearing ends\n\nA spokeswoman for the agency said Gerald Thistlewood was traveling to a conference.\n\n"
            "That explanation did not satisfy Brendan MacNeal. \"The administrator is welcome in this room any day,\" he said.")
    assert speakers(analyser, text) == ["Brendan MacNeal"]


def test_an_object_is_not_the_he_when_the_sentence_is_about_someone_else(analyser):
    text = ("Centre renamed\n\nMary Quinlan, who lives in Cardiff, was not at the meeting.\n\nShe dedicated the honour to "
            "her first coach, Gerry Doherty, who died in 2021. ‘He would have told me to get back to training,’ she said.")
    assert speakers(analyser, text) == ["Mary Quinlan"]


def test_a_name_ending_in_a_combining_accent_keeps_it(analyser):
    text = "Strike\n\n‘Nobody wants to be out here,’ said Dr Oluwaseun Adébáyọ̀, president of the branch."
    data = analyser.analyse(text).to_json(text)
    assert [q["speaker"] for q in data["quotes"]] == ["Oluwaseun Adébáyọ̀"]
    assert [p["name"] for p in data["people"]] == ["Oluwaseun Adébáyọ̀"]


def test_a_title_abbreviation_the_parser_split_off_is_the_name_after_it(analyser):
    text = "Budget\n\n“I don’t have the votes today,” said Ald. Wendy Pryor-Jackson, 6th, who chairs the Finance Committee."
    data = analyser.analyse(text).to_json(text)
    assert [q["speaker"] for q in data["quotes"]] == ["Wendy Pryor-Jackson"]
    assert [p["name"] for p in data["people"]] == ["Wendy Pryor-Jackson"]


def test_the_person_of_the_paragraph_before_a_quotation_paragraph_is_its_she(analyser):
    text = ("Picket\n\nThe branch president, Oluwaseun Adeyemi, spoke first.\n\nAmong those on the picket line were Dr Tom "
            "Lindqvist and Dr Anna Lindqvist, a married couple who both lecture in chemistry.\n\n‘We’ve got a mortgage and "
            "two kids,’ she said.")
    assert speakers(analyser, text) == ["Anna Lindqvist"]


def test_a_noun_in_an_absolute_phrase_is_not_the_subject_of_the_verb_after_it(analyser):
    text = ("Rally\n\nDES MOINES, Iowa — Elaine Marchetti climbed onto a hay wagon on Saturday night, sleeves rolled to "
            "the elbow, and told supporters that the country was “one good election away” from a better future.")
    assert speakers(analyser, text) == ["Elaine Marchetti"]


def test_a_person_named_only_as_they_asked_speaks(analyser):
    text = ("Budget\n\nAnother speaker, a landlord who gave his name only as Yusuf, warned that increases would be passed "
            "on. “You raise my taxes, I raise the rent,” he said.")
    assert speakers(analyser, text) == ["Yusuf"]


def test_an_unnamed_source_introduced_as_the_agent_of_a_passive_is_taken_up_again(analyser):
    text = ("Heat\n\nThe minister’s account was disputed by a senior official at the city corporation, who spoke on "
            "condition of anonymity. “Half of these centres are a tent and a cooler,” the official said.")
    assert speakers(analyser, text) == ["a senior official"]


def test_a_sentence_case_headline_quotation_is_whoever_says_its_words_later(analyser):
    text = ("Cocoa farmers call new producer price ‘an insult’ and threaten to hold back beans\n\nACCRA — The union "
            "threatened to stop selling beans.\n\n‘Nine per cent is an insult. We will not accept it,’ said Kwabena "
            "Asante-Mensah, general secretary of the union.")
    assert speakers(analyser, text) == ["Kwabena Asante-Mensah", "Kwabena Asante-Mensah"]


def test_a_thing_inside_a_reported_clause_is_not_who_warns(analyser):
    text = ("Storm hits coast\n\nThe National Hurricane Center said the storm's eye crossed the coast at 4:10 a.m. and "
            "warned of a \"life-threatening storm surge\" of up to 15 feet.")
    assert speakers(analyser, text) == ["The National Hurricane Center"]


def test_a_subject_owned_by_whose_is_the_owner_s_words(analyser):
    text = ("Budget\n\nAld. Brendan O’Malley, 19th, whose Beverly ward is home to hundreds of police officers, called the "
            "tax increase “a kick in the teeth to the people who keep this city running.”")
    assert speakers(analyser, text) == ["Brendan O’Malley"]


def test_a_statement_is_the_words_of_the_role_holder_who_issued_it(analyser):
    text = ("Budget\n\nMayor Lorraine Beaubien-Kessler proposed a $17.6 billion budget.\n\nThe mayor did not attend "
            "Wednesday’s hearing but issued a statement afterward.\n\n“Nobody wants to raise taxes,” the statement said.")
    assert speakers(analyser, text) == ["Lorraine Beaubien-Kessler"]


def test_it_read_after_a_statement_from_a_named_sender_is_the_sender(analyser):
    text = ("Rally\n\nWithin minutes, the Delacroix campaign sent reporters a statement from its national press "
            "secretary, Brianna Castellanos-Reyes.\n\n“Elaine Marchetti has spent her career in courtrooms,” it read.")
    assert speakers(analyser, text) == ["Brianna Castellanos-Reyes"]


def test_the_object_of_a_sentence_with_its_own_subject_is_not_the_next_he(analyser):
    text = ("Debate\n\nWhen pressed by the moderators, Senator Abner Hollis did apologize to Governor Ruth Delaine and "
            "to his supporters for the incident.\n\n“This is not the type of campaign that we run,” he said.")
    assert speakers(analyser, text) == ["Abner Hollis"]


def test_he_after_an_inner_clause_subject_is_the_main_clause_subject(analyser):
    text = ("Flint water row\n\nOn Saturday, Sen. Paul Brennan called on Gov. Rick Snyder to resign.\n\n"
            "In his statement on Saturday, Brennan did go further in trying to hold Snyder accountable.\n\n"
            "“There are no excuses,” he said.")
    assert speakers(analyser, text) == ["Paul Brennan"]


def test_both_parts_of_a_split_quotation_are_the_person_its_pronoun_found(analyser):
    text = ("Seat opens up\n\nKurt Vanderbilt, a West Michigan Republican, said in a statement that he was considering "
            "a bid.\n\nA spokesman for the National Republican Senatorial Committee, Tyler Braddock, was more direct. "
            "“This seat is now a top-tier pickup opportunity,” he said. “Democrats are going to spend a fortune.”")
    assert speakers(analyser, text)[-2:] == ["Tyler Braddock", "Tyler Braddock"]


def test_a_person_who_was_asked_is_not_the_asker_of_his_own_question(analyser):
    text = ("Stage win\n\nNo Frenchman has won the Tour since Bernard Hinault in 1985.\n\n"
            "Bastien Lefèvre was asked whether he might be the man to end that drought. He laughed.\n\n"
            "“Not this year,” he said.")
    assert speakers(analyser, text) == ["Bastien Lefèvre"]


def test_a_name_the_parser_made_the_root_of_its_sentence_is_still_its_subject(analyser):
    text = ("Flint\n\nErin Brockovich, the legendary environmental activist and lawyer, endorsed Sanders’ approach "
            "Saturday, saying she hadn’t yet called for the governor’s resignation because she believed “we need to "
            "focus all of our energy on helping the people of Flint.”")
    assert speakers(analyser, text) == ["Erin Brockovich"]


def test_the_full_stop_of_a_title_does_not_end_the_sentence_before_a_quotation(analyser):
    text = ("Climate\n\nAnother critic, Laurence H. Tribe, likened the rules to \"burning the Constitution.\"\n\n"
            "Mr. Obama dismissed the criticism as the voice of Mr. Tribe's client, Peabody Energy, which filed for "
            "bankruptcy protection in April. \"You know, I love Larry,\" he said.")
    assert speakers(analyser, text)[-1] == "Obama"


def test_a_name_before_an_adverb_and_a_verb_is_the_subject_the_parser_lost(analyser):
    text = ("Rally\n\n“We are winning,” Ari Fleischer said on Tuesday.\n\n"
            "At a June Trump campaign event in St. Clairsville, Ohio, 62-year-old Brenda Johnson also railed against "
            "immigrants. “They should speak English in public,” she said.")
    assert speakers(analyser, text)[-1] == "Brenda Johnson"


def test_a_name_inside_a_clause_of_a_he_sentence_does_not_take_over_the_he(analyser):
    text = ("Cruz wins Texas\n\n“Tonight is a victory,” Ted Cruz told supporters in Houston.\n\n"
            "He declared that as long as the Republican field remained divided, Donald Trump would have a path to the "
            "nomination, which he declared “a total disaster” for his party.")
    assert speakers(analyser, text) == ["Ted Cruz", "Ted Cruz"]


def test_a_document_is_never_a_person_the_article_introduced(analyser):
    text = ("Lottery\n\nKevin Mattingly, 48, faces 31 counts. According to the indictment, Kevin Mattingly used his "
            "access to the system.\n\nThe indictment describes \"a deliberate and sustained scheme to defraud the "
            "people of Ohio\" and says 14 people cashed prizes.")
    assert speakers(analyser, text) == ["The indictment"]


def test_a_name_set_off_by_commas_before_a_past_tense_verb_is_the_subject(analyser):
    text = ("Confirmation\n\n“The vote was fair,” Senator Patricia Delahunt said.\n\nThe nominee's mother, Ngozi Okonkwo, "
            "watched from the gallery. The retired nurse wiped her eyes as the tally was read.\n\n"
            "\"I cried. I am not ashamed,\" she told reporters afterward.")
    assert speakers(analyser, text)[-1] == "Ngozi Okonkwo"


def test_a_party_epithet_may_name_a_place_with_a_particle(analyser):
    text = ("Maps\n\nRep. Brett Vanderhoef defended the maps.\n\n“We did exactly what the justices asked,” the Fond du "
            "Lac Republican told reporters.")
    assert speakers(analyser, text) == ["Brett Vanderhoef"]


def test_a_name_with_an_age_set_off_before_its_verb_is_the_subject(analyser):
    text = ("Floods\n\n“The water came at night,” said Mousumi Kalita, a teacher.\n\nAt a camp in Nalbari, Anowara Begum, "
            "34, sat on a plastic sheet with her daughters. She said food had arrived.\n\n“The rice comes, the dal "
            "comes,” she said.")
    assert speakers(analyser, text)[-1] == "Anowara Begum"


def test_a_role_description_after_when_is_the_subject_a_later_pronoun_continues(analyser):
    text = ("Rally\n\nEAU CLAIRE, Wis. (AP) — Minnesota Gov. Margaret Lindqvist told supporters that the race would be "
            "decided here.\n\n“She will lose,” said Gwen Marchetti, a volunteer.\n\n"
            "When the governor took the stage, the crowd cheered. She held up a hand.\n\n"
            "“They tell you that a farm kid can’t understand the economy,” she said.")
    assert speakers(analyser, text)[-1] == "Margaret Lindqvist"


def test_the_one_person_of_a_fronted_clause_is_the_pronoun_after_it(analyser):
    text = ("Town hall\n\n“I will protect Medicare,” Rep. Deborah Hale said.\n\nWhen the microphone reached Folasade "
            "Adeyemi, a home health nurse, she asked the question many had come to ask.\n\n“Will you cut Medicare?”")
    assert speakers(analyser, text)[-1] == "Folasade Adeyemi"


def test_a_fronted_clause_without_a_subject_of_its_own_leaves_the_pronoun_alone(analyser):
    text = ("Summit\n\n“We talked for hours,” President Tom Baxter said.\n\nAfter meeting Vladimir Putin, he said: “It "
            "was a good meeting.”")
    assert speakers(analyser, text)[-1] == "Tom Baxter"
