"""What the article itself says about a person's gender, for resolving "he" and "she".

Evidence from the text (no list of particular people):
- an honorific before a mention: Mr → male; Ms, Mrs, Miss → female;
- a gendered role noun next to a mention ("spokeswoman Ann Lee", "Ann Lee, the chairman of …");
- pronouns: each votes for the nearest person named before it in its sentence ("Ann Lee said she",
  "Ann Lee left. She …"); the votes decide only when one side clearly dominates;
- a "he"/"she" already resolved to a person, when no one else was named in between;
and a clearly gendered given name (given_names.py), which outweighs the pronoun votes (an article about a
woman who talks about "Donald" gives him her pronouns) but not an honorific, a gendered role or a pronoun
right after the name in its own sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from annotext.analysis.given_names import given_name_gender
from annotext.core.spans import Span, offset_within

MALE, FEMALE = "male", "female"
PRONOUN_GENDER = {"he": MALE, "him": MALE, "his": MALE, "himself": MALE,
                  "she": FEMALE, "her": FEMALE, "hers": FEMALE, "herself": FEMALE}
_HONORIFIC = {"mr": MALE, "sir": MALE, "lord": MALE, "king": MALE, "prince": MALE, "father": MALE, "brother": MALE,
              "mrs": FEMALE, "ms": FEMALE, "miss": FEMALE, "dame": FEMALE, "lady": FEMALE, "queen": FEMALE,
              "princess": FEMALE, "sister": FEMALE}
ROLE_GENDER = {
    **{w: MALE for w in """spokesman chairman councilman congressman businessman sportsman policeman fireman
       alderman headmaster actor husband father son brother boyfriend widower king prince uncle nephew
       grandfather man boy gentleman""".split()},
    **{w: FEMALE for w in """spokeswoman chairwoman councilwoman congresswoman businesswoman sportswoman
       policewoman firewoman alderwoman headmistress actress wife mother daughter sister girlfriend widow
       queen princess aunt niece grandmother woman girl lady""".split()},
}
_WORD = re.compile(r"[A-Za-z’']+")
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"\n]*\"|‘[^’\n]*’(?!\w)")
_MARGIN = 2  # votes one side needs over the other before pronouns decide
_LINKING_WORDS = frozenset({"of", "the", "for", "and", "at", "to", "s"})  # "chairman of the Ards club, Tom Hale"


def person_genders(persons: list[Span], text: str, subjects: Sequence[int] = ()) -> dict[str, str]:
    """Canonical person name -> MALE or FEMALE, where the article gives clear evidence (`subjects`: sorted
    start offsets of subject names, which pronouns vote for first)."""
    honorific: dict[str, str] = {}
    roles: dict[str, str] = {}
    votes: dict[str, dict[str, int]] = {}
    for span in persons:
        name = span.attrs.get("person")
        if not name:
            continue
        before = _WORD.findall(text[max(0, span.start - 40):span.start])
        role = _role_gender(_sentence_words_before(span.start, text)[-3:], text[span.end:span.end + 50])
        if role:
            roles.setdefault(name, role)
        if before and before[-1].lower().rstrip(".") in _HONORIFIC:
            honorific.setdefault(name, _HONORIFIC[before[-1].lower().rstrip(".")])
    own_sentence: dict[str, dict[str, int]] = {}  # the votes of pronouns in the name's own sentence
    stated = {**roles, **honorific}
    lexicon = {name: guess for name in {span.attrs.get("person") for span in persons} - {None}
               if (guess := given_name_gender(name)) is not None}
    _pronoun_votes(persons, text, votes, own_sentence, {**lexicon, **stated}, subjects)
    genders = dict(stated)
    for name in {span.attrs.get("person") for span in persons} - set(genders) - {None}:
        guess = lexicon.get(name)  # before the pronoun votes, which an article about someone else skews,
        count = own_sentence.get(name, {MALE: 0, FEMALE: 0})  # unless "Jess Nakagawa … she says" says otherwise
        if guess is not None and count[FEMALE if guess == MALE else MALE] < count[guess] + _MARGIN:
            genders[name] = guess
    for name, count in votes.items():
        if name in genders:
            continue
        if count[MALE] >= count[FEMALE] + _MARGIN:
            genders[name] = MALE
        elif count[FEMALE] >= count[MALE] + _MARGIN:
            genders[name] = FEMALE
    return genders


_SAYS_PRONOUN = re.compile(r"\s+(?:said|says|told \w+|added|noted|argued|insisted|explained|believes|thinks|wrote|"
                           r"added that|said that|says that)\s+(?:that\s+)?(he|she|his|her)\b")


def reported_pronoun_gender(span: Span, text: str) -> str | None:
    """"Woods said she …": the pronoun of a clause the mention reports is most often the mention
    itself — enough to tell namesakes apart (Dorothy and Ty Woods), not to decide a gender alone."""
    match = _SAYS_PRONOUN.match(text, span.end)
    return PRONOUN_GENDER[match.group(1).lower()] if match else None


def mention_gender(span: Span, text: str) -> str | None:
    """Gender that one mention states itself: an honorific just before it (Mr, Ms) or a gendered
    role noun next to it ("the first lady, Michelle Obama")."""
    before = _WORD.findall(text[max(0, span.start - 40):span.start])
    if before and before[-1].lower().rstrip(".") in _HONORIFIC:
        return _HONORIFIC[before[-1].lower().rstrip(".")]
    return _role_gender(_sentence_words_before(span.start, text)[-3:], text[span.end:span.end + 50])


_SENTENCE_BREAK = re.compile(r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)[.!?][”’\"]?\s|\n")


def _sentence_words_before(start: int, text: str) -> list[str]:
    """The words of the mention's own sentence in the 40 characters before it: "… with his wife.
    Mulholland showed" gives Mulholland no role."""
    window = text[max(0, start - 40):start]
    breaks = list(_SENTENCE_BREAK.finditer(window))
    return _WORD.findall(window[breaks[-1].end():] if breaks else window)


