"""The vocabulary of attribution: reporting verbs and pronouns. Vocabulary only, no names."""

# Lemmas of verbs that introduce or attribute speech or writing ("said", "told", "described … as").
CUE_LEMMAS = frozenset("""
say tell add warn write describe call explain argue insist claim note state declare announce admit
acknowledge suggest conclude reply respond answer ask urge predict recall comment observe stress
emphasise emphasize maintain contend assert tweet post continue complain confirm deny shout whisper
agree report concede caution vow promise pledge quip joke remark reveal testify label dub brand term
hail praise condemn criticise criticize accuse dismiss characterise characterize lament plead demand
recount muse mutter exclaim boast counter retort concur propose recommend advise inform assure
reiterate repeat announce proclaim allege threaten concede admit summarise summarize find
chant yell scream sing read
charge beam blast slam scoff fume gush rave cite quote wonder marvel sigh laugh smile grin shrug snap chime
interject interrupt point reference press elaborate
""".split())

# (next word, verb lemma) pairs that report speech together: "shot back", "went on", "as she put it".
PHRASAL_CUES = frozenset({("back", "shoot"), ("back", "fire"), ("back", "hit"), ("back", "write"), ("back", "snap"),
                          ("on", "go"), ("it", "put"), ("up", "speak"), ("out", "speak"), ("in", "chime"),
                          ("in", "cut"), ("in", "break"), ("up", "pipe"), ("off", "cut"), ("up", "follow")})

PERSONAL_PRONOUNS = frozenset({"he", "she"})
PLURAL_PRONOUNS = frozenset({"they"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
SENTENCE_END = frozenset({".", "!", "?"})
_SENTENCE_BREAKS = (". ", "\n", "? ", "! ")


# Titles written with a full stop that does not end the sentence ("the voice of Mr. Tribe's client")
_ABBREVIATIONS = frozenset("mr mrs ms dr st gov sen rep lt col gen sgt capt prof rev jr sr ald fr".split())


def sentence_start(text: str, offset: int) -> int:
    """Where the sentence holding `offset` starts, by the marks news text ends sentences with (no parse needed);
    the full stop of a title ("Mr.", "Sen.") ends none."""
    while True:
        found = max(text.rfind(mark, 0, offset) for mark in _SENTENCE_BREAKS)
        before = text[max(0, found - 5):found].split() if found > 0 and text[found] == "." else []
        if not before or before[-1].lower() not in _ABBREVIATIONS:
            return found + 1
        offset = found
def paragraph_before(text: str, line_start: int) -> tuple[int, int]:
    """[start, end) of the paragraph before the line that starts at `line_start`, without the blank lines after it
    (both 0 at the top of the text)."""
    end = line_start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return text.rfind("\n", 0, end) + 1, end


SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
