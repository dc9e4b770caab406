"""The two database backends behind one small interface.

SQL is written once with ``?`` placeholders; the PostgreSQL backend turns
them into psycopg's ``%s``. Each thread gets its own connection (the API
serves requests from a thread pool; neither driver shares a connection
across threads safely).
"""

from __future__ import annotations

import math
import sqlite3
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator, Optional, Sequence

from tidings.errors import TidingsError

_EARTH_KM = 6371.0088


def km(lat1, lon1, lat2, lon2) -> Optional[float]:
    """Great-circle distance; SQLite calls it as tidings_km()."""
    if None in (lat1, lon1, lat2, lon2):
        return None
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * _EARTH_KM * math.asin(min(1.0, math.sqrt(a)))


class Backend:
    dialect: str
    url: str

    def __init__(self, url: str):
        self.url = url
        self._local = threading.local()
        self._all: list[Any] = []
        self._lock = threading.Lock()

    # -- connections ---------------------------------------------------
    @property
    def conn(self):
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._connect()
            self._local.conn = conn
            with self._lock:
                self._all.append(conn)
        return conn

    def close(self) -> None:
        with self._lock:
            for conn in self._all:
                try:
                    conn.close()
                except Exception:  # noqa: BLE001 - closing from another thread may fail harmlessly
                    pass
            self._all.clear()
        self._local = threading.local()

    # -- statements ----------------------------------------------------
    def query(self, sql: str, params: Sequence = ()) -> list[dict]:
        return [dict(r) for r in self._execute(sql, params).fetchall()]

    def one(self, sql: str, params: Sequence = ()) -> Optional[dict]:
        row = self._execute(sql, params).fetchone()
        return dict(row) if row is not None else None

    def scalar(self, sql: str, params: Sequence = ()):
        row = self._execute(sql, params).fetchone()
        if row is None:
            return None
        return list(dict(row).values())[0]

    def execute(self, sql: str, params: Sequence = ()):
        return self._execute(sql, params)

    def insert(self, table: str, row: dict) -> int:
        cols = list(row)
        sql = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))}) RETURNING id"
        return self._execute(sql, [row[c] for c in cols]).fetchone()["id"]

    def insert_many(self, table: str, rows: list[dict]) -> None:
        if not rows:
            return
        cols = list(rows[0])
        sql = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
        self._executemany(sql, [[r[c] for c in cols] for r in rows])

    def _connect(self):
        raise NotImplementedError

    def _execute(self, sql, params):
        raise NotImplementedError

    def _executemany(self, sql, seq):
        raise NotImplementedError

    @contextmanager
    def transaction(self) -> Iterator[None]:
        raise NotImplementedError

    def is_unique_violation(self, exc: Exception) -> bool:
        raise NotImplementedError


class SQLiteBackend(Backend):
    dialect = "sqlite"

    def __init__(self, path: str):
        super().__init__(path)
        self.path = path

    def _connect(self):
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        try:
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=30)
            conn.row_factory = sqlite3.Row
            # WAL lets the dashboard read while an ingest writes.
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("PRAGMA cache_size=-65536")
            conn.execute("PRAGMA mmap_size=268435456")
        except sqlite3.Error as exc:
            raise TidingsError("E018", self.path, detail=str(exc)) from exc
        conn.create_function("tidings_km", 4, km, deterministic=True)
        return conn

    def _execute(self, sql, params):
        return self.conn.execute(sql, list(params))

    def _executemany(self, sql, seq):
        self.conn.executemany(sql, seq)

    @contextmanager
    def transaction(self):
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def is_unique_violation(self, exc):
        return isinstance(exc, sqlite3.IntegrityError) and "UNIQUE" in str(exc)


class PostgresBackend(Backend):
    dialect = "postgres"

    def _connect(self):
        import psycopg
        from psycopg.rows import dict_row

        try:
            return psycopg.connect(self.url, row_factory=dict_row, autocommit=True)
        except psycopg.Error as exc:
            raise TidingsError("E018", _redact(self.url), detail=" ".join(str(exc).split())[:200]) from exc

    @staticmethod
    def _sql(sql: str) -> str:
        return sql.replace("%", "%%").replace("?", "%s")

    @staticmethod
    def _params(params) -> list:
        # PostgreSQL text cannot hold NUL; U+FFFD keeps every character offset
        # into the article text where it was (SQLite stores NUL as it is).
        return [p.replace("\x00", "\ufffd") if isinstance(p, str) and "\x00" in p else p for p in params]

    def _execute(self, sql, params):
        return self.conn.execute(self._sql(sql), self._params(params))

    def _executemany(self, sql, seq):
        with self.conn.cursor() as cur:
            cur.executemany(self._sql(sql), [self._params(row) for row in seq])

    @contextmanager
    def transaction(self):
        with self.conn.transaction():
            yield

    def is_unique_violation(self, exc):
        import psycopg

        return isinstance(exc, psycopg.errors.UniqueViolation)


def _redact(url: str) -> str:
    """The URL without its password, for messages."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    if parts.password:
        netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
        return urlunsplit(parts._replace(netloc=netloc))
    return url


def connect(url: str) -> Backend:
    """A backend for a path (SQLite) or a postgresql:// URL."""
    if url.startswith(("postgresql://", "postgres://")):
        return PostgresBackend(url)
    if url.startswith("sqlite:///"):
        url = url[len("sqlite:///"):]
    return SQLiteBackend(url)
