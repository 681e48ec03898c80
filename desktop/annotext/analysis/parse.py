"""Plain snapshots of spaCy tokens, so quote attribution works on simple data and spaCy objects
never leave this package. Only paragraphs that contain a quote mark are snapshotted."""

from __future__ import annotations

from dataclasses import dataclass

from annotext.analysis.cues import SUBJECT_DEPS


@dataclass(slots=True)
class Tok:
    """One token: absolute character offsets, its parse and its position in the paragraph."""

    i: int
    start: int
    end: int
    text: str
    lower: str
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int
    left: int
    right: int


@dataclass(slots=True)
class ParagraphParse:
    """The tokens of one paragraph, [start, end) in document offsets."""

    start: int
    end: int
    toks: list[Tok]


def snapshot(doc, offset: int) -> ParagraphParse:
    """Copy what attribution needs out of a spaCy Doc (offsets shifted by `offset`)."""
    toks = []
    for token in doc:
        start = offset + token.idx
        toks.append(Tok(
            i=token.i, start=start, end=start + len(token.text), text=token.text, lower=token.lower_,
            lemma=token.lemma_.lower(), pos=token.pos_, tag=token.tag_, dep=token.dep_,
            head=token.head.i, left=token.left_edge.i, right=token.right_edge.i,
        ))
    return ParagraphParse(offset, offset + len(doc.text), toks)


def salient_names(doc, offset: int, embedded: list[int] | None = None) -> list[int]:
    """Offsets of proper-noun tokens that are grammatical subjects (or part of a name or apposition
    that is: "Her neighbour, the fishmonger Ruaridh Campbell-Grant, was …", a name right before a
    finite verb, or the source in "according to X"): the salient antecedents for a later "he"/"she".

    `embedded`, when given, also receives the offsets of the subjects of a clause inside another
    ("Sanders tried to hold Snyder accountable", "Pence said Trump will …"): the main clause's subject
    is the one a following "he" continues (pronouns.py).

    Filters on integer arrays first so only candidate tokens become Python objects (this runs on
    every paragraph and must stay cheap next to the model).
    """
    from spacy.attrs import DEP, HEAD, IS_TITLE, POS, TAG

    strings = doc.vocab.strings
    finite = {_as_int64(strings[t]) for t in ("VBD", "VBZ") if t in strings}
    subject_ids = [strings[d] for d in SUBJECT_DEPS if d in strings]
    appos, compound, pobj, conj, agent, root = (strings[d] if d in strings else -1
                                                for d in ("appos", "compound", "pobj", "conj", "agent", "ROOT"))
    clauses = {strings[d] for d in ("advcl", "acl", "relcl") if d in strings}
    inner = {strings[d] for d in ("ccomp", "xcomp", "advcl", "pcomp", "relcl", "acl") if d in strings}
    propn, adverb = strings["PROPN"], strings["ADV"]
    rows = doc.to_array([POS, DEP, IS_TITLE, HEAD, TAG]).astype("int64").tolist()
    according = "according to" in doc.text.lower()
    found = []
    for i, (pos, dep, is_title, head, _tag) in enumerate(rows):
        if pos != propn and not is_title:
            continue
        # "Asked about it, Ní Bhriain laughs.", "… Brenda Johnson also railed": a name right before a finite verb
        # (or an adverb and a finite verb) is its subject,
        # even when the parser attached the name elsewhere (not the second of "Müller and Mensah-Boateng")
        subject = _subject_of(rows, i, subject_ids, (compound, appos))
        verb = i + 2 if i + 2 < len(rows) and rows[i + 1][0] == adverb else i + 1
        if subject is not None or (pos == propn and dep != conj and verb < len(rows) and rows[verb][4] in finite) \
                or (pos == propn and dep == root and _finite_verb_follows(rows, i, root, finite)):
            found.append(offset + doc[i].idx)
            if embedded is not None and subject is not None and _in_inner_clause(rows, subject, conj, inner):
                embedded.append(offset + doc[i].idx)
        elif dep == pobj and pos == propn and rows[i + head][1] == agent \
                and rows[i + head + rows[i + head][3]][1] not in clauses:  # HEAD is relative
            found.append(offset + doc[i].idx)  # "The images were analysed by Tiago Monteiro-Lins": not "Pressed by X, she"
        elif dep == pobj and according:
            token = doc[i]
            if token.head.lower_ == "to" and token.head.i > 0 and doc[token.head.i - 1].lower_ == "according":
                found.append(offset + token.idx)
    return found


def _as_int64(hash_value: int) -> int:
    """A string hash as `to_array(...).astype("int64")` gives it (hashes are unsigned 64-bit)."""
    return hash_value - (1 << 64) if hash_value >= 1 << 63 else hash_value


def _finite_verb_follows(rows: list[list[int]], i: int, root: int, finite: set[int]) -> bool:
    """"Erin Brockovich, the activist, endorsed …" parsed with the name as the sentence's root: a name
    cannot be the root of a sentence that has a finite verb, so it was the subject."""
    for row in rows[i + 1:]:
        if row[1] == root:
            return False  # the next sentence
        if row[4] in finite:
            return True
    return False


def _subject_of(rows: list[list[int]], i: int, subject_ids: list[int], links: tuple[int, int]) -> int | None:
    """The subject token that token `i` is, or reaches through at most three compound/apposition links."""
    for _ in range(4):
        dep, head = rows[i][1], rows[i][3]
        if dep in subject_ids:
            return i
        if dep not in links or head == 0:
            return None
        i += head
    return None


def _in_inner_clause(rows: list[list[int]], subject: int, conj: int, inner: set[int]) -> bool:
    """Whether the verb of `subject` heads a clause inside another (a complement, an adverbial or a
    relative clause), following coordinated verbs back to the first."""
    verb = subject + rows[subject][3]
    for _ in range(8):
        dep, head = rows[verb][1], rows[verb][3]
        if dep != conj or head == 0:
            return dep in inner
        verb += head
    return False
