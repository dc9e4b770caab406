"""Event clusters: reports that agree on type, actors, place and date, kept side by side.

A report joins the cluster it is compatible with on *every* member (complete
linkage), so a chain of near neighbours cannot glue two distinct events
together: two protests 50 km apart on one day stay two clusters even when a
vague report could belong to either. Counts are never averaged: each report
keeps its own figure and the cluster shows the range.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from dataclasses import dataclass, field
from typing import Iterable, Optional

from tidings.merge.report import COUNT_KINDS, Report

# How far apart two reports' places may be, by the coarser place precision.
RADIUS_KM = {"landmark": 25.0, "city": 25.0, None: 25.0, "admin": 50.0}
# How many days apart two dates may be, by the coarser date precision:
# day: the day before or after (time zones, overnight events); week: the
# same or the adjacent week; month and year: overlapping periods.
WINDOW_DAYS = {"hour": 1, "day": 1, "published": 1, "week": 7, "month": 0, "year": 0}
_ORDER = ["hour", "day", "published", "week", "month", "year"]
_BUCKET_DAYS = 7


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = 6371.0088
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(min(1.0, a)))


def _coarser(a: Optional[str], b: Optional[str], order: list) -> Optional[str]:
    ia = order.index(a) if a in order else -1
    ib = order.index(b) if b in order else -1
    return a if ia >= ib else b


def gap_days(a: Report, b: Report) -> int:
    """Days between two reports' date intervals (0 when they overlap or one is undated)."""
    if a.start is None or b.start is None:
        return 0
    return max((b.start - a.end).days, (a.start - b.end).days, 0)


def same_time(a: Report, b: Report) -> bool:
    window = WINDOW_DAYS.get(_coarser(a.precision, b.precision, _ORDER), 1)
    return gap_days(a, b) <= window


def same_place(a: Report, b: Report) -> Optional[float]:
    """The distance in km (0 when unknown) if the places can be one, else None."""
    if a.country and b.country and a.country != b.country:
        return None
    if "country" in (a.place_precision, b.place_precision):
        return 0.0  # one report only names the country: it agrees with any place in it
    if None in (a.lat, a.lon, b.lat, b.lon):
        return 0.0
    d = haversine_km(a.lat, a.lon, b.lat, b.lon)
    radius = RADIUS_KM.get(_coarser(a.place_precision, b.place_precision, ["landmark", "city", "admin"]), 25.0)
    return d if d <= radius else None


def same_actors(a: Report, b: Report) -> bool:
    return not a.actors or not b.actors or bool(a.actors & b.actors)


def compatible(a: Report, b: Report) -> Optional[float]:
    """None when two reports cannot be one event, else a distance (lower is closer)."""
    if a.type != b.type or not same_time(a, b) or not same_actors(a, b):
        return None
    return same_place(a, b)


