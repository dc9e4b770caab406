"""Whether an event happened, is happening, is planned, claimed, denied or hypothetical.

Read from the verbs above the trigger: the nearest cue wins, so in "police
denied they plan to raid the camp" the denial is what the article reports.
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from .draft import Draft

_DENY = {"deny", "refute", "dismiss", "reject", "rebut", "disown"}
_CLAIM = {"claim", "allege", "accuse", "purport"}
_CLAIM_ADV = {"allegedly", "reportedly", "purportedly", "supposedly"}
_PLAN = {"plan", "hope", "intend", "aim", "schedule", "prepare", "expect", "vow", "want",
         "set", "seek", "call", "urge", "threaten", "promise", "pledge", "decide"}
_PLAN_AMOD = {"planned", "upcoming", "proposed", "scheduled", "forthcoming", "expected", "announced", "next"}
_CALL = {"call", "announce", "plan", "schedule", "organise", "organize", "convene"}
_WILLING = {"willing", "ready", "prepared", "committed", "determined", "eager", "keen", "poised", "set"}
_ONGOING = {"continue", "keep", "enter", "persist", "go", "remain"}
_ONGOING_AMOD = {"ongoing", "continuing", "indefinite", "open-ended", "rolling"}
_MODAL_HYPO = {"could", "might", "may", "would", "should", "must", "can"}
_LIKELY = {"likely", "unlikely", "possible", "liable", "able"}
_FUTURE = {"will", "shall", "'ll", "wo"}
_PRESENT_BE = {"is", "are", "am", "'s", "'re"}
# Verbs that only report: a cue above them belongs to the report, not the event.
_SAY = {"say", "tell", "report", "state", "add", "announce", "confirm", "note", "write", "quote"}


def _own_cue(tok: Token, is_trigger: bool) -> Optional[str]:
    auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    for a in auxes:
        low = a.lower_
        if low in _FUTURE:
            return "planned"
        if low in _MODAL_HYPO:
            return "hypothetical"
        if low == "going" or (low == "to" and tok.head.lemma_.lower() == "go"):
            return "planned"
    for c in tok.children:
        if c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether"):
            return "hypothetical"
        if c.dep_ == "advmod" and c.lower_ in _CLAIM_ADV:
            return "claimed"
        if c.dep_ == "amod" and c.lower_ in _PLAN_AMOD:
            return "planned"
        if c.dep_ == "amod" and c.lower_ in _ONGOING_AMOD:
            return "ongoing"
    if tok.tag_ == "VBG" and any(a.lower_ in _PRESENT_BE for a in auxes):
        return "ongoing"
    if tok.tag_ == "VB" and any(a.lower_ == "to" for a in auxes) and tok.dep_ == "xcomp" and tok.head.lemma_.lower() == "be":
        return "planned"  # "the march is to begin at noon"
    return None


def _above_cue(tok: Token) -> Optional[str]:
    lemma = tok.lemma_.lower()
    if lemma in _DENY:
        return "denied"
    if lemma in _CLAIM:
        return "claimed"
    if lemma in _PLAN:
        return "planned"
    if lemma in _ONGOING:
        if lemma == "enter" and not any(c.lemma_.lower() in ("day", "week", "month") for c in tok.subtree):
            return None
        if lemma == "go" and not any(c.lower_ == "on" for c in tok.children):
            return None
        return "ongoing"
    if lemma == "be" and any(_due_to_verb(c) for c in tok.children):
        return "planned"
    if lemma in _LIKELY or (lemma == "have" and tok.tag_ != "VBN" and any(c.dep_ == "xcomp" for c in tok.children)):
        return "hypothetical"  # "likely to be arrested", "we have to arrest the guilty"
    return None


def _due_to_verb(tok: Token) -> bool:
    """'due to begin' (planned), not 'due to police firing' (because of)."""
    return tok.lower_ == "due" and any(c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") for c in tok.children)


def _aux_of(tok: Token) -> Optional[Token]:
    return next((c for c in tok.children if c.dep_ in ("aux", "auxpass") and c.lower_ in _FUTURE | _MODAL_HYPO), None)


def decide(d: Draft) -> str:
    """The event's status from its own verb, then the verbs above it, nearest first (sets ``d.cue``)."""
    own = _own_cue(d.trigger, True)
    if own:
        d.cue = _aux_of(d.trigger) or d.trigger
        return own
    tok = d.trigger
    if tok.dep_ in ("acl", "relcl", "amod") and tok.tag_ in ("VBN", "VBD") and not any(c.dep_ == "nsubj" for c in tok.children):
        return "occurred"  # "weapons seized last year": a past event named in passing
    if d.gov is not None:
        cue = _above_cue(d.gov) if d.trigger.dep_ in ("nsubj", "nsubjpass") else None
        if d.trigger.dep_ == "dobj" and d.gov.lemma_.lower() in _CALL:
            cue = "planned"  # "the union called a strike for Monday"
        cue = cue or _own_cue(d.gov, False)
        if cue:
            d.cue = _aux_of(d.gov) or d.gov
            return cue
        tok = d.gov
    for anc in [tok, *tok.ancestors]:
        if anc != d.trigger and anc != d.gov:
            own = _own_cue(anc, False)
            if own in ("planned", "hypothetical", "claimed"):
                d.cue = _aux_of(anc) or anc
                return own
        if anc != tok:
            cue = _above_cue(anc)
            if cue:
                d.cue = anc
                return cue
            if anc.lemma_.lower() in _SAY:
                continue
        for c in anc.children:
            if _due_to_verb(c) or (c.dep_ == "acomp" and c.lower_ in _WILLING and anc != tok):
                d.cue = c
                return "planned"
    return "occurred"
