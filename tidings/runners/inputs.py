"""Every input kind a runner reads, dispatched by file name, streamed in order.

JSON Lines (plain or gzipped), text and HTML files go through
``tidings.ingest.files``; WARC and Parquet through their own readers.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator

from tidings.ingest.files import JSONL_SUFFIXES, HTML_SUFFIXES, TEXT_SUFFIXES, _suffix, read_paths
from tidings.ingest.parquet import is_parquet, read_parquet
from tidings.ingest.warc import is_warc, read_warc


def read_inputs(paths: Iterable[str]) -> Iterator:
    """Raw articles (or error records) from files and folders of any supported kind."""
    for name in paths:
        path = Path(name)
        if name != "-" and path.is_dir():
            for f in _folder(path):
                yield from _read_one(str(f))
        else:
            yield from _read_one(name)


def _read_one(name: str) -> Iterator:
    if is_warc(name):
        yield from read_warc(name)
    elif is_parquet(name):
        yield from read_parquet(name)
    else:
        yield from read_paths([name])


def _folder(path: Path) -> list[Path]:
    wanted = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
    return sorted(
        p for p in path.rglob("*")
        if p.is_file() and not p.name.startswith(".") and (_suffix(p) in wanted or is_warc(p.name) or is_parquet(p.name))
    )
