"""Resolve one time expression against the publication date: tidings' own rules.

News conventions (see docs/times-places.md): a bare weekday is the most
recent such day on or before publication unless the clause is in the future
tense; "last week" is the previous ISO week; a date without a year takes the
year that puts it on the side of publication the tense says (nearest when the
tense says nothing); "three hours later" counts from the time named before.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Optional

from . import values as V
from .explicit import explicit_date, strip_weekday
from .lexicon import MONTHS, PARTS, REFS, SEASONS, UNITS, WEEKDAYS, number
from .values import Resolved


@dataclass
class Context:
    anchor: Optional[dt.datetime]  # publication date
    tense: Optional[str] = None  # "past", "present", "future"
    reference: Optional[dt.datetime] = None  # the last time named before this one
    day: Optional[dt.date] = None  # a day named in the same sentence (for "2pm")


_NUM = r"(?:\d+(?:\.\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|hundred|half|couple of|dozen|[a-z]+-[a-z]+)"
_VAGUE = r"(?:several|few|a few|many|some|numerous|recent|the past few|the last few|the next few|a couple of)"
_UNIT = r"(second|minute|hour|day|night|week|weekend|fortnight|month|quarter|year|decade|century|centurie)s?"
_LEAD = re.compile(r"^(?:just|only|a mere|mere|roughly|barely|a little|fully|on|in|at|by|since|until|till|from|during|of|for|over|as of|as early as|as late as|about|around|approximately|some|nearly|almost|more than|less than|at least|up to|within|throughout)\s+")
_MOD = re.compile(r"^(?:early|late|mid|the middle of|the end of|the beginning of|the start of|end of|beginning of|start of|the first half of|the second half of)[\s-]+")
_PART = "|".join(PARTS)
_WD = "|".join(sorted(WEEKDAYS, key=len, reverse=True))

_CLOCK = re.compile(
    r"\b(?:(\d{1,2})(?::(\d{2}))?(?::\d{2})?\s*(a\.?m\.?|p\.?m\.?)|(\d{1,2}):(\d{2})(?::\d{2})?(?!\s*(?:a\.?m|p\.?m))|(noon|midday|midnight))(?:\s*(?:gmt|utc|local time|[a-z]st|[a-z]dt))?"
)
_WEEKDAY = re.compile(rf"^(?:(last|this|next|coming|past|previous|the following|the previous)\s+)?({_WD})\.?(?:\s+({_PART}))?$")
_DEICTIC = re.compile(rf"^(today|tonight|yesterday|tomorrow|this|last|the day before yesterday|the day after tomorrow)(?:\s+({_PART}))?$")
_AGO = re.compile(rf"^(?:(?:about|some|nearly|almost|more than|just|only)\s+)?({_NUM}|{_VAGUE})\s+{_UNIT}\s+(ago|earlier|later|before|after|previously|hence|from now)$")
_IN_N = re.compile(rf"^in\s+({_NUM})\s+{_UNIT}(?:'s)?(?:\s+time)?$")
_REL_UNIT = re.compile(rf"^(?:(earlier|later|early|late)\s+)?(last|past|previous|this|current|next|coming|the following|the previous|the same|the current|the coming|the past|the last|the next|that)\s+{_UNIT}$")
_SPAN = re.compile(rf"^(?:the\s+)?(?:(past|last|previous|next|coming|first|following|final|recent)\s+)?({_NUM}|{_VAGUE})?[\s-]*{_UNIT}(?:'|'s)?(?:\s+(?:long|old))?$")
_BARE_UNITS = re.compile(r"^(?:(recent|coming|the coming|the past|the last|the next|past|next|many|several|few|a few|some)\s+)?(second|minute|hour|day|night|week|weekend|month|year|decade|centurie)s$")
_YEAR = re.compile(r"^(?:fiscal\s+(?:year\s+)?|the year\s+|year\s+)?((?:1[5-9]|20)\d\d)$")
_DECADE = re.compile(r"^(?:the\s+)?(?:(1[5-9]|20)(\d)0|'(\d)0)'?s$")
_CENTURY = re.compile(r"^(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)[\s-]century$")
_SEASON = re.compile(rf"^(?:(last|this|next|coming|past|previous)\s+)?({'|'.join(SEASONS)})(?:\s+(?:of\s+)?((?:19|20)\d\d))?$")
_MONTH_REL = re.compile(rf"^(last|this|next|coming|past|previous)\s+({'|'.join(MONTHS)})\.?$")
_SET = re.compile(rf"^(?:every|each)\s+(?:other\s+)?(.+)$|^(annually|daily|weekly|monthly|yearly|nightly|hourly)$")


def normalize(text: str) -> str:
    t = text.lower().replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", "-")
    t = re.sub(r"\s+", " ", t).strip(" .,;:!?\"()")
    t = re.sub(r"'s$|\bfiscal\s+|\bcalendar\s+", "", t)
    for _ in range(3):
        t2 = _LEAD.sub("", t)
        if t2 == t:
            break
        t = t2
    return t


def resolve(text: str, ctx: Context) -> Optional[Resolved]:
    """The value of one expression, or None when no rule reads it."""
    t = normalize(text)
    if t in REFS:
        return _ref(REFS[t], ctx)
    t = _MOD.sub("", t)
    if t.startswith("the ") and t[4:] in REFS:
        return _ref(REFS[t[4:]], ctx)
    t = re.sub(r"^the\s+", "", t) if not _keeps_the(t) else t
    for rule in (_set, _clock, _deictic, _weekday, _explicit, _relative, _ago, _years, _season, _spans):
        found = rule(t, ctx)
        if found is not None:
            return found
    return None


def _keeps_the(t: str) -> bool:
    return bool(re.match(r"^the (past|last|next|coming|following|previous|day|same) ", t))


def _ref(code: str, ctx: Context) -> Resolved:
    if code == "PRESENT_REF" and ctx.anchor is not None:
        return Resolved(code, ctx.anchor.date().isoformat(), "day", "ref", ctx.anchor)
    return Resolved(code, None, None, "ref", None)


def _set(t: str, ctx: Context) -> Optional[Resolved]:
    m = _SET.match(t)
    if not m:
        return None
    what = (m[1] or m[2]).rstrip("s")
    codes = {"annually": "XXXX", "yearly": "XXXX", "year": "XXXX", "month": "XXXX-XX", "monthly": "XXXX-XX",
             "week": "XXXX-WXX", "weekly": "XXXX-WXX", "day": "XXXX-XX-XX", "daily": "XXXX-XX-XX",
             "nightly": "XXXX-XX-XXTNI", "night": "XXXX-XX-XXTNI", "hourly": "PT1H", "hour": "PT1H"}
    if what in codes:
        return Resolved(codes[what], None, None, "set")
    if what in PARTS:
        return Resolved("XXXX-XX-XXT" + PARTS[what], None, None, "set")
    if what in SEASONS:
        return Resolved("XXXX-" + SEASONS[what], None, None, "set")
    if what in WEEKDAYS:
        return Resolved(f"XXXX-WXX-{WEEKDAYS[what] + 1}", None, None, "set")
    return Resolved("XXXX", None, None, "set")


def _clock(t: str, ctx: Context) -> Optional[Resolved]:
    m = _CLOCK.search(t)
    if not m:
        return None
    rest = (t[: m.start()] + " " + t[m.end():]).strip(" ,")
    rest = re.sub(r"^(?:on|at|of)\s+|\s+(?:on|at|of)$", "", rest).strip()
    if m[6]:
        hour, minute = {"noon": 12, "midday": 12, "midnight": 0}[m[6]], 0
    elif m[3]:
        hour, minute = int(m[1]) % 12 + (12 if m[3].startswith("p") else 0), int(m[2] or 0)
    else:
        hour, minute = int(m[4]), int(m[5])
    if hour > 23 or minute > 59:
        return None
    base = None
    if rest:
        found = resolve(rest, Context(ctx.anchor, ctx.tense, ctx.reference, ctx.day))
        if found is not None and found.precision == "day" and found.point is not None:
            base = found.point.date()
    if base is None:
        base = ctx.day or (ctx.anchor.date() if ctx.anchor else None)
    if base is None:
        return None
    return V.moment(dt.datetime(base.year, base.month, base.day, hour, minute))


def _deictic(t: str, ctx: Context) -> Optional[Resolved]:
    m = _DEICTIC.match(t)
    if not m or ctx.anchor is None or (m[1] in ("this", "last") and not m[2]):
        return None
    offset = {"today": 0, "tonight": 0, "this": 0, "yesterday": -1, "tomorrow": 1,
              "the day before yesterday": -2, "the day after tomorrow": 2}.get(m[1], 0)
    part = PARTS[m[2]] if m[2] else ("NI" if m[1] == "tonight" else None)
    if m[1] == "last":  # "last night"
        offset, part = -1, PARTS[m[2]]
    return V.day(ctx.anchor.date() + dt.timedelta(days=offset), part)


def _weekday(t: str, ctx: Context) -> Optional[Resolved]:
    m = _WEEKDAY.match(t)
    if not m or ctx.anchor is None:
        return None
    target, today = WEEKDAYS[m[2]], ctx.anchor.date()
    back = (today.weekday() - target) % 7  # days back to the most recent one, 0 = today
    mod = m[1]
    if mod in ("next", "coming", "the following") or (mod in (None, "this") and ctx.tense == "future"):
        ahead = (target - today.weekday()) % 7 or 7
        if mod == "next" and ahead < 2:
            ahead += 7
        d = today + dt.timedelta(days=ahead)
    elif mod in ("last", "past", "previous", "the previous"):
        d = today - dt.timedelta(days=back or 7)
    else:
        d = today - dt.timedelta(days=back)
    return V.day(d, PARTS.get(m[3]) if m[3] else None)


def _explicit(t: str, ctx: Context) -> Optional[Resolved]:
    t = strip_weekday(t)
    m = _MONTH_REL.match(t)
    if m and ctx.anchor is not None:
        mon, a = MONTHS[m[2]], ctx.anchor
        if m[1] in ("last", "past", "previous"):
            y = a.year if mon < a.month else a.year - 1
        elif m[1] in ("next", "coming"):
            y = a.year if mon > a.month else a.year + 1
        else:
            y = a.year
        return V.month(y, mon)
    return explicit_date(t, ctx.anchor, ctx.tense)


def _relative(t: str, ctx: Context) -> Optional[Resolved]:
    m = _REL_UNIT.match(t)
    if not m or ctx.anchor is None:
        return None
    which, unit = m[2].replace("the ", ""), m[3].replace("centurie", "century")
    if unit in ("second", "minute", "hour"):
        return None
    if m[2].startswith("the ") and which in ("next", "following", "past", "last") and unit in ("decade", "century"):
        return Resolved(V.duration(1, unit), None, None, "duration")
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "following": 1}.get(which, 0)
    if which in ("same", "that"):
        base = ctx.reference or ctx.anchor
        return V.at_unit(base, unit)
    point = V.shift(ctx.anchor, step, unit) if step else ctx.anchor
    return V.at_unit(point, unit)


def _ago(t: str, ctx: Context) -> Optional[Resolved]:
    m = _AGO.match(t) or _IN_N.match(t)
    if not m:
        return None
    n = number(m[1]) if m[1] else None
    unit = m[2].replace("centurie", "century")
    direction = m[3] if m.re is _AGO else "hence"
    if n is None:
        return Resolved(V.duration(None, unit), None, None, "duration")
    if direction in ("later", "after", "hence", "from now"):
        sign = 1
    else:
        sign = -1
    base = ctx.anchor if direction in ("ago", "hence", "from now") else (ctx.reference or ctx.anchor)
    if base is None:
        return None
    point = V.shift(base, sign * n, unit)
    if unit in ("second", "minute", "hour") and base.hour == 0 and base.minute == 0:
        # Hours counted from a day with no time of day: the day is all we know.
        return V.day(point.date())
    return V.at_unit(point, unit)


def _years(t: str, ctx: Context) -> Optional[Resolved]:
    m = _YEAR.match(t)
    if m:
        return V.year(int(m[1]))
    m = _DECADE.match(t)
    if m:
        if m[3]:
            d = ("19" if m[3] != "0" and m[3] != "1" else "20") + m[3]
            return Resolved(d, d + "0", "year", "date", dt.datetime(int(d + "0"), 1, 1))
        d = m[1] + m[2]
        return Resolved(d, d + "0", "year", "date", dt.datetime(int(d + "0"), 1, 1))
    m = _CENTURY.match(t)
    if m:
        c = int(m[1]) - 1
        return Resolved(f"{c:02d}", f"{c:02d}00", "year", "date", dt.datetime(max(c * 100, 1), 1, 1))
    if re.fullmatch(r"'(\d\d)", t):
        y = int(t[1:])
        return V.year(y + (2000 if y < 30 else 1900))
    return None


def _season(t: str, ctx: Context) -> Optional[Resolved]:
    m = _SEASON.match(t)
    if not m:
        return None
    code = SEASONS[m[2]]
    if m[3]:
        return V.season(int(m[3]), code)
    if ctx.anchor is None:
        return None
    a = ctx.anchor
    starts = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
    began = a.month >= starts[code] or (code == "WI" and a.month <= 2)
    y = a.year - (1 if code == "WI" and a.month <= 2 else 0)
    if m[1] in ("last", "past", "previous"):
        y -= 1
    elif m[1] in ("next", "coming"):
        y = y + 1 if began else y
    elif m[1] is None and not began and ctx.tense == "past":
        y -= 1
    return V.season(y, code)


def _spans(t: str, ctx: Context) -> Optional[Resolved]:
    """Stretches of time: 'the past ten days', 'three months', 'weeks'."""
    m = _BARE_UNITS.match(t)
    if m:
        unit = m[2].replace("centurie", "century")
        return Resolved(V.duration(None, unit), None, None, "duration")
    m = _SPAN.match(t)
    if not m:
        return None
    which, count, unit = m[1], m[2], m[3].replace("centurie", "century")
    n = number(count) if count and not re.match(_VAGUE + "$", count) else None
    if count is None:
        if which and ctx.anchor is None:
            return None  # "last week" with no publication date: unresolved, not a stretch
        n = 1
    timex = V.duration(n, unit)
    if ctx.anchor is not None and n is not None and which in ("past", "last", "previous"):
        start = V.shift(ctx.anchor, -n, unit)
        precision = "hour" if unit in ("second", "minute", "hour") else "day"
        return Resolved(timex, V.interval(start, ctx.anchor, precision), precision, "duration", start)
    if ctx.anchor is not None and n is not None and which in ("next", "coming"):
        end = V.shift(ctx.anchor, n, unit)
        precision = "hour" if unit in ("second", "minute", "hour") else "day"
        return Resolved(timex, V.interval(ctx.anchor, end, precision), precision, "duration", ctx.anchor)
    return Resolved(timex, timex if n is not None else None, None, "duration")
