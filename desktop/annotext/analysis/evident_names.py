"""Personal names that the text itself marks as people, whatever label the model gave them.

The small English model often calls an unfamiliar name an organisation or a place ("Colm Rafferty"
ORG, "Fergal" GPE in "Fergal O’Sullivan"), or tags nothing. A news text marks its people in a few
fixed ways, and these are read with plain patterns over the text (no list of particular people):
- an age apposition: "Ronan MacAuley, 52, of Allihies";
- a relative "who": "Siobhán O’Sullivan, who has managed Kilbride" (two name words or more);
- a role apposition after the name: "Colm Rafferty, an agricultural economist at …",
  "Fergal O’Sullivan, Glenmore’s chief executive, said";
- a role right before the name: "chief executive Matthias von Ahlen", "A graduate student,
  Thandiwe Dlamini-Roux,";
- an honorific on the family name elsewhere: "Mr Rafferty" marks "Colm Rafferty".
Also here: datelines ("ROTTERDAM, Netherlands (Reuters) -"), whose city is never a person, and the
two steps of the people index that apply this evidence to the entity spans.
"""

from __future__ import annotations

import re

from annotext.analysis.given_names import given_name_gender
from annotext.analysis.name_completion import CAPITAL_PARTICLES
from annotext.analysis.names import (CAPITAL, HONORIFICS, NAME_SUFFIXES, ORGANISATION_WORDS, PARTICLES,
                                    PATRONYMIC_PARTICLES, ROLE_WORDS, SMALL, after_saint, after_title_of_place,
                                    headline_lines, looks_like_name, lower_case_words)
from annotext.core.results import ENTITY, PERSON
from annotext.core.spans import Span, sort_spans

# Nouns for a person's role or relation in an apposition ("…, a junior", "…, her coach").
PERSON_NOUNS = ROLE_WORDS | frozenset("""
head leader boss member partner co-founder owner father mother son daughter wife husband widow
fly-half scrum-half full-back hooker flanker lock prop centre wing
brother sister student pupil graduate undergraduate junior senior sophomore freshman teenager player
athlete runner rider driver jockey boxer golfer batsman bowler teacher lecturer professor dean
adviser advisor consultant specialist expert scholar curator spokesperson spokeswoman spokesman
official chairman chairwoman manager executive director counsel investigator organiser organizer
volunteer survivor victim witness neighbour neighbor friend colleague grandmother grandfather
granddaughter grandson mum mom dad niece nephew aunt uncle cousin fan supporter customer shopper
parent patient nurse physician doctor midwife dentist pharmacist vet veterinarian paramedic
firefighter officer soldier pilot sailor skipper fisherman farmer grower breeder baker butcher
landlady landlord publican shopkeeper trader worker employee engineer technician developer
programmer designer analyst economist strategist researcher scientist epidemiologist virologist
endocrinologist cardiologist psychologist psychiatrist sociologist historian archaeologist
astronomer geologist ecologist meteorologist forecaster lawyer solicitor barrister attorney judge
magistrate coroner prosecutor defender forward midfielder striker goalkeeper captain coach referee
councillor councilor mayor senator minister secretary governor president chancellor treasurer
founder chief agent promoter publicist negotiator mediator ombudsman registrar auditor accountant
broker banker surveyor planner inspector warden ranger guard steward caretaker cleaner conductor
commander marshal sheriff deputy trooper detective defendant plaintiff claimant applicant resident
homeowner tenant protester demonstrator campaigner candidate
critic reviewer novelist writer author poet editor journalist reporter columnist broadcaster presenter
publisher translator illustrator artist musician singer songwriter composer actor actress producer
filmmaker photographer dancer choreographer rapporteur lobbyist diplomat archivist librarian chaplain
machinist mechanic electrician plumber welder carpenter miner steelworker autoworker trucker cashier waiter waitress
bartender janitor clerk rancher retiree pensioner voter shopper commuter
aide staffer convener convenor vicar nun monk swimmer cyclist sprinter climber skier rower gymnast trainer entrepreneur
""".split())

