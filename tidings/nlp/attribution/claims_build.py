"""Claims: what a quote asserts, and what later sentences say about it.

A claim is made from a quote whose cue asserts (said, claimed, according to
...) and whose content is a proposition (it has a subject). A quote whose cue
denies or confirms ("the army denied that ...") and every status sentence
("could not be independently verified") update the earlier claim they are
about: the one sharing the most content words, or, when the sentence points
back ("the claim", "the report", "this"), the latest one. Only a denial or
confirmation that states its own proposition and matches no earlier claim
makes a new claim.
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Span as SpacySpan

from tidings.nlp.attribution import doctext, status
from tidings.nlp.attribution.cues import COGNITIVE, CONFIRM, DENY, DIRECTIVE
from tidings.nlp.attribution.direct import Found
from tidings.nlp.attribution.stance import KIND as STANCE
from tidings.record import Claim, Quote, Span

_CONTENT_POS = {"NOUN", "PROPN", "VERB", "NUM", "ADJ"}
_MIN_SHARED = 2
_SUBJECTS = {"nsubj", "nsubjpass", "expl", "csubj"}


def build(doc: Doc, quotes: list[Quote], found: list[Found]) -> list[Claim]:
    claims: list[Claim] = []
    words: dict[int, set[str]] = {}  # claim index -> its content lemmas
    events = [(q.start, "quote", q, f) for q, f in zip(quotes, found)]
    events += [(st.sentence.start_char, "status", st, None) for st in status.find(doc)]
    events.sort(key=lambda e: (e[0], e[1] == "status"))
    quoted_sentences = set()
    for _, kind, item, f in events:
        if kind == "quote":
            _from_quote(item, f, claims, words, quoted_sentences)
        else:
            if item.sentence.start in quoted_sentences:
                continue  # the sentence's own cue already set the status
            target = _target(doc, item.sentence, claims, words)
            if target is not None:
                _set(target, item.value, item.sentence)
    for n, c in enumerate(claims, 1):
        c.id = f"C{n}"
    return claims


def _from_quote(q: Quote, f: Found, claims, words, quoted_sentences) -> None:
    if f.cue is None or f.tokens is None or f.inherited:
        return
    lemma = f.cue.lemma
    if not _proposition(f.tokens) or _negated(f.cue.head):
        # A negated report ("did not say that", "would not confirm that")
        # asserts nothing; a status sentence may still settle the claim.
        return
    sentence = f.cue.head.sent
    if lemma in DENY or lemma in CONFIRM:
        value = "denied" if lemma in DENY else "confirmed"
        quoted_sentences.add(sentence.start)
        target = _best_overlap(_lemmas(f.tokens), claims, words, before=q.start)
        if target is None:
            claim = Claim(id="", text=q.text, start=q.start, end=q.end, status="asserted", quote=q.id)
            words[len(claims)] = _lemmas(f.tokens)
            claims.append(claim)
            target = claim
        _set(target, value, sentence)
        return
    if lemma in DIRECTIVE or lemma in COGNITIVE or f.cue.kind == STANCE:
        return
    words[len(claims)] = _lemmas(f.tokens)
    claims.append(Claim(
        id="", text=q.text, start=q.start, end=q.end, claimant=q.speaker, claimant_entity=q.speaker_entity,
        status="asserted", quote=q.id,
    ))


def _negated(verb) -> bool:
    # "He did not say that the plant would close" asserts nothing.
    return any(c.dep_ == "neg" for c in verb.children)


def _proposition(tokens: SpacySpan) -> bool:
    # A claim states something: a clause with its own subject, not a topic
    # ("criticized the plan") or a few quoted words.
    if tokens[0].lower_ in ("whether", "if", "why", "how", "what", "when", "who"):
        return False  # a reported question asserts nothing
    return len(tokens) >= 3 and any(t.dep_ in _SUBJECTS for t in tokens)


def _lemmas(tokens) -> set[str]:
    return {t.lemma_.lower() for t in tokens if t.pos_ in _CONTENT_POS and not t.is_stop and len(t) > 1}


def _best_overlap(lemmas: set[str], claims, words, before: int) -> Optional[Claim]:
    best, best_shared = None, _MIN_SHARED - 1
    for i, claim in enumerate(claims):
        if claim.start >= before:
            continue
        shared = len(lemmas & words.get(i, set()))
        if shared > best_shared or shared == best_shared and best is not None and shared >= _MIN_SHARED:
            best, best_shared = claim, shared
    return best


def _target(doc: Doc, sentence: SpacySpan, claims, words) -> Optional[Claim]:
    earlier = [c for c in claims if c.start < sentence.end_char]
    if not earlier:
        return None
    lemmas = _lemmas(sentence)
    best = _best_overlap(lemmas, claims, words, before=sentence.end_char)
    if best is not None:
        return best
    if any(t.lower_ in status.ANAPHORS for t in sentence):
        return earlier[-1]
    return None


def _set(claim: Claim, value: str, sentence: SpacySpan) -> None:
    text = doctext.text(sentence.doc)
    start, end = sentence.start_char, sentence.end_char
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    claim.status = value
    claim.status_evidence = Span(text=text[start:end], start=start, end=end)
