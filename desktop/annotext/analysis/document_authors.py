"""Who wrote a document that "says" something: "the memo said" is the words of the memo's author.

A news reader attributes a document's words to the author the article gives it: "a memo written by
an Aegean Homes finance manager … The memo said “…”", "A report by historians at Trinity College
Dublin … The report described it as “…”", "In a witness statement read to the court, Mr Pryce-Okonedo
said … ‘…,’ the statement says", "its columnist Gavin Pryce-Okonedo … The column claimed …". Only
these textual links count; a document without one keeps its own name (see described_organisations).
"""

from __future__ import annotations

import re

from annotext.analysis.cues import sentence_start

# Document nouns whose words are their author's, and the person noun that names that author.
AUTHORED_NOUNS = frozenset("""report study review survey audit paper memo letter document analysis assessment
filing statement column article editorial blog post submission complaint lawsuit email e-mail note message
foreword tweet diary testimony advisory bulletin notice opinion ruling judgment indictment""".split())
_AUTHOR_NOUNS = {"column": "columnist", "blog": "blogger", "editorial": "editor", "article": "writer"}
_WINDOW = 2500
_NAME = r"[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|de|van|von|der|al|bin|Ó|Ní|Mac))*"
# After the noun: "by X" or "written/prepared/… by X", up to a comma, a full stop or "in 2024".
_BY_AFTER = re.compile(r"(?:\s+[\w’'-]+){0,3}?(?:,\s+|\s+)(?:(?:written|prepared|compiled|authored|drafted|signed|"
                       r"produced|conducted|carried\s+out|filed|brought|issued|sent)\s+)?by\s+((?:the\s+|an?\s+)?[^,.;:“”\"‘()\n]{2,70}?)"
                       r"(?=\s+(?:in|on|last|this|earlier|and|which|that|who|is|was|has|had|will|would|found|finds|"
                       r"said|says|showed|shows|concluded|"
                       r"\w+(?:s|ed)\s+(?:that|the|a|an|it|its|their|there|how)\b)\b|[,.;:()\n])")
_NAMED_AUTHOR = re.compile(rf"(?:\s+(?:in|from|at|with)\s+[^,.;:“”\"\n]{{1,40}})?,\s+(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?({_NAME})"
                           rf"(?=,|\s+(?:describing|saying|who)\b)")
_INDEFINITE_BEFORE = re.compile(r"\b(?:[Aa]n?|[Aa]nother)\s+(?:[\w-]+\s+){0,2}$")
_SEEN_BY = re.compile(r"\b(?:seen|obtained|read|reviewed|quoted|cited|reported|commissioned|published)\s+by\s+$")


def document_author(noun: str, before: int, text: str) -> str | None:
    """The author the text gives the latest `noun` (a document) introduced before offset `before`, or
    None: a "by" phrase right after it, the subject of "In a <noun> …, X said", or "columnist X"."""
    if noun not in AUTHORED_NOUNS:
        return None
    start = max(0, before - _WINDOW)
    mention = re.compile(rf"(?<![\w’'-]){re.escape(noun)}s?\b", re.IGNORECASE)
    found = None
    for match in mention.finditer(text, start, before + len(noun) + 1):
        author = _by_author(text, match.end()) or _stating_subject(text, match) or _from_author(text, match) \
            or _issuer(text, match)
        if author is not None or _INDEFINITE_BEFORE.search(text, max(0, match.start() - 30), match.start()):
            found = author  # "an email fundraising appeal" is another email than the one Sanders sent
    if found is None:  # "The Kansas Chamber, which lobbied for the bill, said in a statement that …"
        # "The Kansas Chamber, which …, said in a statement", "Its spokesperson, Wanjiku Kamau-Otieno, said in a statement"
        issued = re.compile(rf"(?:(?<=[.!?]\s)|(?<=\n)|^)(?:(?:[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Tt]he)\s+[a-z][\w’' -]{{0,40}},\s+)?"
                            rf"(?:[Tt]he\s+)?({_NAME})(?:,[^,.;\n]{{1,80}},)?,?\s+"
                            rf"(?:said|says|wrote|announced|added)\s+in\s+(?:a|an|its|his|her|their)\s+"
                            rf"(?:[\w-]+\s+){{0,2}}{re.escape(noun)}\b", re.MULTILINE)
        for match in issued.finditer(text, start, before):
            found = match.group(1)
    if found is None and noun in _AUTHOR_NOUNS:
        holder = re.compile(rf"\b{_AUTHOR_NOUNS[noun]},?\s+({_NAME})")
        for match in holder.finditer(text, start, before):
            found = match.group(1)
    return found


