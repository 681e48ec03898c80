"""Plain snapshots of spaCy tokens, so quote attribution works on simple data and spaCy objects
never leave this package. Only paragraphs that contain a quote mark are snapshotted."""

from __future__ import annotations

from dataclasses import dataclass

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}


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
    sent: int


@dataclass(slots=True)
class ParagraphParse:
    """The tokens of one paragraph, [start, end) in document offsets."""

    start: int
    end: int
    toks: list[Tok]

    def token_at(self, offset: int) -> Tok | None:
        """The token covering character `offset`, if any."""
        for tok in self.toks:
            if tok.start <= offset < tok.end:
                return tok
        return None


def snapshot(doc, offset: int) -> ParagraphParse:
    """Copy what attribution needs out of a spaCy Doc (offsets shifted by `offset`)."""
    toks = []
    sent_of = {}
    for number, sent in enumerate(doc.sents):
        for token in sent:
            sent_of[token.i] = number
    for token in doc:
        start = offset + token.idx
        toks.append(Tok(
            i=token.i, start=start, end=start + len(token.text), text=token.text, lower=token.lower_,
            lemma=token.lemma_.lower(), pos=token.pos_, tag=token.tag_, dep=token.dep_,
            head=token.head.i, left=token.left_edge.i, right=token.right_edge.i, sent=sent_of.get(token.i, 0),
        ))
    return ParagraphParse(offset, offset + len(doc.text), toks)


def salient_names(doc, offset: int) -> list[int]:
    """Offsets of proper-noun tokens that are grammatical subjects (or their appositions, or the
    source in "according to X"): the salient antecedents for a later "he"/"she"."""
    found = []
    for token in doc:
        if token.pos_ != "PROPN" and not token.is_title:
            continue
        dep = token.dep_
        if dep in SUBJECT_DEPS or (dep == "compound" and token.head.dep_ in SUBJECT_DEPS):
            found.append(offset + token.idx)
        elif dep == "appos" and token.head.dep_ in SUBJECT_DEPS:
            found.append(offset + token.idx)
        elif dep == "pobj" and token.head.lower_ == "to" and token.head.i > 0 \
                and doc[token.head.i - 1].lower_ == "according":
            found.append(offset + token.idx)
    return found
