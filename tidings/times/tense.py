"""The tense of the clause a time expression sits in, read from spaCy's parse."""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Span, Token

_FUTURE_AUX = {"will", "'ll", "shall", "wo", "ll"}
# Verbs whose complement is still to happen: "plans to march on Sunday".
_FUTURE_LEMMAS = {"plan", "schedule", "expect", "intend", "due", "set", "prepare", "vow", "promise", "threaten"}
# Moved to a later time: "postponed until Saturday".
_DEFER_LEMMAS = {"postpone", "delay", "adjourn", "defer", "reschedule", "extend", "suspend"}
_PAST_AUX = {"had", "has", "have", "did", "was", "were", "'d", "'ve"}


def clause_verb(span: Span) -> Optional[Token]:
    tok = span.root
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX") and not (tok.i >= span.start and tok.i < span.end):
            return tok
        if tok.head is tok:
            return tok if tok.pos_ in ("VERB", "AUX") else None
        tok = tok.head
    return None


def tense(span: Span) -> Optional[str]:
    """'future', 'past', 'present' or None."""
    verb = clause_verb(span)
    if verb is None:
        return None
    if _future(verb) or (verb.lemma_ in _DEFER_LEMMAS and span.start > 0 and span.doc[span.start - 1].lower_ in ("until", "till", "to")):
        return "future"
    head = verb
    for _ in range(2):
        # "plans to march on Sunday", "will try to march on Sunday"
        if head.dep_ in ("xcomp", "ccomp", "advcl", "conj") and head.head is not head:
            head = head.head
            if _future(head) or head.lemma_ in _FUTURE_LEMMAS:
                return "future"
    if verb.lemma_ in ("schedule", "plan", "set", "due") and verb.tag_ == "VBN":
        return "future"
    auxes = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ in ("VBD", "VBN") or any(a in _PAST_AUX for a in auxes):
        return "past"
    if verb.tag_ in ("VBZ", "VBP", "VBG", "VB"):
        return "present"
    return None


def _future(verb: Token) -> bool:
    if verb.lower_ in _FUTURE_AUX:
        return True
    for child in verb.children:
        if child.dep_ in ("aux", "auxpass") and child.lower_ in _FUTURE_AUX:
            return True
        if child.dep_ == "aux" and child.lower_ in ("going", "about") and verb.tag_ == "VB":
            return True
    # "is going to march": going -> xcomp march
    if verb.dep_ == "xcomp" and verb.head.lower_ == "going":
        return True
    return False
