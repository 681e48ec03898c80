"""What a personal name looks like, and what around a name is not part of it.

Vocabulary only (titles, role nouns, particles), never particular people. Used by the people
index (to drop false people and role words) and by attribution (a name the model missed that
still speaks is a person).
"""

from __future__ import annotations

import re
from functools import lru_cache

# Role words that can stand before a name without being part of it ("Harbourmaster Ewan Ross").
ROLE_WORDS = frozenset("""
harbourmaster harbormaster alderman alderwoman coach chancellor manager director chairman chairwoman
chair spokesman spokeswoman spokesperson president senator governor mayor minister secretary
commissioner inspector detective sergeant constable officer judge justice professor doctor dr
captain skipper striker midfielder defender goalkeeper forward winger referee umpire pitcher
quarterback councillor councilor councilman councilwoman trustee treasurer superintendent principal
headteacher headmaster headmistress nurse surgeon chef founder ceo cfo coo chief executive economist
analyst lawyer attorney barrister solicitor prosecutor advocate activist campaigner candidate
nominee representative rep sen gov lawmaker legislator deputy ambassador envoy general colonel
lieutenant major admiral bishop archbishop pastor reverend rev rabbi imam priest cardinal pope
premier king queen prince princess sheikh emir sultan provost vice-chancellor
author novelist historian scientist researcher physicist biologist chemist astronomer engineer
architect artist singer actor actress rapper comedian presenter host anchor broadcaster journalist
reporter columnist editor publisher producer farmer fisherman owner landlord tenant resident
veteran retired former acting interim incoming outgoing sheriff marshal warden leader whip speaker administrator
councilmember assemblyman assemblywoman assemblymember mp mep msp mla
""".split())
# Descriptions news writes in title case before a name at a sentence start ("Retiree Giuseppe Lombardo, 78,
# said"): never part of the name. Not "Mother"/"Father" (also religious titles).
DESCRIPTORS = frozenset("""retiree pensioner voter shopper commuter student volunteer protester demonstrator
homeowner grandmother grandfather grandmother-of-three widow widower teacher driver worker mechanic electrician
plumber carpenter shopkeeper cleaner bystander witness survivor teenager pupil firefighter paramedic midwife
smallholder landowner fisherwoman businessman businesswoman entrepreneur challenger incumbent newcomer""".split())
# Lower-case particles that belong to a family name: "von der Leyen", "de Gaulle", "ap Iorwerth", "al-Rashid".
# Capital and small letters for the regular expressions that read names, Latin-1 and Latin Extended-A/B
# ("Žiga Kovačič", "Łukasz", "Şükrü"): Python's re has no \p{Lu}.
_EXTENDED = [chr(code) for code in range(0x100, 0x250)]
CAPITAL = "A-ZÀ-ÖØ-Þ" + "".join(letter for letter in _EXTENDED if letter.isupper())
SMALL = "a-zß-öø-ÿ" + "".join(letter for letter in _EXTENDED if letter.islower())
PARTICLES = frozenset({"von", "van", "der", "den", "de", "del", "della", "di", "da", "du", "la", "le", "bin", "arap",
                       "al", "el", "dos", "das", "ter", "ten", "zu", "mac", "ibn", "y", "ap", "ab", "í"})
# An honorific right before a name ("Mr Rivera", "Dame Ellen"), searched in the text just before a mention.
HONORIFIC_BEFORE = re.compile(r"(?<!\w)(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame)\.?\s+$")
# Particles that only ever join a given name to a family name ("Saoirse Ní Bhriain", "Rógvi í Gerðum"):
# a capitalised phrase with one inside is a person's name, whatever label the model gave it.
PATRONYMIC_PARTICLES = frozenset({"Ó", "Ní", "Nic", "Uí", "Mhic", "Ua", "í"})
_NOT_NAME_WORDS = frozenset("""the a an this that these those his her its their our my your and or of
for with from at in on by to as but not no new old""".split())
_NAME_WORD = re.compile(rf"^(?:[{CAPITAL}][\w’'.-]*|[A-Z]\.|(?:Mc|Mac|O’|O'|D’|D')[A-Z][\w’'-]*)$")


_TITLE_OF_PLACE_BEFORE = re.compile(r"(?<![\w’'])(?:%s)\s+(?:to|of|for|from)\s+(?:the\s+)?$"
                                    % "|".join(sorted(ROLE_WORDS, key=len, reverse=True)), re.IGNORECASE)


_SAINT_BEFORE = re.compile(r"(?<![\w’'])(?:St|Ste|Saint)\.?\s+$")


