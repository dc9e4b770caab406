"""Exports: events (and records) from a store to the tools people use.

    >>> from tidings.export import export
    >>> export(store, EventFilter(country="KE"), "acled", "kenya.csv")

Every format takes the API's event filters. ``jsonl`` writes whole records
(the articles that reported a matching event, or every article when no
filter is given), so a store can be turned back into the records it was
made from.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Callable, Iterator, Optional

from tidings.export import acled, plover
from tidings.store import EventFilter, Store

FORMATS = ("csv", "jsonl", "geojson", "parquet", "acled", "plover")

# Columns of the plain CSV and Parquet exports, in order.
EVENT_COLUMNS = (
    "id", "article_id", "local_id", "type", "mode", "context", "status", "date", "date_precision", "date_text",
    "actor", "target", "organizer", "place", "place_feature", "lat", "lon", "country", "geonameid", "killed",
    "injured", "arrested", "participants", "counts", "acled_event_type", "acled_sub_event_type", "cameo",
    "according_to", "claim_id", "sentence", "start_char", "end_char", "published", "publisher", "url", "title",
)

Tick = Callable[[], None]


def _filtered(f: EventFilter) -> bool:
    defaults = EventFilter()
    return any(getattr(f, k) != getattr(defaults, k) for k in ("type", "mode", "country", "status", "lat", "lon",
                                                               "km", "date_from", "date_to", "actor", "q", "article"))


def _events(store: Store, f: EventFilter, tick: Tick) -> Iterator[dict]:
    for ev in store.iter_events(f):
        tick()
        yield ev


def total(store: Store, f: EventFilter, fmt: str) -> int:
    """How many items an export will write (for a progress bar)."""
    if fmt == "jsonl" and not _filtered(f):
        return store.summary()["articles"]
    return store.count_events(f)


def export(store: Store, f: EventFilter, fmt: str, out: str | Path, tick: Optional[Tick] = None) -> int:
    """Write the matching events (or records) to ``out``; the number written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    tick = tick or (lambda: None)
    out = Path(out)
    return globals()[f"_write_{fmt}"](store, f, out, tick)


def _write_csv(store, f, out, tick) -> int:
    n = 0
    with out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=EVENT_COLUMNS, extrasaction="ignore")
        writer.writeheader()
        for ev in _events(store, f, tick):
            writer.writerow({k: ("" if ev.get(k) is None else ev.get(k)) for k in EVENT_COLUMNS})
            n += 1
    return n


def _write_acled(store, f, out, tick) -> int:
    n = 0
    ingested: dict[int, str] = {}
    with out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=acled.COLUMNS)
        writer.writeheader()
        for ev in _events(store, f, tick):
            aid = ev["article_id"]
            if aid not in ingested:
                ingested[aid] = store.db.scalar("SELECT ingested_at FROM articles WHERE id = ?", [aid])
            writer.writerow(acled.row(ev, ingested[aid]))
            n += 1
    return n


def _write_plover(store, f, out, tick) -> int:
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        for ev in _events(store, f, tick):
            fh.write(json.dumps(plover.event(ev), ensure_ascii=False) + "\n")
            n += 1
    return n


def _write_geojson(store, f, out, tick) -> int:
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        fh.write('{"type": "FeatureCollection", "features": [\n')
        for ev in _events(store, f, tick):
            if ev.get("lat") is None or ev.get("lon") is None:
                continue
            props = {k: ev.get(k) for k in EVENT_COLUMNS if k not in ("lat", "lon")}
            props["counts"] = json.loads(ev["counts"]) if ev.get("counts") else {}
            feature = {"type": "Feature", "id": ev["id"],
                       "geometry": {"type": "Point", "coordinates": [ev["lon"], ev["lat"]]}, "properties": props}
            fh.write((",\n" if n else "") + json.dumps(feature, ensure_ascii=False))
            n += 1
        fh.write("\n]}\n")
    return n


def _write_jsonl(store, f, out, tick) -> int:
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        if not _filtered(f):
            for record_json in store.iter_records():
                tick()
                fh.write(record_json + "\n")
                n += 1
            return n
        seen: set[int] = set()
        for ev in _events(store, f, tick):
            if ev["article_id"] in seen:
                continue
            seen.add(ev["article_id"])
            fh.write(store.record_json(ev["article_id"]) + "\n")
            n += 1
    return n


def _write_parquet(store, f, out, tick) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    floats = {"lat", "lon"}
    ints = {"id", "article_id", "geonameid", "killed", "injured", "arrested", "participants", "start_char", "end_char"}
    schema = pa.schema([(c, pa.float64() if c in floats else pa.int64() if c in ints else pa.string())
                        for c in EVENT_COLUMNS])
    n = 0
    batch: list[dict] = []
    with pq.ParquetWriter(str(out), schema) as writer:
        for ev in _events(store, f, tick):
            batch.append({k: ev.get(k) for k in EVENT_COLUMNS})
            if len(batch) >= 10_000:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                n += len(batch)
                batch = []
        if batch or n == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            n += len(batch)
    return n
