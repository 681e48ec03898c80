"""The people index: PERSON mentions merged into people ("Putin" is "Vladimir Putin").

Works on plain spans and the text only, so it is testable without a model. Rules, all general:
- a name's forms are merged when one is the surname (last word) or the unique first name of another;
- the canonical name is the fullest form used in the document;
- every form the model recognised at least once is looked for everywhere (the small model misses
  some mentions, e.g. in headlines);
- a one-word PERSON seen once, inside a capitalised phrase joined by "and"/"of" ("Belt and Road"),
  is a false positive and dropped.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from dataclasses import dataclass, field

from annotext.analysis.canonical_names import (styled, trim_leading_words, with_initials, without_modifier,
                                              without_opening_word)
from annotext.analysis.described_organisations import ORGANISATION_NOUNS
from annotext.analysis.evident_names import add_evident_people, apply_datelines
from annotext.analysis.mislabelled_people import promote_evident_people, reclaim_surnames
from annotext.analysis.gender import mention_gender, person_genders, reported_pronoun_gender
from annotext.analysis.name_completion import (CAPITAL_PARTICLES, complete_first_names, joined_over_particles,
                                              with_given_names, with_second_family_names)
from annotext.analysis.not_people import PLURAL_GROUP, not_a_person
from annotext.analysis.names import (CAPITAL, HONORIFIC_BEFORE, HONORIFICS, NAME_SUFFIXES, ORGANISATION_WORDS,
                                    PARTICLES, ROLE_WORDS, SMALL, TITLE_WORDS, after_saint, headline_lines,
                                    looks_like_name, lower_case_words, name_words, particle_case, word_starts)
from annotext.analysis.normalise import past_combining_marks
from annotext.core.results import ENTITY, PERSON, Person
from annotext.core.spans import Span, offset_within, sort_spans

__all__ = ["index_people", "name_words", "surname", "looks_like_name", "compatible_names", "overlaps_any", "TITLE_WORDS"]

_NOT_PERSON_HEADS = {"storm", "hurricane", "typhoon", "cyclone", "tropical", "operation", "project", "camp", "fort",
                     "mount", "lake", "river", "cape", "port", "saint", "club", "team", "hotel", "bank", "co", "county", "lough",
                     "loch", "glen", "mt", "bay", "north", "south", "east", "west", "upper", "lower", "greater",
                     "central", "northern", "southern", "eastern", "western"}
_ORGANISATION_NOUNS = (ORGANISATION_NOUNS - {"owner", "shipowner", "developer", "operator", "manufacturer"}) | {"charity", "journal", "magazine", "newspaper", "paper", "group", "company", "firm", "club", "band",
                       "app", "website", "site", "agency", "brand", "label", "retailer", "chain", "startup", "publisher",
                       "broadcaster", "network", "channel", "union", "party", "team", "airline", "bank", "fund",
                       "insurer", "carrier", "outlet", "programme", "program", "show", "series", "film", "novel", "album",
                       "association", "federation", "coalition", "alliance", "consortium", "collective", "cooperative"}
_KINSHIP_NAMES = frozenset("dad daddy mum mummy mom mommy mam mammy ma pa da papa mama grandad granddad grandpa grandma "
                           "gran granny nan nana nanna".split())
_GIVEN_AND_PARTICLES = re.compile(rf"(?<![\w’'.-])([{CAPITAL}][{SMALL}’'-]+)[ \t]+(?:(?:van|von|de|der|den|da|di|du|le|la|ter|ten)[ \t]+)*$")
_POSITIONS = frozenset({"centre", "center", "wing", "forward", "guard"})  # "centre Hemi Te Rangi": a player
_NEXT_WORD = re.compile(r"[ \t]+([A-Z][a-z]+)\b")
_PHRASE_AFTER = re.compile(r"\s+(?:and|of|&|for)\s+[A-Z]")
_PHRASE_BEFORE = re.compile(r"[A-Z][\w’'-]*\s+(?:and|of|&|for)\s+$")


@dataclass
class _Cluster:
    forms: dict[str, int] = field(default_factory=dict)  # surface form -> mention count
    mentions: list[Span] = field(default_factory=list)
    gender: str | None = None  # from an honorific or role noun at one of its mentions
    voted_gender: str | None = None  # from pronouns near its full name (only honorifics are held to it)

    cached_name: str | None = None  # reset whenever a mention is added

    @property
    def name(self) -> str:
        if self.cached_name is None:
            best = max(self.forms, key=lambda f: (len(name_words(f)), self.forms[f], len(f)))
            self.cached_name = " ".join(name_words(best)) or best
        return self.cached_name


def index_people(entities: list[Span], text: str, subjects: list[int] = (),
                 embedded: list[int] = ()) -> tuple[list[Span], list[Person]]:
    """Attach a canonical `person` to every PERSON entity and build the people list.

    `subjects`: start offsets of names the parse made subjects (a known surname used as one is the
    person's, whatever the model called it); `embedded`: those that are subjects of an inner clause
    (parse.salient_names), which do not make a mention its sentence's subject. Returns the new entity list (mentions the model missed
    added, false positives removed) and the people, most mentioned first.
    """
    persons = [s for s in entities if s.label == PERSON]
    others = [s for s in entities if s.label != PERSON]
    persons, others = apply_datelines(persons, others, text)
    persons = _drop_phrase_fragments(_drop_false_people(persons, text), text)
    persons, others = add_evident_people(persons, others, text)
    persons, others = _complete_particle_names(persons, others, text)
    persons, others = promote_evident_people(persons, others, text, sorted(subjects))
    persons, others = reclaim_surnames(persons, others, text, _surnames(persons, text), sorted(subjects))
    completed = complete_first_names(persons, others, text, name_words)
    persons = [p for p in persons if not any(c.start <= p.start < c.end for c in completed)] + completed
    persons = with_second_family_names(persons, others, text)  # "Raúl Domínguez" + "Treviño"
    persons = with_given_names(persons + _missed_mentions(persons, others, text), others, text)
    persons = [with_initials(without_opening_word(span, text), text) for span in persons]  # "While Sanders, …"
    persons = [_with_combining_marks(span, text) for span in persons]  # "Adébáyọ̀": patterns stop before U+0300
    main_subjects = sorted(set(subjects) - set(embedded))  # "X, whose mother, Joan X, died …": X is the subject
    clusters = _cluster(sort_spans(persons), text, main_subjects)
    people: list[Person] = []
    tagged: list[Span] = []
    headlines = headline_lines(text)
    for cluster in clusters:
        cluster.cached_name = name = styled(without_modifier(cluster.name, cluster.forms, text, others), cluster.mentions, text)
        body = [m for m in cluster.mentions if not any(s <= m.start < e for s, e in headlines)] or cluster.mentions
        label = not_a_person(name, body, text, titled=cluster.gender is not None)
        if label is not None:
            others.extend(Span(m.start, m.end, ENTITY, label) for m in cluster.mentions)
            continue
        tagged.extend(Span(m.start, m.end, ENTITY, PERSON, {"person": name}) for m in cluster.mentions)
        aliases = sorted((f for f in cluster.forms if f != name), key=lambda f: (-cluster.forms[f], f))
        people.append(Person(name=name, aliases=aliases, mentions=len(cluster.mentions)))
    people.sort(key=lambda p: (-p.mentions, p.name))
    return sort_spans(others + tagged), people


def _drop_false_people(persons: list[Span], text: str) -> list[Span]:
    """Not people: lower-case phrases ("the market"), and names seen only in a title-case headline
    ("Refinery Closes as Prices Slide"), where capitals say nothing. A headline mention of someone
    named in the body is found again by `_missed_mentions`."""
    headlines = headline_lines(text)
    lower_words = lower_case_words(text)
    kept = []
    for span in persons:
        span = trim_leading_words(span, text, lower_words)
        words = name_words(span.text_in(text))
        before = text[max(0, span.start - 30):span.start].rpartition("\n")[2].split()  # on the name's own line
        if before and before[-1].lower() in _ORGANISATION_NOUNS - _POSITIONS:
            continue  # "housing charity Shelter", "the journal Neurology", "the tenants' union Woonbond Amsterdam"
        if len(words) == 1 and words[0].lower() in _KINSHIP_NAMES:
            continue  # "‘Dad would have been mortified’": a relative, not a name
        if len(words) == 1 and PLURAL_GROUP.search(words[0]) and not HONORIFIC_BEFORE.search(text[max(0, span.start - 8):span.start]):
            continue  # "Americans", "Republicans": a group, not a person
        if not words or not (words[0][:1].isupper() or (words[0] in PARTICLES and any(w[:1].isupper() for w in words))):
            continue
        if len(words) == 1 and (words[0].lower().rstrip(".") in HONORIFICS or words[0].lower() in ROLE_WORDS
                                or words[0].lower().rstrip(".") in NAME_SUFFIXES):
            continue  # "Mrs" or "Judge" alone is a title, not a name; "Jr" a suffix
        if words[-1].lower().rstrip(".") in _TRAILING_TITLES or any(ch.isdigit() for ch in span.text_in(text)):
            continue  # "Florida Gov" is the start of "Florida Gov. Jeb Bush"; "Anderson Cooper 360" a programme
        if len(words) > 1 and words[-1].lower() in ORGANISATION_WORDS:
            continue  # "Solent Freight", "Glanmore Foods": a company
        following = _NEXT_WORD.match(text, span.end)
        if following is not None and following.group(1).lower() in ORGANISATION_WORDS:
            continue  # "Queen Elizabeth" of "Queen Elizabeth Hospital": an institution named after a person
        if len(words) > 1 and any(len(word) > 2 and word.isupper() for word in words):
            continue  # "NHS England": an acronym is an organisation's
        first = span.text_in(text).split()[0].lower().rstrip(".")
        if any(start <= span.start < end for start, end in headlines) or \
                (len(words) > 1 and words[0].lower() in _NOT_PERSON_HEADS) or first in {"st", "saint"} \
                or after_saint(text, span.start):
            continue  # a headline's capitals say nothing; "Storm Morag" is weather; "St Finbarr’s" a club
        kept.append(span)
    return kept


# Titles that end a phrase the model took for a name ("Florida Gov", "Alabama Democratic Governor"); never surnames.
_TRAILING_TITLES = frozenset("""gov sen rep governor senator president minister secretary mayor spokesman spokeswoman
chairman chairwoman councillor councilman congressman congresswoman commissioner ambassador premier""".split())


def _drop_phrase_fragments(persons: list[Span], text: str) -> list[Span]:
    counts: dict[str, int] = {}
    for span in persons:
        counts[span.text_in(text)] = counts.get(span.text_in(text), 0) + 1
    kept = []
    for span in persons:
        surface = span.text_in(text)
        single_word = len(name_words(surface)) == 1
        in_phrase = _PHRASE_AFTER.match(text, span.end) or _PHRASE_BEFORE.search(text, max(0, span.start - 80), span.start)
        if single_word and counts[surface] == 1 and in_phrase and not _is_known_part(surface, persons, text):
            continue
        kept.append(span)
    return kept


def _is_known_part(word: str, persons: list[Span], text: str) -> bool:
    """True when `word` is part of a longer PERSON name in the document (then it is a real name)."""
    return any(word in name_words(s.text_in(text)) and len(name_words(s.text_in(text))) > 1 for s in persons)


def surname(words: list[str]) -> str:
    """The family name of a full name: its last word, with any particles before it
    ("Ursula von der Leyen" -> "von der Leyen", "Seán Ó Briain" -> "Ó Briain")."""
    index = len(words) - 1
    while index > 1 and (words[index - 1] in PARTICLES or words[index - 1] in CAPITAL_PARTICLES):
        index -= 1
    return " ".join(words[index:])


def _surnames(persons: list[Span], text: str) -> dict[str, int]:
    """Family names of multi-word names, with how many mentions use them."""
    counts: dict[str, int] = {}
    for span in persons:
        words = name_words(span.text_in(text))
        if len(words) > 1:
            family = surname(words)
            counts[family] = counts.get(family, 0) + 1
            if family.split()[0] in PARTICLES:  # "Van der Meulen" opening a sentence
                capitalised = family[:1].upper() + family[1:]
                counts[capitalised] = counts.get(capitalised, 0) + 1
    for span in persons:  # mentions by the family name alone
        form = " ".join(name_words(span.text_in(text)))
        if form in counts and surname(form.split()) == form:
            counts[form] += 1
    return counts


# the family name after a particle, past a Gaelic article: "Eilidh Nic" + "a’ Phearsain", "Pádraig Mac" + "an tSaoi"
_NEXT_NAME_WORD = re.compile(rf" (?:(?:an|na|a’|a')[ \t]+)?([a-z]?[{CAPITAL}][\w’'-]+)")
_PARTICLE_RUN = re.compile(r"(?:(?<=\s)|^)((?:(?:%s) )+)$" % "|".join(sorted(PARTICLES, key=len, reverse=True)))


_SENTENCE_ADVERBS = frozenset("""later then now but and yet still meanwhile afterwards afterward earlier today yesterday
instead also however so thus there here when while after before""".split())


def _complete_particle_names(persons: list[Span], others: list[Span], text: str) -> tuple[list[Span], list[Span]]:
    """Names do not end on a particle: "Ursula von der" + "Leyen" (which the model may call a place)
    is one PERSON; and "von der" + "Leyen" later is that person's family name."""
    fixed: list[Span] = []
    swallowed: set[tuple[int, int]] = set()
    persons = joined_over_particles(persons, text)
    for span in persons:
        words = span.text_in(text).split()
        match = _NEXT_NAME_WORD.match(text, span.end) if words and (words[-1] in PARTICLES or
                                                                     words[-1] in CAPITAL_PARTICLES) else None
        if match:
            span = Span(span.start, match.end(1), ENTITY, PERSON)
            swallowed.update((o.start, o.end) for o in others if o.start < span.end and o.end > match.start(1))
        if words and (words[0] in PARTICLES or words[0] in CAPITAL_PARTICLES):  # "Annelies van" + "der Berg-Koster"
            before = _GIVEN_AND_PARTICLES.search(text, max(0, span.start - 40), span.start)
            if before is not None and before.group(1).lower().rstrip(".") not in TITLE_WORDS \
                    and not before.group(1).endswith(("’s", "'s")) \
                    and before.group(1).lower() not in _SENTENCE_ADVERBS | lower_case_words(text):  # not "Later de Bruijn"
                span = Span(before.start(1), span.end, ENTITY, PERSON)
        fixed.append(span)
    families = {surname(name_words(s.text_in(text))) for s in fixed if len(name_words(s.text_in(text))) > 1}
    kept = []
    for span in others:
        if (span.start, span.end) in swallowed:
            continue
        before = _PARTICLE_RUN.search(text, max(0, span.start - 20), span.start)
        if before and f"{before.group(1)}{span.text_in(text)}" in families:
            fixed.append(Span(before.start(1), span.end, ENTITY, PERSON))
            continue
        kept.append(span)
    return fixed, kept


