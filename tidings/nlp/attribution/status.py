"""Sentences that confirm, deny or leave unconfirmed something said earlier.

"would not confirm", "could not be independently verified", "declined to
comment on" (unconfirmed); "denied the report", "dismissed the claims"
(denied); "confirmed the deaths" (confirmed). One Matcher finds them all.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

_NEG = {"LOWER": {"IN": ["not", "n't", "never", "unable"]}}
_ADV = {"LOWER": {"IN": ["immediately", "independently", "yet", "officially", "publicly", "separately"]}, "OP": "*"}
_CHECK = {"LEMMA": {"IN": ["confirm", "verify", "corroborate", "substantiate", "authenticate"]}}
_MODAL = {"LOWER": {"IN": ["would", "could", "can", "did", "does", "do", "will", "has", "have", "had", "was", "were", "is", "are", "ca", "wo"]}}

PATTERNS = {
    "unconfirmed": [
        [_MODAL, _NEG, _ADV, {"LOWER": {"IN": ["be", "been"]}, "OP": "?"}, _ADV, _CHECK],
        [{"LOWER": "unable"}, {"LOWER": "to"}, _ADV, _CHECK],
        [{"LEMMA": {"IN": ["decline", "refuse"]}}, {"LOWER": "to"}, {"LEMMA": {"IN": ["confirm", "comment", "verify", "discuss", "address"]}}],
        [{"LOWER": {"IN": ["unverified", "unconfirmed", "uncorroborated"]}}],
        [{"LOWER": "no"}, {"LOWER": "independent", "OP": "?"}, {"LEMMA": {"IN": ["confirmation", "verification"]}}],
    ],
    "denied": [
        [{"LEMMA": {"IN": ["deny", "refute", "dismiss", "reject", "rebut", "debunk"]}, "POS": "VERB"}],
        [{"LOWER": {"IN": ["false", "untrue", "baseless", "fabricated", "groundless"]}}],
    ],
    "confirmed": [
        [{"LEMMA": {"IN": ["confirm", "verify", "corroborate"]}, "POS": "VERB"}],
    ],
}
# Words that point back at something already said.
ANAPHORS = {"claim", "claims", "report", "reports", "allegation", "allegations", "account", "accounts",
            "figure", "figures", "this", "it", "that", "statement", "assertion", "video", "footage", "toll",
            "rumour", "rumor", "rumours", "rumors", "story", "information", "details", "them", "these"}


@dataclass
class Status:
    value: str  # confirmed / denied / unconfirmed
    sentence: Span
    at: int  # token index of the word that set it


_matchers: dict[int, Matcher] = {}


def _matcher(doc: Doc) -> Matcher:
    key = id(doc.vocab)
    if key not in _matchers:
        m = Matcher(doc.vocab)
        for name, patterns in PATTERNS.items():
            m.add(name, patterns)
        _matchers[key] = m
    return _matchers[key]


def find(doc: Doc) -> list[Status]:
    """Status sentences in text order; a negated or unconfirming match wins over a bare verb."""
    vocab = doc.vocab.strings
    by_sentence: dict[int, Status] = {}
    for match_id, start, end in _matcher(doc)(doc):
        value = vocab[match_id]
        tok = doc[end - 1]
        if value != "unconfirmed" and _negated(tok):
            continue
        sent = tok.sent
        prev = by_sentence.get(sent.start)
        if prev is None or value == "unconfirmed" and prev.value != "unconfirmed":
            by_sentence[sent.start] = Status(value, sent, start)
    return [by_sentence[k] for k in sorted(by_sentence)]


def _negated(tok) -> bool:
    return any(c.dep_ == "neg" for c in tok.children) or any(c.dep_ == "neg" for c in tok.head.children if tok.dep_ in ("xcomp", "acomp"))
