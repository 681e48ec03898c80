"""Who a role description is: the person the article introduced with that role.

"the club's chairman said" is the person introduced as "the club's chairman, Daniel Okonkwo," or
"chairman Daniel Okonkwo", or by a title that says the role ("Mr Justice Anand-Rowe" is "the judge",
"Sen. Cruz" "the senator", but "former Florida Gov. Bush" is not "the governor"); of two people
introduced with one role, the one named last; "the chancellor laughed. “…,” she said" makes "she"
that person; a news lead's "a judge" is the one person the body introduces as judge. Mixed into the reference resolution (references.py).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Callable

from annotext.analysis.epithets import SOURCE_NOUNS
from annotext.analysis.evident_names import PERSON_NOUNS
from annotext.analysis.gender import ROLE_GENDER
from annotext.analysis.names import ROLE_WORDS, TITLE_WORDS
from annotext.analysis.parse import ParagraphParse, Tok
from annotext.analysis.people import name_words
from annotext.core.results import PERSON
from annotext.core.spans import Span

# Adjectives that make another role of the same noun ("the former mayor", "the deputy director"):
# they must match the introduction; other adjectives ("the veteran alderman") only describe.
ROLE_CHANGING_ADJECTIVES = frozenset("""former ex late new acting interim deputy assistant associate vice
    outgoing incoming junior senior chief executive general first second third previous current
    other athletic federal state local national regional""".split())
# Nouns a description of a person ends on ("the incident commander", "the chief executive").
_ROLE_NOUNS = "|".join(sorted((ROLE_WORDS | set(ROLE_GENDER) | PERSON_NOUNS)
                              - (ROLE_CHANGING_ADJECTIVES - {"executive"}) - {"veteran", "retired"},
                              key=len, reverse=True))
_SUBORDINATORS = "".join(rf"|(?<=\b{word}\s)|(?<=\b{word.capitalize()}\s)"
                         for word in ("when", "after", "as", "once", "while", "before", "until", "since"))
_ROLE_SUBJECT = re.compile(  # "…, the chancellor laughed", "When the governor took the stage": a role opening a clause
    rf"(?:(?<=[.!?,;:]\s)|(?<=\n)|(?<=^){_SUBORDINATORS})[Tt]he\s+((?:[A-Za-z][\w’'-]*\s+){{0,2}}?)({_ROLE_NOUNS})\s+"
    rf"(?!(?:of|for|at|and|or|who|whose|in|on|with|to|from|as)\b)[a-z]")
# Titles that say a person's role ("Mr Justice Anand-Rowe" is "the judge", "Sen. Cruz" "the senator").
ROLE_TITLES = {
    "judge": ("justice", "judge"), "senator": ("sen",), "governor": ("gov",), "congressman": ("rep",),
    "congresswoman": ("rep",), "representative": ("rep",), "professor": ("prof",), "detective": ("det", "di", "dci", "ds", "dc"),
    "sergeant": ("sgt",), "inspector": ("insp",), "constable": ("pc",), "captain": ("capt",), "general": ("gen",),
    "pastor": ("rev", "reverend", "pastor"), "priest": ("father", "fr", "rev", "reverend"),
    "vicar": ("rev", "reverend"), "minister": ("rev", "reverend"), "rabbi": ("rabbi",), "imam": ("imam",),
    "bishop": ("bishop",), "archbishop": ("archbishop",), "cardinal": ("cardinal",), "pontiff": ("pope",),
    "pope": ("pope",), "nun": ("sister",), "coach": ("coach",),
}
# "O’Neill, who coached two Olympic champions, …" is the coach the text speaks of later.
_ROLE_VERBS = {"coach": "coach(?:es|ed)", "manager": "manag(?:es|ed)", "chair": "chair(?:s|ed)",
               "owner": "own(?:s|ed)", "founder": "founded", "editor": "edit(?:s|ed)", "trainer": "train(?:s|ed)",
               "captain": "captain(?:s|ed)", "director": "direct(?:s|ed)", "teacher": "teach(?:es)|taught"}
LEAD = 800  # characters: the opening paragraphs of an article, which may describe someone named only later
_CLAUSE_BREAK = re.compile(r"[,;:()]|\b(?:and|with|as|by|to)\s")
_OTHER_ROLE = re.compile(r"\b(?:former|then|ex|late|deputy|vice|assistant|acting|interim)[\s-]+(?:\w+\s+)?\w+\.?[\s,]*$")


class RoleHolders:
    """Role descriptions to people; mixed into ReferenceResolution, which provides the text, the
    entities and their lookups and the gender test."""

    text: str
    entities: list[Span]
    _entity_starts: list[int]
    entity_at: Callable[[int], Span | None]
    in_quote: Callable[[int], bool]
    _fits: Callable[[str, str | None], bool]
    _persons: list[Span]  # the PERSON entities, in text order
    _person_forms: dict[str, str]

    def _named_later_with_role(self, tok: Tok) -> str | None:
        """"… a report that its chair described as ‘…’. … the review’s chair, Prof. Ruth Ní Dhomhnaill,":
        a news lead often names the role-holder only later; the one person the text introduces with that
        role, when nobody was named before the description."""
        if tok.start > LEAD or tok.lower not in SOURCE_NOUNS or any(p.start < tok.start for p in self._persons):
            return None  # someone already named may be who the description means
        introductions = self._introductions(tok.lower)
        if any(span.start < tok.start for span, _context in introductions):
            return None
        later = {self._canonical(span) for span, _context in introductions if span.start < tok.start + LEAD * 3}
        return later.pop() if len(later) == 1 else None

    def _named_after_person(self, parse: ParagraphParse, noun: Tok) -> bool:
        """A description whose capitalised modifier is a person ("the Christie supporter", "the Trump
        aide") describes someone else, not where they are from."""
        for modifier in parse.toks[noun.left:noun.i]:
            entity = self.entity_at(modifier.start)
            if modifier.text[:1].isupper() and ((entity is not None and entity.label == PERSON)
                                                or modifier.text in self._person_forms):
                return True
        return False

    def _canonical(self, span: Span) -> str:
        return span.attrs.get("person") or " ".join(name_words(span.text_in(self.text)))

    def _role_holder(self, role: str, modifiers: list[tuple[str, bool]], before: int,
                     pronoun: str | None = None) -> str | None:
        """The person introduced before offset `before` with `role` and the (word, is_describing)
        `modifiers`: the latest with them all, else the only one with the distinctive ones ("the
        veteran alderman" is the one alderman the article named, whatever it called him then).
        A modifier that describes (an adjective, a person noun such as "veteran") is not distinctive
        unless it makes another role ("former", "deputy"); "the chancellor" is not a person introduced
        as "then-Chancellor …". With `pronoun`, only people whose gender fits it."""
        changed = any(word in ROLE_CHANGING_ADJECTIVES for word, _describing in modifiers)
        earlier = [(span, context) for span, context in self._introductions(role) if span.start < before
                   and (changed or not _OTHER_ROLE.search(context))
                   and (pronoun is None or self._fits(self._canonical(span), pronoun))]
        matching = [span for span, context in earlier if all(_mentions(context, word) for word, _describing in modifiers)]
        best = self._latest_mentioned(matching, before) if matching else None
        if best is None and (role in SOURCE_NOUNS or role in ROLE_TITLES):  # a person's role, not "the DNC's blocking"
            distinctive = [word for word, describing in modifiers if not describing or word in ROLE_CHANGING_ADJECTIVES]
            fitting = [span for span, context in earlier if all(_mentions(context, word) for word in distinctive)]
            if len({self._canonical(span) for span in fitting}) == 1:
                best = fitting[-1]
        return None if best is None else self._canonical(best)

    def _latest_mentioned(self, spans: list[Span], before: int) -> Span:
        """Of people introduced with the same role ("the Faroese minister …", "Norway's minister …"),
        the one the text named last before `before`: "Í Gerðum said … “…,” the minister said"."""
        names = {self._canonical(span): span for span in spans}
        if len(names) > 1:
            index = bisect_right(self._entity_starts, before) - 1
            while index >= 0:
                span = self.entities[index]
                index -= 1
                if span.label == PERSON and span.end <= before and not self.in_quote(span.start) \
                        and self._canonical(span) in names:
                    return names[self._canonical(span)]
        return spans[-1]

    def _introductions(self, role: str) -> list[tuple[Span, str]]:
        """People introduced with `role` ("the club's chairman, Daniel Okonkwo," / "chairman Daniel
        Okonkwo"), in text order, each with the words around the introduction; computed once per role."""
        cache = self.__dict__.setdefault("_role_cache", {})
        if role not in cache:
            escaped = re.escape(role)
            # "Rep. Gordon McAllister (R-Ohio), the committee's chairman", "Walenty Kowalczyk, 71, a retired machinist"
            # (the words between stay in the sentence: not "Gwen Marchetti, a volunteer. ¶ When the governor …")
            after_role = re.compile(rf"(?:\s*\([^()\n]{{1,30}}\))?(?:,\s+\d{{1,3}})?,\s+"
                                    rf"(?:(?:[\w’'-]+|[a-z](?:\.[a-z])+\.)[ \t]+){{0,4}}{escaped}\b")
            before_role = re.compile(rf"\b{escaped}(?:\s+(?:of|for|at)\s+[^,.;:()]{{1,40}}?,|,)?\s+$")
            titles = ROLE_TITLES.get(role, ())
            # "Det. Insp. Aoife MacNamara" is the detective: other titles may follow the role's
            titled = re.compile(rf"\b(?:{'|'.join(map(re.escape, titles))})\.?[ \t]+(?:[a-z]{{1,5}}\.[ \t]+){{0,2}}$") \
                if titles else None
            relative = _ROLE_VERBS.get(role)
            does_role = re.compile(rf",\s+who\s+(?:\w+\s+)?(?:{relative})\b") if relative else None
            found = []
            prefixes = tuple(f"{title}{end}" for title in (*titles, role) for end in (" ", ". "))
            for span, after, written, before, own in self._person_windows():
                if own.startswith(prefixes):  # "Archbishop Julius Ndung’u": the model kept the title
                    found.append((span, own))
                    continue
                doing = does_role.match(after) if does_role else None
                if role not in after and role not in written and not any(title in written for title in titles) \
                        and not doing:
                    continue
                introduced = after_role.match(after) or doing
                if introduced:
                    found.append((span, f"{before} {after[:introduced.end()]}"))
                elif before_role.search(before) or before_role.search(written):  # "athletic director Glen Pruitt"
                    found.append((span, written))
                elif titled is not None and titled.search(written):  # "Mr Justice Anand-Rowe" is the judge
                    found.append((span, _CLAUSE_BREAK.split(written)[-1]))  # "Ohio Gov. Kasich and … Gov. Bush"
            cache[role] = found
        return cache[role]

    def _person_windows(self) -> list[tuple[Span, str, str, str, str]]:
        """Each PERSON mention with the lower-cased text after it, before it, before it without
        trailing titles, and of the mention itself; computed once per document for every role looked up."""
        windows = self.__dict__.get("_windows")
        if windows is None:
            windows = self.__dict__["_windows"] = []
            for span in self.entities:
                if span.label == PERSON:
                    written = self.text[max(0, span.start - 60):span.start].lower()
                    windows.append((span, self.text[span.end:span.end + 80].lower(), written,
                                    _without_trailing_titles(written), self.text[span.start:span.end].lower()))
        return windows

    def _described_subject(self, tok: Tok, pronoun: str, after: int) -> str | None:
        """"… the chancellor laughed. “…,” she said": a definite description opening a clause after the
        last named candidate is the latest subject; "she" is the person the article named with that role."""
        found = None
        for match in _ROLE_SUBJECT.finditer(self.text, max(after + 1, tok.start - 500, 0), tok.start):
            if self.in_quote(match.start()):  # (after a name and a comma it still opens the clause: "Leaving the
                continue  # court with his wife, Yvette Broussard, the senator stopped …")
            # "the Irish captain": a nationality or place describes; it is rarely in the introduction
            modifiers = [(word.lower(), word.lower() in ROLE_WORDS or word[:1].isupper()) for word in match.group(1).split()]
            name = self._role_holder(match.group(2).lower(), modifiers, match.start(), pronoun)
            if name is not None:
                found = name
        return found

    def _apposed_to_name(self, offset: int) -> bool:
        """"Alan Krueger, the former chairman, …": the description at `offset` only repeats the name before it."""
        comma = offset - 1
        while comma > 0 and self.text[comma].isspace():
            comma -= 1
        if comma <= 0 or self.text[comma] != ",":
            return False
        entity = self.entity_at(comma - 1)
        return entity is not None and entity.label == PERSON

    def _named_later(self, tok: Tok) -> str | None:
        """"… fined €18,000, with a judge describing his logbooks as ‘…’" … "Judge Gráinne de Paor said":
        a news lead describes a person the body names; before anyone is named, "a judge" is the one
        person the article introduces as judge."""
        first_person = next((span.start for span in self.entities if span.label == PERSON), None)
        if first_person is None or first_person < tok.start or self.in_quote(tok.start):
            return None
        holders = {self._canonical(span) for span, _context in self._introductions(tok.lower)}
        return holders.pop() if len(holders) == 1 else None


def _mentions(context: str, word: str) -> bool:
    return re.search(rf"\b{re.escape(word)}\b", context) is not None


def _without_trailing_titles(before: str) -> str:
    """"the judge, mrs justice " -> "the judge, ": titles between a role and the name it introduces."""
    words = before.split(" ")
    while len(words) > 1 and (words[-1] == "" or words[-1].rstrip(".") in TITLE_WORDS):
        words.pop()
    return " ".join(words) + " "