def _capitalised(word: str) -> bool:
    """"Rashid", and "al-Rashid" or "el-Sayed" (a lower-case particle joined by a hyphen)."""
    head, _, rest = word.partition("-")
    return word[:1].isupper() or (head in PARTICLES and rest[:1].isupper())


def _missed_mentions(persons: list[Span], others: list[Span], text: str) -> list[Span]:
    """Occurrences of known name forms (and known surnames that are not also ordinary words in this
    text) that the model did not tag and no other entity covers."""
    lower_words = lower_case_words(text)
    forms = {s.text_in(text) for s in persons}
    forms.update(family for family in _surnames(persons, text) if family.lower() not in lower_words)
    # "Zhang Yuqing … Zhang took silver": the first word of a two-word name, written alone, is that person too
    # (a family name written first, or a given name), unless it is also an ordinary word of the text
    forms.update(words[0] for words in (name_words(s.text_in(text)) for s in persons)
                 if len(words) == 2 and words[0].lower() not in lower_words and words[0].lower() not in TITLE_WORDS)
    forms = {f for f in forms if f.split() and _capitalised(f.split()[-1])}
    forms |= {f[:1].upper() + f[1:] for f in forms if f.split()[0] in PARTICLES}  # "Van der Meulen said"
    # every whole-word occurrence of every form (str.find: fast on long texts)
    candidates = [(start, -len(form)) for form in forms if "\n" not in form for start in word_starts(form, text)]
    if not candidates:
        return []
    candidates.sort()
    taken = sorted((s.start, s.end) for s in persons + others)
    found: list[Span] = []
    reached = 0
    for start, negative_length in candidates:  # leftmost, then longest, never overlapping one another
        end = start - negative_length
        if start < reached:
            continue
        reached = end
        if not _overlaps_any(taken, start, end):
            insort(taken, (start, end))
            found.append(Span(start, end, ENTITY, PERSON))
    return found


