"""Descriptions that point back without a named introduction: epithets and indefinite sources.

News refers to the person it is talking about by an epithet: where they come from ("the Cork
flanker", "the Galway native"), their age ("the 26-year-old") or their family ("the mother of
three"). Such a description is the person the text was just talking about, like a pronoun (of the
description's gender, when its noun has one) — or, for an age, the person introduced with it. A
bare office ("the minister", "the spokesman") is not an epithet: it must have been introduced with
the role (references.py).

An anonymous source is introduced indefinitely and then taken up definitely: "A Norwegian
diplomat, speaking on condition of anonymity, said …" … "“…,” the diplomat said". The source is
the introduced description, as written.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

from annotext.analysis.evident_names import PERSON_NOUNS
from annotext.analysis.gender import ROLE_GENDER
from annotext.analysis.names import ROLE_WORDS
from annotext.analysis.parse import ParagraphParse, Tok
from annotext.core.spans import Span

# People an article may quote without naming them ("a senior diplomat", "an aide").
SOURCE_NOUNS = PERSON_NOUNS | ROLE_WORDS | frozenset(ROLE_GENDER) | frozenset("""diplomat aide insider source person
    staffer adviser advisor observer participant attendee delegate juror bystander onlooker eyewitness
    passer-by local villager native youngster teenager veteran rookie pensioner retiree flanker hooker
    prop scrum-half fly-half full-back half-back centre-back wing-back outfielder infielder
    shortstop sprinter swimmer cyclist climber winger striker midfielder defender goalkeeper goaltender keeper
    quarterback linebacker pitcher catcher batter opener all-rounder referee umpire soprano mezzo-soprano tenor
    baritone bass-baritone contralto conductor composer librettist singer pianist violinist cellist dancer
    choreographer playwright novelist poet painter sculptor photographer filmmaker""".split())
_NUMBER_WORDS = frozenset("two three four five six seven eight nine ten eleven twelve".split())
_INDEFINITE_WINDOW = 3000  # characters back to look for "A Norwegian diplomat"


# Offices and affiliations a name qualifies ("the Indiana governor", "the RNC member"): the holder must
# have been introduced with them, since another person named nearby may hold another one, and an
# unnamed member, aide or source is often who speaks.
OFFICES = frozenset("""president senator governor mayor minister secretary congressman congresswoman
councillor councilor councilman councilwoman commissioner judge justice ambassador envoy lawmaker
legislator representative premier chancellor prosecutor attorney sheriff chief leader head official
spokesman spokeswoman spokesperson chairman chairwoman chair director member candidate nominee aide
staffer operative strategist source insider donor delegate adviser advisor""".split())


# People a story meets in passing, who are rarely the person it is about ("the referee said"): a bare
# mention of one is someone else, not the person in focus.
BYSTANDER_NOUNS = frozenset("""referee umpire moderator host interviewer reporter journalist doctor nurse
paramedic officer firefighter magistrate coroner lawyer barrister solicitor forecaster source insider
bystander onlooker eyewitness passer-by spokesperson person man woman""".split())


# People named by where they come from ("the Dutchman said", "the Kenyan", "the Scot"), with the
# gender the noun gives; like "the Cork flanker", the person the text was just talking about.
_NATIONS = """american argentine argentinian australian austrian belgian bolivian brazilian british bulgarian
canadian chilean chinese colombian croatian cuban czech danish dutch ecuadorian egyptian english eritrean
estonian ethiopian filipino finnish french german ghanaian greek hungarian indian indonesian iranian iraqi
irish israeli italian jamaican japanese kazakh kenyan korean latvian lithuanian mexican moroccan
namibian nigerian norwegian pakistani peruvian polish portuguese romanian russian rwandan saudi scottish
senegalese serbian slovak slovenian spanish swedish syrian taiwanese tanzanian turkish
ugandan ukrainian uruguayan venezuelan vietnamese welsh zambian zimbabwean""".split()
_NATION_MEN = {"dutch": "dutchman", "english": "englishman", "french": "frenchman", "irish": "irishman",
               "scottish": "scotsman", "welsh": "welshman"}
# Nouns that only name someone from a place, never a person's name ("the Scot", "a Dutchwoman").
DEMONYM_NOUNS = frozenset("scot swede dane finn pole spaniard briton kiwi aussie turk serb croat".split()) \
    | frozenset(_NATION_MEN.values()) | frozenset(man.replace("man", "woman") for man in _NATION_MEN.values())
DEMONYM_GENDER: dict[str, str | None] = {nation: None for nation in _NATIONS if not nation.endswith(("ese", "ish", "ch"))}
DEMONYM_GENDER.update({noun: "female" if noun.endswith("woman") else "male" if noun.endswith("man") else None
                       for noun in DEMONYM_NOUNS})


def is_demonym(parse: ParagraphParse, noun: Tok) -> bool:
    """"the Dutchman", "the Kenyan", "the 31-year-old Scot": a definite description that is only a nationality
    (and an age)."""
    before = [t for t in parse.toks[noun.left:noun.i] if t.lower not in AGE_WORDS and not t.text.isdigit()]
    return noun.lower in DEMONYM_GENDER and len(before) == 1 and before[0].lower == "the" \
        and noun.text[:1].isupper() and noun.dep in {"nsubj", "nsubjpass", "appos", "pobj", "dobj"}


# The tokens of an age before a noun ("the 31-year-old Scot", "the 71-year-old pontiff"): they describe, never decide.
AGE_WORDS = frozenset({"-", "year", "years", "old"})


def is_epithet(parse: ParagraphParse, noun: Tok) -> bool:
    """Whether the definite description headed by `noun` describes its person by origin ("the Cork
    flanker": a capitalised modifier that is not a title), age or family ("the mother of three");
    a person noun, never an office."""
    if not noun.text.islower() or noun.lower in OFFICES or noun.lower not in SOURCE_NOUNS:
        return False  # "the Times review", "the Indiana governor"
    before = parse.toks[noun.left:noun.i]
    if not before or before[0].lower != "the":
        return False
    if any(t.pos == "PROPN" and t.text[:1].isupper() and t.dep in {"compound", "amod", "nmod"} for t in before[1:]):
        return True
    return any(t.head == noun.i and t.dep == "prep" and t.lower == "of" and any(
        o.head == t.i and o.dep == "pobj" and (o.lower in _NUMBER_WORDS or o.text.isdigit())
        for o in parse.toks[t.i + 1:t.right + 1]) for t in parse.toks[noun.i + 1:noun.right + 1])


def indefinite_introduction(noun: str, before: int, text: str,
                            skipped: Callable[[int], bool]) -> tuple[str, int, int] | None:
    """The latest "A/An … <noun>" (a person noun) opening a clause before offset `before` and not
    naming anyone (no ", Name," after it), as (phrase, start, end); None when the text has none.
    `skipped(offset)`: whether a match there does not count (inside a quotation, in apposition to a
    name: "Tariq Haddad, a pharmacologist,")."""
    if noun not in SOURCE_NOUNS:
        return None
    pattern = _indefinite_pattern(noun)
    found = None
    for match in pattern.finditer(text, max(0, before - _INDEFINITE_WINDOW), before):
        if skipped(match.start(1)) or _NAMED_AFTER.match(text, match.end()):
            continue
        found = (match.group(1), match.start(1), match.end(1))
    return found


_NAMED_AFTER = re.compile(r",?\s+(?:[A-Z][\w’'-]+\s+){1,3}[A-Z][\w’'-]+\b")


_SOURCE_NOUN = "|".join(sorted(SOURCE_NOUNS - frozenset(ROLE_GENDER), key=len, reverse=True))
_UNNAMED_SOURCE = re.compile(  # "One juror, a retired teacher …, said"; "The parent who first shared …, said"
    rf"(?:^|(?<=[.!?:;]\s)|(?<=\n)|(?<=, ))((?:(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w’'-]+\s+){{0,2}}?({_SOURCE_NOUN})"
    rf"|[Tt]he\s+(?:[\w’'-]+\s+){{0,2}}?(?:{_SOURCE_NOUN})\s+who\s[^,.;:“”\"\n]{{1,80}}?(?=,)))"
    rf"(?:,[^.;:“”\"\n]{{1,120}}?,|(?P<who>\s+who\s)[^.;:“”\"\n]{{1,200}}?,)?"  # "A banker who has advised …, said"
    rf"\s+(?:said|says|told|tells|added|adds|explained|insisted|argued|warned|wrote)\b",
    re.MULTILINE)


def unnamed_source(text: str, start: int, end: int, skipped: Callable[[int], bool]) -> tuple[str, int, int] | None:
    """The last unnamed source that spoke in text[start:end] ("One juror, a retired teacher who asked
    that her name not be used, said …"), as (phrase, start, end): who a following "she said" is."""
    found = None
    for match in _UNNAMED_SOURCE.finditer(text, start, end):
        if match.group("who") and text[max(0, match.start(1) - 2):match.start(1)] == ", ":
            continue  # "Leila Haddad, a sociology student who …, said": an apposition, not an unnamed source
        if not skipped(match.start(1)):
            found = (match.group(1), match.start(1), match.end(1))
    return found


def introduced_with_age(age: str, before: int, text: str, persons: list[Span]) -> Span | None:
    """The latest person in `persons` (sorted, PERSON spans) named before offset `before` with the
    age `age`: "Brandon Mulroy, 34,", "Ann Lee, a 34-year-old nurse", "the 34-year-old singer Ann Lee"."""
    after = re.compile(rf",\s+(?:an?\s+)?{re.escape(age)}\b")
    ahead = re.compile(rf"\b{re.escape(age)}-year-old\s+(?:[\w’'-]+\s+){{0,3}}$")
    for span in reversed(persons):
        if span.end > before:
            continue
        if after.match(text, span.end) or ahead.search(text, max(0, span.start - 50), span.start):
            return span
    return None


def introduced_with_other_age(age: str, before: int, text: str, persons: list[Span]) -> list[Span]:
    """People named before `before` with an age other than `age` ("17-year-old Ruby Nakamura-Reyes"
    is not "the 26-year-old")."""
    found = []
    for span in persons:
        if span.end > before:
            break
        given = _AGE_AFTER_NAME.match(text, span.end) or _AGE_BEFORE_NAME.search(text, max(0, span.start - 50), span.start)
        if given is not None and given.group(1) != age:
            found.append(span)
    return found


_AGE_AFTER_NAME = re.compile(r",\s+(?:an?\s+)?(\d{1,3})\b(?:,|-year-old)")
_AGE_BEFORE_NAME = re.compile(r"\b(\d{1,3})-year-old\s+(?:[\w’'-]+\s+){0,3}$")


# "a reporter from Fiji's national broadcaster pressed him": the possessed noun belongs to the phrase
_VERBS_AFTER = r"said|says|told|tells|asked|asks|pressed|added|wrote|was|is|has|had|who"


@lru_cache(maxsize=256)
def _indefinite_pattern(noun: str) -> re.Pattern[str]:
    """"A Norwegian diplomat" / "an official with the ministry", opening a sentence or clause, or the agent
    of a passive ("was disputed by a senior official at …")."""
    return re.compile(rf"(?:^|(?<=[.!?:;]\s)|(?<=\n)|(?<=, )|(?<=\bby ))(\b[Aa]n?\s+(?:[\w’'-]+\s+){{0,3}}?{re.escape(noun)}"
                      rf"(?:\s+(?:for|of|at|with|from|in)\s+(?:the\s+)?(?:[A-Z][\w’'&.-]*\s+){{0,4}}[A-Z][\w’'&.-]*"
                      rf"(?:\s+(?:of|for|and|&)\s+(?:the\s+)?(?:[A-Z][\w’'&.-]*\s+){{0,3}}[A-Z][\w’'&.-]*)?"  # "the Ministry of Lands"
                      rf"(?:(?<=[’']s)(?:\s+(?!{_VERBS_AFTER})[a-z][\w-]*){{1,2}}(?=,|\s+(?:{_VERBS_AFTER})\b))?"
                      rf"|\s+(?:familiar|close|involved|briefed)\s+(?:with|to|in|on)\s+[^,.;:“”\"\n]{{1,70}}?"
                      rf"(?=,|\s+(?:{_VERBS_AFTER})\b))?)"  # "a person familiar with the investigation"
                      rf"(?=[\s,])", re.MULTILINE)


# Party members named by their party ("the Democrat said", "the New Mexico Republican", "the Tory"), with
# the letter US copy writes after a name ("Sen. Ana Ruiz, D-N.M.") where the party has one.
PARTY_NOUNS: dict[str, str | None] = {"democrat": "D", "republican": "R", "tory": None, "conservative": None,
                                      "independent": "I", "socialist": None, "liberal": None}
_OTHER_PARTY_WORDS = {"D": ("R", "Republican"), "R": ("D", "Democratic"), "I": ("", "")}


_PLACE_PARTICLES = frozenset({"du", "de", "la", "le", "des", "of", "del", "los", "las", "el"})


def is_party_epithet(parse: ParagraphParse, noun: Tok) -> bool:
    """"the Democrat", "the New Mexico Democrat": a definite description that is only a party
    (and where the member is from), which news uses like a pronoun for the person just named."""
    before = parse.toks[noun.left:noun.i]
    return noun.lower in PARTY_NOUNS and noun.text[:1].isupper() and bool(before) and before[0].lower == "the" \
        and all(t.text[:1].isupper() or t.lower in _PLACE_PARTICLES for t in before[1:])  # "the Fond du Lac Republican"


def of_other_party(party_noun: str, mentions: list[Span], text: str) -> bool:
    """Whether the article gives the person of `mentions` another party than `party_noun` ("Sen. Wade
    Prescott, R-Texas," is not "the Democrat"; nor is "Republican Sen. Prescott")."""
    letter = PARTY_NOUNS.get(party_noun)
    if letter is None:
        return False
    other_letter, other_word = _OTHER_PARTY_WORDS[letter]
    for span in mentions:
        after = text[span.end:span.end + 8]
        before = text[max(0, span.start - 30):span.start]
        if other_letter and re.match(rf"\s*[,(]\s*{other_letter}-", after):
            return True
        if other_word and re.search(rf"\b{other_word}\b(?:\s+[A-Z][\w.]*){{0,3}}\s*$", before):
            return True
    return False
