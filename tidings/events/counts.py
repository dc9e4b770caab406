"""Counts of killed, injured, arrested and participants, attached to the event they count.

A number is tied to a category through the word that governs it ("three
people were *killed*", "*arrested* 20", "a *rally* of 5,000") and then to the
event that word belongs to, by the dependency tree of its sentence, never
by being the nearest number in the text.
"""

from __future__ import annotations

from typing import Iterator, Optional

from spacy.tokens import Span, Token

from tidings.record import Count

from .draft import Draft
from .numbers import COUNT_RE, from_match

KILLED = {"kill", "die", "dead", "death", "murder", "slay", "massacre", "execute", "perish", "behead", "lynch", "fatality", "body", "corpse", "toll", "life", "killed"}
INJURED = {"injure", "wound", "hurt", "injury", "injured", "wounded", "hospitalise", "hospitalize", "maim"}
ARRESTED = {"arrest", "detain", "apprehend", "jail", "imprison", "detention", "arrested", "detained", "detainee", "book", "held", "hold", "nab", "round", "custody", "incarcerate"}
PARTICIPANTS = {"protest", "march", "rally", "gather", "demonstrate", "join", "attend", "strike", "participate",
                "take", "turn", "converge", "flood", "throng", "fill", "crowd", "demonstration", "protester",
                "marcher", "demonstrator", "striker", "participant", "walk", "sit", "picket", "mass", "assemble", "draw", "swell"}
_PARTICIPANT_NOUNS = {"crowd", "rally", "march", "protest", "demonstration", "gathering", "strike", "turnout", "throng", "sit", "vigil"}
_EVENT_FOR = {"killed": ("ASSAULT",), "injured": ("ASSAULT",), "arrested": ("COERCE",), "participants": ("PROTEST",)}
_SKIP_ENTS = {"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"}


def _category(word: Token, via: str) -> Optional[str]:
    """The category a governing word gives the number reaching it by relation ``via``."""
    lemma = word.lemma_.lower()
    low = word.lower_
    if lemma in KILLED or low in KILLED:
        if lemma == "life" and not any(c.lemma_.lower() in ("claim", "lose") for c in [word.head]):
            return None
        return "killed"
    if lemma == "shoot" and any(c.lower_ == "dead" for c in word.children):
        return "killed"
    if lemma in INJURED or low in INJURED:
        return "injured"
    if lemma in ARRESTED or low in ARRESTED:
        if lemma in ("hold", "round", "book", "take") and via not in ("nsubjpass", "dobj"):
            return None
        return "arrested"
    if lemma in PARTICIPANTS and (via in ("nsubj", "pobj_of", "agent", "self") or lemma in _PARTICIPANT_NOUNS):
        if via == "dobj" and lemma not in _PARTICIPANT_NOUNS and lemma != "draw":
            return None
        return "participants"
    return None