def after_saint(text: str, start: int) -> bool:
    """Whether "St." stands right before `start`: "a nurse at St. Francis Regional" names a hospital, not a person
    (the model may cut the saint off)."""
    return _SAINT_BEFORE.search(text, max(0, start - 8), start) is not None


def after_title_of_place(text: str, start: int) -> bool:
    """Whether a title with "to"/"of" stands right before `start`: "Former Ambassador to Poland Charles Whitcombe"
    begins with the place the title is of, not with a given name."""
    return _TITLE_OF_PLACE_BEFORE.search(text, max(0, start - 40), start) is not None


def particle_case(word: str) -> str:
    """A particle in lower case whatever its place ("Von Ahlen" opening a sentence is "von Ahlen", "Al-Haddad" is
    "al-Haddad"); other words as written."""
    if word.lower() in PARTICLES:
        return word.lower()
    head, hyphen, rest = word.partition("-")
    return f"{head.lower()}-{rest}" if hyphen and rest and head.lower() in PARTICLES else word


def looks_like_name(phrase: str) -> bool:
    """Whether `phrase` has the shape of a personal name: two to four capitalised words (particles
    allowed inside), no digits, no article or pronoun, not all capitals."""
    words = phrase.replace("\u00a0", " ").split()
    if not 1 <= len(words) <= 4 or any(ch.isdigit() for ch in phrase):
        return False
    if words[0].lower() in _NOT_NAME_WORDS or words[0].lower() in PARTICLES:
        return False
    for word in words:
        if word.lower() in PARTICLES and word.islower():
            continue
        if word.lower() in _NOT_NAME_WORDS or not _NAME_WORD.match(word):
            return False
    letters = [ch for ch in phrase if ch.isalpha()]
    return any(ch.islower() for ch in letters)


def word_starts(form: str, text: str, apostrophes: bool = True) -> list[int]:
    """Start offsets of `form` as a whole word, found with `str.find` (cheap on long texts, unlike a
    regular expression per name). With `apostrophes` False, an apostrophe joins words: "Leary" is
    not a word of "O’Leary", nor "Tadhg" of "Tadhg’s"."""
    joining = "" if apostrophes else "’'"
    found, position = [], text.find(form)
    while position >= 0:
        end = position + len(form)
        if (position == 0 or not (text[position - 1].isalnum() or text[position - 1] in joining)) and \
                (end == len(text) or not (text[end].isalnum() or text[end] in joining)):
            found.append(position)
        position = text.find(form, position + 1)
    return found


@lru_cache(maxsize=4)
def lower_case_words(text: str) -> frozenset[str]:
    """Words the text writes in lower case ("measles", "rose"): a capitalised form of one of them is
    an ordinary word at a sentence start, not a name. Cached: several steps ask about one text."""
    return frozenset(re.findall(r"(?<![\w’'])[a-z][a-z’'-]+(?![\w’'])", text))


def headline_lines(text: str) -> list[tuple[int, int]]:
    """[start, end) of lines written in title case with no sentence ending: headlines and
    cross-heads, where every word is capitalised and names cannot be told from other words.
    Several steps ask for one text's headlines; they are found once."""
    return list(_headline_lines(text))


@lru_cache(maxsize=2)
def _headline_lines(text: str) -> tuple[tuple[int, int], ...]:
    found = []
    position = 0
    for line in text.split("\n"):
        words = re.findall(r"[^\W\d_][\w’'-]*", line)
        content = [w for w in words if len(w) > 2 and w.lower() not in _NOT_NAME_WORDS and w.lower() not in PARTICLES
                   and not w.startswith(("d’", "d'", "l’", "l'"))]  # "Lefèvre Wins on Alpe d’Huez as Van der Meulen …"
        stripped = line.strip()
        if len(content) >= 4 and sum(w[:1].isupper() for w in content) >= 0.9 * len(content) and len(words) <= 20:
            found.append((position, position + len(line)))
        elif len(content) >= 2 and stripped.isupper():
            found.append((position, position + len(line)))
        position += len(line) + 1
    return tuple(found)


# Last words of organisation and place names ("Liffey Securities", "Kitto Quay"), never of a person's.
ORGANISATION_WORDS = frozenset("""
bank group company council university college hospital school academy institute trust foundation
association society union party club league federation agency authority office ministry department
committee commission board service services fund partners holdings limited ltd plc inc corp museum
gallery theatre theater centre center stadium quay road avenue square cathedral airport harbour
harbor county freight foods associates fc athletic airways airlines motors energy media systems
technologies labs pharma capital insurance logistics shipping industries enterprises ventures
consulting homes estates securities hotel inn cooperative co-op alliance campus rovers wanderers rangers
albion hotspur united liga marts mart market markets health healthcare pharmaceuticals therapeutics
biosciences software solutions analytics robotics networks communications telecom resources mining
racing partnership coalition ferries ferry railway railways rail buses transport electric utilities
generics platinum minerals metals steel chemicals studios records entertainment brewery breweries
cup trophy pub bar restaurant cafe café maison row street lane drive terrace crescent boulevard
church chapel mosque temple synagogue parish abbey priory
""".split())

