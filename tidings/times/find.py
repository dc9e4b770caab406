"""Spot time expressions: spaCy's DATE/TIME entities plus what it leaves out."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .lexicon import MONTHS, PARTS, WEEKDAYS

_AGE = re.compile(r"\d+\s*-?\s*(?:year|month|week|day)s?\s*-?\s*old|aged?\b", re.I)
_NOT_TIME = re.compile(r"^(?:\d{1,3}|\d+%|\d{5,}|one|two|three|four|five|six|seven|eight|nine|ten)$", re.I)
_DEICTIC = ["now", "currently", "today", "tonight", "yesterday", "tomorrow", "nowadays"]


@lru_cache(maxsize=4)
def _matcher(vocab) -> Matcher:
    matcher = Matcher(vocab)
    weekday = {"LOWER": {"IN": list(WEEKDAYS)[::1]}, "IS_TITLE": True}
    month = {"LOWER": {"IN": [m for m in MONTHS if len(m) > 3 or m in ("may",)] + ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]}, "IS_TITLE": True}
    matcher.add("DEICTIC", [[{"LOWER": {"IN": _DEICTIC}}], [{"LOWER": {"IN": ["this", "last", "tomorrow", "yesterday"]}}, {"LOWER": {"IN": list(PARTS)}}]])
    matcher.add("RELATIVE", [[{"LOWER": {"IN": ["this", "last", "next", "coming", "past"]}}, {"LOWER": {"IN": ["week", "month", "year", "weekend", "summer", "winter", "spring", "autumn", "fall"]}}]])
    matcher.add("WEEKDAY", [[weekday], [weekday, {"LOWER": {"IN": list(PARTS)}}]])
    matcher.add("DATE", [
        [month, {"IS_PUNCT": True, "OP": "?"}, {"LIKE_NUM": True}],
        [{"LIKE_NUM": True}, month],
        [month, {"IS_PUNCT": True, "OP": "?"}, {"LIKE_NUM": True}, {"ORTH": ",", "OP": "?"}, {"SHAPE": "dddd"}],
    ])
    matcher.add("CLOCK", [
        [{"LIKE_NUM": True}, {"LOWER": {"IN": ["am", "pm", "a.m.", "p.m.", "a.m", "p.m"]}}],
        [{"TEXT": {"REGEX": r"^\d{1,2}(:\d\d)?(am|pm|a\.m\.|p\.m\.)$"}, "LOWER": {"REGEX": "."}}],
        [{"TEXT": {"REGEX": r"^\d{1,2}:\d\d$"}}],
    ])
    return matcher


def find(doc: Doc) -> list[Span]:
    """Time expression spans in document order, longest first where they overlap."""
    spans = [part for ent in doc.ents if ent.label_ in ("DATE", "TIME") and _keep(ent) for part in _split(ent)]
    for _, start, end in _matcher(doc.vocab)(doc):
        spans.append(Span(doc, start, end, label="DATE"))
    return _join(doc, sorted(filter_spans(spans), key=lambda s: s.start))


_CLOCKISH = re.compile(r"\d\s*(?:am|pm|a\.m\.|p\.m\.)|\d:\d\d|noon|midnight", re.I)


def _join(doc: Doc, spans: list[Span]) -> list[Span]:
    """'2pm on Thursday', 'Thursday at 2pm': one moment, not two expressions."""
    out: list[Span] = []
    for span in spans:
        if out:
            prev = out[-1]
            gap = doc[prev.end:span.start]
            if len(gap) <= 1 and all(t.lower_ in ("on", "at", ",", "of") for t in gap) and (
                bool(_CLOCKISH.search(prev.text)) != bool(_CLOCKISH.search(span.text))
            ):
                out[-1] = Span(doc, prev.start, span.end, label=prev.label_)
                continue
        out.append(span)
    return out


def _keep(span: Span) -> bool:
    text = span.text
    if _AGE.search(text):
        return False
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    if nxt is not None and nxt.lower_ in ("old", "-old"):
        return False
    if _NOT_TIME.match(text) and not (nxt is not None and nxt.lower_ in ("am", "pm", "a.m.", "p.m.")):
        # A bare number spaCy guessed to be a date ("12", "five") is rarely one.
        return False
    return True


_RANGE = re.compile(r"^((?:1[5-9]|20)\d\d)\s*[-\u2013/]\s*(\d\d(?:\d\d)?)$")


def _split(span: Span) -> list[Span]:
    """'2009-2010' is two years; '40, eight years from now' starts after the comma."""
    m = _RANGE.match(span.text)
    if m:
        s = span.start_char
        parts = [span.doc.char_span(s, s + m.end(1)), span.doc.char_span(s + m.start(2), s + m.end(2))]
        if all(p is not None for p in parts):
            return parts
    if len(span) > 2 and span[0].like_num and span[1].text == ",":
        return [span[2:]]
    return [span]
