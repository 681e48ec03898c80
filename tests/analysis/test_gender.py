"""Gender evidence from the article itself, on hand-made spans."""

import re

from annotext.analysis.gender import FEMALE, MALE, mention_gender, person_genders
from annotext.core.spans import Span


def mention(text, form, name, start=0):
    at = text.index(form, start)
    return Span(at, at + len(form), "entity", "PERSON", {"person": name})


def test_honorific_and_role_noun_decide():
    text = "Ms Ann Lee met the chairman, Tom Hale, and spokeswoman Eva Roth."
    spans = [mention(text, "Ann Lee", "Ann Lee"), mention(text, "Tom Hale", "Tom Hale"), mention(text, "Eva Roth", "Eva Roth")]
    assert person_genders(spans, text) == {"Ann Lee": FEMALE, "Tom Hale": MALE, "Eva Roth": FEMALE}
    assert mention_gender(spans[0], text) == FEMALE


def test_pronouns_vote_for_the_nearest_named_person():
    text = ("Kim Park said she would stay. Later Kim Park added that her team was ready. "
            "Lee Moss arrived and Kim Park greeted him.")
    spans = [mention(text, "Kim Park", "Kim Park"), mention(text, "Kim Park", "Kim Park", 30),
             mention(text, "Lee Moss", "Lee Moss"), mention(text, "Kim Park", "Kim Park", 90)]
    genders = person_genders(spans, text)
    assert genders.get("Kim Park") == FEMALE and "Lee Moss" not in genders


def test_pronouns_inside_quotations_do_not_vote():
    text = "Sam Reed spoke. “She is wrong and she knows it,” Sam Reed said."
    spans = [mention(text, "Sam Reed", "Sam Reed"), mention(text, "Sam Reed", "Sam Reed", 10)]
    assert person_genders(spans, text) == {}


def test_a_role_noun_ending_the_sentence_before_says_nothing_about_the_next_name():
    text = "The victim ran the truck with his wife. Mulroy showed no reaction. Tarik Mulroy left."  # a given name outside the lexicon
    spans = [Span(text.index("Mulroy showed"), text.index("Mulroy showed") + 6, "entity", "PERSON", {"person": "Tarik Mulroy"})]
    assert person_genders(spans, text).get("Tarik Mulroy") is None


def test_a_sentence_about_someone_else_does_not_hand_its_one_name_to_the_next_pronoun():
    text = ("Later she joked about leaving if Ravi Hale won. She laughed. Then she mocked Ravi Hale again. "
            "She smiled. Ann Lee left. She was tired. Ann Lee slept. She woke at six.")
    spans = [mention(text, "Ravi Hale", "Ravi Hale"), mention(text, "Ravi Hale", "Ravi Hale", 50),
             mention(text, "Ann Lee", "Ann Lee"), mention(text, "Ann Lee", "Ann Lee", 120)]
    genders = person_genders(spans, text)
    assert "Ravi Hale" not in genders  # "she" came before his name in the sentences before each "She"
    assert genders.get("Ann Lee") == FEMALE  # "Ann Lee left. She …" still counts



def test_a_pronoun_after_two_names_in_its_sentence_does_not_veto_a_given_name():
    text = "Gordon Hollis spoke. Ruth Delaine said she appreciated Hollis’ apology and that she wanted to move on."
    spans = [mention(text, "Gordon Hollis", "Gordon Hollis"), mention(text, "Ruth Delaine", "Ruth Delaine"),
             mention(text, "Hollis’", "Gordon Hollis")]
    assert person_genders(spans, text) == {"Ruth Delaine": FEMALE, "Gordon Hollis": MALE}


def test_a_given_name_outweighs_the_pronouns_of_an_article_about_someone_else():
    text = ("Melanie Ott loves Donald Voss. She met Voss in May. She says Voss is kind. The woman’s enthusiasm for Voss "
            "is plain: she clapped.")
    spans = []
    for match in re.finditer(r"Melanie Ott|Donald Voss|Voss", text):
        if not any(span.start <= match.start() < span.end for span in spans):
            name = "Melanie Ott" if match.group() == "Melanie Ott" else "Donald Voss"
            spans.append(Span(match.start(), match.end(), "entity", "PERSON", {"person": name}))
    assert person_genders(spans, text) == {"Melanie Ott": FEMALE, "Donald Voss": MALE}


def test_a_pronoun_votes_for_the_subject_before_it_not_a_name_in_passing():
    text = "Erin Brockovich endorsed Ashworth’s approach, saying she had not called for resignation, and she kept to it."
    spans = [mention(text, "Erin Brockovich", "Erin Brockovich"), mention(text, "Ashworth", "Ashworth")]
    subjects = [text.index("Erin"), text.index("Brockovich")]
    assert "Ashworth" not in person_genders(spans, text, subjects)


def test_a_pronoun_passes_over_a_person_whose_given_name_tells_another_gender():
    text = ("Ashworth has pushed the plan for years, while Hillary Clinton slammed his proposal. "
            "Ashworth backed the tax, while Hillary Clinton mocked his sums.")
    spans = [mention(text, "Ashworth", "Ashworth"), mention(text, "Hillary Clinton", "Hillary Clinton"),
             mention(text, "Ashworth", "Ashworth", 70), mention(text, "Hillary Clinton", "Hillary Clinton", 90)]
    assert person_genders(spans, text) == {"Ashworth": MALE, "Hillary Clinton": FEMALE}


def test_a_role_noun_with_a_verb_between_it_and_the_name_is_someone_elses():
    text = "Former DNC chairman calls for Clinton contingency plan. Spokeswoman Ann Lee said so."
    spans = [mention(text, "Clinton", "Hillary Clinton"), mention(text, "Ann Lee", "Ann Lee")]
    genders = person_genders(spans, text)
    assert genders.get("Hillary Clinton") == FEMALE and genders["Ann Lee"] == FEMALE
