"""'his wife said', 'her father said': the relative the article named (analysis/kinship.py)."""

from tests.speaker_lists import all_speakers as speakers


def test_a_husband_introduced_by_name_is_her_husband(analyser):
    text = ("Strike\n\nAmong those affected was Doreen Pilkington, 81. She and her husband, Stan, stopped at the picket "
            "line.\n\n‘I don’t blame them,’ Mrs Pilkington said.\n\n‘I blame whoever’s in charge,’ her husband said.")
    assert speakers(analyser, text) == ["Doreen Pilkington", "Stan"]


def test_one_of_a_couple_is_his_wife_by_her_given_name(analyser):
    text = ("Town hall\n\nGary and Denise Lott, who drove in from Easley, were still arguing about it.\n\n"
            "\"He's got my vote,\" Gary Lott, 58, said.\n\n\"He's got my attention,\" his wife said.")
    assert speakers(analyser, text) == ["Gary Lott", "Denise Lott"]


def test_her_father_is_the_man_whose_daughter_she_was_introduced_as(analyser):
    text = ("Farmers\n\nGerrit van Dam, 56, drove his tractor to The Hague. His daughter, Lotte van Dam, 24, drove the "
            "second one.\n\n‘Everyone says young people don’t want to farm,’ she said.\n\n"
            "‘She’s braver than me,’ her father said.")
    assert speakers(analyser, text) == ["Lotte van Dam", "Gerrit van Dam"]


def test_a_role_description_after_a_fronted_clause_naming_someone_else_is_the_subject(analyser):
    text = ("Trial\n\nState Sen. Antoine Broussard is on trial. \"He lied,\" defense lawyer Pierre-Luc DeBlanc said.\n\n"
            "Leaving the courthouse with his wife, Yvette Broussard, the senator stopped briefly to speak with "
            "reporters.\n\n\"I'm going to tell them my side,\" he said.")
    assert speakers(analyser, text)[-1] == "Antoine Broussard"


def test_a_relative_opening_a_sentence_is_the_next_pronouns_person(analyser):
    text = ("Final\n\nZofia Wróblewska, who is coached by her father, Andrzej Wróblewski, lost in three sets.\n\n"
            "‘Tomorrow I will be proud,’ she told the crowd.\n\nHer father was less philosophical. Speaking to Polish "
            "reporters, he said the match point ‘will stay in my head for a long time’.")
    assert speakers(analyser, text) == ["Zofia Wróblewska", "Andrzej Wróblewski"]


def test_a_relative_named_right_after_the_cue_is_the_speaker(analyser):
    text = ("Crash\n\nDelgado Ruiz was the first in her family to attend college, said her mother, Marisol Ruiz Herrera, "
            "who spoke through a relative. “Sofi was always the brave one,” she said.")
    assert speakers(analyser, text) == ["Marisol Ruiz Herrera"]
