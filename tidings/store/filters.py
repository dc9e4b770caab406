"""Event filters, shared by the API, the exports and the dashboard.

One dataclass holds what a user can ask for; ``where()`` turns it into a
SQL condition over the denormalised events table, using the indexed
columns first (date, type, country, lat/lon).
"""

from __future__ import annotations

import math
import re
import sqlite3
from dataclasses import asdict, dataclass, fields
from typing import Optional

SORTS = {
    "date": "date", "type": "type", "country": "country", "id": "id",
    "killed": "killed", "arrested": "arrested", "participants": "participants",
}
MAX_LIMIT = 1000


@dataclass
class EventFilter:
    type: Optional[str] = None        # comma-separated PLOVER types
    mode: Optional[str] = None
    country: Optional[str] = None     # comma-separated ISO 3166-1 alpha-2
    status: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    km: Optional[float] = None
    date_from: Optional[str] = None   # inclusive, YYYY-MM-DD
    date_to: Optional[str] = None     # inclusive
    actor: Optional[str] = None       # substring of actor or target, any case
    q: Optional[str] = None           # full text over the reporting articles
    article: Optional[int] = None
    sort: str = "-date"
    limit: int = 100
    offset: int = 0

    def to_params(self) -> dict:
        return {k: v for k, v in asdict(self).items() if v is not None}

    @classmethod
    def names(cls) -> list[str]:
        return [f.name for f in fields(cls)]


def like_pattern(value: str, lower: bool = False) -> str:
    """A substring pattern for ``LIKE ? ESCAPE '\\'``: a user's ``%`` and ``_``
    are the characters themselves, never wildcards."""
    if lower:
        value = value.lower()
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


LIKE_ESCAPE = "ESCAPE '\\'"


def _list(value: Optional[str], upper: bool = False) -> list[str]:
    if not value:
        return []
    items = [x.strip() for x in str(value).split(",") if x.strip()]
    return [x.upper() for x in items] if upper else items


def _in(column: str, values: list[str], out: list[str], params: list) -> None:
    if not values:
        return
    out.append(f"{column} IN ({', '.join('?' * len(values))})")
    params.extend(values)


_WORD = re.compile(r"\w+", re.UNICODE)


def _sqlite_has_math() -> bool:
    try:
        sqlite3.connect(":memory:").execute("SELECT asin(sqrt(power(sin(radians(1)), 2)) * cos(1))")
        return True
    except sqlite3.OperationalError:
        return False


# Where SQLite has its math functions, the great-circle distance is computed in
# SQL: calling back into Python for every candidate row cost more than the
# whole index search.
SQLITE_MATH = _sqlite_has_math()
_HAVERSINE = ("6371.0088 * 2 * asin(min(1, sqrt(power(sin(radians(lat - ?) / 2), 2) + "
              "cos(radians(?)) * cos(radians(lat)) * power(sin(radians(lon - ?) / 2), 2)))) <= ?")


def fts_query(q: str) -> str:
    """User text as a safe FTS5 query: every word must appear (quotes and
    operators typed by a user are never FTS5 syntax errors)."""
    return " ".join(f'"{w}"' for w in _WORD.findall(q))


def text_condition(dialect: str, q: str, params: list, column: str = "article_id") -> str:
    if dialect == "sqlite":
        params.append(fts_query(q))
        return f"{column} IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)"
    params.append(q)
    return f"{column} IN (SELECT id FROM articles WHERE tsv @@ websearch_to_tsquery('english', ?))"


