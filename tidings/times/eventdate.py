"""The date of an event: the time expression governing its sentence, else the article's, else publication."""

from __future__ import annotations

from collections import Counter
from typing import Optional, Sequence

from spacy.tokens import Span, Token

from tidings.record import EventDate, Time

from .values import parse_published

_DATED = ("hour", "day", "week", "month", "year")


def article_date(times: Sequence[Time]) -> Optional[Time]:
    """The article's dominant day: the most repeated day-or-hour value, the first one on a tie."""
    dated = [t for t in times if t.value and t.precision in ("day", "hour") and "/" not in t.value]
    if not dated:
        return None
    days = Counter(t.value[:10] for t in dated)
    top = max(days.values())
    return next(t for t in dated if days[t.value[:10]] == top)


def governing(sent: Span, times: Sequence[Time], trigger: Optional[Token] = None) -> Optional[Time]:
    """The time in ``sent`` that hangs off the event's clause; the first dated one otherwise."""
    inside = [t for t in times if t.value and t.precision in _DATED and sent.start_char <= t.start and t.end <= sent.end_char]
    if not inside:
        return None
    if trigger is None:
        return inside[0]
    doc = sent.doc

    def distance(t: Time) -> int:
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        tok, steps = span.root, 0
        while tok.head is not tok and tok is not trigger and steps < 8:
            tok, steps = tok.head, steps + 1
        return steps if tok is trigger else 100 + abs(span.start - trigger.i)

    return min(inside, key=distance)


def event_date(sent: Span, times: Sequence[Time], published: Optional[str], trigger: Optional[Token] = None) -> Optional[EventDate]:
    found = governing(sent, times, trigger) or article_date(times)
    if found is not None:
        return EventDate(value=found.value, precision=found.precision, text=found.text)
    when = parse_published(published)
    if when is None:
        return None
    return EventDate(value=when.date().isoformat(), precision="day", text=None)
