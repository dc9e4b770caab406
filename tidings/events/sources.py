"""Whom the article attributes an event to ("according to X", "X said"), and the claim it rests on."""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Token

from .draft import Draft

_SAY = {"say", "tell", "report", "state", "announce", "confirm", "add", "claim", "allege", "deny", "quote",
        "insist", "acknowledge", "admit", "note", "explain", "estimate", "put", "tweet", "write"}


def _speaker_text(tok: Token) -> str:
    toks = [t for t in tok.subtree if t.dep_ not in ("relcl", "punct") and not any(a.dep_ == "relcl" for a in t.ancestors if a.i in range(tok.left_edge.i, tok.right_edge.i + 1))]
    start, end = toks[0].i, toks[-1].i + 1
    doc = tok.doc
    while start < tok.i and doc[start].dep_ in ("det",):
        start += 1
    return doc[start:end].text


def according_to(d: Draft) -> Optional[str]:
    sent = d.sent
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < sent.end and tok.nbor().lower_ == "to":
            obj = next((c for c in tok.nbor().children if c.dep_ == "pobj"), None)
            if obj is not None:
                return _speaker_text(obj)
    for anc in d.trigger.ancestors:
        if anc.lemma_.lower() in _SAY:
            subj = next((c for c in anc.children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.pos_ != "PRON":
                return _speaker_text(subj)
    doc = d.trigger.doc
    for q in doc._.tidings_quotes:
        if q.start <= d.trigger.idx < q.end and q.speaker:
            return q.speaker
    return None


def claim_for(doc: Doc, d: Draft) -> Optional[str]:
    """The id of the claim (from the claims stage) that contains the event's trigger."""
    at = d.trigger.idx
    best = None
    for c in doc._.tidings_claims:
        if c.start <= at < c.end and (best is None or c.end - c.start < best.end - best.start):
            best = c
    if best is None:
        return None
    return best.id
