"""Speech or scare quotes: which quotation marks report words someone said or wrote.

Scare quotes ("no-limits", a nickname, the title of a show) are kept visible but marked
`kind: "scare"`, and left out of quotation counts and share of voice. A quotation is speech when
a reporting cue or a signature attributes it (said, told, according to, a colon introduction, a
dash signature), or when it is long enough to be a statement. It is a scare quote when:
- it is a nickname between the parts of a name (Robert "Bobby" Scott);
- it is a label on the noun after it (the "no-limits" partnership);
- it is a short title-case name (a show, a film, a slogan) not introduced by a cue, or right after a
  possessive or "on"/"of"/"during" (CNN’s “State of the Union”), whatever the verb;
- it is a short phrase (at most `SCARE_WORDS` words) that no cue attributes, whose verb does not
  have a person as its subject and is not itself a reporting verb ("the police reported “40 thefts”"
  is speech; "the mill became a “creative hub”" is not).
"""

from __future__ import annotations

import re

from annotext.analysis.cues import CUE_LEMMAS
from annotext.analysis.quote_marks import QuoteMarks
from annotext.analysis.attribution_record import Attribution
from annotext.core.corrections import SPEECH
from annotext.core.results import SCARE

SCARE_WORDS = 4
TITLE_WORDS = 6
_DIRECT = {"lead", "trail", "colon", "dash", "according", "inherited", "sentence", "dialogue"}
_SMALL = {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from", "vs", "v"}
_NAMING_CUES = frozenset("call calls called calling dub dubs dubbed dubbing brand brands branded branding "
                         "label labels labelled labeled labelling labeling cite cites cited citing".split())
_TITLE_BEFORE = re.compile(r"(?:[’']s|\b(?:on|of|in|during|at|for)|\b(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Tt]he|[Aa]n?)"
                           r"(?:\s+\d{4})?)\s+$")  # "his 1994 “Contract with America”", "a “Commander-in-Chief Forum”"
_WORD = re.compile(r"[^\W\d_][\w’'-]*|\d[\w,.]*")


def quote_kind(text: str, quote: QuoteMarks, found: Attribution) -> str:
    """SPEECH or SCARE for one quotation, given how (and whether) it was attributed."""
    content = quote.content(text)
    words = _WORD.findall(content)
    if not words:
        return SCARE
    if (len(words) <= 3 and between_name_parts(text, quote)) or found.via == "label":
        return SCARE
    if len(words) <= TITLE_WORDS and _title_case(words) and not content.rstrip().endswith(("!", "?")) \
            and _TITLE_BEFORE.search(text, max(0, quote.start - 30), quote.start):
        return SCARE  # CNN’s “State of the Union”, an episode of “The Apprentice”: a title, whatever the verb
    if found.via in _DIRECT and found.speaker:
        return SPEECH
    if found.via == "governing" and found.speaker and (found.cue or "") in _NAMING_CUES:
        return SPEECH  # "Trump called the pageant winner “Miss Piggy”": the name someone called her is their words
    if len(words) <= TITLE_WORDS and _title_case(words) and not content.rstrip().endswith(("!", "?")):
        return SCARE
    if (found.via == "governing" and found.speaker) or (found.via == "partial" and found.cue in CUE_LEMMAS):
        return SPEECH  # "Putin cherishing his “reliable partner”", "the police reported “2,521 incidents”"  # a partial quote whose verb has a person as subject: "Putin cherishing his “reliable partner”"
    if len(words) <= SCARE_WORDS and not _ends_sentence(content) and not _SPOKEN_CLAUSE.match(content):
        return SCARE
    return SPEECH


# A clause that opens with a speaker's pronoun ("they'll go easier", "we're not done") is someone's words,
# however short; a scare quote is a phrase ("best friend", "creative hub").
_SPOKEN_CLAUSE = re.compile(r"\s*(?:I|we|they|you|he|she)(?:[’'](?:ll|re|ve|m|d|s))?\s+\w", re.IGNORECASE)


def _title_case(words: list[str]) -> bool:
    capitals = [w for w in words if w.lower() not in _SMALL]
    return bool(capitals) and all(w[:1].isupper() or w[:1].isdigit() for w in capitals) and words[0][:1].isupper() \
        and any(ch.islower() for w in capitals for ch in w)


def _ends_sentence(content: str) -> bool:
    """A full sentence: capital first, final stop ("Sad." is speech, "best friend" is not)."""
    stripped = content.strip().rstrip("”’\"'")
    return stripped[:1].isupper() and stripped.endswith((".", "!", "?"))


def between_name_parts(text: str, quote: QuoteMarks) -> bool:
    """Robert “Bobby” Scott: capitalised name words right before and after, none ending a sentence
    (a nickname, never speech)."""
    if not all(word[:1].isupper() for word in quote.content(text).split()):
        return False
    before = text[max(0, quote.start - 30):quote.start]
    after = text[quote.end:quote.end + 30]
    return bool(re.search(r"(?:\b[A-Z][\w’'-]*|\b[A-Z]\.)\s$", before)) and bool(re.match(r"\s[A-Z][\w’'-]+", after))


def quote_kind_without_model(text: str, quote: QuoteMarks) -> str:
    """Without a model there are no cues: only the shape of the quotation decides (a nickname, or
    a short title or phrase that is not a sentence)."""
    return quote_kind(text, quote, Attribution(via="lead" if _cue_nearby(text, quote) else None, speaker="?"))


_CUE_WORDS = re.compile(r"\b(?:said|says|say|told|tells|asked|added|wrote|writes|according to)\b", re.IGNORECASE)


def _cue_nearby(text: str, quote: QuoteMarks) -> bool:
    line_start = text.rfind("\n", 0, quote.start) + 1
    line_end = text.find("\n", quote.end)
    before = text[max(line_start, quote.start - 60):quote.start]
    before = before[max(before.rfind(". "), before.rfind("! "), before.rfind("? "), before.rfind("” "), -1) + 1:]
    after = text[quote.end:min(quote.end + 40, len(text) if line_end < 0 else line_end)]
    return bool(_CUE_WORDS.search(after)) or before.rstrip().endswith(":") or bool(_CUE_WORDS.search(before))