def _role_gender(words_before: list[str], after: str) -> str | None:
    """A gendered role noun right before the name or in an apposition right after it: "spokeswoman Ann Lee",
    "the council's chairwoman, Ann Lee" — not "DNC chairman calls for Clinton" (a verb between)."""
    for position in range(len(words_before) - 1, -1, -1):
        gender = ROLE_GENDER.get(words_before[position].lower())
        if gender:
            between = words_before[position + 1:]
            if all(word[:1].isupper() or word.lower() in _LINKING_WORDS for word in between):
                return gender
            break
    match = re.match(r",\s+(?:(?:the|a|an|his|her|its|[A-Z][\w’']*(?:’s|'s))\s+)?(?:[\w-]+\s+){0,3}?([a-z]+)\b", after)
    return ROLE_GENDER.get(match.group(1)) if match else None


def _pronoun_votes(persons: list[Span], text: str, votes: dict[str, dict[str, int]],
                   own_sentence: dict[str, dict[str, int]], known: dict[str, str], subjects: Sequence[int]) -> None:
    """Each gendered pronoun outside quotation marks votes for the nearest subject named before it in
    its sentence ("Erin Brockovich endorsed Sanders’ approach, saying she …": Brockovich), else the
    nearest person, passing over one whose gender the text or the given name already tells otherwise
    ("Sanders pushed …, while Clinton slammed his proposal": Sanders) — or for the one person of the
    sentence before when its own names nobody."""
    ordered = sorted((s for s in persons if s.attrs.get("person")), key=lambda s: s.start)
    index = 0
    previous_only: str | None = None
    unquoted = _QUOTED.sub(lambda m: " " * len(m.group()), text)  # before splitting: quotes span sentences
    for match in _SENTENCE.finditer(unquoted):
        start, end = match.span()
        inside: list[Span] = []
        while index < len(ordered) and ordered[index].start < end:
            if ordered[index].start >= start:
                inside.append(ordered[index])
            index += 1
        names = {span.attrs["person"] for span in inside}
        first_pronoun = None
        for word in _WORD.finditer(match.group()):
            gender = PRONOUN_GENDER.get(word.group().lower())
            if not gender:
                continue
            position = start + word.start()
            first_pronoun = position if first_pronoun is None else first_pronoun
            before = [span for span in inside if span.end <= position]
            if word.group().lower() == "him" and before and len(unquoted[before[-1].end:position].split()) <= 3:
                before = before[:-1]  # "Kim Park greeted him": an object pronoun is not its own clause's subject
            fitting = [span for span in before if known.get(span.attrs["person"], gender) == gender] or before
            fitting = [span for span in fitting if offset_within(subjects, span)] or fitting
            target = fitting[-1].attrs["person"] if before else (previous_only if not names else None)
            if target is None:
                continue
            votes.setdefault(target, {MALE: 0, FEMALE: 0})[gender] += 1
            if len(before) == 1:  # the one person named before it in its sentence ("Jess Nakagawa … she says")
                own_sentence.setdefault(target, {MALE: 0, FEMALE: 0})[gender] += 1
        # "Ann Lee left. She …": the one person of a sentence is the next one's "she" — unless a pronoun
        # came before the name ("She told CNN that Trump …": the sentence was about someone else)
        previous_only = next(iter(names)) if len(names) == 1 and (
            first_pronoun is None or inside[0].start < first_pronoun) else None