_WORD = rf"(?:[A-Z][a-z]?\.|[{CAPITAL}][\w\u0300-\u036f’'-]*[\w\u0300-\u036f])"  # combining accents: "Adébáyọ̀"
_PARTICLE = r"(?:(?:%s)\s+)" % "|".join(sorted(PARTICLES | PATRONYMIC_PARTICLES, key=len, reverse=True))
_NAME = rf"{_WORD}(?:[ \t\u00a0]+{_PARTICLE}*{_WORD}){{1,3}}"
_POSSESSOR = rf"(?:a|an|the|his|her|its|their|our|(?:[{CAPITAL}][\w’'&.-]*\s+){{0,3}}?[{CAPITAL}][\w’'&.-]*(?:’s|'s|’|'))"
_AFTER = re.compile(
    rf"({_NAME}),[ \t\u00a0]+(?:(\d{{1,3}}),|who[ \t\u00a0]|(?:{_POSSESSOR}[ \t\u00a0]+)?((?:[\w’'-]+[ \t\u00a0]+){{0,4}}[\w’'-]+))")
_BEFORE = re.compile(rf"(?<![\w’'-])([A-Za-z-]+)\.?(?:[ \t\u00a0]+(?:of|for|at)[ \t\u00a0]+[\w’' \t\u00a0-]{{1,40}}?,|,"
                     rf"|[ \t\u00a0]+(?:of|for)(?:[ \t\u00a0]+(?!(?:the|a|an|his|her|its|their)\b)[a-z][a-z’'-]*){{1,3}})?"
                     rf"[ \t\u00a0]+({_NAME})(?![\w’'-])")  # "Chief inspector of mines Lerato Seabi"
_RANKED = re.compile(rf"\b(?:No\.?|Number)[ \t\u00a0]+\d+[ \t\u00a0]+({_NAME})")
_HONORIFIC_NAME = re.compile(rf"(?<![\w’'])(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?[ \t\u00a0]+{_PARTICLE}*([{CAPITAL}][\w’'-]*\w)")
_DATELINE = re.compile(r"^[ \t]*((?:[A-Z][A-Z.’'-]+[ \t]?)+)(?=,[ \t]*[A-Z]|[ \t]*\(|[ \t]*[—–-]+[ \t])", re.MULTILINE)


