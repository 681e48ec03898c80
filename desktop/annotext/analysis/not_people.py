"""Names that are not people, told from how the article itself uses them.

The people index groups PERSON mentions into people; before a group becomes a person it is
checked here against what the text says about that name (vocabulary and text shape only, never
particular names):
- a nickname or title in quotation marks ("the team nicknamed ‘Lazy Susan’");
- a name after a word for a vessel, an animal or a work ("the trawler Havfrúgvin"), an acronym ("JAXA");
- a name always written after a determiner ("his vessel, the Mary Kate", "his Halo Mini");
- several words, one of them an organisation's ("Millbrook Rovers", "Seapoint Manor Hotel"), or
  all of them words the text also writes in lower case ("Best Buy"), or always after "in", "at" or
  "near" ("In Golden Meadow, shrimper …", "at City Hall");
- one word with no honorific or gendered role, which the text also writes in lower case
  ("Measles is not a mild illness" beside "a measles outbreak"), or names an organisation with
  ("Rhein-Main Bank", "Rhein-Main shareholders"; "Sugarbird, a popular app"), or puts after a
  plural group noun ("the holders, Ballyvourney"), or names a storm or an operation with ("Storm Morag");
- a plural group ("Americans"), a nationality or language ("English"), an illness ("Lassa fever"),
  or a place after a preposition ("a proud day for Millbrook");
- one word that is no given or family name of the US census lists ("Turnout", "Benfica", given_names.py) and
  never acts as a person (no age, title, kin word, "said" or "who" at any mention: "Sutrisno, 52," stays).
"""

from __future__ import annotations

import re

from annotext.analysis.epithets import DEMONYM_NOUNS, PARTY_NOUNS
from annotext.analysis.given_names import is_census_name
from annotext.analysis.names import CAPITAL, HONORIFICS, ORGANISATION_WORDS, TITLE_WORDS, lower_case_words, word_starts
from annotext.core.spans import Span

_OPENING_MARKS = "“‘\"'«"
_CLOSING_MARKS = "”’\"'»"
PLURAL_GROUP = re.compile(r"(?:icans|ians|ists|ites|crats|ims)$")
_PLACE_BEFORE = re.compile(r"(?:\b(?:the|in|at|for|from|to|near|of|across|around|outside|above|below|beyond|"
                           r"into|through|towards?|via|between)\s+)$", re.IGNORECASE)
_NATIONALITIES = frozenset("""english welsh scottish irish british french german dutch spanish portuguese italian
polish swedish danish finnish norwegian turkish greek russian ukrainian chinese japanese korean
vietnamese thai indian pakistani bengali nigerian ghanaian kenyan american canadian mexican brazilian
australian maori arabic hebrew swahili latin""".split())
_DEMONYM_NOUNS = DEMONYM_NOUNS | {"scots", "brit"}  # the epithets' nouns, and two that never stand alone there
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_CALENDAR_WORDS = _WEEKDAYS | frozenset("""january february march april may june july august september october november
december""".split())
_ILLNESS_NOUNS = frozenset({"fever", "virus", "disease", "syndrome", "flu", "outbreak", "vaccine"})
_PLACE_WORD_BEFORE = re.compile(r"(?<![\w’'])(?:[Tt]he|[Aa]n?|their|its)\s+([A-Z][\w’'-]+)\s+$")
_DETERMINER_BEFORE = re.compile(r"(?<![\w’'])(?:[Tt]he|[Aa]n?|his|her|their|its|my|our|your|this|that)\s+$")
_CORPORATE_NOUNS = frozenset("""
shares shareholders stock investors customers branches stores users subscribers headquarters app
website platform products
""".split())
_ORGANISATION_APPOSITION = re.compile(
    r",\s+(?:a|an|the|its)\s+(?:(?!(?:at|of|in|for|with|from|on|by)\s)[\w’'-]+\s+){0,3}?(app|website|platform|company|firm|group|bank|charity|"
    r"brand|startup|start-up|retailer|chain|club|team|side|band|newspaper|magazine|journal|network|service|"
    r"town|village|city|county|region|district|suburb|river|island|province|state|body|agency|authority|"
    r"regulator|watchdog|commission|board|council|department|ministry|court|union|party|association|"
    r"institute|university|school|hospital|organisation|organization)\b(?![’'-])"
    r"(?=\s*[,.;:)]|\s*$|\s+(?:that|which|in|of|for|based|with|where|whose|and|run|owned)\b)")  # the head noun
_EVENT_BEFORE = re.compile(r"(?<![\w’'])(?:storm|hurricane|typhoon|cyclone|operation|project)\s+$", re.IGNORECASE)
_NEXT_WORD = re.compile(r"(’s|'s)?\s+([A-Za-z]+)")
_THING_BEFORE = re.compile(r"(?<![\w’'])(?:ship|vessel|trawler|boat|yacht|ferry|tanker|frigate|destroyer|submarine|"
                           r"spacecraft|lander|satellite|racehorse|mare|colt|filly|gelding|stallion|greyhound|"
                           r"album|song|novel|opera)\s+$")  # nouns only: "to play Trump" is not a play
