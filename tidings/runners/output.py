"""Partitioned Parquet of records and events: what ``tidings run`` writes and ``tidings load`` reads.

``DIR/records/part-NNNNN.parquet`` has one row per article (key columns and
the whole record as JSON); ``DIR/events/part-NNNNN.parquet`` one row per
event, flattened for analysis in pandas, DuckDB or Spark. Part N holds input
items ``[N * part_size, (N + 1) * part_size)``, so a re-run knows which parts
are done. A part is written to a temporary name and renamed, events first,
records last: a records file marks a finished part.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Iterable, Iterator, Optional

import pyarrow as pa
import pyarrow.parquet as pq

from tidings.record import ErrorRecord, Record

RECORD_SCHEMA = pa.schema([
    ("position", pa.int64()), ("id", pa.string()), ("ok", pa.bool_()), ("error_code", pa.string()),
    ("error_message", pa.string()), ("published", pa.string()), ("publisher", pa.string()),
    ("url", pa.string()), ("title", pa.string()), ("n_events", pa.int32()), ("record", pa.string()),
])
_COUNTS = ("killed", "injured", "arrested", "participants")
EVENT_SCHEMA = pa.schema(
    [("position", pa.int64()), ("article_id", pa.string()), ("event_id", pa.string()), ("type", pa.string()),
     ("status", pa.string()), ("date", pa.string()), ("date_precision", pa.string()), ("place", pa.string()),
     ("lat", pa.float64()), ("lon", pa.float64()), ("country", pa.string()), ("geonameid", pa.int64()),
     ("actor", pa.string()), ("target", pa.string()), ("publisher", pa.string()), ("published", pa.string())]
    + [(f"{c}_{b}", pa.int64()) for c in _COUNTS for b in ("min", "max")]
    + [("sentence", pa.string()), ("start", pa.int64()), ("end", pa.int64()), ("event", pa.string())]
)


def tables(results: Iterable, first_position: int) -> tuple[pa.Table, pa.Table]:
    """The records and events tables for results numbered from ``first_position``."""
    rows, events = [], []
    for pos, result in enumerate(results, first_position):
        if isinstance(result, ErrorRecord):
            rows.append({"position": pos, "id": result.id, "ok": False, "error_code": result.error.code,
                         "error_message": result.error.message, "n_events": 0, "record": json.dumps(result.to_dict(), ensure_ascii=False)})
            continue
        data = result.to_dict()
        a = result.article
        rows.append({"position": pos, "id": result.id, "ok": True, "published": a.published, "publisher": a.publisher,
                     "url": a.url, "title": a.title, "n_events": len(result.events), "record": json.dumps(data, ensure_ascii=False)})
        for ev, ev_data in zip(result.events, data["events"]):
            events.append(_event_row(pos, result, ev, ev_data))
    return pa.Table.from_pylist(rows, schema=RECORD_SCHEMA), pa.Table.from_pylist(events, schema=EVENT_SCHEMA)


def _event_row(pos: int, record: Record, ev, ev_data: dict) -> dict:
    row = {"position": pos, "article_id": record.id, "event_id": ev.id, "type": ev.type, "status": ev.status,
           "actor": ev.actor.name if ev.actor else None, "target": ev.target.name if ev.target else None,
           "publisher": record.article.publisher, "published": record.article.published,
           "sentence": ev.sentence, "start": ev.start, "end": ev.end, "event": json.dumps(ev_data, ensure_ascii=False)}
    if ev.date:
        row.update(date=ev.date.value, date_precision=ev.date.precision)
    if ev.place:
        row.update(place=ev.place.name, lat=ev.place.lat, lon=ev.place.lon, country=ev.place.country, geonameid=ev.place.geonameid)
    for name in _COUNTS:
        c = getattr(ev.counts, name)
        if c is not None:
            row[f"{name}_min"] = c.value if c.value is not None else c.min
            row[f"{name}_max"] = c.value if c.value is not None else c.max
    return row


def part_name(part: int) -> str:
    return f"part-{part:05d}.parquet"


def part_done(out: Path, part: int) -> bool:
    return (Path(out) / "records" / part_name(part)).exists()


def write_part(out: Path, part: int, records: pa.Table, events: pa.Table) -> None:
    out = Path(out)
    for kind, table in (("events", events), ("records", records)):
        folder = out / kind
        folder.mkdir(parents=True, exist_ok=True)
        final = folder / part_name(part)
        tmp = folder / f".{part_name(part)}.tmp"
        pq.write_table(table, tmp, compression="zstd")
        os.replace(tmp, final)


def check_manifest(out: Path, inputs: list[str], part_size: int) -> None:
    """Write the run's manifest, or check that a re-run reads the same inputs the same way."""
    from tidings.errors import TidingsError

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    manifest = out / "_run.json"
    wanted = {"inputs": [str(Path(p).resolve()) if p != "-" else p for p in inputs], "part_size": part_size}
    if manifest.exists():
        found = json.loads(manifest.read_text())
        if found != wanted:
            raise TidingsError("E022", str(out))
        return
    manifest.write_text(json.dumps(wanted, indent=2))


def read_records(out: Path) -> Iterator[tuple[int, object]]:
    """(input position, Record or ErrorRecord) from every finished part, in order."""
    for path in sorted((Path(out) / "records").glob("part-*.parquet")):
        pf = pq.ParquetFile(path)
        for batch in pf.iter_batches(batch_size=256, columns=["position", "ok", "record"]):
            for pos, ok, text in zip(*(batch.column(i).to_pylist() for i in range(3))):
                data = json.loads(text)
                yield pos, Record.model_validate(data) if ok else ErrorRecord.model_validate(data)


def count_rows(out: Path, kind: str = "records") -> int:
    return sum(pq.ParquetFile(p).metadata.num_rows for p in (Path(out) / kind).glob("part-*.parquet"))


def events_table(out: Path, columns: Optional[list[str]] = None) -> pa.Table:
    paths = sorted((Path(out) / "events").glob("part-*.parquet"))
    return pa.concat_tables([pq.read_table(p, columns=columns) for p in paths]) if paths else EVENT_SCHEMA.empty_table()
