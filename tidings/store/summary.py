"""Summary tables kept beside the events, for the queries a million rows make slow.

``event_counts`` holds one row per (date, country, type) with the event
count and casualty sums; the per-day and per-country aggregates read it
instead of the events whenever the filter asks only for types, countries
and a date range. ``event_names`` holds every distinct actor and target
name with the number of events naming it, so a substring search runs over
the names, and where few events match, seeks the (actor, country) and
(target, country) indexes instead of testing every event.

Both are written in the same transaction as the article's events
(``bump``), with keys in sorted order so concurrent PostgreSQL writers take
row locks in one order and cannot deadlock. Code that writes events with
plain SQL (a bulk loader) must call ``refresh`` afterwards.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable, Optional

from tidings.store import filters as filters_
from tidings.store.filters import EventFilter

# A missing date or country is '' in a key column: both backends then agree
# on uniqueness (NULLs are distinct in a key) and '' sorts before any date.
_TABLES = """
CREATE TABLE event_counts (
    date TEXT NOT NULL,
    country TEXT NOT NULL,
    type TEXT NOT NULL,
    n INTEGER NOT NULL,
    killed INTEGER NOT NULL,
    killed_n INTEGER NOT NULL,
    injured INTEGER NOT NULL,
    injured_n INTEGER NOT NULL,
    arrested INTEGER NOT NULL,
    arrested_n INTEGER NOT NULL,
    PRIMARY KEY (date, country, type)
);
CREATE INDEX event_counts_country ON event_counts (country, date, type, n);
CREATE TABLE event_names (name TEXT PRIMARY KEY, n INTEGER NOT NULL);
CREATE INDEX events_actor ON events (actor, country);
CREATE INDEX events_target ON events (target, country);
"""

_SUMS = ("killed", "injured", "arrested")
_COUNT_COLS = "date, country, type, n, killed, killed_n, injured, injured_n, arrested, arrested_n"

_REFRESH = [
    "DELETE FROM event_counts",
    f"INSERT INTO event_counts ({_COUNT_COLS}) SELECT coalesce(date, ''), coalesce(country, ''), type, count(*), "
    + ", ".join(f"coalesce(sum({c}), 0), count({c})" for c in _SUMS)
    + " FROM events GROUP BY coalesce(date, ''), coalesce(country, ''), type",
    "DELETE FROM event_names",
    "INSERT INTO event_names (name, n) SELECT name, count(*) FROM (SELECT actor AS name FROM events "
    "WHERE actor IS NOT NULL UNION ALL SELECT target AS name FROM events WHERE target IS NOT NULL) AS t GROUP BY name",
]

_UPSERT = (
    f"INSERT INTO event_counts ({_COUNT_COLS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (date, country, type) DO UPDATE SET n = event_counts.n + excluded.n, "
    + ", ".join(f"{c} = event_counts.{c} + excluded.{c}, {c}_n = event_counts.{c}_n + excluded.{c}_n" for c in _SUMS)
)


def migration(dialect: str) -> list[str]:
    statements = [s.strip() for s in _TABLES.split(";") if s.strip()]
    return statements + _REFRESH


def refresh(db) -> None:
    """Rebuild both tables from the events (after a bulk load by plain SQL)."""
    with db.transaction():
        for statement in _REFRESH:
            db.execute(statement)


def bump(db, events: Iterable[dict]) -> None:
    """Add an article's events to the summaries (inside its transaction)."""
    cells: dict = defaultdict(lambda: [0] * 7)
    names: dict = defaultdict(int)
    for ev in events:
        cell = cells[(ev.get("date") or "", ev.get("country") or "", ev["type"])]
        cell[0] += 1
        for i, col in enumerate(_SUMS):
            if ev.get(col) is not None:
                cell[1 + 2 * i] += ev[col]
                cell[2 + 2 * i] += 1
        for name in (ev.get("actor"), ev.get("target")):
            if name:
                names[name] += 1
    for key in sorted(cells):
        db.execute(_UPSERT, [*key, *cells[key]])
    for name in sorted(names):
        db.execute("INSERT INTO event_names (name, n) VALUES (?, ?) "
                   "ON CONFLICT (name) DO UPDATE SET n = event_names.n + excluded.n", [name, names[name]])


# -- reading ---------------------------------------------------------------
def usable(f: EventFilter) -> bool:
    """Whether the counts table answers this filter exactly."""
    return not (f.mode or f.status or f.actor or (f.q and f.q.strip()) or f.article is not None
                or f.lat is not None or f.lon is not None or f.km is not None)


def _where(f: EventFilter, dated: bool) -> tuple[str, list]:
    conds, params = [], []
    for column, values in (("type", filters_._list(f.type, upper=True)),
                           ("country", filters_._list(f.country, upper=True))):
        if values:
            conds.append(f"{column} IN ({', '.join('?' * len(values))})")
            params.extend(values)
    if dated or f.date_to:
        conds.append("date <> ''")
    if f.date_from:
        conds.append("date >= ?")
        params.append(f.date_from[:10])
    if f.date_to:
        conds.append("date <= ?")
        params.append(f.date_to[:10])
    return (" WHERE " + " AND ".join(conds)) if conds else "", params


def per_day(f: EventFilter, group: str) -> Optional[tuple[str, list]]:
    """The per-day query over the counts (columns date, key, n), or None where they cannot answer."""
    if group not in ("type", "country") or not usable(f):
        return None
    where, params = _where(f, dated=True)
    key = "nullif(country, '')" if group == "country" else "type"
    return (f"SELECT date, {key} AS key, sum(n) AS n FROM event_counts{where} "
            f"GROUP BY date, {group} HAVING sum(n) > 0 ORDER BY date, {key}", params)


def per_country(db, f: EventFilter) -> Optional[list[dict]]:
    if not usable(f):
        return None
    where, params = _where(f, dated=False)
    sums = ", ".join(f"CASE WHEN sum({c}_n) > 0 THEN sum({c}) END AS {c}" for c in _SUMS)
    return db.query(f"SELECT nullif(country, '') AS country, sum(n) AS n, {sums} FROM event_counts{where} "
                    f"GROUP BY country HAVING sum(n) > 0 ORDER BY n DESC, country", params)
