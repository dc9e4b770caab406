"""Finding event triggers: lexicon matches checked against the parse.

A lexicon match is only a candidate: its object, governing verb and
negation decide whether it reports an event ("fired the coach" is not
ASSAULT, "riot police" is not a riot, "did not attack" is no attack).
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Token

from .draft import Draft
from .lexicon import Trigger, compiled, pos_ok

_OBJ_DEPS = {"dobj", "nsubjpass", "obj", "attr", "oprd"}
_GOV_DEPS = {"dobj", "nsubj", "nsubjpass", "attr", "obj", "conj", "appos"}
# Nouns that a trigger may modify and still be an event ("strike action").
_EVENT_HEADS = {"action", "wave", "campaign", "movement", "day", "rally", "protest", "march", "mission", "effort",
                "bid", "initiative", "operation", "talks", "process"}
# A cooperative act that is refused is coded as REJECT ("will not accept", "declined to resign").
_COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "AID", "COOPERATE", "CONCEDE", "RETREAT"}
# A protest "lodged" with someone is a complaint, not a demonstration.
_COMPLAINED_OF = {"decision", "ruling", "verdict", "move", "plan", "policy", "remark", "statement", "treatment",
                  "violation", "incursion", "visit", "detention", "expulsion", "sentence", "comment"}
_COMPLAIN_GOVS = {"lodge", "file", "register", "issue", "deliver", "send", "voice", "express"}
_DEMAND_SAYERS = {"say", "declare", "insist", "conclude", "remind", "stress", "warn", "tell", "write", "state", "argue",
                  "announce", "add", "believe", "reiterate", "emphasize", "emphasise", "urge", "demand", "maintain"}
_NEGATORS = {"not", "n't", "never", "no", "without"}
# A governing verb that makes the event not happen at all.
_NEGATING_GOVS = {"fail", "avoid", "prevent", "refrain", "stop", "cancel", "call off", "postpone", "abandon"}


def nounish(tok: Token) -> bool:
    """A noun, or a gerund used as one ("died in police firing")."""
    return tok.pos_ in ("NOUN", "PROPN") or (tok.tag_ == "VBG" and tok.dep_ in ("pobj", "nsubj", "nsubjpass", "dobj") and not any(c.dep_ in ("dobj", "aux") for c in tok.children))


def object_of(tok: Token) -> Optional[Token]:
    """The object (or passive subject) of a verb; for phrasal verbs, the object after the particle."""
    for child in tok.children:
        if child.dep_ in _OBJ_DEPS:
            return child
    for child in tok.children:
        if child.dep_ == "prep" and child.lemma_ in ("on", "to", "for", "off", "of", "with"):
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand
    return None


def governor(tok: Token) -> Optional[Token]:
    """The verb a noun trigger depends on: 'staged a protest', 'went on strike', 'the attack killed'."""
    head, dep = tok.head, tok.dep_
    if head == tok:
        return None
    if dep == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        return head.head
    if dep == "pobj" and head.lower_ == "of" and head.head.dep_ in ("dobj", "nsubjpass") and head.head.head.pos_ == "VERB":
        return head.head.head  # "gave 5 million dollars of aid"
    if dep in _GOV_DEPS and head.pos_ in ("VERB", "AUX"):
        return head
    return None


def _lemmas(tok: Token) -> set[str]:
    out = {tok.lemma_.lower(), tok.lower_}
    for child in tok.children:
        if child.dep_ in ("compound", "amod"):
            out.add(child.lemma_.lower())
        elif child.dep_ == "prep" and child.lower_ == "of":
            # "25,000 tons of food aid", "a state of emergency"
            for grand in child.children:
                if grand.dep_ == "pobj":
                    out |= {grand.lemma_.lower()} | {g.lemma_.lower() for g in grand.children if g.dep_ == "compound"}
    return out


def _negated(tok: Token) -> bool:
    for child in tok.children:
        if child.dep_ == "neg" or (child.lower_ in _NEGATORS and child.dep_ in ("det", "advmod", "neg")):
            return True
        if child.dep_ in ("nsubjpass", "dobj") and any(g.lower_ == "no" and g.dep_ == "det" for g in child.children):
            return True
        if child.dep_ in ("nsubjpass", "nsubj", "dobj") and child.lower_ in ("nobody", "none", "noone"):
            return True
    return False


def _accepts(lex: Trigger, trig: Token, gov: Optional[Token]) -> bool:
    if lex.pos == "N" or nounish(trig):
        if trig.dep_ in ("compound", "amod", "nmod") and trig.head.lemma_.lower() not in _EVENT_HEADS:
            return False
        if lex.needs_gov:
            govs = {gov.lemma_.lower()} if gov is not None else set()
            govs |= {c.lemma_.lower() for c in trig.children if c.dep_ in ("acl", "relcl")}
            if not govs & lex.needs_gov:
                return False
        return True
    obj = object_of(trig)
    if lex.needs_obj and obj is None:
        return False
    if obj is not None:
        words = _lemmas(obj)
        if lex.obj and not words & lex.obj:
            return False
        if lex.not_obj and words & lex.not_obj:
            return False
    return True


def _suppressed(trig: Token, gov: Optional[Token]) -> bool:
    head = gov if gov is not None else trig
    if _negated(trig) or (gov is not None and _negated(gov)):
        return True
    # "failed to stop the attack", "called off the strike"
    for tok in (head, head.head):
        if tok.lemma_.lower() in _NEGATING_GOVS and tok != trig:
            return True
        lemma = tok.lemma_.lower()
        if lemma == "call" and tok != trig and any(c.lower_ == "off" for c in tok.children):
            return True
    return False


def _complaint(trig: Token, gov: Optional[Token]) -> bool:
    if trig.lemma_.lower() != "protest":
        return False
    if gov is not None:
        return gov.lemma_.lower() in _COMPLAIN_GOVS
    if trig.pos_ == "VERB":
        # "protested that...", "protested the decision": a verbal protest
        return any(c.dep_ == "ccomp" or (c.dep_ == "dobj" and c.lemma_.lower() in _COMPLAINED_OF) for c in trig.children)
    return False


def find(doc: Doc) -> list[Draft]:
    """Every trigger in the Doc that reports an event, in text order."""
    matcher, triggers = compiled(doc.vocab)
    matches = matcher(doc)
    # Longest phrase first, so "air strike" wins over "strike".
    by_span: dict[tuple[int, int], list[Trigger]] = {}
    for key, start, end in matches:
        by_span.setdefault((start, end), []).extend(triggers[key])
    taken: set[int] = set()
    drafts = []
    modal_heads: list[Draft] = []
    for (start, end), lexes in sorted(by_span.items(), key=lambda kv: (kv[0][0] - kv[0][1], kv[0][0])):
        if any(i in taken for i in range(start, end)):
            continue
        span = doc[start:end]
        trig = span.root
        gov = governor(trig) if nounish(trig) else None
        lex = next((lx for lx in sorted(lexes, key=lambda lx: lx.order) if pos_ok(lx, span[0]) and _accepts(lx, trig, gov)), None)
        if lex is None:
            continue
        taken.update(range(start, end))
        type_, mode = lex.type, lex.mode
        if _suppressed(trig, gov):
            if type_ not in _COOPERATIVE:
                continue
            type_, mode = "REJECT", None
        if lex.modal:
            head = trig.head
            if trig.dep_ != "aux" or head.dep_ not in ("ccomp",) or head.head.lemma_.lower() not in _DEMAND_SAYERS:
                continue
            modal_heads.append(Draft(trigger=head, span=doc[head.i:head.i + 1], lex=lex, type=type_, mode=mode))
            continue
        if type_ == "PROTEST" and _complaint(trig, gov):
            type_, mode = "ACCUSE", "disapprove"
        drafts.append(Draft(trigger=trig, span=span, lex=lex, type=type_, mode=mode, gov=gov))
    # "provided food aid": the noun restates its verb's event
    verbs = {d.trigger.i: d.type for d in drafts if d.gov is None}
    drafts = [d for d in drafts if d.gov is None or d.trigger.dep_ != "dobj" or verbs.get(d.gov.i) != d.type]
    found = {d.trigger.i for d in drafts} | {d.gov.i for d in drafts if d.gov is not None}
    drafts += [d for d in modal_heads if d.trigger.i not in found]
    drafts.sort(key=lambda d: d.trigger.i)
    return drafts


def depth(tok: Token) -> int:
    n = 0
    while tok.head != tok:
        tok, n = tok.head, n + 1
    return n

