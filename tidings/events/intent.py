"""Announced intentions and demands read as what PLOVER codes them as.

A government saying it *will* give aid, visit or withdraw has, in PLOVER,
agreed to do so (AGREE); saying it will impose a curfew or cut ties is a
threat (THREATEN); saying another party *must* do something is a demand
(REQUEST). A planned march or strike stays a planned PROTEST, as users
counting protests expect.
"""

from __future__ import annotations

from .draft import Draft
from .fold import _REQUEST_MODE, _THREAT_MODE

# A promise of aid stays AID (planned), as users counting aid expect.
_PROMISES = {"SUPPORT", "COOPERATE", "CONSULT", "CONCEDE", "RETREAT"}
_THREATS = {"COERCE", "SANCTION", "ASSAULT", "MOBILIZE"}
_INTENT_CUES = {"will", "shall", "'ll", "would", "wo", "willing", "ready", "prepared", "committed", "determined",
                "plan", "intend", "decide", "going", "poised", "set"}
_DEMAND_CUES = {"must", "should"}


def _cue_word(d: Draft) -> str:
    return d.cue.lower_ if d.cue is not None and d.cue.pos_ in ("AUX", "ADJ", "PART") else (d.cue.lemma_.lower() if d.cue is not None else "")


def recode(d: Draft) -> None:
    if d.status not in ("planned", "hypothetical") or d.inner_of is not None:
        return
    word = _cue_word(d)
    if d.lex.modal:
        d.status = "occurred"
        return
    if word in _DEMAND_CUES and d.status == "hypothetical" and any(a.pos_ == "VERB" for a in d.head.ancestors):
        d.mode = _REQUEST_MODE.get(d.type, "change")
        d.type, d.status = "REQUEST", "occurred"
        return
    if word not in _INTENT_CUES or (d.status == "hypothetical" and word != "would"):
        return
    conditional = any(c.dep_ == "advcl" and any(m.lower_ == "unless" for m in c.children) for c in d.head.children)
    if d.type in _PROMISES and d.mode != "resign" and not conditional:
        d.type, d.mode, d.status = "AGREE", None, "occurred"
    elif d.type in _PROMISES and conditional:
        d.type, d.mode, d.status = "THREATEN", "relations", "occurred"
    elif d.type in _THREATS or (d.type == "PROTEST" and d.mode in ("boycott", "obstruct")):
        m = _THREAT_MODE.get(d.type)
        d.mode = m.get(d.mode) if isinstance(m, dict) else m
        if d.type == "PROTEST":
            d.mode = "restrict"
        d.type, d.status = "THREATEN", "occurred"