@dataclass
class EventCluster:
    id: str
    type: str
    reports: list[Report] = field(default_factory=list)

    @property
    def articles(self) -> list[str]:
        return list(dict.fromkeys(r.article_id for r in self.reports))

    @property
    def sources(self) -> list[str]:
        """Every publisher that reported the event (the article id where the publisher is unknown)."""
        return list(dict.fromkeys(r.publisher or r.article_id for r in self.reports))

    @property
    def start(self) -> Optional[dt.date]:
        days = [r.start for r in self.reports if r.start]
        return min(days) if days else None

    @property
    def end(self) -> Optional[dt.date]:
        days = [r.end for r in self.reports if r.end]
        return max(days) if days else None

    @property
    def place(self) -> Optional[Report]:
        """The report with the most precise place."""
        rank = {"landmark": 0, "city": 1, None: 2, "admin": 3, "country": 4}
        located = [r for r in self.reports if r.place or r.lat is not None]
        return min(located, key=lambda r: (rank.get(r.place_precision, 2), r.lat is None)) if located else None

    def counts(self) -> dict:
        """Per kind: the range over sources and each source's own figure (never an average)."""
        out = {}
        for kind in COUNT_KINDS:
            figures = [(r, r.counts[kind]) for r in self.reports if kind in r.counts]
            if not figures:
                continue
            out[kind] = {
                "min": min(lo for _, (lo, _) in figures),
                "max": max(hi for _, (_, hi) in figures),
                "by_source": [{"article_id": r.article_id, "event_id": r.event_id, "publisher": r.publisher, "min": lo, "max": hi}
                              for r, (lo, hi) in figures],
            }
        return out

    def to_dict(self) -> dict:
        p = self.place
        return {
            "id": self.id, "type": self.type,
            "start": self.start.isoformat() if self.start else None, "end": self.end.isoformat() if self.end else None,
            "place": {"name": p.place, "lat": p.lat, "lon": p.lon, "country": p.country} if p else None,
            "sources": self.sources, "articles": self.articles, "counts": self.counts(),
            "reports": [{"article_id": r.article_id, "event_id": r.event_id, "publisher": r.publisher, "published": r.published,
                         "status": r.status, "place": r.place, "sentence": r.sentence,
                         "counts": {k: {"min": lo, "max": hi} for k, (lo, hi) in r.counts.items()}} for r in self.reports],
        }


class EventMerger:
    """Streaming: ``add(report)`` puts a report into its cluster (a new one if none fits)."""

    def __init__(self):
        self._clusters: dict[str, EventCluster] = {}
        self._buckets: dict[tuple[str, int], list[EventCluster]] = {}
        self._ids = itertools.count(1)

    def clusters(self) -> list[EventCluster]:
        return list(self._clusters.values())

    def add(self, report: Report) -> EventCluster:
        best, best_score = None, None
        for cluster in self._candidates(report):
            score = 0.0
            for member in cluster.reports:
                if member.article_id == report.article_id:
                    score = None  # one article's distinct events are distinct
                    break
                d = compatible(report, member)
                if d is None:
                    score = None
                    break
                # Closer in space and time, and more shared actors, is a better fit.
                score += d + 5.0 * gap_days(report, member) - 10.0 * len(report.actors & member.actors)
            if score is not None and (best_score is None or score / len(cluster.reports) < best_score):
                best, best_score = cluster, score / len(cluster.reports)
        if best is None:
            best = EventCluster(id=f"K{next(self._ids)}", type=report.type)
            self._clusters[best.id] = best
        best.reports.append(report)
        for key in self._keys(report):
            bucket = self._buckets.setdefault(key, [])
            if best not in bucket:
                bucket.append(best)
        return best

    def _keys(self, report: Report) -> list[tuple[str, int]]:
        if report.start is None:
            return [(report.type, -1)]
        first = (report.start.toordinal() - 7) // _BUCKET_DAYS
        last = (report.end.toordinal() + 7) // _BUCKET_DAYS
        return [(report.type, b) for b in range(first, last + 1)]

    def _candidates(self, report: Report) -> list[EventCluster]:
        seen: dict[str, EventCluster] = {}
        keys = self._keys(report)
        if report.start is not None:
            keys.append((report.type, -1))
        for key in keys:
            for c in self._buckets.get(key, ()):
                seen.setdefault(c.id, c)
        if report.start is None:  # undated: any cluster of the type
            for c in self._clusters.values():
                if c.type == report.type:
                    seen.setdefault(c.id, c)
        return list(seen.values())


def merge_events(reports: Iterable[Report]) -> list[EventCluster]:
    """Clusters for a collection of reports.

    Precise reports go first, oldest first, so that clusters form around
    exact dates and places and vaguer reports then join the best fit.
    """
    merger = EventMerger()
    rank = {p: i for i, p in enumerate(_ORDER)}
    for r in sorted(reports, key=lambda r: (rank.get(r.precision, len(_ORDER)), r.place_precision == "country", r.start or dt.date.max, r.article_id, r.event_id)):
        merger.add(r)
    return merger.clusters()