def evident_people(text: str) -> list[tuple[int, int]]:
    """[start, end) of personal names marked as people by the text (see the module docstring),
    outside headlines, datelines and names of organisations or places."""
    headlines = headline_lines(text)
    found: list[tuple[int, int]] = []
    for match in _AFTER.finditer(text):
        age, described = match.group(2), match.group(3)
        if age or described is None or _names_a_role(described):
            found.append(match.span(1))
    position = 0
    while (match := _BEFORE.search(text, position)) is not None:
        role = match.group(1).lower()
        between = text[match.end(1):match.start(2)].lower().split()  # "director of campaign group Open Faces": the group's
        if (role in PERSON_NOUNS or role in HONORIFICS) and role not in _MODIFIERS and not match.group(1).isupper() \
                and not any(word in ORGANISATION_WORDS or word in _GROUP_NOUNS for word in between):
            found.append(match.span(2))
            position = match.end()
        else:  # "Maryland Solicitor General Naomi Feld": the role may be inside what looked like a name
            inner = [word for word in re.finditer(r"[A-Za-z-]+", match.group(2))
                     if word.start() > 0 and word.group().lower() in HONORIFICS or _title_case_role(match, word)]
            position = match.start(2) + inner[-1].start() if inner else match.end()

    found.extend(match.span(1) for match in _RANKED.finditer(text)  # "Former British No 1 Marta Kovács-Hall", not
                 if given_name_gender(match.group(1)) is not None)  # "No. 9 Grand Valley", a team
    families = {match.group(1) for match in _HONORIFIC_NAME.finditer(text)}
    if families:
        family_pattern = re.compile(rf"({_NAME})(?![\w’'-])")
        for match in family_pattern.finditer(text):
            words = _trimmed_words(match.group(1))
            if len(words) > 1 and words[-1] in families:
                found.append(match.span(1))
    credits = [name.span(1) for pattern in (_CREDIT, _BYLINE) for match in pattern.finditer(text)
               for name in _NAME_PATTERN.finditer(text, match.start(1), match.end(1))]
    # "(Reporting by Marta Kowalczyk-Nunes; Editing by …)", a byline "By Jennifer Kwan and Marcus DeLuca"
    for match in _PLURAL_ROLE_APPOSITION.finditer(text):  # "Bradley Koenig and Teresa Molina-Ruiz, two former aides"
        if match.group(3).lower().rstrip("s") in PERSON_NOUNS or match.group(3).lower()[:-2] in PERSON_NOUNS:
            found.extend((match.span(1), match.span(2)))
    nicknamed = [(match.start(1), match.end(2)) for match in _NICKNAMED.finditer(text)  # Donald ‘Donnie’ MacPherson
                 if not any(s <= match.start() < e for s, e in headlines)]
    nicknamed += [match.span(1) for match in _AGED_SINGLE_NAME.finditer(text)]  # "Sutrisno, 52, a dishwasher …"
    nicknamed += [match.span(match.lastindex) for match in _NAME_GIVEN_AS.finditer(text)]  # "gave his name only as Yusuf"
    return [span for span in _tidy(found, text) if not any(s <= span[0] < e for s, e in headlines)] \
        + _tidy(credits, text) + nicknamed  # a credit line is title case, but its names are names


def _title_case_role(match: re.Match[str], word: re.Match[str]) -> bool:
    """"Fire Marshal Dwayne McKenzie said": a person noun in title case inside what looked like a name,
    with a two-word name after it that speaks or is set off by a comma (not "Police Officer Safety Act")."""
    name = match.group(2)
    return word.group().lower() in PERSON_NOUNS and len(name[word.end():].split()) >= 2 \
        and _SPEAKS_OR_APPOSED.match(match.string, match.end()) is not None


_SPEAKS_OR_APPOSED = re.compile(r",|\s+(?:said|says|told|tells|added|wrote|warned|explained)\b")


# A person the article names only as they asked: "a landlord who gave his name only as Yusuf", "identified only as Maria".
_NAME_GIVEN_AS = re.compile(r"\b(?:gave|giving|gives|give)\s+(?:his|her|their|only\s+(?:his|her|their))\s+(?:first\s+)?"
                            rf"name\s+(?:only\s+)?as\s+([{CAPITAL}][{SMALL}’'-]+)\b|\b(?:identified|named|known)\s+only\s+"
                            rf"(?:as|by\s+(?:his|her|their)\s+first\s+name,?)\s+([{CAPITAL}][{SMALL}’'-]+)\b")
# One name followed by an age and a description: a person known by a single name.
_AGED_SINGLE_NAME = re.compile(rf"(?:^|(?<=[.!?]\s)|(?<=\n))([{CAPITAL}][{SMALL}]{{2,}}),\s+\d{{1,3}},\s+(?:a|an|the)\s")
# A nickname in quotation marks between a first name and a family name: the whole is a person's name.
_NICKNAMED = re.compile(rf"(?<![\w’'])([{CAPITAL}][{SMALL}]+)[ \t]+[“\"‘'][A-Z][\w.-]*(?:[ \t][A-Z][\w.-]*)?[”\"’']"
                        rf"[ \t]+((?:Mc|Mac|O’|O')?[{CAPITAL}][\w’'-]*[\w])")
