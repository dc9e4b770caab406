"""Quoted stretches of text, found from the quote marks alone.

News text mixes curly and straight marks, doubled apostrophes (''like this''),
single marks (British style, or nested inside double ones), quotes that run
over several paragraphs (each continued paragraph reopens the quote, the last
one closes it) and scraped text that lost an opening mark. One regex pass
finds the marks; a small state machine per paragraph pairs them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Double marks. A straight " and a doubled apostrophe open or close by context.
_DOUBLE = re.compile(r"''|``|[\"“”„‟«»]")
_OPENERS = {"“", "„", "‟", "«", "``"}
_CLOSERS = {"”", "»"}
# Single marks, only where they cannot be an apostrophe (not between letters,
# not a closing mark right after a letter+s such as "voters' ").
_SINGLE = re.compile(r"(?P<open>(?<![\w])[‘'](?=[\w\"“(]))|(?P<close>(?<=[\w.,!?;:…)\-])[’'](?![\w]))")
_PARAGRAPH = re.compile(r"[^\n]+")
_WORD = re.compile(r"\w")
_OPEN_CONTEXT = set(" \t\n([{—–-/") | {"\u00a0"}


@dataclass
class Marked:
    """One quoted stretch: [start, end) excludes the marks themselves."""

    start: int
    end: int
    open_mark: bool = True  # False: the opening mark was missing in the text
    double: bool = True


def find(text: str) -> list[Marked]:
    """Every top-level quoted stretch in ``text``, in order; nested ones stay inside."""
    spans: list[Marked] = []
    for para in _PARAGRAPH.finditer(text):
        found = _double_in(text, para.start(), para.end())
        found += _single_outside(text, para.start(), para.end(), found)
        found.sort(key=lambda m: m.start)
        spans.extend(found)
    return _merge_paragraphs(text, spans)


def _is_opener(text: str, pos: int, mark: str) -> bool:
    if mark in _OPENERS:
        return True
    if mark in _CLOSERS:
        # '”Mr. Trump embodies ...”': a closing mark that opens a paragraph
        # is a mistyped opening one.
        return (pos == 0 or text[pos - 1] == "\n") and _WORD.match(text, pos + 1) is not None
    before = text[pos - 1] if pos > 0 else "\n"
    return before in _OPEN_CONTEXT or before in "‘'"


def _double_in(text: str, start: int, end: int) -> list[Marked]:
    out: list[Marked] = []
    open_at = None  # offset just after the opening mark
    first = True
    for m in _DOUBLE.finditer(text, start, end):
        mark = m.group()
        if open_at is None:
            if _is_opener(text, m.start(), mark):
                open_at = m.end()
            elif first and _WORD.search(text, start, m.start()):
                # A closing mark with no opening one: the scraper lost it;
                # the quote ran from the start of the paragraph.
                lead = len(text[start:m.start()]) - len(text[start:m.start()].lstrip())
                out.append(Marked(start + lead, m.start(), open_mark=False))
        elif mark in _OPENERS:
            # Two openers in a row: the first quote was never closed.
            out.append(Marked(open_at, m.start()))
            open_at = m.end()
        else:
            # While a quote is open, a straight or closing mark closes it.
            out.append(Marked(open_at, m.start()))
            open_at = None
        first = False
    if open_at is not None and _WORD.search(text, open_at, end):
        # Still open at the end of the paragraph: the quote goes on in the
        # next paragraph (or the closing mark was lost).
        out.append(Marked(open_at, end))
    return out


def _single_outside(text: str, start: int, end: int, doubles: list[Marked]) -> list[Marked]:
    """Single-mark quotes that are not nested inside a double-mark quote."""
    out: list[Marked] = []
    open_at = None
    for m in _SINGLE.finditer(text, start, end):
        pos = m.start()
        if any(d.start <= pos < d.end + 1 for d in doubles):
            continue
        is_open = m.group("open") is not None
        if open_at is None:
            if is_open:
                open_at = m.end()
        elif not is_open:
            if _WORD.search(text, open_at, pos):
                out.append(Marked(open_at, pos, double=False))
            open_at = None
    return out


def _merge_paragraphs(text: str, spans: list[Marked]) -> list[Marked]:
    """Join a quote left open at a paragraph's end with the next paragraph's quote
    when that paragraph opens with a quote mark (the newspaper convention)."""
    out: list[Marked] = []
    for span in spans:
        if out:
            prev = out[-1]
            gap = text[prev.end:span.start]
            if (
                prev.double and span.double and "\n" in gap and not gap.strip("\n \t\"“„'`")
                and _ends_open(text, prev) and span.open_mark
            ):
                out[-1] = Marked(prev.start, span.end, prev.open_mark, True)
                continue
        out.append(span)
    return out


def _ends_open(text: str, span: Marked) -> bool:
    # The stretch ran to its paragraph's end without a closing mark.
    return span.end >= len(text) or text[span.end] == "\n"
