"""One article's report of an event, reduced to what merging compares.

Works on ``tidings.record.Event`` objects or plain dicts of the same shape,
so merging does not depend on how the events were found.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Optional, Union

from tidings.record import Event, Record

COUNT_KINDS = ("killed", "injured", "arrested", "participants")

# Group actors are written many ways; these mean the same side of an event.
_GROUPS = {
    "protesters": ("protester", "protestor", "demonstrator", "marcher", "crowd", "rioter", "activist"),
    "police": ("police", "officer", "riot police", "security force", "security personnel", "gendarme", "law enforcement"),
    "military": ("soldier", "troop", "army", "military"),
    "students": ("student",),
    "workers": ("worker", "striker", "union member"),
}
_ARTICLE = re.compile(r"^(the|a|an)\s+")
_SPACE = re.compile(r"[^\w]+")


def actor_key(name: str) -> str:
    """A normalised actor name: lower case, no article, group nouns folded together."""
    n = _ARTICLE.sub("", name.lower().strip())
    for key, words in _GROUPS.items():
        if any(w in n for w in words):
            return key
    n = _SPACE.sub(" ", n).strip()
    return n[:-2] if n.endswith("'s") else n


@dataclass(frozen=True)
class Report:
    article_id: str
    event_id: str
    type: str
    start: Optional[dt.date]            # the earliest day the event may have been on
    end: Optional[dt.date]              # the latest
    precision: str                      # hour, day, week, month, year, or published
    lat: Optional[float] = None
    lon: Optional[float] = None
    country: Optional[str] = None
    place: Optional[str] = None
    place_precision: Optional[str] = None  # landmark, city, admin, country
    actors: frozenset = frozenset()
    publisher: Optional[str] = None
    published: Optional[str] = None
    status: str = "occurred"
    counts: dict = field(default_factory=dict, compare=False, hash=False)  # kind -> (min, max)
    sentence: Optional[str] = None


def _day(value: Optional[str]) -> Optional[dt.date]:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _interval(value: Optional[str], precision: Optional[str]):
    """(first day, last day) an event date of this precision covers."""
    v = str(value or "")
    try:
        if precision == "year" or re.fullmatch(r"\d{4}", v):
            y = int(v[:4])
            return dt.date(y, 1, 1), dt.date(y, 12, 31)
        if precision == "month" or re.fullmatch(r"\d{4}-\d{2}", v):
            y, m = int(v[:4]), int(v[5:7])
            last = (dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1))
            return dt.date(y, m, 1), last
        if precision == "week" or re.fullmatch(r"\d{4}-W\d{2}", v):
            if "W" in v:
                d = dt.date.fromisocalendar(int(v[:4]), int(v[6:8]), 1)
            else:
                d = _day(v)
                d = d - dt.timedelta(days=d.weekday())
            return d, d + dt.timedelta(days=6)
    except (ValueError, TypeError, AttributeError):
        return None, None
    d = _day(v)
    return d, d


def _count(c) -> Optional[tuple[int, int]]:
    if c is None:
        return None
    lo = c.value if c.value is not None else c.min
    hi = c.value if c.value is not None else c.max
    if lo is None and hi is None:
        return None
    return (lo if lo is not None else hi, hi if hi is not None else lo)


def report_from_event(event: Union[Event, dict], article_id: str, publisher: Optional[str] = None,
                      published: Optional[str] = None, place_precision: Optional[str] = None) -> Report:
    """A Report for one event of one article; without a date, the publication date stands in."""
    ev = event if isinstance(event, Event) else Event.model_validate(event)
    date = ev.date
    start, end = _interval(date.value, date.precision) if date and date.value else (None, None)
    precision = (date.precision or "day") if start else "published"
    if start is None:
        pub = _day(published)
        # Reported events happened on the publication day or shortly before.
        start, end = (pub - dt.timedelta(days=2), pub) if pub else (None, None)
    p = ev.place
    actors = frozenset(actor_key(party.name) for party in (ev.actor, ev.target, ev.organizer) if party and party.name)
    return Report(
        article_id=str(article_id), event_id=ev.id, type=ev.type, start=start, end=end, precision=precision,
        lat=p.lat if p else None, lon=p.lon if p else None, country=p.country if p else None, place=p.name if p else None,
        place_precision=place_precision, actors=actors, publisher=publisher, published=published, status=ev.status,
        counts={k: v for k in COUNT_KINDS if (v := _count(getattr(ev.counts, k))) is not None}, sentence=ev.sentence,
    )


def reports_from_record(record: Record, publisher: Optional[str] = None) -> list[Report]:
    """A Report for every event in a record; place precision comes from the record's places."""
    features = {p.geonameid: p.feature for p in record.places if p.geonameid is not None}
    a = record.article
    out = []
    for ev in record.events:
        feature = features.get(ev.place.geonameid) if ev.place and ev.place.geonameid is not None else None
        out.append(report_from_event(ev, record.id, publisher or a.publisher, a.published, feature))
    return out


def reports_from_parquet(folder) -> list[Report]:
    """Reports for every event in the Parquet a ``tidings run`` wrote (``folder/events``)."""
    import json

    from tidings.runners.output import events_table

    table = events_table(folder, columns=["article_id", "publisher", "published", "event"])
    return [report_from_event(json.loads(row["event"]), row["article_id"], row["publisher"], row["published"])
            for row in table.to_pylist()]