# A wire story's credit line names its reporters and editors.
_CREDIT = re.compile(rf"\b(?:[Rr]eporting|[Ee]diting|[Ww]riting|[Aa]dditional reporting|[Cc]ompiled)\s+by\s+"
                     rf"((?:{_NAME})(?:(?:,\s+|\s+and\s+)(?:{_NAME}))*)")
_NAME_PATTERN = re.compile(rf"({_NAME})")
# "By Oliver Hargreaves-Pym at the All England Club", "By Jo Lee, Reuters", "By Jo Lee - Staff Writer"
_BYLINE = re.compile(rf"^[ \t]*By[ \t]+((?:{_NAME})(?:(?:,[ \t]+|,?[ \t]+and[ \t]+)(?:{_NAME}))*)"
                     rf"(?:[ \t]*[,|—–][^\n]{{0,60}}|[ \t]+(?:-|at|in|for)[ \t][^\n]{{0,60}})?[ \t]*$", re.MULTILINE)
_PLURAL_ROLE_APPOSITION = re.compile(rf"({_NAME})[ \t]+and[ \t]+({_NAME}),[ \t]+(?:two|both|the|three)[ \t]+"
                                     rf"(?:[\w’'-]+[ \t]+){{0,3}}?([a-z]+s)\b")
_ROLE_APPOSITION = re.compile(r",[ \t\u00a0]+(?:the|a|an)[ \t\u00a0]+((?:[\w’'-]+[ \t\u00a0]+){0,4}[\w’'-]+)")


def role_apposition_after(text: str, end: int) -> bool:
    """Whether ", the former Hewlett-Packard CEO" (a person's role in apposition) follows offset `end`:
    what precedes it is a person, whatever the model called it."""
    match = _ROLE_APPOSITION.match(text, end)
    return match is not None and _names_a_role(match.group(1))


def _names_a_role(description: str) -> bool:
    """"an agricultural economist at …", "a 19-year-old forward in …": a person noun before the
    first preposition."""
    for word in description.split():
        word = word.lower()
        if word in PERSON_NOUNS:
            return True
        if word in _PREPOSITIONS:
            return False
    return False


_GROUP_NOUNS = frozenset({"charity", "campaign", "body", "organisation", "organization", "firm", "company", "party",
                          "club", "team", "network", "movement", "council", "committee", "board", "department"})
_PREPOSITIONS = frozenset({"at", "of", "for", "in", "with", "from", "on", "to", "by", "and", "who", "which", "that"})


_KIN = (r"(?:son|daughter|brother|sister|father|mother|wife|husband|partner|fiancée?|widow|widower|"
        r"grandson|granddaughter|grandmother|grandfather|niece|nephew|cousin|aunt|uncle|stepson|stepdaughter|"
        r"children|sons|daughters|grandchildren|friend|neighbou?r|colleague|boyfriend|girlfriend)")
_FIRST = rf"[{CAPITAL}][{SMALL}-]+"  # no apostrophe: "her mother Keiko’s recipe" names Keiko
_RELATIVE_NAMES = re.compile(
    rf"(?<![\w’'])(?:(?:[Hh]is|[Hh]er|[Tt]heir|[Ww]hose|[Mm]y|[Oo]ur|[Yy]our)\s+(?:\w+\s+)?{_KIN}|"
    rf"(?:{_KIN}|man|woman|boy|girl|lad|lass|child|baby|teenager|person)\s+(?:called|named))(?:,)?\s+"
    rf"({_FIRST}(?:,\s+{_FIRST})*(?:,?\s+and\s+{_FIRST})?)(?=[,.;:)]|[’']s\b|\s+(?![{CAPITAL}]|(?:de|van|von|der|da|di|le|la)\s)|$)")


