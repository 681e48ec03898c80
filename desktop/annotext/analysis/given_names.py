"""The gender a given name usually has, for "he"/"she" when the article itself says nothing.

The lexicon is the US Census 1990 first-name frequencies as shipped by the `names` package (MIT; the
data is public domain), read offline from the installed package. A name counts only when at least
nine in ten of its bearers in the census had one sex ("Thomas", "Keisha"); "Dana", "Lee", "Jordan"
and names the census does not list ("Naveen", "Kerem") give nothing. The article's own evidence
(honorifics, gendered roles, pronouns) always wins: see gender.py and docs/architecture.md. The same files'
88,799 family names and 5,494 given names also tell a one-word "person" that is nobody's name ("Turnout",
"Benfica") from one that is (not_people.py).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from importlib import resources

MALE, FEMALE = "male", "female"
_CLEAR_SHARE = 0.9  # share of one sex among a name's bearers for the name to decide
# First parts of compound given names whose gender is not the English one ("Jean-Luc", "Jean-Marie": men).
_COMPOUND_FIRST = {"JEAN": MALE}
# Short forms that the 1990 census lists under one sex but that today name women and men alike.
_SHARED_SHORT_FORMS = frozenset("""ALEX SAM JESS JAMIE CHARLIE MAX JO SANDY ALI NICKY FRANKIE BILLIE BOBBIE
TONI STEVIE RORY ROBIN ASHLEY SHANNON KELLY CASEY JODY JODIE""".split())


def _census_rows(filename: str) -> list[list[str]]:
    """The rows (name, frequency, …) of one census file of the `names` package; [] when it is not installed."""
    try:
        text = resources.files("names").joinpath(filename).read_text(encoding="ascii")
    except (ModuleNotFoundError, FileNotFoundError, OSError, ValueError):
        return []
    return [parts for parts in (line.split() for line in text.splitlines()) if len(parts) >= 2]


def _census_key(word: str) -> str:
    """A word as the census files write names: accents folded, upper case, no apostrophe ("Zoë" -> ZOE)."""
    plain = "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch))
    return plain.upper().replace("’", "").replace("'", "")


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, str]:
    """Upper-case given name -> MALE or FEMALE, for names clearly of one sex."""
    frequencies: dict[str, dict[str, float]] = {}
    try:
        for sex, filename in ((MALE, "dist.male.first"), (FEMALE, "dist.female.first")):
            for parts in _census_rows(filename):
                frequencies.setdefault(parts[0], {MALE: 0.0, FEMALE: 0.0})[sex] = float(parts[1])
    except ValueError:
        return {}  # without the lexicon only the article's evidence decides
    lexicon = {}
    for name, share in frequencies.items():
        if name in _SHARED_SHORT_FORMS:
            continue
        total = share[MALE] + share[FEMALE]
        if total > 0:
            for sex in (MALE, FEMALE):
                if share[sex] / total >= _CLEAR_SHARE:
                    lexicon[name] = sex
    return lexicon


def given_name_gender(name: str) -> str | None:
    """MALE or FEMALE for a full name whose first word is a clearly gendered given name ("Thomas
    Brannigan"); None for a single word (a family name alone) or an unclear or unknown given name."""
    words = name.split()
    if len(words) < 2:
        return None
    parts = words[0].split("-")  # "Marie-Ève": Marie
    key = _census_key(parts[0])  # "Zoë", "José": ZOE, JOSE
    if len(parts) > 1 and key in _COMPOUND_FIRST:
        return _COMPOUND_FIRST[key]  # "Jean-François": French, where Jean is a man's name
    return _lexicon().get(key)


@lru_cache(maxsize=1)
def _census_names() -> frozenset[str]:
    """Every given name and family name in the census files (upper case)."""
    return frozenset(parts[0] for filename in ("dist.male.first", "dist.female.first", "dist.all.last")
                     for parts in _census_rows(filename))


def is_census_name(word: str) -> bool | None:
    """Whether one word is a given or family name of the US census lists (88,799 family names, 5,494 given
    names); None when the lists are not installed."""
    names = _census_names()
    if not names:
        return None
    return _census_key(word) in names
