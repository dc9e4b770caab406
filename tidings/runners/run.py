"""``tidings run``: inputs to partitioned Parquet, on local processes or Dask, resumable.

The input is cut into parts of ``part_size`` items in input order; a part is
written only when all its articles are done, so after a crash a re-run skips
the finished parts (their files exist) and redoes the rest: nothing lost,
nothing written twice.
"""

from __future__ import annotations

import collections
from pathlib import Path
from typing import Iterable, Iterator, Optional

from tidings.config import Config
from tidings.runners.batch import chunks
from tidings.runners.inputs import read_inputs
from tidings.runners.local import process_parallel
from tidings.runners.metrics import Metrics, Progress, get_metrics
from tidings.runners.output import check_manifest, part_done, tables, write_part

EXECUTORS = ("dask", "processes")


def run_to_parquet(
    paths: list[str],
    out: Path,
    *,
    executor: str = "dask",
    scheduler: Optional[str] = None,
    workers: int = 2,
    config: Optional[Config] = None,
    part_size: int = 500,
    metrics: Optional[Metrics] = None,
    progress: Optional[Progress] = None,
) -> dict:
    """Process every input into ``out``; returns the run's counts."""
    config = config or Config.from_env()
    metrics = metrics or get_metrics()
    out = Path(out)
    check_manifest(out, paths, part_size)
    todo = _pending_parts(read_inputs(paths), out, part_size, metrics)
    written = 0
    if executor == "dask":
        from tidings.runners.dask import connect, process_parts

        client = connect(scheduler, workers, config)
        try:
            for part, records, events, counts in process_parts(client, todo, config, on_submit=lambda p, n: metrics.queue_depth.inc()):
                write_part(out, part, records, events)
                written += 1
                metrics.queue_depth.dec()
                metrics.articles.inc(counts["articles"])
                metrics.events.inc(counts["events"])
                metrics.failures.inc(counts["failures"])
                if progress:
                    progress.update()
        finally:
            cluster = client.cluster
            client.close()
            if cluster is not None:
                cluster.close()
    else:
        for part, first, results in _with_processes(todo, config, workers, metrics, progress):
            write_part(out, part, *tables(results, first))
            written += 1
    if progress:
        progress.close()
    return dict(metrics.snapshot(), parts_written=written)


def _pending_parts(items: Iterable, out: Path, part_size: int, metrics: Metrics) -> Iterator[tuple[int, int, list]]:
    for part, chunk in enumerate(chunks(items, part_size)):
        if part_done(out, part):
            metrics.skipped.inc(len(chunk))
            continue
        yield part, part * part_size, chunk


def _with_processes(parts, config, workers, metrics, progress) -> Iterator[tuple[int, int, list]]:
    # Results come back in input order; the feeder notes each part's length
    # as it hands the part's items over, so results can be cut back into parts.
    lengths: collections.deque = collections.deque()

    def feed():
        for part, first, items in parts:
            lengths.append((part, first, len(items)))
            yield from items

    buf: list = []
    for result in process_parallel(feed(), config, workers, metrics=metrics):
        buf.append(result)
        if progress:
            progress.update()
        part, first, n = lengths[0]
        if len(buf) == n:
            lengths.popleft()
            yield part, first, buf
            buf = []