# Titles and honorifics that stand before a name ("Mr", "Judge", "Cllr") and are not part of it.
HONORIFICS = {
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
    "president", "senator", "sen", "rep", "governor", "gov", "judge", "justice", "mayor",
    "general", "gen", "colonel", "col", "captain", "capt", "minister", "chancellor", "pope",
    "king", "queen", "prince", "princess", "rev", "father", "sister", "brother", "st",
    "councillor", "councilor", "councilman", "councilwoman", "alderman", "ald", "alderperson", "cacique",
    "secretary", "ambassador",
    "commissioner", "chairman", "chairwoman", "deputy", "inspector", "detective", "sergeant", "sgt",
    "lieutenant", "lt", "officer", "coach", "bishop", "archbishop", "rabbi", "imam", "sheikh", "emir",
    "premier", "chief", "superintendent", "constable", "congressman", "congresswoman",
    "cllr", "det", "insp", "supt", "dci", "di", "dc", "ds", "pc", "fr", "hon", "cdr", "cmdr", "maj", "adm", "gov.",
    "cr", "prime", "uncle", "aunty", "auntie",  # "Cr Tanya Kovačević", "Prime Minister …", an elder's "Uncle Darren"
    "vice", "cabinet", "shadow", "acting", "interim", "former",  # "Vice Chancellor …", "Chief Cabinet Secretary …"
    "ag", "staff",  # "Assistant AG …", "Chief of Staff …"
    "ratu",  # a Fijian chiefly title: "Ratu Josefa Vuniwaqa"
}
NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv", "td", "mp", "msp", "ms", "mla", "mep", "qc", "kc", "sc", "obe", "mbe",
                  "cbe", "kbe", "dbe", "phd", "md", "esq"}
TITLE_WORDS = frozenset(HONORIFICS | ROLE_WORDS)  # words that may stand before a name without being part of it


_PARTY_WORDS = frozenset({"republican", "democrat", "democratic", "labour", "conservative", "tory", "liberal",
                          "independent", "gop"})
_ABBREVIATION = re.compile(r"^(?:[A-Z][a-z]?\.)+$")  # "St.", "W.", "J.P."
_NICKNAME = re.compile(r"^[“\"‘'(].*[”\"’')],?$")  # Harold “Hal” Jankowski


@lru_cache(maxsize=4096)
def _name_words(form: str) -> tuple[str, ...]:
    words = [w.strip(",") for w in form.replace("\u00a0", " ").split() if not _NICKNAME.match(w)]
    words = [w if _ABBREVIATION.match(w) else w.strip(".") for w in words]  # "St. Clair", "George W. Bush"
    while len(words) > 1 and (words[0].lower().rstrip(".") in HONORIFICS or words[0].lower() in ROLE_WORDS
                              or words[0].lower() in DESCRIPTORS
                              or words[0].lower().endswith(("-designate", "-elect"))):  # "Premier-designate …"
        words.pop(0)
    owner = max((i for i, w in enumerate(words[:-2]) if w.endswith(("’s", "'s"))), default=None)
    if owner is not None:  # "Aston Martin's Callum MacAskill": the team's, not part of his name
        words = words[owner + 1:]
    cut = max((i for i, w in enumerate(words[:-1]) if i >= 1 and w.lower().rstrip(".") in ROLE_WORDS | HONORIFICS
               and (w.isupper() or w[:1].isupper() and len(words) - i > 2)), default=None)  # "Toledo Mayor X Y"
    if cut is None and len(words) > 2 and words[0].lower() in _PARTY_WORDS:
        cut = 0  # "Republican Cornelius Vander Veen"
    if cut is not None:  # "Pacific CEO Peter Lindqvist": the name follows the title
        words = words[cut + 1:]
    while len(words) > 1 and words[-1].lower().rstrip(".") in NAME_SUFFIXES:
        words.pop()
    if len(words) > 1 and words[-1].endswith(("’s", "'s")):
        words[-1] = words[-1][:-2]  # "Wade McCrory's name": his name, not part of it
    return tuple(w for w in words if w)


def name_words(form: str) -> list[str]:
    """The words of a name without honorifics, suffixes or punctuation: "Mr. Joe Webster Jr." -> [Joe, Webster]."""
    return list(_name_words(form))