def _govern(num_root: Token) -> tuple[Optional[str], Optional[Token]]:
    """(category, governing word) for a number phrase rooted at ``num_root``."""
    tok = num_root
    for child in num_root.children:
        # "40 of these deaths", "two of the protesters"
        if child.dep_ == "prep" and child.lower_ == "of":
            noun = next((g for g in child.children if g.dep_ == "pobj"), None)
            cat = _category(noun, "self") if noun is not None else None
            if cat and cat != "participants":
                return cat, noun
    if tok.dep_ in ("nummod", "quantmod", "amod", "compound", "nmod", "npadvmod") and tok.head != tok:
        tok = tok.head
    # The counted noun itself may say it: "12 dead", "150 arrests", "29 injured".
    cat = _category(tok, "self") if tok != num_root or tok.pos_ == "NOUN" else None
    if cat == "participants" and tok.lemma_.lower() not in _PARTICIPANT_NOUNS:
        cat = None  # "100 protesters were arrested": what happened to them decides
    if cat and tok.lemma_.lower() not in ("toll",):
        return cat, tok
    for _ in range(4):
        dep, head = tok.dep_, tok.head
        if head == tok:
            return None, None
        if dep == "pobj" and head.lower_ == "of":
            tok = head.head  # "a crowd of 5,000", "hundreds of people" handled by the noun
            cat = _category(tok, "pobj_of")
            if cat:
                return cat, tok
            continue
        if dep == "pobj" and head.dep_ in ("agent",):
            return _category(head.head, "agent"), head.head
        if dep == "pobj" and head.lower_ in ("to", "at") and head.head.pos_ in ("VERB", "AUX"):
            verb = head.head
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.lemma_.lower() in ("toll", "number", "tally", "figure"):
                inner = " ".join(t.lemma_.lower() for t in subj.subtree)
                if any(w in inner for w in ("death", "toll", "dead", "killed")) and "injur" not in inner:
                    return "killed", verb
                if "injur" in inner or "wound" in inner:
                    return "injured", verb
                if "arrest" in inner or "detain" in inner:
                    return "arrested", verb
            return None, None
        if dep in ("appos", "conj") :
            tok = head
            continue
        if dep in ("nsubj", "nsubjpass", "dobj", "attr", "oprd"):
            cat = _category(head, dep)
            if head.lemma_.lower() == "shoot" and any(c.lower_ == "dead" for c in tok.children):
                cat = "killed"  # "shot dead twenty-three villagers"
            if cat is None and dep == "nsubj" and any(
                c.dep_ == "dobj" and c.lemma_.lower() in _PARTICIPANT_NOUNS | {"counter", "walkout", "picket"} for c in head.children
            ):
                return "participants", head  # "2,000 activists held a counter-rally"
            if cat is None and dep == "dobj":
                # "left five dead", "leaving 12 injured"
                for c in head.children:
                    if c.dep_ in ("oprd", "acomp", "ccomp", "xcomp") and (c.lower_ in KILLED | INJURED | ARRESTED):
                        return _category(c, "self"), head
            if cat is None and dep in ("nsubj",) and head.lemma_.lower() == "be":
                for c in head.children:
                    if c.dep_ in ("acomp", "attr") and c != tok:
                        cat = _category(c, "self")
                        if cat:
                            return cat, head
            return cat, head
        return None, None
    return None, None


def find(sent: Span) -> Iterator[tuple[str, Count, Token, Token]]:
    """(category, count, number token, governing word) for each count phrase in the sentence."""
    doc = sent.doc
    text = sent.text
    for m in COUNT_RE.finditer(text):
        span = doc.char_span(sent.start_char + m.start(), sent.start_char + m.end(), alignment_mode="expand")
        if span is None:
            continue
        if any(t.ent_type_ in _SKIP_ENTS for t in span):
            continue
        count = from_match(m)
        if count is None:
            continue
        numeric = [t for t in span if t.like_num or t.lemma_.lower() in ("dozen", "score", "hundred", "thousand", "million")]
        root = numeric[-1] if numeric else span.root
        # The quantity word with "of" under it is the phrase head: "tens of thousands of people".
        while root.head != root and root.head.i in range(span.start, span.end):
            root = root.head
        if root.lower_ in ("one",) and any(c.lower_ == "of" for c in root.children):
            continue  # "one of the organisers"
        cat, gov = _govern(root)
        if cat:
            yield cat, count, root, gov


def _distance(a: Token, b: Token) -> int:
    anc_a = [a, *a.ancestors]
    anc_b = [b, *b.ancestors]
    pos = {t.i: n for n, t in enumerate(anc_a)}
    for n, t in enumerate(anc_b):
        if t.i in pos:
            return pos[t.i] + n
    return 99


def attach(drafts: list[Draft], sent: Span) -> list[tuple[str, Count, Token]]:
    """Give each count in the sentence to the event it counts; returns the counts no event took."""
    left = []
    for cat, count, num, gov in find(sent):
        types = _EVENT_FOR[cat]
        here = [d for d in drafts if d.type in types and (cat != "arrested" or d.mode in (None, "arrest"))]
        if cat == "participants":
            here = [d for d in here if d.status != "claimed"] or here
        if here:
            best = min(here, key=lambda d: (_distance(d.trigger, gov), abs(d.trigger.i - num.i)))
            best.counts.setdefault(cat, count)
            continue
        left.append((cat, count, gov))
    return left
