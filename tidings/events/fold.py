"""Events that are the content of another: "threatened to arrest", "demanded the release".

The threat or demand is the event; what it is about only refines its mode.
An accusation keeps its content as a separate, claimed event.
"""

from __future__ import annotations

from typing import Optional

from .draft import Draft

_THROUGH = {"xcomp", "ccomp", "dobj", "pobj", "prep", "advcl", "acl", "nsubjpass", "attr", "conj", "compound", "amod", "nmod", "oprd", "pcomp"}
_THREAT_MODE = {"COERCE": {"arrest": "arrest", "ban": "ban", "deport": "expel", "censor": "rights", "curfew": "rights"},
                "ASSAULT": "violence", "PROTEST": "restrict", "SANCTION": "relations", "MOBILIZE": "violence"}
_REQUEST_MODE = {"RETREAT": "yield", "CONCEDE": "yield", "AID": "assist", "CONSULT": "meet", "COOPERATE": "assist", "AGREE": "meet"}


def _container(d: Draft, by_token: dict[int, Draft]) -> Optional[Draft]:
    if d.gov is not None:
        outer = by_token.get(d.gov.i)
        if outer is not None and outer is not d and outer.lex.inner:
            return outer  # "demanded the release of ..."
    tok = d.head
    for _ in range(6):
        if tok.head == tok or tok.dep_ not in _THROUGH:
            return None
        tok = tok.head
        outer = by_token.get(tok.i)
        if outer is not None and outer.lex.inner:
            return outer
    return None


def _mode(outer: Draft, inner: Draft) -> Optional[str]:
    if outer.type == "THREATEN":
        m = _THREAT_MODE.get(inner.type)
        return m.get(inner.mode) if isinstance(m, dict) else m
    if outer.type in ("REQUEST", "REJECT"):
        return _REQUEST_MODE.get(inner.type, "change")
    return outer.mode


def fold(drafts: list[Draft]) -> list[Draft]:
    by_token = {}
    for d in drafts:
        by_token[d.trigger.i] = d
        if d.gov is not None:
            by_token.setdefault(d.gov.i, d)
    keep = []
    refined: set[int] = set()
    for d in drafts:
        if d.type == "REQUEST" and d.head.dep_ in ("advcl", "xcomp") and by_token.get(d.head.head.i) is not None \
                and by_token[d.head.head.i].type == "PROTEST":
            continue  # "marched to demand early elections": the demand is the march's cause, not another event
        outer = _container(d, by_token)
        if outer is None or outer is d:
            keep.append(d)
            continue
        if outer.lex.inner_claimed:
            d.inner_of = outer
            keep.append(d)
            continue
        if outer.lex.vow and d.type not in ("ASSAULT", "COERCE", "SANCTION", "MOBILIZE"):
            outer.type = None  # "vowed to keep marching" is a planned march, not a threat
            keep.append(d)
            continue
        if outer.type == "AGREE" and d.type == "AID":
            outer.type, outer.mode = "AID", d.mode  # a promise of aid is coded as AID
            continue
        if id(outer) not in refined:  # the first (outermost) content decides the mode
            outer.mode = _mode(outer, d) or outer.mode
            refined.add(id(outer))
        d.inner_of = outer
    return [d for d in keep if d.type is not None]