def _by_author(text: str, end: int) -> str | None:
    """"report by historians at Trinity College Dublin", "review seen by this newspaper, written by
    the group’s digital services team": the author, never who saw, read or commissioned it."""
    position = end
    for _ in range(2):
        match = _BY_AFTER.match(text, position)
        if match is None or "\n" in text[end:match.start(1)]:
            return None
        if not _SEEN_BY.search(text, max(0, match.start(1) - 20), match.start(1)):
            named = _NAMED_AUTHOR.match(text, match.end(1))  # "by a doctor in Darfur, Dr. Amira bin Saleh,"
            return named.group(1) if named else match.group(1).strip()
        position = match.end()
    return None


# "In a letter to Lindqvist dated Feb. 9, the company's outside counsel, Miriam Szabo-Hartley of the law firm Goodwin
# Marsh, wrote": an abbreviation's full stop does not end the sentence, and the name may be qualified before the verb
_IN_A_NOUN = re.compile(rf"(?:[^.!?\n]|(?:Mr|Mrs|Ms|Dr|St|Jan|Feb|Aug|Sept|Oct|Nov|Dec|Gov|Sen|Rep)\.){{0,120}}?,\s+"
                        rf"(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+|the\s+)?({_NAME})(?:\s+of\s+[^,.;:\n]{{1,60}},|,\s+[^,.;:\n]{{1,80}},)?"
                        rf"\s+(?:said|says|wrote|argued|told)\b")


def _from_author(text: str, match: re.Match[str]) -> str | None:
    """"a statement from its national press secretary, Brianna Castellanos-Reyes": the named sender."""
    found = _FROM_AFTER.match(text, match.end())
    return found.group(1) if found else None


def _issuer(text: str, match: re.Match[str]) -> str | None:
    """"The mayor did not attend … but issued a statement afterward": the subject of the sentence that issued
    it (a name or "the <role>", for the caller to resolve)."""
    opening = sentence_start(text, match.start())
    if not _INDEFINITE_BEFORE.search(text, max(opening, match.start() - 30), match.start()):
        return None
    found = _ISSUING_SUBJECT.match(text, opening, match.start())
    if found is None or (not found.group(1).lower().startswith("the ") and len(found.group(1).split()) < 2
                         and (found.group(1).lower() in _NOT_ISSUERS or not found.group(1)[1:].islower())):
        return None  # not "He released a letter", "In late September, a group … sent a letter"; "Whitcomb, who …, released"
    return found.group(1)


_FROM_AFTER = re.compile(r"\s+from\s+(?:(?:its|his|her|their|the)\s+[^,.;:“”\"\n]{1,60}?,\s+)?"
                         r"([A-Z][\w’'-]*(?:[ \t]+(?:[A-Z][\w’'-]*|de|van|von|der|al|bin))+)\b")  # a full name
_NOT_ISSUERS = frozenset({"he", "she", "it", "they", "we", "i", "in", "on", "at", "after", "before", "later", "then",
                          "meanwhile", "earlier", "also", "but", "and", "when", "while", "a", "an", "this", "that"})
_ISSUING_SUBJECT = re.compile(rf"\s*((?:[Tt]he\s+[a-z]+)|{_NAME})(?:,[^.;:“”\"\n]{{1,80}}?,)?\s+[^.;:“”\"\n]{{0,80}}?\b(?:issued|released|put\s+out|"
                              rf"sent|posted|published)\s+(?:a|an)\s+(?:[\w-]+\s+){{0,2}}$")


def _stating_subject(text: str, match: re.Match[str]) -> str | None:
    """"In a witness statement read to the court, Mr Pryce-Okonedo said …": the one who made it."""
    opening = text[max(0, match.start() - 30):match.start()]
    if not re.search(r"(?:^|[.!?\n]\s*)In\s+(?:a|an|his|her|their|its)\s+(?:[\w’'-]+\s+){0,2}$", opening):
        return None
    said = _IN_A_NOUN.match(text, match.end())
    return said.group(1) if said else None