_WHERE_BEFORE = re.compile(r"(?<![\w’'])(?:[Ii]n|at|near|across|around|outside|throughout)\s+$")
# "the state capital Raipur", "in Devon and east Cornwall", "in Lyon or Łódź": words that only stand before places
_PLACE_CONTEXT = re.compile(r"(?<![\w’'])(?:(?:capital|city|town|village|province|county|district|suburb|borough|"
                            r"island|port|region)\s+(?:of\s+)?|(?:north|south|east|west|northern|southern|eastern|"
                            r"western|central|upstate|downtown|coastal|rural)\s+|(?:[Ii]n|at|near|from)\s+[A-Z][\w’'-]+"
                            r"(?:\s+[A-Z][\w’'-]+)?,?\s+(?:or|and)\s+)$")
# What only a person does or is right after or before a single name ("Sutrisno, 52, said", "her son Ciarán").
_PERSON_AFTER = re.compile(r",\s+\d{1,3},|,?\s+(?:said|says|told|tells|added|asked|replied|recalled|explained|wrote|"
                           r"laughed|smiled|shrugged|who|whose|he|she)\b|’s\s+(?:wife|husband|son|daughter|mother|father)\b")
_PERSON_BEFORE = re.compile(r"\b(?:(?:son|daughter|wife|husband|brother|sister|mother|father|friend|partner|named|called|"
                            r"Mr|Mrs|Ms|Dr)\.?,?|(?:children|sons|daughters|siblings|brothers|sisters|grandchildren)"
                            rf"(?:\s+[{CAPITAL}][\w’'-]+,)*)\s+$")  # "his children Siobhán, Colm, Ciarán"
_ORGANISATION_ENDINGS = frozenset({"police", "constabulary", "caucus", "gendarmerie"})
_STREET_WORDS = frozenset({"avenida", "calle", "rua", "rue", "via", "viale", "piazza", "plaza", "praça", "jalan",
                           "ulica", "strasse", "straße", "carrer", "paseo", "calzada", "avenue", "boulevard"})
# Last words of roads and other places named after people ("Jefferson Davis Highway"), never family names
# (not "Park", "Field", "Bridge")
_PLACE_ENDINGS = frozenset({"highway", "parkway", "expressway", "freeway", "turnpike", "interchange", "boulevard",
                            "avenue", "airport", "stadium"})
_ADDRESS_WORDS = frozenset({"madam", "madame", "ma’am", "ma'am", "sir", "mister", "sire"})
_ELIDED_ARTICLE_AFTER = re.compile(r"\s+d[’'][A-Z]")
_PLURAL_APPOSITION = re.compile(r"(?<![\w’'])(?:the|their|its)\s+[a-z]+s,\s+$")


