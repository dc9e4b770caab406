"""Parquet input: one raw article per row (columns id, text, html, published, url, title, publisher).

Read one row group at a time, so a shard of any size costs the memory of one
row group. Missing columns are treated as empty.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator, Union

import pyarrow.parquet as pq

from tidings.errors import TidingsError
from tidings.ingest.jsonl import from_dict
from tidings.ingest.raw import RawArticle
from tidings.record import ErrorInfo, ErrorRecord

Item = Union[RawArticle, ErrorRecord]
COLUMNS = ("id", "text", "html", "published", "url", "title", "publisher")


def is_parquet(path: str) -> bool:
    return str(path).lower().endswith((".parquet", ".parq"))


def read_parquet(path: Union[str, Path], batch_rows: int = 1024) -> Iterator[Item]:
    """Raw articles from a Parquet file, in row order; a bad row becomes an ErrorRecord."""
    path = Path(path)
    try:
        pf = pq.ParquetFile(path)
    except FileNotFoundError:
        yield _error(TidingsError("E001", str(path)))
        return
    except Exception as exc:  # noqa: BLE001 - pyarrow's errors, translated
        yield _error(TidingsError("E023", str(path), kind="Parquet", detail=" ".join(str(exc).split())[:200]))
        return
    columns = [c for c in COLUMNS if c in pf.schema_arrow.names]
    row = 0
    for batch in pf.iter_batches(batch_size=batch_rows, columns=columns):
        for item in batch.to_pylist():
            row += 1
            source = f"{path}:{row}"
            try:
                yield from_dict(item, source)
            except TidingsError as exc:
                rid = item.get("id")
                yield _error(exc, None if rid is None else str(rid))


def _error(exc: TidingsError, id=None) -> ErrorRecord:
    return ErrorRecord(id=id, error=ErrorInfo(**exc.to_info()))
