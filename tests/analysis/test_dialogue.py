"""Exchanges printed as cue-less paragraphs: who takes each turn (analysis/dialogue.py, turns.py)."""

from tests.speaker_lists import all_speakers as speakers


def test_after_a_question_the_paragraphs_alternate_between_the_two_people_the_narrative_named(analyser):
    text = ("Council votes for cycle lane\n\nDeclan Hurley, a Labour councillor, opposed the lane. At one point Hurley "
            "turned to Maeve Tierney, the Green councillor who proposed it.\n\n‘Will the councillor tell the chamber "
            "how many of her constituents drive a van?’\n\n‘More than you think.’\n\n‘That’s not an answer.’\n\n"
            "‘It’s the only one you’re getting.’")
    assert speakers(analyser, text) == ["Declan Hurley", "Maeve Tierney", "Declan Hurley", "Maeve Tierney"]


def test_a_question_the_narrative_reports_is_answered_by_the_person_asked(analyser):
    text = ("Senate passes bill\n\nDuring the debate, Senator Barbara Lennox turned to Senator Kevin Doyle and asked "
            "whether he had read the final text.\n\n\"Every page, Senator. Have you?\"\n\n\"I've read enough of it.\"")
    assert speakers(analyser, text) == ["Kevin Doyle", "Barbara Lennox"]


def test_a_quotation_addressing_the_last_speaker_by_name_is_the_other_party(analyser):
    text = ("Fraud trial\n\n'I built that charity,' Graham Tully told the court. 'I made a mess of the paperwork.'\n\n"
            "Ms Adeola Banks put it to him that the paperwork had included forged signatures.\n\n'I accept that was "
            "wrong.'\n\n'Wrong, Mr Tully, or criminal?'\n\n'I'll leave that to the jury.'")
    assert speakers(analyser, text)[2:] == ["Graham Tully", "Adeola Banks", "Graham Tully"]


def test_without_a_question_a_paragraph_of_quotation_continues_its_speaker(analyser):
    text = "Town rebuilds\n\nMayor Ruth Ames spoke first. \"We will rebuild,\" Ames said.\n\n\"Every house will be inspected.\""
    assert speakers(analyser, text) == ["Ruth Ames", "Ruth Ames"]


def test_cutting_in_takes_the_turn_and_the_reply_goes_back_to_the_one_interrupted(analyser):
    text = ("Court hears map case\n\n“Congress has no license to require racial sorting,” Whitney Ashbury said.\n\n"
            "Justice Carmen Ybarra Solís cut in almost immediately. “Counsel, in perpetuity?”\n\n“Well, Justice Ybarra, I—”")
    assert speakers(analyser, text) == ["Whitney Ashbury", "Carmen Ybarra Solís", "Whitney Ashbury"]


def test_a_quotation_addressing_the_judge_by_title_is_not_the_judge_s(analyser):
    text = ("Inquiry hears of loans\n\nNikos Pappas, a developer, told the inquiry the payment was a loan. At one point "
            "Judge Orla Fennelly intervened to ask the witness whether he had made loans to any other councillor.\n\n"
            "“No, Judge,” he said.")
    assert speakers(analyser, text) == ["Nikos Pappas"]


def test_a_reaction_told_with_an_adjective_takes_the_turn(analyser):
    text = ("Court hears case\n\n“That is arithmetic,” Janelle Okoro said.\n\nJustice Harriet Lindgren was unconvinced."
            "\n\n“So if the demographics change, the obligation disappears?”")
    assert speakers(analyser, text) == ["Janelle Okoro", "Harriet Lindgren"]


def test_the_person_a_question_was_put_to_in_its_cue_answers_it(analyser):
    text = ("Iowa debate\n\n\"I would win,\" Ashok Venkataraman said.\n\nThe loudest exchange came when Tomás Iturriaga "
            "turned to farm policy.\n\n\"Would you phase out the renewable fuel standard?\" Iturriaga asked Raymond "
            "O'Keefe.\n\n\"No.\"\n\n\"You said in 2019 that it was a giveaway.\"\n\n\"I said a lot of things in 2019.\"")
    assert speakers(analyser, text)[1:] == ["Tomás Iturriaga", "Raymond O'Keefe", "Tomás Iturriaga", "Raymond O'Keefe"]


def test_an_unnamed_reporter_and_the_person_questioned_take_turns(analyser):
    text = ("Senator retires\n\nSen. Margaret Costigan said she had spoken with her doctors and was “in better shape than "
            "half the committee.”\n\n“Are you endorsing anyone?” one reporter asked.\n\n“Not today.”\n\n"
            "“Will you before the primary?”\n\n“Ask me in the spring,” she said.")
    assert speakers(analyser, text)[1:] == ["one reporter", "Margaret Costigan", "one reporter", "Margaret Costigan"]


def test_cut_him_off_hands_the_turn_and_a_follow_up_is_a_cue(analyser):
    text = ("Hearing\n\n“That is your company’s language, Mr. Park, not mine,” Senator Margaret Lindqvist said.\n\n"
            "Park said the presentation was written by a junior team. Lindqvist cut him off.\n\n"
            "“Did anyone lose their job over it?”\n\n“Not over that document, no.”\n\n"
            "“So, a week?” the reporter followed up.")
    assert speakers(analyser, text)[1:] == ["Margaret Lindqvist", "Park", "the reporter"]
