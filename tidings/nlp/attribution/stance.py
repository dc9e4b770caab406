"""Attributed positions with no reporting verb: the clause a predicate takes.

News attributes far more than speech: what someone fears, assumes or is
sure of ("Farmers are afraid that the dam will fail"), whether something is
clear to them ("it was unclear whether the vote would hold"). A finite
complement clause introduced by that/whether/if is the proposition of such a
predicate (an attitude, stance or judgement), so it is read as indirect
speech whatever the predicate's lemma, except for the few predicates that
take a clause as a result or a condition ("make sure that", "ensure that",
"means that").

These cues never own a direct quote and never make a claim (see
``cues.is_speech`` and ``claims_build``): holding a view is not asserting it.
"""

from __future__ import annotations

from typing import Optional

import numpy
from spacy.attrs import DEP, LEMMA, LOWER, POS
from spacy.tokens import Doc, Span, Token

from tidings.nlp.attribution.cues import Cue

KIND = "stance"
_MARKS = {"that", "whether", "if"}
# Verbs of impression: how something seems, to the writer or to someone.
_SEEM = {"seem", "appear"}
_SUBJECTS = {"nsubj", "nsubjpass", "expl", "csubj"}
# Predicates whose clause is an outcome, a condition or a consequence, not a
# proposition someone holds.
_NOT_ATTITUDE = {"make", "ensure", "mean", "require", "matter", "happen", "depend", "see",  # 'see (to it) that'
                 "so", "such", "provide", "stipulate", "guarantee", "assure"}


# Adjectives of stance that take what the stance is about as a prepositional
# or infinitive complement ("critical of the plan", "worried about costs",
# "willing to negotiate").
ADJECTIVES = {
    "critical": {"of"}, "skeptical": {"of", "about"}, "sceptical": {"of", "about"}, "wary": {"of"},
    "supportive": {"of"}, "dismissive": {"of"}, "proud": {"of"}, "fearful": {"of"}, "afraid": {"of"},
    "worried": {"about", "by", "over"}, "concerned": {"about", "by", "over"}, "anxious": {"about"},
    "optimistic": {"about"}, "pessimistic": {"about"}, "confident": {"about", "in", "of"},
    "passionate": {"about"}, "vague": {"about", "on"}, "coy": {"about", "on"}, "clear": {"about", "on"},
    "adamant": {"about"}, "angry": {"about", "over", "at"}, "furious": {"about", "over", "at"},
    "upset": {"about", "over", "at", "by"}, "frustrated": {"by", "with", "over"}, "unhappy": {"with", "about"},
    "happy": {"with", "about"}, "pleased": {"with", "by"}, "satisfied": {"with"}, "opposed": {"to"},
    "hostile": {"to"}, "sympathetic": {"to"}, "open": {"to"}, "committed": {"to"}, "bearish": {"on"},
    "bullish": {"on"}, "sure": {"of", "about"}, "certain": {"of", "about"}, "convinced": {"of"},
    "aware": {"of"}, "unaware": {"of"}, "hopeful": {"about", "of"}, "enthusiastic": {"about"},
}
# ... and those that take an infinitive ("ready to sign", "reluctant to act").
INFINITIVE_ADJECTIVES = {"willing", "unwilling", "eager", "keen", "determined", "reluctant",
                         "loath", "prepared", "anxious", "desperate", "quick", "slow", "hesitant"}


def find(doc: Doc, taken: set[int], inside) -> list[Cue]:
    """A stance cue for each predicate with a that/whether/if clause, each
    verb of impression and each stance adjective with its complement, that no
    reporting cue covers (``taken`` holds the reporting cues' head tokens)."""
    out: list[Cue] = []
    seen: set[int] = set()
    for i, kind in _candidates(doc):
        tok = doc[i]
        if kind == _CLAUSE:
            if tok.i < tok.head.i or not _marked(tok):
                continue
            head = _predicate(tok.head)
        elif kind == _SEEMING:
            head = tok if impression(Cue(tok, tok.i, tok.i + 1, KIND)) is not None else None
        else:
            head = tok if _held(tok) and complement(tok) is not None else None
        if head is None or head.i in taken or head.i in seen or inside(head.idx):
            continue
        seen.add(head.i)
        out.append(Cue(head, head.i, head.i + 1, KIND))
    out.sort(key=lambda c: c.head.i)
    return out


