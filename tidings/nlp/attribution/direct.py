"""Direct quotes: quoted stretches with the cue and speaker that own them.

The cue is found, in order of trust, (1) up the dependency tree from the
quoted words (it governs them: `said`, `voiced her "deep concern"`), (2) as
the nearest cue outside quote marks in the same sentence, (3) in a short
sentence right after the quote ("... ." Lopez said on Tuesday.) or a
sentence before that ends in a colon. A paragraph that is all quote and has
no cue continues the previous quote's speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Doc, Span

from tidings.nlp.attribution import cues as cues_
from tidings.nlp.attribution import doctext
from tidings.nlp.attribution.cues import Cue
from tidings.nlp.attribution.marks import Marked

_STRIP = " ,;:\n\t"
_PARTIAL_WORDS = 4
# The cue clause ends in punctuation before the quote reopens ('..., “').
_REOPENS = re.compile(r"[,.;:]\s*[“\"‘'`]+$")
_MAX_INTERRUPTION = 160  # characters of '," said X, the Y of Z, "' between two parts
_SO_CALLED = re.compile(r"so-called\W*$", re.I)
_BYLINE = re.compile(r"[”\"'’]?\s*[―—–-]{1,2}\s*(?P<name>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,4})[.,]?(?=\s*(?:,|\n|$))")


@dataclass
class Found:
    """A quote before ids and record conversion."""

    start: int
    end: int
    direct: bool
    cue: Optional[Cue]
    tokens: Optional[Span] = None
    inherited: bool = False  # speaker carried over from the previous quote
    byline: Optional[tuple[int, int]] = None  # '” ― Name' after the quote: the speaker's words
    weak: bool = False  # a title or scare quote unless it continues a quote


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _STRIP:
        start += 1
    while end > start and text[end - 1] in _STRIP:
        end -= 1
    return start, end


def attribute(doc: Doc, marked: list[Marked], cue_list: list[Cue]) -> list[Found]:
    text = doctext.text(doc)
    inside = _inside_index(marked)
    by_token = {c.head.i: c for c in cue_list}
    outside = [c for c in cue_list if not inside(c.head.idx)]
    found: list[Found] = []
    for m in marked:
        start, end = trim(text, m.start, m.end)
        if start >= end:
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        byline = _byline(text, m.end)
        cue = None if byline else _governing(span, by_token, inside)
        partial = len(text[start:end].split()) < _PARTIAL_WORDS
        if partial and (cue is not None and cue.lemma not in cues_.CORE and cue.kind != "noun" or _SO_CALLED.search(text, max(0, m.start - 12), m.start)):
            cue = None  # "defend the 'reform'", "the so-called 'reform'": scare quotes
        if cue is None and byline is None and not partial:
            # A whole statement: its cue may sit anywhere in the sentence. A few
            # quoted words only belong to a cue that governs them.
            cue = _same_sentence(span, outside) or _neighbour(doc, span, outside)
        weak = cue is None and byline is None and _looks_like_title_or_scare(text[start:end])
        found.append(Found(start, end, True, cue, span, byline=byline, weak=weak))
    _continue_paragraphs(text, found)
    # A few uncued quoted words are kept only as the second part of a quote
    # interrupted by its cue ('"I would," she said. "I would, Donald."').
    return [f for f in _join(doc, text, found) if not f.weak]


def _byline(text: str, end: int) -> Optional[tuple[int, int]]:
    """'“...” ― Carlos Ruiz' (vox-pop layout): the name after a dash ends the paragraph."""
    m = _BYLINE.match(text, end)
    if m is None:
        return None
    return m.start("name"), m.end("name")


def _looks_like_title_or_scare(quoted: str) -> bool:
    # With no cue anywhere near, a few quoted words are a title, a nickname or
    # scare quotes, not somebody's statement.
    words = quoted.split()
    if len(words) < _PARTIAL_WORDS:
        return True
    caps = [w for w in words if len(w) > 3]
    return len(words) <= 8 and bool(caps) and all(w[:1].isupper() for w in caps) and quoted[-1:] not in ".?!"


def _inside_index(marked: list[Marked]):
    bounds = [(m.start, m.end) for m in marked]

    def inside(pos: int) -> bool:
        return any(s <= pos < e for s, e in bounds)

    return inside


def _governing(span: Span, by_token: dict, inside) -> Optional[Cue]:
    """A cue outside the quote that the quoted words hang from."""
    for tok in span:
        if span.start <= tok.head.i < span.end and tok.head is not tok:
            continue
        head, steps = tok.head, 0
        while steps < 6:
            if not (span.start <= head.i < span.end) and head.i in by_token and not inside(head.idx):
                return by_token[head.i]
            if head.head is head:
                break
            head, steps = head.head, steps + 1
    return None


def _same_sentence(span: Span, outside: list[Cue]) -> Optional[Cue]:
    sents = {s.start for s in (span[0].sent, span[-1].sent)}
    best, best_dist = None, None
    for cue in outside:
        if cue.head.sent.start not in sents or not cues_.is_speech(cue):
            continue
        if cue.head.i >= span.end:
            dist = cue.head.i - span.end
        elif cue.head.i < span.start:
            dist = (span.start - cue.head.i) + 3  # after the quote is the usual place
        else:
            continue
        if best_dist is None or dist < best_dist:
            best, best_dist = cue, dist
    return best


def _neighbour(doc: Doc, span: Span, outside: list[Cue]) -> Optional[Cue]:
    text = doctext.text(doc)
    last = span[-1].sent
    after = doc[last.end].sent if last.end < len(doc) else None
    if after is not None and "\n" not in text[span.end_char:after.start_char] and len(after) <= 12:
        for cue in outside:
            if after.start <= cue.head.i < after.end and cues_.is_speech(cue) and not _has_clause(cue):
                return cue
    first = span[0].sent
    if first.start > 0:
        before = doc[first.start - 1].sent
        tail = text[before.start_char:span.start_char].rstrip(" “\"'‘\n")
        if tail.endswith(":") and "\n\n" not in text[before.end_char:span.start_char]:
            for cue in reversed(outside):
                if before.start <= cue.head.i < before.end and cues_.is_speech(cue):
                    return cue
    return None


def _has_clause(cue: Cue) -> bool:
    return any(c.dep_ in ("ccomp", "dobj") for c in cue.head.children)


def _continue_paragraphs(text: str, found: list[Found]) -> None:
    """A quote with no cue of its own goes on with the previous quote's speaker
    when it follows it in the same paragraph, or opens the next paragraph and
    is all that paragraph says."""
    for prev, cur in zip(found, found[1:]):
        if cur.cue is not None or cur.byline is not None or prev.cue is None or prev.weak:
            continue
        gap = text[prev.end:cur.start]
        if "\n" in gap:
            para_start = text.rfind("\n", 0, cur.start) + 1
            lead = text[para_start:cur.start].strip(" “\"'‘")
            prev_para_end = text.find("\n", prev.end)
            if lead or not _quote_only_paragraph(text, cur) or text[prev_para_end:para_start].strip():
                continue
        elif len(gap) > 200:
            continue
        cur.cue = prev.cue
        cur.inherited = True


def _join(doc: Doc, text: str, found: list[Found]) -> list[Found]:
    """One quote per statement: a quote interrupted by its own cue ('"...,"
    she said, "..."') and a quote continued over paragraphs with no cue of
    its own become one span, from the first opening mark to the last closing
    mark, the cue and the paragraph breaks inside."""
    out: list[Found] = []
    for cur in found:
        prev = out[-1] if out else None
        if prev is not None and prev.cue is not None and cur.cue is prev.cue and _same_statement(text, prev, cur):
            span = doc.char_span(prev.start, cur.end, alignment_mode="expand")
            out[-1] = Found(prev.start, cur.end, True, prev.cue, span, prev.inherited, prev.byline)
            continue
        out.append(cur)
    return out


def _same_statement(text: str, prev: Found, cur: Found) -> bool:
    gap = text[prev.end:cur.start]
    if cur.inherited and "\n" in gap:
        return not cur.weak  # _continue_paragraphs checked the layout
    if "\n" in gap or len(gap) > _MAX_INTERRUPTION or not _REOPENS.search(gap):
        return False
    # The cue itself sits between the two parts.
    return prev.end <= prev.cue.head.idx < cur.start


def _quote_only_paragraph(text: str, q: Found) -> bool:
    end = text.find("\n", q.end)
    end = len(text) if end < 0 else end
    rest = text[q.end:end].strip(" ”\"'’.,")
    return len(rest) < 3