def not_a_person(name: str, mentions: list[Span], text: str, titled: bool) -> str | None:
    """The entity label the group of `mentions` called `name` should have instead of PERSON
    (ORG, NORP, GPE, EVENT, PRODUCT or WORK_OF_ART), or None when nothing in the text says it is not a person.
    `titled`: an honorific or a gendered role was seen at one of the mentions ("Mr", "spokeswoman").
    Mentions in headlines are best left out by the caller: a headline's capitals say nothing."""
    if all(_quoted(m, text) for m in mentions):
        return "WORK_OF_ART"  # a nickname or a title
    if name.lower() in _ADDRESS_WORDS or name.lower().rstrip(".") in HONORIFICS:
        return "NORP"  # "…, Madam Secretary", "said Ald. Wendy …": a form of address or a title, nobody's name
    if name.lower() in PARTY_NOUNS:
        return "NORP"  # "a West Michigan Republican who …": a party member described, not named
    unquoted = [m for m in mentions if m.start == 0 or text[m.start - 1] not in _OPENING_MARKS]  # not "“Squall Wall”"
    if unquoted and all(_determined(m, text) for m in unquoted):
        return "PRODUCT"  # a vessel, a pub, a product, a team: "the Mary Kate", "his Halo Mini", "the Squall"
    things = sum(1 for m in mentions if _THING_BEFORE.search(text, max(0, m.start - 24), m.start))
    if things and 2 * things >= len(mentions):
        return "PRODUCT"  # "the trawler Havfrúgvin", "the coastguard ship Harald Hårfagre", "the horse Red Rum"
    if titled:
        return None
    if name.isupper() and len(name) > 1 and " " not in name and not any(text.startswith(":", m.end) for m in mentions):
        return "ORG"  # "JAXA", "NASA": an acronym (a transcript's "PENCE:" is a speaker label)
    if any(_ORGANISATION_APPOSITION.match(text, m.end) for m in mentions):
        return "ORG"  # "Sugarbird, a popular app", "An Coimisiún Pleanála, the national planning body"
    if " " in name:
        words = name.split()
        if all(len(w) > 1 and w.isupper() for w in words) and not any(text.startswith(":", m.end) for m in mentions):
            return "GPE"  # "HO CHI" from a dateline's "HO CHI MINH CITY": a name in capitals is a place or a heading
        if words[-1].lower() in _ORGANISATION_ENDINGS or words[0].lower() in _STREET_WORDS \
                or words[-1].lower() in _PLACE_ENDINGS:
            return "ORG" if words[-1].lower() in _ORGANISATION_ENDINGS else "FAC"  # "West Mercia Police", "Avenida …"
        if any(w.lower() in _WEEKDAYS for w in words):
            return "DATE"  # "New Hampshire Monday": the model ran a place into the day
        if any(w.lower() in ORGANISATION_WORDS or w == "&" for w in words):
            return "ORG"  # "Seapoint Manor Hotel", "Millbrook Rovers", "Berger & Lindqvist"
        if all(w.lower() in lower_case_words(text) for w in words):
            return "ORG"  # "Best Buy", "Freedom Alliance": ordinary words with capitals
        if all((_WHERE_BEFORE.search(text, max(0, m.start - 12), m.start) or _at_a_place(m, text))
               and not text.startswith(("’s", "'s"), m.end) for m in mentions):
            return "GPE"  # "In Golden Meadow, shrimper …", "at City Hall", "in South Auckland"
        return None
    if name.lower() in _CALENDAR_WORDS:
        return "DATE"  # "Since January" at a sentence start
    if all(_ELIDED_ARTICLE_AFTER.match(text, m.end) for m in mentions):
        return "GPE"  # "Côte" of "Côte d’Ivoire": the model stopped at the elided article
    if _demonym_of_a_place(name, text):
        return "NORP"  # "every working Kansan", "a proud Texan"
    if PLURAL_GROUP.search(name) or name.lower() in _NATIONALITIES or name.lower() in _DEMONYM_NOUNS:
        return "NORP"  # "Americans", "Republicans": a group; "English", "Welsh": a people or a language
    if all(_PLACE_BEFORE.search(text, max(0, m.start - 12), m.start) or _at_a_place(m, text) for m in mentions):
        return "GPE"  # "the Millbrook leisure centre", "a proud day for Millbrook"
    if name.lower() in lower_case_words(text):
        return "ORG"  # an ordinary word capitalised at a sentence start
    for start in word_starts(name, text):
        after = _NEXT_WORD.match(text, start + len(name))
        if after and not after.group(1) and after.group(2) in _ILLNESS_NOUNS:
            return "EVENT"  # "Lassa fever", "Ebola virus"
        if after and (after.group(2).lower() in _CORPORATE_NOUNS or
                      (not after.group(1) and after.group(2).lower() in ORGANISATION_WORDS)):
            return "ORG"  # "Rhein-Main Bank", "Rhein-Main shareholders"
        if _EVENT_BEFORE.search(text, max(0, start - 16), start):
            return "EVENT"  # "Storm Morag", "Operation Yellowhammer": then "Morag" alone is the storm
    if any(_PLURAL_APPOSITION.search(text, max(0, m.start - 40), m.start) for m in mentions):
        return "ORG"  # "the holders, Ballyvourney"
    if is_census_name(name) is False and name[:1].isupper() and name.isalpha() and not any(
            _PERSON_AFTER.match(text, m.end) or _PERSON_BEFORE.search(text, max(0, m.start - 30), m.start)
            or _title_before(m, text) for m in mentions):
        return "ORG"  # "Turnout", "Benfica", "Isavia": one word that is nobody's given or family name, and acts as nobody
    return None


def _title_before(mention: Span, text: str) -> bool:
    """"President Obama", "Sen. Kaine": a title right before the mention."""
    words = text[max(0, mention.start - 20):mention.start].split()
    return bool(words) and words[-1].lower().rstrip(".") in TITLE_WORDS


def _at_a_place(mention: Span, text: str) -> bool:
    """Whether the words before the mention are ones that stand before places ("the state capital", "east")."""
    return _PLACE_CONTEXT.search(text, max(0, mention.start - 45), mention.start) is not None


def _determined(mention: Span, text: str) -> bool:
    """A determiner right before the mention, or before one place word that is not a title or a nationality ("the
    Halifax Squall", not "the President Joe Biden" or "the Australian Callum McKenzie-Tait")."""
    if _DETERMINER_BEFORE.search(text, max(0, mention.start - 7), mention.start):
        return True
    place = _PLACE_WORD_BEFORE.search(text, max(0, mention.start - 30), mention.start)
    return place is not None and place.group(1).lower() not in TITLE_WORDS \
        and place.group(1).lower() not in _NATIONALITIES | _DEMONYM_NOUNS  # "the Australian Callum McKenzie-Tait"


def _demonym_of_a_place(name: str, text: str) -> bool:
    """"Kansan" beside "Kansas", "Ohioan" beside "Ohio", "Floridian" beside "Florida": one word that
    names the people of a place the text names."""
    if not name.endswith("an") or len(name) < 5:
        return False
    stems = {name[:-1], name[:-2], name[:-1] + "s", name[:-2] + "s", name[:-3] + "a", name[:-2] + "a"}
    return any(len(stem) >= 4 and word_starts(stem, text) for stem in stems)


def _quoted(mention: Span, text: str) -> bool:
    return mention.start > 0 and mention.end < len(text) and text[mention.start - 1] in _OPENING_MARKS \
        and text[mention.end] in _CLOSING_MARKS