_CLAUSE, _SEEMING, _ADJECTIVE = 0, 1, 2


def _candidates(doc: Doc) -> list[tuple[int, int]]:
    """Token indices worth a look, read from the doc's attribute arrays (no
    Python object per token: this runs on every article)."""
    strings = doc.vocab.strings
    arr = doc.to_array([DEP, POS, LEMMA, LOWER])
    ccomp, verb, adj = strings.add("ccomp"), strings.add("VERB"), strings.add("ADJ")
    seem = [strings.add(w) for w in _SEEM]
    adjectives = [strings.add(w) for w in set(ADJECTIVES) | INFINITIVE_ADJECTIVES]
    clause = arr[:, 0] == ccomp
    seeming = (arr[:, 1] == verb) & numpy.isin(arr[:, 2], seem)
    adjective = (arr[:, 1] == adj) & numpy.isin(arr[:, 3], adjectives)
    out = [(i, _CLAUSE) for i in numpy.flatnonzero(clause).tolist()]
    out += [(i, _SEEMING) for i in numpy.flatnonzero(seeming).tolist()]
    out += [(i, _ADJECTIVE) for i in numpy.flatnonzero(adjective).tolist()]
    out.sort()
    return out


def _held(adj: Token) -> bool:
    # Somebody holds it: "Farmers are critical of ...", "a union wary of ...".
    if adj.dep_ in ("acomp", "oprd"):
        return any(c.dep_ in ("nsubj", "nsubjpass") for c in adj.head.children)
    return adj.dep_ == "amod" and adj.i > adj.head.i


def complement(adj: Token) -> Optional[Token]:
    """The prepositional or infinitive complement of a stance adjective."""
    lemma = adj.lower_
    for c in adj.children:
        if c.i < adj.i:
            continue
        if c.dep_ == "prep" and c.lower_ in ADJECTIVES.get(lemma, ()) and any(g.dep_ in ("pobj", "pcomp") for g in c.children):
            return c
        if c.dep_ == "xcomp" and lemma in INFINITIVE_ADJECTIVES:
            return c
    return None


def _marked(clause: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in _MARKS and c.i < clause.i for c in clause.children)


def _predicate(head: Token) -> Optional[Token]:
    if head.pos_ not in ("VERB", "AUX", "ADJ"):
        return None
    if head.lemma_.lower() in _NOT_ATTITUDE:
        return None
    if head.pos_ == "ADJ" and head.lower_ in ("sure", "certain") and head.head.lemma_.lower() == "make":
        return None  # "make sure that ...": an outcome, not a view
    holder = head.head if head.pos_ == "ADJ" and head.dep_ == "acomp" else head
    # Someone holds it (an imperative "Imagine that ..." has no holder).
    if not any(c.dep_ in _SUBJECTS for c in holder.children) and holder.dep_ not in ("xcomp", "conj", "advcl", "relcl", "acl", "ccomp"):
        return None
    return head


def impression(cue: Cue) -> Optional[Span]:
    """'The plan seems to be failing': the subject and its complement."""
    head = cue.head
    if head.lemma_.lower() not in _SEEM:
        return None
    subject = next((c for c in head.children if c.dep_ in ("nsubj", "csubj") and c.i < head.i), None)
    comp = next((c for c in head.children if c.dep_ in ("xcomp", "oprd", "acomp") and c.i > head.i), None)
    if subject is None or comp is None or subject.lower_ in ("it", "there", "which", "that", "who", "this"):
        return None
    return head.doc[subject.left_edge.i:comp.right_edge.i + 1]


def clause(cue: Cue) -> Optional[Token]:
    """The complement the stance cue was found for."""
    found = next((c for c in cue.head.children if c.dep_ == "ccomp" and c.i > cue.head.i and _marked(c)), None)
    if found is None and cue.head.pos_ == "ADJ":
        found = complement(cue.head)
        if found is not None and found.dep_ == "prep":
            found = next(g for g in found.children if g.dep_ in ("pobj", "pcomp"))
    return found
