"""The event database: one interface, SQLite (default) and PostgreSQL.

    >>> from tidings.store import Store, EventFilter
    >>> store = Store.open("events.db")          # or "postgresql://..."
    >>> store.add(record, source_path="a.txt")
    >>> store.events(EventFilter(type="PROTEST", country="KE"))["items"]
"""

from __future__ import annotations

from tidings.store.filters import EventFilter
from tidings.store.ingest import Summary, add_records, ingest
from tidings.store.store import Added, Store

__all__ = ["Added", "EventFilter", "Store", "Summary", "add_records", "ingest", "open_store"]


def open_store(url: str) -> Store:
    """A store for a path (SQLite) or a postgresql:// URL; migrated on open."""
    return Store.open(url)
