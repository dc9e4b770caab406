"""Read queries over the store, shared by the API and the exports."""

from __future__ import annotations

import json
from typing import Iterator, Optional

from tidings.store import filters as filters_
from tidings.store import summary
from tidings.store.filters import EventFilter

EVENT_LIST_COLUMNS = (
    "id, article_id, local_id, type, mode, context, status, date, date_precision, actor, target, organizer, "
    "place, lat, lon, country, killed, injured, arrested, participants, acled_event_type, "
    "acled_sub_event_type, sentence, published, publisher, url, title"
)

COUNT_CAP = 5_000

STAT_GROUPS = {"type": "type", "mode": "mode", "status": "status", "country": "country"}


def _page(items: list, total: int, limit: int, offset: int) -> dict:
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def _like(value: str) -> str:
    return filters_.like_pattern(value, lower=True)


class Queries:
    db: object
    dialect: str

    # -- events ----------------------------------------------------------
    RARE_ACTOR = 20_000

    def _where(self, f: EventFilter) -> tuple[str, list]:
        rare = bool(f.actor) and self.actor_events(f.actor) <= self.RARE_ACTOR
        return filters_.where(f, self.dialect, rare_actor=rare)

    def actor_events(self, actor: str) -> int:
        """About how many events name an actor or target containing ``actor``."""
        op = "LIKE" if self.dialect == "sqlite" else "ILIKE"
        return self.db.scalar(f"SELECT coalesce(sum(n), 0) AS n FROM event_names WHERE name {op} ? "
                              f"{filters_.LIKE_ESCAPE}", [filters_.like_pattern(actor)]) or 0

    def events(self, f: EventFilter, columns: str = EVENT_LIST_COLUMNS, exact_total: bool = False) -> dict:
        """A page of events; ``total`` is exact up to COUNT_CAP matches unless asked
        (``total_exact`` says which): counting a million rows on every page is the
        slowest part of a query and nobody reads past the first thousands."""
        where, params = self._where(f)
        if exact_total:
            total, exact = self.db.scalar(f"SELECT count(*) AS n FROM events{where}", params), True
        else:
            n = self.db.scalar(f"SELECT count(*) AS n FROM (SELECT 1 AS x FROM events{where} LIMIT ?) AS t",
                               params + [COUNT_CAP + 1])
            total, exact = min(n, COUNT_CAP), n <= COUNT_CAP
        # Ids first (often from an index alone), then the rows of one page.
        inner = f"SELECT id FROM events{where}{filters_.order_by(f.sort, f, self.dialect)} LIMIT ? OFFSET ?"
        sql = f"SELECT {columns} FROM events WHERE id IN ({inner}){filters_.order_by(f.sort)}"
        items = self.db.query(sql, params + [f.limit, f.offset])
        page = _page(items, total, f.limit, f.offset)
        page["total_exact"] = exact
        return page

    def iter_events(self, f: EventFilter, batch: int = 2000) -> Iterator[dict]:
        """Every matching event, all columns, in the filter's order (no limit)."""
        where, params = self._where(f)
        order = filters_.order_by(f.sort, f, self.dialect)
        offset = 0
        while True:
            rows = self.db.query(f"SELECT * FROM events{where}{order} LIMIT ? OFFSET ?", params + [batch, offset])
            yield from rows
            if len(rows) < batch:
                return
            offset += batch

    def count_events(self, f: EventFilter) -> int:
        where, params = self._where(f)
        return self.db.scalar(f"SELECT count(*) AS n FROM events{where}", params)

    def event(self, event_id: int) -> Optional[dict]:
        ev = self.db.one("SELECT * FROM events WHERE id = ?", [event_id])
        if ev is None:
            return None
        ev["counts"] = json.loads(ev["counts"]) if ev.get("counts") else {}
        ev["evidence"] = self.db.query(
            "SELECT sentence, start_char, end_char FROM event_evidence WHERE event_id = ? ORDER BY start_char", [event_id])
        ev["sources"] = [self.db.one(
            "SELECT id, title, url, publisher, published, source_path, model, tidings_version FROM articles WHERE id = ?",
            [ev["article_id"]])]
        ev["related"] = self._related(ev)
        return ev

    def _related(self, ev: dict) -> list[dict]:
        # The same kind of event on the same day in the same country, reported
        # by other articles: a reader compares their accounts (and tolls).
        if not ev.get("date"):
            return []
        return self.db.query(
            "SELECT id, article_id, type, date, place, country, killed, injured, arrested, participants, "
            "publisher, title, sentence FROM events WHERE type = ? AND date = ? AND country IS NOT DISTINCT FROM ? "
            "AND article_id <> ? ORDER BY id LIMIT 20"
            if self.dialect == "postgres" else
            "SELECT id, article_id, type, date, place, country, killed, injured, arrested, participants, "
            "publisher, title, sentence FROM events WHERE type = ? AND date = ? AND country IS ? "
            "AND article_id <> ? ORDER BY id LIMIT 20",
            [ev["type"], ev["date"], ev["country"], ev["article_id"]])

    # -- articles --------------------------------------------------------
    def articles(self, q: Optional[str] = None, limit: int = 50, offset: int = 0,
                 sort: str = "-published") -> dict:
        params: list = []
        where = ""
        if q and filters_._WORD.search(q):
            where = " WHERE " + filters_.text_condition(self.dialect, q, params, column="id")
        key = "published" if sort.lstrip("-") == "published" else "id"
        direction = "DESC" if sort.startswith("-") else "ASC"
        total = self.db.scalar(f"SELECT count(*) AS n FROM articles{where}", params)
        items = self.db.query(
            f"SELECT id, record_id, title, url, publisher, published, language, n_events, source_path, ingested_at, "
            f"duplicate_of, similarity FROM articles{where} ORDER BY {key} {direction}, id {direction} LIMIT ? OFFSET ?",
            params + [limit, offset])
        return _page(items, total, limit, offset)

    def article(self, article_id: int) -> Optional[dict]:
        row = self.db.one("SELECT * FROM articles WHERE id = ?", [article_id])
        if row is None:
            return None
        record = json.loads(row.pop("record_json"))
        row.pop("tsv", None)
        row.pop("text", None)
        events = self.db.query("SELECT id, local_id FROM events WHERE article_id = ? ORDER BY id", [article_id])
        row["record"] = record
        row["event_ids"] = {e["local_id"]: e["id"] for e in events}
        row["copies"] = [c["id"] for c in self.db.query(
            "SELECT id FROM articles WHERE duplicate_of = ? ORDER BY id", [article_id])]
        return row

    def record_json(self, article_id: int) -> Optional[str]:
        return self.db.scalar("SELECT record_json FROM articles WHERE id = ?", [article_id])

    def iter_records(self, originals_only: bool = False) -> Iterator[str]:
        """Every stored record's JSON, in id order; ``originals_only`` leaves near-duplicate copies out."""
        last = 0
        only = " AND duplicate_of IS NULL" if originals_only else ""
        while True:
            rows = self.db.query(f"SELECT id, record_json FROM articles WHERE id > ?{only} ORDER BY id LIMIT 500", [last])
            for r in rows:
                yield r["record_json"]
            if len(rows) < 500:
                return
            last = rows[-1]["id"]

    # -- quotes, claims, entities ----------------------------------------
    def quotes(self, speaker: Optional[str] = None, q: Optional[str] = None, article: Optional[int] = None,
               limit: int = 50, offset: int = 0) -> dict:
        conds, params = [], []
        if speaker:
            conds.append(f"lower(quotes.speaker) LIKE ? {filters_.LIKE_ESCAPE}")
            params.append(_like(speaker))
        if article is not None:
            conds.append("quotes.article_id = ?")
            params.append(article)
        if q and filters_._WORD.search(q):
            if self.dialect == "sqlite":
                conds.append("quotes.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)")
                params.append(filters_.fts_query(q))
            else:
                conds.append("quotes.tsv @@ websearch_to_tsquery('english', ?)")
                params.append(q)
        return self._joined("quotes", "quotes.id, quotes.article_id, quotes.local_id, quotes.text, quotes.start_char, "
                            "quotes.end_char, quotes.direct, quotes.speaker, quotes.cue, quotes.via",
                            conds, params, limit, offset)

    def claims(self, status: Optional[str] = None, claimant: Optional[str] = None, article: Optional[int] = None,
               limit: int = 50, offset: int = 0) -> dict:
        conds, params = [], []
        # Blank values are no filter, as for events ("status= ," is not "IN ()").
        values = filters_._list(status)
        if values:
            conds.append(f"claims.status IN ({', '.join('?' * len(values))})")
            params.extend(values)
        if claimant:
            conds.append(f"lower(claims.claimant) LIKE ? {filters_.LIKE_ESCAPE}")
            params.append(_like(claimant))
        if article is not None:
            conds.append("claims.article_id = ?")
            params.append(article)
        return self._joined("claims", "claims.id, claims.article_id, claims.local_id, claims.text, claims.start_char, "
                            "claims.end_char, claims.claimant, claims.status, claims.status_text, claims.quote_id",
                            conds, params, limit, offset)

    def _joined(self, table, columns, conds, params, limit, offset) -> dict:
        where = (" WHERE " + " AND ".join(conds)) if conds else ""
        total = self.db.scalar(f"SELECT count(*) AS n FROM {table}{where}", params)
        items = self.db.query(
            f"SELECT {columns}, articles.title, articles.publisher, articles.published, articles.url "
            f"FROM {table} JOIN articles ON articles.id = {table}.article_id{where} "
            f"ORDER BY {table}.id DESC LIMIT ? OFFSET ?", params + [limit, offset])
        return _page(items, total, limit, offset)

    def entities(self, name: Optional[str] = None, type: Optional[str] = None,
                 limit: int = 50, offset: int = 0) -> dict:
        """Entities across articles, one row per (name, type)."""
        conds, params = [], []
        if name:
            conds.append(f"lower(name) LIKE ? {filters_.LIKE_ESCAPE}")
            params.append(_like(name))
        if type:
            conds.append("type = ?")
            params.append(type.upper())
        where = (" WHERE " + " AND ".join(conds)) if conds else ""
        total = self.db.scalar(f"SELECT count(*) AS n FROM (SELECT 1 AS x FROM entities{where} GROUP BY name, type) AS g", params)
        items = self.db.query(
            f"SELECT name, type, count(DISTINCT article_id) AS articles, sum(n_mentions) AS mentions "
            f"FROM entities{where} GROUP BY name, type ORDER BY articles DESC, mentions DESC, name LIMIT ? OFFSET ?",
            params + [limit, offset])
        return _page(items, total, limit, offset)

    # -- aggregates ------------------------------------------------------
    def _per_day_sql(self, f: EventFilter, by: str) -> tuple[str, list]:
        group = STAT_GROUPS.get(by, "type")
        counted = summary.per_day(f, group)
        if counted is not None:
            return counted
        where, params = self._where(f)
        cond = where + (" AND " if where else " WHERE ") + "date IS NOT NULL"
        return (f"SELECT date, {group} AS key, count(*) AS n FROM events{cond} GROUP BY date, {group} "
                f"ORDER BY date, {group}", params)

    def events_per_day(self, f: EventFilter, by: str = "type") -> list[dict]:
        return self.db.query(*self._per_day_sql(f, by))

    def events_per_day_json(self, f: EventFilter, by: str = "type") -> str:
        """The same series as JSON text made by the database: a country's two
        years are thousands of rows, and turning each into a Python dict and
        back into JSON cost more than the query."""
        sql, params = self._per_day_sql(f, by)
        if self.dialect == "sqlite":
            wrap = (f"SELECT coalesce(json_group_array(json_object('date', date, 'key', key, 'n', n)), '[]') AS j "
                    f"FROM ({sql}) AS t")
        else:
            # json_agg takes the rows in the sorted subquery's order.
            wrap = f"SELECT coalesce(json_agg(t), '[]')::text AS j FROM ({sql}) AS t"
        return self.db.scalar(wrap, params)

    def countries(self, f: EventFilter) -> list[dict]:
        counted = summary.per_country(self.db, f)
        if counted is not None:
            return counted
        where, params = self._where(f)
        source = "events"
        if self.dialect == "sqlite" and (f.date_from or f.date_to) and not f.country and f.lat is None:
            # SQLite would skip-scan (country, date) for the free GROUP BY order and
            # then read every row for the sums; (date, ..., killed, injured, arrested) covers it.
            source = "events INDEXED BY events_date"
        return self.db.query(
            f"SELECT country, count(*) AS n, sum(killed) AS killed, sum(injured) AS injured, sum(arrested) AS arrested "
            f"FROM {source}{where} GROUP BY country ORDER BY n DESC, country", params)

    def summary(self) -> dict:
        out = {}
        for table in ("articles", "events", "entities", "quotes", "claims", "places", "times", "failures"):
            out[table] = self.db.scalar(f"SELECT count(*) AS n FROM {table}")
        out["schema_version"] = self.db.scalar("SELECT max(version) AS v FROM schema_version")
        out["types"] = [r["type"] for r in self.db.query("SELECT DISTINCT type FROM events ORDER BY type")]
        out["countries"] = [r["country"] for r in self.db.query(
            "SELECT DISTINCT country FROM events WHERE country IS NOT NULL ORDER BY country")]
        span = self.db.one("SELECT min(date) AS first, max(date) AS last FROM events")
        out["dates"] = span
        return out

    def failures(self, limit: int = 100, offset: int = 0) -> dict:
        total = self.db.scalar("SELECT count(*) AS n FROM failures")
        items = self.db.query("SELECT input, record_id, code, message, failed_at FROM failures ORDER BY id LIMIT ? OFFSET ?",
                              [limit, offset])
        return _page(items, total, limit, offset)