def _overlaps_any(ranges: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of the sorted, mostly disjoint `ranges`."""
    index = bisect_left(ranges, (end, end))
    for position in range(index - 1, max(-1, index - 6), -1):
        s, e = ranges[position]
        if s < end and start < e:
            return True
    return False


def _cluster(persons: list[Span], text: str, subjects: list[int] = ()) -> list[_Cluster]:
    """Group mentions by person: full names first, then shorter forms attach to the nearest match
    (`subjects`: sorted start offsets of subject names, see `_matching_cluster`). A form's mentions in a
    headline come after its mentions in the body: "Pettigrew" in the headline is whoever the body's
    "Pettigrew" is, not the first Pettigrew the clustering happens to meet."""
    headlines = headline_lines(text)
    by_form: dict[str, list[Span]] = {}
    for span in sorted(persons, key=lambda s: (any(a <= s.start < b for a, b in headlines), s.start)):
        by_form.setdefault(span.text_in(text), []).append(span)
    forms = sorted(by_form, key=lambda f: (-len(name_words(f)), f))
    full = [Span(m.start, m.end, ENTITY, PERSON, {"person": " ".join(name_words(f))})
            for f in forms if len(name_words(f)) > 1 for m in by_form[f]]
    known_genders = person_genders(full, text, sorted(subjects))  # "Amira Haddad … her son": then "Mr Haddad" is someone else
    clusters: list[_Cluster] = []
    by_word: dict[str, list[int]] = {}  # a word of any form -> the clusters holding it (a name matches by its last word)
    for form in forms:
        words = name_words(form)
        if not words:
            continue
        for mention in by_form[form]:
            gender = mention_gender(mention, text)
            honorific = gender if HONORIFIC_BEFORE.search(text, max(0, mention.start - 8), mention.start) else None
            if honorific is None and gender is None and len(words) == 1:
                honorific = reported_pronoun_gender(mention, text)  # "Woods said she": not Ty Woods
            pool = [clusters[i] for i in by_word.get(particle_case(words[-1]), ())]
            cluster = _matching_cluster(words, mention.start, pool, gender, honorific, subjects, form)
            if cluster is None:
                cluster = _Cluster()
                clusters.append(cluster)
            if form not in cluster.forms:
                number = clusters.index(cluster)
                for word in words:
                    holders = by_word.setdefault(particle_case(word), [])
                    if number not in holders:
                        insort(holders, number)
                if gender is None and len(words) > 1:  # pronouns only keep "Mr Haddad" out of "Amira Haddad"
                    cluster.voted_gender = known_genders.get(" ".join(words))
            cluster.gender = cluster.gender or gender
            cluster.forms[form] = cluster.forms.get(form, 0) + 1
            cluster.mentions.append(mention)
            cluster.cached_name = None
    return clusters


def _matching_cluster(words: list[str], position: int, clusters: list[_Cluster],
                      gender: str | None = None, honorific: str | None = None,
                      subjects: list[int] = (), form: str = "") -> _Cluster | None:
    """The person a mention belongs to; "Mr. Obama" never joins "Michelle Obama, the first lady".
    Of several people sharing the name, the one this very form already stood for (news style: once
    "Cruz" is Ted Cruz, a passing "Heidi Cruz" does not take it over), then one who was already the
    subject of a sentence ("Katrin Albers … said") before one only mentioned ("founded by her
    great-great-grandfather, Carl Friedrich Albers"), then the one mentioned most recently, then the one the
    article introduces first. Mentions of one form come in text order (a headline's last), so `forms` holds
    only earlier uses of `form`."""
    def conflicts(cluster: _Cluster) -> bool:
        if gender and cluster.gender and gender != cluster.gender:
            return True
        known = cluster.voted_gender or cluster.gender
        return bool(honorific and known and honorific != known)

    candidates = [c for c in clusters if _compatible(words, name_words(c.name)) and not conflicts(c)]
    if not candidates:
        return None
    if len(candidates) == 1:
        return candidates[0]
    def last_before(cluster: _Cluster) -> tuple[bool, bool, int, int]:
        earlier = [m for m in cluster.mentions if m.start < position]
        was_subject = any(offset_within(subjects, m) for m in earlier)
        first = min(m.start for m in cluster.mentions) if cluster.mentions else 0
        # nobody named yet: the one the article introduces first
        return form in cluster.forms, was_subject, max((m.start for m in earlier), default=-1), -first

    return max(candidates, key=last_before)




def _compatible(short: list[str], full: list[str]) -> bool:
    """"Putin" ~ "Vladimir Putin"; "Alexander Duben" ~ "Bjorn Alexander Duben"; "Joe" ~ "Joe Webster"; "Muñoz" ~
    "Patricio Muñoz Sepúlveda";
    "Von Ahlen" (a sentence start) ~ "Matthias von Ahlen"."""
    if any(w[:1].isupper() and particle_case(w) != w for w in short):
        short, full = [particle_case(w) for w in short], [particle_case(w) for w in full]
    if short == full:
        return True
    if len(short) >= len(full):
        return False
    if short == full[-len(short):]:
        return True
    if len(short) == 1:  # a first name, or the first of two family names ("Muñoz" ~ "Patricio Muñoz Sepúlveda")
        return short[0] == full[0] or (len(full) >= 3 and short[0] in full[1:-1] and short[0][:1].isupper())
    if short[-1][:1].isupper() and any(full[i:i + len(short)] == short for i in range(1, len(full) - len(short))):
        return True  # the first family name with its particles: "de la Cruz" ~ "Sofía de la Cruz Ortega"
    if len(full) >= 4 and short == full[:len(short)]:
        return True  # the given names alone: "Juan Esteban" ~ "Juan Esteban Quintero Ríos"
    return short[-1] == full[-1] and all(w in full for w in short)


def compatible_names(short: list[str], full: list[str]) -> bool:
    """Whether the name words `short` can be another way of writing `full` (public for the speakers step)."""
    return _compatible(short, full)


def overlaps_any(ranges: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of the sorted `ranges` (public for the speakers step)."""
    return _overlaps_any(ranges, start, end)


def _with_combining_marks(span: Span, text: str) -> Span:
    """The span with the combining accents that follow its last letter ("ọ" + U+0300)."""
    end = past_combining_marks(text, span.end)
    return span if end == span.end else Span(span.start, end, span.kind, span.label, dict(span.attrs))