# "a retired schoolteacher from Esbjerg named Birthe Kjærgaard": a person noun, then "named"/"called" and a name.
# Found from "named"/"called" (rare), then the noun is checked in the words before: cheap on long texts.
_NAMED = re.compile(rf"\b(?:called|named)\s+({_FIRST}(?:\s+(?:{_FIRST}|[{CAPITAL}][\w’'-]+)){{1,2}})(?=[\s,.;:)]|$)")
_PERSON_NOUN_BEFORE = re.compile(
    rf"\b[a-z-]*(?:{'|'.join(sorted((w for w in PERSON_NOUNS if w.isalpha()), key=len, reverse=True))})"
    rf"(?:\s+(?:from|of|in|at)(?:\s+[A-Z][\w’'-]+){{1,3}})?\s+$")


def named_relatives(text: str) -> list[tuple[int, int]]:
    """[start, end) of people named by a first name only, where the text says who they are:
    "whose son Marcus", "Her father, Emeka,", "his children Siobhán, Colm and Úna", "a lad called
    Rhodri", or in full: "a retired schoolteacher named Birthe Kjærgaard". News names relatives and
    bystanders this way; the model often tags nothing."""
    found = []
    for match in _RELATIVE_NAMES.finditer(text):
        if text.startswith(("’s", "'s"), match.end(1)) and "," in text[match.start():match.start(1)]:
            continue  # "his mother, Chad’s ambassador confirmed": a comma, then a possessor that is not her
        offset = match.start(1)
        for name in re.finditer(_FIRST, match.group(1)):
            if name.group() not in {"And"} and name.group().lower() not in PERSON_NOUNS:
                found.append((offset + name.start(), offset + name.end()))
    found += [match.span(1) for match in _NAMED.finditer(text)
              if _PERSON_NOUN_BEFORE.search(text, max(0, match.start() - 60), match.start())]
    return found


def dateline_places(text: str) -> set[str]:
    """Cities of datelines ("ROTTERDAM, Netherlands (Reuters) -", "DENVER (AP) —"), upper-cased:
    the city of a dateline is a place, in capitals or not, never a person."""
    return {" ".join(match.group(1).split()).rstrip(".") for match in _DATELINE.finditer(text)}


def _trimmed_words(name: str) -> list[str]:
    words = name.split()
    while words and words[-1].lower().rstrip(".") in NAME_SUFFIXES:
        words.pop()
    return words


_NOT_FIRST_NAME = PERSON_NOUNS | HONORIFICS | {"the", "a", "an"}
_POSSESSIVE = ("’s", "'s")
_MODIFIERS = frozenset({"former", "acting", "interim", "incoming", "outgoing", "retired", "veteran", "late"})  # not roles
_HONORIFIC_WORDS = frozenset({"mr", "mrs", "ms", "miss", "dr", "prof"})


