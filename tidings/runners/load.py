"""``tidings load``: the Parquet a run wrote, into the database through the store.

Idempotent like every store write: an article already stored (same URL or
same cleaned text) is counted as a duplicate, so loading a folder twice, or
after an interrupted load, stores each article once.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from tidings.record import ErrorRecord
from tidings.runners.metrics import Metrics, Progress, get_metrics
from tidings.runners.output import read_records


def load_parquet(out: Path, db: str, metrics: Optional[Metrics] = None, progress: Optional[Progress] = None) -> dict:
    from tidings.store import open_store

    metrics = metrics or get_metrics()
    counts = {"stored": 0, "copies": 0, "duplicates": 0, "failed": 0}
    store = open_store(db)
    try:
        for pos, record in read_records(Path(out)):
            source = f"{out}#{pos}"
            if isinstance(record, ErrorRecord):
                store.record_failure(record.error.input or source, record.error.code, record.error.message, record_id=record.id, source_path=source)
                counts["failed"] += 1
            else:
                added = store.add(record, source_path=source)
                counts[{"stored": "stored", "copy": "copies"}.get(added.status, "duplicates")] += 1
            metrics.observe(record)
            if progress:
                progress.update()
    finally:
        store.close()
    if progress:
        progress.close()
    return counts
