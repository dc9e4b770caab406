"""What ``tidings watch`` remembers across restarts: seen articles and each feed's health.

A small SQLite file beside the database (stdlib sqlite3, one writer), so a
restart neither refetches what was done nor forgets a feed's back-off.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Optional, Union

_SCHEMA = """
CREATE TABLE IF NOT EXISTS seen (
    url TEXT PRIMARY KEY, feed TEXT, status TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
    original TEXT, publisher TEXT, detail TEXT, at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS feeds (
    url TEXT PRIMARY KEY, failures INTEGER NOT NULL DEFAULT 0, next_try REAL NOT NULL DEFAULT 0,
    etag TEXT, modified TEXT, last_ok REAL, last_error TEXT
);
"""
# Statuses after which an article is never fetched again.
FINAL = ("stored", "duplicate", "copy", "disallowed", "failed")


class State:
    def __init__(self, path: Union[str, Path]):
        self.path = str(path)
        self.db = sqlite3.connect(self.path)
        self.db.executescript(_SCHEMA)
        self.db.commit()

    def close(self) -> None:
        self.db.close()

    # -- articles --------------------------------------------------------
    def is_done(self, url: str) -> bool:
        row = self.db.execute("SELECT status FROM seen WHERE url = ?", (url,)).fetchone()
        return row is not None and row[0] in FINAL

    def attempts(self, url: str) -> int:
        row = self.db.execute("SELECT attempts FROM seen WHERE url = ?", (url,)).fetchone()
        return row[0] if row else 0

    def mark(self, url: str, status: str, feed: Optional[str] = None, detail: Optional[str] = None,
             original: Optional[str] = None, publisher: Optional[str] = None) -> None:
        self.db.execute(
            "INSERT INTO seen (url, feed, status, attempts, original, publisher, detail, at) VALUES (?, ?, ?, 1, ?, ?, ?, ?) "
            "ON CONFLICT(url) DO UPDATE SET status = excluded.status, attempts = seen.attempts + 1, "
            "original = excluded.original, publisher = excluded.publisher, detail = excluded.detail, at = excluded.at",
            (url, feed, status, original, publisher, detail, time.time()))
        self.db.commit()

    def status(self, url: str) -> Optional[str]:
        row = self.db.execute("SELECT status FROM seen WHERE url = ?", (url,)).fetchone()
        return row[0] if row else None

    def copies(self) -> list[tuple[str, str, Optional[str]]]:
        """(copy url, original url, original publisher) for every near-duplicate seen."""
        return list(self.db.execute("SELECT url, original, publisher FROM seen WHERE status = 'copy' ORDER BY at"))

    # -- feeds -----------------------------------------------------------
    def feed(self, url: str) -> dict:
        row = self.db.execute("SELECT failures, next_try, etag, modified, last_error FROM feeds WHERE url = ?", (url,)).fetchone()
        if row is None:
            return {"failures": 0, "next_try": 0.0, "etag": None, "modified": None, "last_error": None}
        return dict(zip(("failures", "next_try", "etag", "modified", "last_error"), row))

    def feed_ok(self, url: str, etag: Optional[str], modified: Optional[str]) -> None:
        self.db.execute(
            "INSERT INTO feeds (url, failures, next_try, etag, modified, last_ok) VALUES (?, 0, 0, ?, ?, ?) "
            "ON CONFLICT(url) DO UPDATE SET failures = 0, next_try = 0, etag = excluded.etag, "
            "modified = excluded.modified, last_ok = excluded.last_ok, last_error = NULL",
            (url, etag, modified, time.time()))
        self.db.commit()

    def feed_failed(self, url: str, error: str, base_s: float, cap_s: float) -> float:
        """Note a failure; the feed is next tried after base * 2^(failures-1), at most cap. The wait."""
        failures = self.feed(url)["failures"] + 1
        wait = min(cap_s, base_s * 2 ** (failures - 1))
        self.db.execute(
            "INSERT INTO feeds (url, failures, next_try, last_error) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(url) DO UPDATE SET failures = excluded.failures, next_try = excluded.next_try, last_error = excluded.last_error",
            (url, failures, time.time() + wait, error))
        self.db.commit()
        return wait
