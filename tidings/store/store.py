"""The store: records in, idempotently; queries out (see queries.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from tidings.record import Record
from tidings.store import rows as rows_
from tidings.store import near, schema, summary
from tidings.store.backends import Backend, connect
from tidings.store.queries import Queries


@dataclass
class Added:
    status: str            # "stored", "copy" (a near-duplicate, linked) or "duplicate" (not stored again)
    article_id: int
    original: Optional[int] = None   # for a copy: the id of the article it copies


class Store(Queries):
    """One interface over SQLite and PostgreSQL.

    ``add`` stores a record and everything in it in one transaction, so a
    crash leaves each article either wholly stored or absent, and a re-run
    stores exactly what was missing.
    """

    def __init__(self, db: Backend, link_copies: bool = True):
        self.db = db
        self.dialect = db.dialect
        self.link_copies = link_copies
        self.migrate()

    @classmethod
    def open(cls, url: str, link_copies: bool = True) -> "Store":
        return cls(connect(str(url)), link_copies=link_copies)

    def close(self) -> None:
        self.db.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # -- schema ----------------------------------------------------------
    def version(self) -> int:
        self.db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
        return self.db.scalar("SELECT coalesce(max(version), 0) AS v FROM schema_version") or 0

    def migrate(self) -> list[int]:
        """Apply the migrations this database lacks, in order; their numbers."""
        applied = []
        current = self.version()
        for number, name, make in schema.MIGRATIONS:
            if number <= current:
                continue
            with self.db.transaction():
                # Another process may have migrated meanwhile.
                if (self.db.scalar("SELECT coalesce(max(version), 0) AS v FROM schema_version") or 0) >= number:
                    continue
                for statement in make(self.dialect):
                    self.db.execute(statement)
                self.db.execute("INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)",
                                [number, name, rows_.now()])
            applied.append(number)
        return applied

    # -- writing ---------------------------------------------------------
    def has(self, url: Optional[str] = None, content_hash: Optional[str] = None,
            input_hash: Optional[str] = None) -> Optional[int]:
        """The id of a stored article with this URL, cleaned-text hash or input hash."""
        for column, value in (("url", url), ("content_hash", content_hash), ("input_hash", input_hash)):
            if value:
                found = self.db.scalar(f"SELECT id FROM articles WHERE {column} = ? LIMIT 1", [value])
                if found is not None:
                    return found
        return None

    def add(self, record: Record, source_path: Optional[str] = None, raw_hash: Optional[str] = None) -> Added:
        """Store a record once: a second copy (same URL or same cleaned text) is a duplicate.

        A near-duplicate (a syndicated copy, a re-post, an updated version:
        see :mod:`tidings.store.near`) is stored as a ``copy``: its article row
        links to the original and it adds no entities, quotes or events.
        """
        art = rows_.article_row(record, source_path, raw_hash)
        existing = self.has(url=art["url"], content_hash=art["content_hash"])
        if existing is not None:
            return Added("duplicate", existing)
        bands = near.band_hashes(record.article.text) if self.link_copies else []
        try:
            with self.db.transaction():
                original = near.find_original(self.db, record.article.text, bands, [p.name for p in record.places])
                if original is not None:
                    art = dict(art, duplicate_of=original[0], similarity=original[1], n_events=0)
                article_id = self.db.insert("articles", art)
                self.db.insert_many("article_bands", near.band_rows(article_id, bands))
                if original is None:
                    self._children(article_id, record)
                self.db.execute("DELETE FROM failures WHERE input = ?", [source_path or ""])
        except Exception as exc:
            # A concurrent writer stored the same article first.
            if self.db.is_unique_violation(exc):
                found = self.has(url=art["url"], content_hash=art["content_hash"])
                if found is not None:
                    return Added("duplicate", found)
            raise
        if original is not None:
            return Added("copy", article_id, original[0])
        return Added("stored", article_id)

    def _children(self, article_id: int, record: Record) -> None:
        for table, make in (("entities", rows_.entity_rows), ("quotes", rows_.quote_rows),
                            ("claims", rows_.claim_rows), ("places", rows_.place_rows),
                            ("times", rows_.time_rows)):
            self.db.insert_many(table, [dict(r, article_id=article_id) for r in make(record)])
        events = []
        for event, evidence in rows_.event_rows(record):
            event_id = self.db.insert("events", dict(event, article_id=article_id))
            self.db.insert_many("event_evidence", [dict(e, event_id=event_id, article_id=article_id) for e in evidence])
            events.append(event)
        summary.bump(self.db, events)

    def refresh_summaries(self) -> None:
        """Rebuild the summary tables from the events, after events were written by plain SQL."""
        summary.refresh(self.db)

    def record_failure(self, input: str, code: str, message: str, record_id: Optional[str] = None,
                       source_path: Optional[str] = None) -> None:
        """Note an input that could not be processed (replacing an older note for it)."""
        with self.db.transaction():
            self.db.execute("DELETE FROM failures WHERE input = ?", [input])
            self.db.insert("failures", {"input": input, "record_id": record_id, "code": code, "message": message,
                                        "source_path": source_path, "failed_at": rows_.now()})
