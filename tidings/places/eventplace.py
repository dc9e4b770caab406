"""Which of a sentence's places is where its event happened.

"Minsk police detained protesters, Moscow said": the event is in Minsk.
A place counts as the location when it is the object of a locative
preposition (in, at, near ...) that hangs off the event's verb or a noun of
its clause; a place that names an actor ("Russian troops", "Russia's army",
the subject of the verb) or a source ("from Moscow") ranks below it.
"""

from __future__ import annotations

from typing import Any, Optional, Sequence

from spacy.tokens import Span, Token

LOCATIVE = {"in", "at", "near", "outside", "inside", "across", "throughout", "around", "on", "within",
            "into", "along", "between", "nearby", "off", "over", "towards", "toward", "to", "through"}
_WEAK_PREPS = {"to", "into", "towards", "toward", "on", "over", "through", "along"}
REPORTING = {"say", "tell", "report", "announce", "add", "claim", "state", "confirm", "accord", "deny", "allege", "quote", "note"}


def trigger_of(sent: Span) -> Token:
    """The event's verb when nothing better is known: the root, or what a reporting root reports."""
    root = sent.root
    if root.lemma_ in REPORTING:
        for child in root.children:
            if child.dep_ in ("ccomp", "xcomp", "advcl", "parataxis") and child.pos_ in ("VERB", "AUX"):
                return child
    return root


def _chain(tok: Token, stop: Token, limit: int = 8) -> list[Token]:
    out = []
    while limit and tok.head is not tok:
        tok = tok.head
        out.append(tok)
        if tok is stop:
            break
        limit -= 1
    return out


def rank(span: Span, trigger: Token) -> float:
    """Higher when the place is where the trigger happened."""
    root = span.root
    head = root.head
    chain = _chain(root, trigger)
    reaches = trigger in chain
    # "the Minsk police", "Russia's troops": the place modifies an actor.
    if root.dep_ in ("compound", "amod", "poss", "nmod") and head.pos_ in ("NOUN", "PROPN"):
        return 1.0 + (0.5 if reaches else 0.0)
    if root.dep_ == "pobj" and head.dep_ == "prep":
        prep = head.lower_
        if prep in LOCATIVE:
            # A preposition on the verb itself, or on a noun whose head chain reaches the verb.
            verbs_between = [t for t in chain[1:chain.index(trigger)] if t.pos_ == "VERB"] if reaches else None
            if reaches and not verbs_between:
                return 6.0 - (1.0 if prep in _WEAK_PREPS else 0.0)
            if reaches:
                return 4.5 - (1.0 if prep in _WEAK_PREPS else 0.0)
            return 3.5 - (1.0 if prep in _WEAK_PREPS else 0.0)
        if prep == "from":
            return 2.0
        if prep == "of":
            return 2.5 if reaches else 1.5
        return 2.5 if reaches else 2.0
    if root.dep_ in ("nsubj", "nsubjpass", "dobj"):
        # "Minsk was rocked by protests" reads as a location; "Russia attacked" as an actor.
        return 2.2 if root.dep_ == "nsubjpass" else 1.8
    if root.dep_ in ("npadvmod", "appos", "conj"):
        return 2.4 if reaches else 2.0
    return 2.0 if reaches else 1.5


def choose(sent: Span, mentions: Sequence[tuple[int, int, Any]], trigger: Optional[Token] = None) -> Optional[Any]:
    """The payload of the mention (start_char, end_char, payload) where the event in ``sent`` happened."""
    doc = sent.doc
    trigger = trigger or trigger_of(sent)
    best, best_score = None, 0.0
    ends = {end for _, end, _ in mentions}
    for start, end, payload in mentions:
        if start < sent.start_char or end > sent.end_char:
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        s = rank(span, trigger) - 0.001 * abs(span.start - trigger.i)
        before = doc.text[max(0, start - 3):start]
        if "," in before and any(e in ends for e in range(start - 3, start - 1)):
            # "Palmyra, Homs province": the container says less than the town before it.
            s -= 0.8
        if s > best_score:
            best, best_score = payload, s
    return best
