"""Scoring people lists and scare quotes against reference annotations."""

from annotext.analysis.evaluation import score_people, score_quotes


def test_people_recall_counts_names_and_aliases_and_non_persons():
    gold = [{"name": "Niamh Gallagher", "aliases": ["Gallagher"]}, {"name": "Seán Ó Briain", "aliases": []}]
    found = [{"name": "Niamh Gallagher", "aliases": []}, {"name": "Prices Slide", "aliases": []}]
    score = score_people(found, gold, "a")
    assert (score.found, score.expected, score.not_people) == (1, 2, 1)
    assert score.recall == 0.5
    assert any("Seán Ó Briain" in e for e in score.errors) and any("Prices Slide" in e for e in score.errors)


def test_people_match_through_an_alias_and_accept_the_sample_format():
    found = [{"name": "Gallagher", "aliases": ["Niamh Gallagher"]}]
    assert score_people(found, {"Niamh Gallagher": ["Gallagher"]}).found == 1


def test_scare_quotes_are_not_scored_but_a_real_quote_marked_scare_is_missed():
    gold = [{"quote": "We will appeal", "speaker": "Ann Lee"}]
    found = [{"text": "We will appeal", "speaker": None, "kind": "scare"},
             {"text": "no-limits", "speaker": None, "kind": "scare"}]
    score = score_quotes(found, gold)
    assert (score.found, score.spurious, score.expected, score.matched) == (0, 0, 1, 0)