def _tidy(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Spans that really have a name's shape, suffixes ("SC", "Jr") dropped, duplicates removed;
    leading words that are not part of the name are cut off: a role or article ("Harbourmaster",
    "The"), a possessor ("Hungary's"), everything up to an honorific ("Later Mr"), and a
    sentence's first word that the text also writes in lower case ("Later")."""
    kept: set[tuple[int, int]] = set()
    lower_words: frozenset[str] | None = None
    for start, end in spans:
        words = text[start:end].split()
        honorific = max((i for i, w in enumerate(words) if w.lower().rstrip(".") in _HONORIFIC_WORDS), default=-1)
        for index, word in enumerate(words[:-1]):
            if index <= honorific or word.lower().rstrip(".") in _NOT_FIRST_NAME or word.endswith(_POSSESSIVE) \
                    or (index == 0 and len(words) > 2 and after_title_of_place(text, start)):
                start = text.index(words[index + 1], start + len(word))
            elif index == 0 and len(words) > 2:
                lower_words = lower_words if lower_words is not None else lower_case_words(text)
                if word.lower() not in lower_words:
                    break
                start = text.index(words[1], start + len(word))
            else:
                break
        trimmed = _trimmed_words(text[start:end])
        if trimmed and trimmed[-1].endswith(_POSSESSIVE):  # "Mr MacAuley’s client"
            trimmed[-1] = trimmed[-1][:-2]
        if len(trimmed) < 2:
            continue
        end = start + text[start:end].rindex(trimmed[-1]) + len(trimmed[-1])
        name = text[start:end]
        if "\n" in name or not looks_like_name(name) or trimmed[0] in CAPITAL_PARTICLES or trimmed[-1] in CAPITAL_PARTICLES \
                or trimmed[-1].lower().rstrip(".") in _NOT_FIRST_NAME or any(len(w) > 2 and w.isupper() for w in trimmed) \
                or any(w.lower() in ORGANISATION_WORDS or w.lower() in {"the", "of", "and"} for w in trimmed):
            continue
        kept.add((start, end))
    return sorted(kept)


def apply_datelines(persons: list[Span], others: list[Span], text: str) -> tuple[list[Span], list[Span]]:
    """The city of a dateline ("ROTTERDAM, Netherlands (Reuters) -") is a place wherever it is
    written, in capitals or not ("a Rotterdam court"): never a person."""
    places = dateline_places(text)
    if not places:
        return persons, others
    persons, others = _split_off_datelines(persons, others, text, places)
    kept, moved = [], []
    for span in persons:
        if " ".join(span.text_in(text).split()).upper() in places:
            moved.append(Span(span.start, span.end, ENTITY, "GPE"))
        else:
            kept.append(span)
    return kept, sort_spans(others + moved) if moved else others


_AFTER_DATELINE = re.compile(r"[ \t]+-+[ \t]*|[ \t]*[—–]+[ \t]*|,[ \t]*")  # not the hyphen of "Ottawa-Rideau"


def _split_off_datelines(persons: list[Span], others: list[Span], text: str,
                         places: set[str]) -> tuple[list[Span], list[Span]]:
    """"CLEVELAND - Donald Trump" read as one organisation: the dateline's city is a place, and a personal name
    after it is a person."""
    split_persons, split_others = [], []
    for span in persons + others:
        surface = span.text_in(text)
        head = next((place for place in places if surface.upper().startswith(place) and len(surface) > len(place)), None)
        dash = _AFTER_DATELINE.match(text, span.start + len(head)) if head else None
        rest = text[dash.end():span.end] if dash else ""
        if dash is None or not rest or not looks_like_name(rest) or len(rest.split()) < 2 \
                or text[text.rfind("\n", 0, span.start) + 1:span.start].strip():  # the dateline opens its line
            (split_persons if span.label == PERSON else split_others).append(span)
            continue
        split_others.append(Span(span.start, span.start + len(head), ENTITY, "GPE"))
        split_persons.append(Span(dash.end(), span.end, ENTITY, PERSON))
    return split_persons, sort_spans(split_others)


def add_evident_people(persons: list[Span], others: list[Span], text: str) -> tuple[list[Span], list[Span]]:
    """Names the text marks as people (`evident_people`: "Colm Rafferty, an agricultural economist")
    become PERSON spans whatever the model called them; a PERSON the model cut short ("Marcus
    O'Donnell" of "Marcus O'Donnell-Reyes") is replaced by the whole name."""
    evident = evident_people(text) + named_relatives(text)
    if not evident:
        return persons, others
    added = []
    for start, end in evident:
        if after_saint(text, start):
            continue  # "St. Francis Regional, who …" is not a person
        if any(p.start <= start and end <= p.end for p in persons) or \
                any(p.start < end and start < p.end and (p.start < start or p.end > end) for p in persons):
            continue  # already a person, or part of a longer PERSON span: the model's reading stands
        persons = [p for p in persons if not (start <= p.start and p.end <= end)]
        others = [o for o in others if not (o.start < end and start < o.end)]
        added.append(Span(start, end, ENTITY, PERSON))
    return persons + added, others
