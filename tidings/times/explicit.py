"""Calendar dates written out: 'March 3', '3 March 2020', 'Feb. 28', 'May 2010', '2020-03-12'."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Optional

from . import values as V
from .lexicon import MONTHS, ORDINALS, WEEKDAYS
from .values import Resolved

_MON = "|".join(sorted(MONTHS, key=len, reverse=True))
_WD = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_DAYNUM = r"(\d{1,2})(?:st|nd|rd|th)?"
_YR = r"((?:1[5-9]|20)\d\d)"

_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[t ](\d{2}):(\d{2}))?")
_MDY = re.compile(rf"^({_MON})\.?\s+{_DAYNUM}(?:,?\s+{_YR})?$")
_DMY = re.compile(rf"^(?:the\s+)?{_DAYNUM}\s+(?:of\s+)?({_MON})\.?(?:,?\s+{_YR})?$")
_MY = re.compile(rf"^({_MON})\.?(?:,?\s+(?:of\s+)?{_YR})?$")
_ORD = re.compile(rf"^(?:the\s+)?({'|'.join(ORDINALS)})\s+of\s+({_MON})(?:,?\s+{_YR})?$")
_NUMERIC = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2,4})$")
_LEADING_WD = re.compile(rf"^(?:{_WD})\.?,?\s+(?=\S)")


def strip_weekday(t: str) -> str:
    """'friday, march 22' -> 'march 22' (the date decides; the weekday only repeats it)."""
    return _LEADING_WD.sub("", t) if re.search(r"\d|" + _MON, t[4:]) else t


def explicit_date(t: str, anchor: Optional[dt.datetime], tense: Optional[str]) -> Optional[Resolved]:
    m = _ISO.match(t)
    if m:
        y, mo, d = int(m[1]), int(m[2]), int(m[3])
        if m[4]:
            return V.moment(dt.datetime(y, mo, d, int(m[4]), int(m[5])))
        return _day(y, mo, d)
    m = _MDY.match(t)
    if m:
        return _dated(MONTHS[m[1]], int(m[2]), m[3], anchor, tense)
    m = _DMY.match(t)
    if m:
        return _dated(MONTHS[m[2]], int(m[1]), m[3], anchor, tense)
    m = _ORD.match(t)
    if m:
        return _dated(MONTHS[m[2]], ORDINALS[m[1]], m[3], anchor, tense)
    m = _MY.match(t)
    if m and len(m[1]) > 2:
        mon = MONTHS[m[1]]
        if m[2]:
            return V.month(int(m[2]), mon)
        if anchor is None:
            return None
        return V.month(_pick_year(mon, None, anchor, tense), mon)
    m = _NUMERIC.match(t)
    if m:
        y = int(m[3]) + (2000 if len(m[3]) == 2 else 0)
        return _day(y, int(m[1]), int(m[2]))  # US order, as in the English wires
    if re.search(r"\d", t) and re.search(_MON, t):
        return _fallback(t, anchor.isoformat() if anchor else None)
    return None


def _day(y: int, mo: int, d: int) -> Optional[Resolved]:
    try:
        return V.day(dt.date(y, mo, d))
    except ValueError:
        return None


def _dated(mon: int, d: int, year: Optional[str], anchor, tense) -> Optional[Resolved]:
    if year:
        return _day(int(year), mon, d)
    if anchor is None:
        return None
    return _day(_pick_year(mon, d, anchor, tense), mon, d)


def _pick_year(mon: int, d: Optional[int], anchor: dt.datetime, tense: Optional[str]) -> int:
    """The year that puts month/day on the side of publication the tense says; nearest otherwise."""
    a = anchor.date()
    options = []
    for y in (a.year - 1, a.year, a.year + 1):
        try:
            first = dt.date(y, mon, d or 1)
            last = dt.date(y, mon, d) if d else (dt.date(y + (mon == 12), mon % 12 + 1, 1) - dt.timedelta(days=1))
        except ValueError:
            continue
        options.append((y, first, last))
    if tense == "past":
        past = [y for y, first, _ in options if first <= a]
        if past:
            return max(past)
    if tense == "future":
        future = [y for y, _, last in options if last >= a]
        if future:
            return min(future)

    def distance(option):
        _, first, last = option
        return 0 if first <= a <= last else min(abs((first - a).days), abs((last - a).days))

    return min(options, key=distance)[0]


@lru_cache(maxsize=1024)
def _fallback(t: str, anchor: Optional[str]) -> Optional[Resolved]:
    """dateparser for a written-out date none of the patterns above reads (one call per expression)."""
    from dateparser.date import DateDataParser

    settings = {"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}
    if anchor:
        settings["RELATIVE_BASE"] = dt.datetime.fromisoformat(anchor)
    elif not re.search(r"\b(1[5-9]|20)\d\d\b", t):
        return None
    data = DateDataParser(languages=["en"], settings=settings).get_date_data(t)
    if data is None or data.date_obj is None:
        return None
    d = data.date_obj
    if data.period == "year":
        return V.year(d.year)
    if data.period == "month":
        return V.month(d.year, d.month)
    if data.period == "time":
        return V.moment(d)
    return V.day(d.date())
