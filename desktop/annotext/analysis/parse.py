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
            head=token.head.i, left=token.left_edge.i, sent=sent_of.get(token.i, 0),
        ))
    return ParagraphParse(offset, offset + len(doc.text), toks)


def subject_mentions(doc, offset: int) -> list[int]:
    """Offsets of PERSON entities that are grammatical subjects: the salient antecedents for "he"/"she"."""
    return [offset + ent.start_char for ent in doc.ents
            if ent.label_ == "PERSON" and ent.root.dep_ in SUBJECT_DEPS]