def where(f: EventFilter, dialect: str, rare_actor: bool = False) -> tuple[str, list]:
    """The condition and its parameters; ``rare_actor`` when few events name
    an actor matching ``f.actor`` (see Queries.actor_events)."""
    conds: list[str] = []
    params: list = []
    radius = f.lat is not None and f.lon is not None and f.km is not None
    # SQLite's planner can pick the date index for a month of events worldwide
    # over the (lat, lon) or (country, date) index that narrows far more; a
    # unary + on the other columns leaves it the selective index.
    quiet = "+" if dialect == "sqlite" else ""
    by_place = radius or f.article is not None
    type_col = f"{quiet}type" if (by_place or f.country) else "type"
    date_col = f"{quiet}date" if by_place else "date"
    country_col = f"{quiet}country" if by_place else "country"
    _in(type_col, _list(f.type, upper=True), conds, params)
    _in("mode", _list(f.mode), conds, params)
    _in(country_col, _list(f.country, upper=True), conds, params)
    _in("status", _list(f.status), conds, params)
    if f.date_from:
        conds.append(f"{date_col} >= ?")
        params.append(f.date_from[:10])
    if f.date_to:
        conds.append(f"{date_col} <= ?")
        params.append(f.date_to[:10])
    if radius:
        # A bounding box first, so the (lat, lon) index does the narrowing.
        dlat = f.km / 111.0
        dlon = f.km / max(1e-6, 111.0 * math.cos(math.radians(min(89.9, abs(f.lat)))))
        conds.append("lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?")
        params.extend([f.lat - dlat, f.lat + dlat, f.lon - dlon, f.lon + dlon])
        if dialect == "sqlite" and SQLITE_MATH:
            conds.append(_HAVERSINE)
            params.extend([f.lat, f.lat, f.lon, f.km])
        else:
            conds.append("tidings_km(?, ?, lat, lon) <= ?")
            params.extend([f.lat, f.lon, f.km])
    if f.actor:
        # SQLite's LIKE ignores ASCII case already; PostgreSQL needs ILIKE.
        op = "LIKE" if dialect == "sqlite" else "ILIKE"
        # The substring test runs over the distinct names (event_names), and
        # the matches are then looked up in the (actor, ...) and (target, ...) indexes.
        # The substring test runs over the distinct names (event_names), not
        # over every event.
        names = f"SELECT name FROM event_names WHERE name {op} ? {LIKE_ESCAPE}"
        like = like_pattern(f.actor)
        if rare_actor:
            # Few events name a match: look them up by name (and country) in the
            # actor and target indexes, a union since neither planner turns an
            # OR of two IN lists into two index searches.
            countries = _list(f.country, upper=True)
            scope = f" AND country IN ({', '.join('?' * len(countries))})" if countries else ""
            conds.append(f"id IN (SELECT id FROM events WHERE actor IN ({names}){scope} "
                         f"UNION SELECT id FROM events WHERE target IN ({names}){scope})")
            params.extend([like, *countries, like, *countries])
        else:
            # Many do: fetching them by id costs more than testing each row of
            # the other filters' index against the list of names.
            conds.append(f"(actor IN ({names}) OR target IN ({names}))")
            params.extend([like, like])
    if f.q and _WORD.search(f.q):
        conds.append(text_condition(dialect, f.q, params))
    if f.article is not None:
        conds.append("article_id = ?")
        params.append(int(f.article))
    return (" WHERE " + " AND ".join(conds)) if conds else "", params


def order_by(sort: str, f: Optional[EventFilter] = None, dialect: str = "sqlite") -> str:
    desc = sort.startswith("-")
    key = SORTS.get(sort.lstrip("-+ "), "date")
    direction = "DESC" if desc else "ASC"
    if f is not None and dialect == "sqlite" and key == "date" and (
            (f.lat is not None and f.km is not None) or f.article is not None):
        # A few hundred matches sort fast; walking the date index to find them does not.
        key = "+date"
    return f" ORDER BY {key} {direction}, id {direction}"


def check(f: EventFilter) -> Optional[str]:
    """A message for a filter that cannot be run, or None."""
    if f.sort.lstrip("-+ ") not in SORTS:
        return f"sort must be one of {', '.join(sorted(SORTS))} (prefix - for descending)"
    if (f.km is not None) and (f.lat is None or f.lon is None):
        return "a radius (km) needs lat and lon"
    if f.lat is not None and not -90 <= f.lat <= 90 or f.lon is not None and not -180 <= f.lon <= 180:
        return "lat must be within -90..90 and lon within -180..180"
    if not 1 <= f.limit <= MAX_LIMIT:
        return f"limit must be between 1 and {MAX_LIMIT}"
    if f.offset < 0:
        return "offset must not be negative"
    for d in (f.date_from, f.date_to):
        if d and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", d[:10]):
            return f"dates must be YYYY-MM-DD, not {d!r}"
    return None
