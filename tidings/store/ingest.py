"""Ingest: raw articles through the pipeline into a store, idempotently.

An article already stored (same URL, same raw input, or same cleaned text)
is skipped, before spaCy sees it where possible; every article is stored in
its own transaction, so after a crash a re-run stores exactly what is
missing. Failures are noted in the ``failures`` table and retried on the
next run.
"""

from __future__ import annotations

import collections
import logging
from dataclasses import dataclass, field
from typing import Callable, Iterable, Optional, Union

from tidings.ingest.raw import RawArticle
from tidings.record import ErrorRecord, Record
from tidings.store.rows import input_hash
from tidings.store.store import Store

log = logging.getLogger("tidings.ingest")


@dataclass
class Summary:
    stored: int = 0
    duplicates: int = 0
    failed: int = 0
    copies: int = 0     # near-duplicates stored and linked to their original
    errors: list[str] = field(default_factory=list)

    @property
    def seen(self) -> int:
        return self.stored + self.copies + self.duplicates + self.failed

    def count(self, status: str) -> None:
        if status == "stored":
            self.stored += 1
        elif status == "copy":
            self.copies += 1
        else:
            self.duplicates += 1

    def line(self) -> str:
        return (f"stored {self.stored}, linked as copies {self.copies}, "
                f"skipped as duplicates {self.duplicates}, failed {self.failed}")


def _raw_text(raw: RawArticle) -> Optional[str]:
    return raw.html if raw.html is not None else raw.text


def ingest(store: Store, items: Iterable[Union[RawArticle, ErrorRecord]], pipeline=None,
           on_item: Optional[Callable[[str, str], None]] = None) -> Summary:
    """Process and store every item; ``on_item(status, source)`` after each one."""
    if pipeline is None:
        from tidings.pipeline import get_pipeline

        pipeline = get_pipeline()
    summary = Summary()
    pending: collections.deque = collections.deque()
    tick = on_item or (lambda status, source: None)

    def fail(source: str, record_id, code: str, message: str) -> None:
        summary.failed += 1
        summary.errors.append(f"{code}: {message}")
        store.record_failure(source, code, message, record_id=record_id)
        tick("failed", source)

    def todo():
        for item in items:
            if isinstance(item, ErrorRecord):
                pending.append((item, None))
                yield item
                continue
            raw_hash = input_hash(_raw_text(item))
            if store.has(url=item.url, input_hash=raw_hash) is not None:
                summary.duplicates += 1
                tick("duplicate", item.source)
                continue
            pending.append((item, raw_hash))
            yield item

    for result in pipeline.process(todo()):
        raw, raw_hash = pending.popleft()
        if isinstance(result, ErrorRecord):
            source = raw.error.input if isinstance(raw, ErrorRecord) else raw.source
            fail(source or "-", result.id, result.error.code, result.error.message)
            continue
        added = store.add(result, source_path=raw.source, raw_hash=raw_hash)
        summary.count(added.status)
        tick(added.status, raw.source)
    return summary


def add_records(store: Store, records: Iterable[Record], source: str = "-") -> Summary:
    """Store records made elsewhere (tidings extract output, the API)."""
    summary = Summary()
    for n, record in enumerate(records, 1):
        summary.count(store.add(record, source_path=f"{source}:{n}").status)
    return summary
