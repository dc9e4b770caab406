"""The trigger lexicon (``tidings/data/events/triggers.tsv``) compiled into a spaCy Matcher.

Loaded once per vocabulary: matching lemmas with a Matcher runs in C over
the whole Doc, so the event stage only does Python work where a trigger is.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import itertools

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

DATA = Path(__file__).resolve().parent.parent / "data" / "events"

_POS = {"V": ["VERB"], "N": ["NOUN", "PROPN"], "A": ["ADJ"]}


@dataclass(frozen=True)
class Trigger:
    """One lexicon row: which words signal which PLOVER type and mode."""

    key: int
    order: int
    type: str
    mode: Optional[str]
    pos: str
    obj: frozenset = frozenset()  # the object must be one of these lemmas
    not_obj: frozenset = frozenset()  # ...and none of these
    needs_obj: bool = False
    needs_gov: frozenset = frozenset()  # a noun trigger needs one of these governing verbs
    inner: bool = False  # takes another event as its content (demand, threat, agreement)
    inner_claimed: bool = False  # its content is only alleged (accuse X of Y)
    weapons: bool = False
    vow: bool = False
    modal: bool = False  # "X said Y must ...": the demand is read from the modal  # a threat only when what is vowed is violent


def _alts(word: str) -> list[str]:
    forms = word.split("|")
    return sorted({f for w in forms for f in (w, w.capitalize(), w.upper())})


def _rows():
    for line in (DATA / "triggers.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = (line.split("\t") + ["", "", "", ""])[:5]
        yield cols


def _flags(text: str) -> dict:
    out: dict = {}
    for flag in filter(None, (f.strip() for f in text.split(","))):
        name, _, value = flag.partition(":")
        words = frozenset(value.split("|")) if value else frozenset()
        if name == "obj":
            out["needs_obj"] = True
            if words:
                out["obj"] = words
        elif name == "not_obj":
            out["not_obj"] = words
        elif name == "needs_gov":
            out["needs_gov"] = words
        elif name in ("inner", "inner_claimed", "weapons", "vow", "modal"):
            out[name] = True
            if name == "inner_claimed":
                out["inner"] = True
    return out


@functools.lru_cache(maxsize=8)
def _compiled(vocab_id: int, vocab: Vocab):
    # A PhraseMatcher on lemmas is a hash lookup per token; a token Matcher
    # with hundreds of IN-predicates cost more than the parse itself.
    matcher = PhraseMatcher(vocab, attr="LEMMA")
    triggers: dict[int, list[Trigger]] = {}
    for i, (pattern, pos, type_, mode, flags) in enumerate(_rows()):
        forms = [_alts(word) for word in pattern.split()]
        docs = [Doc(vocab, words=list(ws), lemmas=list(ws)) for ws in itertools.product(*forms)]
        key = f"tidings_event_{i}"
        matcher.add(key, docs)
        kid = vocab.strings[key]
        triggers[kid] = [Trigger(key=kid, order=i, type=type_, mode=mode or None, pos=pos, **_flags(flags))]
    return matcher, triggers


def pos_ok(lex: Trigger, tok) -> bool:
    return lex.pos not in _POS or tok.pos_ in _POS[lex.pos]


def compiled(vocab: Vocab):
    """(matcher, {match id: [Trigger]}) for this vocabulary, built once."""
    return _compiled(id(vocab), vocab)
