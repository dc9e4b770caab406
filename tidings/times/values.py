"""ISO 8601 values and their precision, and the date arithmetic behind them."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from dateutil.relativedelta import relativedelta


@dataclass(frozen=True)
class Resolved:
    """One resolved expression.

    ``timex`` is the TimeML-style value (it can say ``2013-03-22TNI``, ``P3D``,
    ``PRESENT_REF``), kept so the resolver can be scored against TimeML gold;
    ``value``/``precision`` are what the record shows (ISO 8601 only).
    ``kind`` is date, time, duration, set or ref.
    """

    timex: Optional[str]
    value: Optional[str]
    precision: Optional[str]
    kind: str = "date"
    # The point the expression refers to (start of it), used as the reference
    # for a later "three hours later".
    point: Optional[dt.datetime] = None


@lru_cache(maxsize=256)
def parse_published(published: Optional[str]) -> Optional[dt.datetime]:
    """The publication date as a datetime (midnight when only a date is known)."""
    if not published:
        return None
    text = published.strip().replace("Z", "+00:00")
    try:
        value = dt.datetime.fromisoformat(text)
    except ValueError:
        m = re.match(r"(\d{4})-(\d{2})-(\d{2})", text)
        if not m:
            return None
        value = dt.datetime(int(m[1]), int(m[2]), int(m[3]))
    return value.replace(tzinfo=None)


def iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def day_value(day: dt.date) -> str:
    return day.isoformat()


def hour_value(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M")


def day(d: dt.date, part: Optional[str] = None) -> Resolved:
    """A calendar day, optionally with a TimeML part of day (MO, AF, EV, NI)."""
    point = dt.datetime(d.year, d.month, d.day)
    return Resolved(d.isoformat() + (f"T{part}" if part else ""), d.isoformat(), "day", "date", point)


def week(d: dt.date, weekend: bool = False) -> Resolved:
    value = iso_week(d)
    monday = d - dt.timedelta(days=d.weekday())
    return Resolved(value + ("-WE" if weekend else ""), value, "week", "date", dt.datetime(monday.year, monday.month, monday.day))


def month(year: int, mon: int) -> Resolved:
    return Resolved(f"{year:04d}-{mon:02d}", f"{year:04d}-{mon:02d}", "month", "date", dt.datetime(year, mon, 1))


def year(y: int) -> Resolved:
    return Resolved(f"{y:04d}", f"{y:04d}", "year", "date", dt.datetime(y, 1, 1))


def season(y: int, code: str) -> Resolved:
    # ISO 8601 has no seasons: the record gets the year.
    return Resolved(f"{y:04d}-{code}", f"{y:04d}", "year", "date", dt.datetime(y, 1, 1))


def moment(m: dt.datetime) -> Resolved:
    return Resolved(hour_value(m), hour_value(m), "hour", "time", m)


def shift(point: dt.datetime, n, unit: str) -> dt.datetime:
    """``point`` moved by n units (n may be negative)."""
    n_int = int(n)
    if unit in ("second", "minute", "hour", "day", "night"):
        return point + dt.timedelta(**{("days" if unit == "night" else unit + "s"): n})
    if unit in ("week", "weekend"):
        return point + dt.timedelta(weeks=n)
    if unit == "fortnight":
        return point + dt.timedelta(weeks=2 * n)
    if unit == "month":
        return point + relativedelta(months=n_int)
    if unit == "quarter":
        return point + relativedelta(months=3 * n_int)
    if unit == "year":
        return point + relativedelta(years=n_int)
    if unit == "decade":
        return point + relativedelta(years=10 * n_int)
    if unit == "century":
        return point + relativedelta(years=100 * n_int)
    raise ValueError(unit)


def at_unit(point: dt.datetime, unit: str) -> Resolved:
    """The calendar unit that contains ``point`` (the precision the unit implies)."""
    if unit in ("second", "minute", "hour"):
        return moment(point)
    if unit in ("day", "night"):
        return day(point.date())
    if unit in ("week", "weekend", "fortnight"):
        return week(point.date(), weekend=unit == "weekend")
    if unit in ("month", "quarter"):
        return month(point.year, point.month)
    if unit == "decade":
        return Resolved(f"{point.year // 10:03d}", f"{point.year:04d}", "year", "date", point)
    if unit == "century":
        return Resolved(f"{point.year // 100:02d}", f"{point.year:04d}", "year", "date", point)
    return year(point.year)


def duration(n, unit: str) -> str:
    """TimeML/ISO duration: P3D, PT2H, P10Y, PXW for an unknown count."""
    from .lexicon import UNITS

    letter, clock, mult = UNITS[unit]
    if unit == "weekend":
        letter = "WE"
    if n is None:
        count = "X"
    else:
        total = n * mult
        count = str(int(total)) if float(total).is_integer() else str(total)
    return ("PT" if clock else "P") + count + letter


def interval(start: dt.datetime, end: dt.datetime, precision: str) -> str:
    if precision == "hour":
        return f"{hour_value(start)}/{hour_value(end)}"
    return f"{start.date().isoformat()}/{end.date().isoformat()}"
