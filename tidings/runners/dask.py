"""Distributed processing on Dask: parts of the input go to workers, Parquet comes back.

Each task is one part (``part_size`` raw articles) through :func:`run_part`,
which is :func:`tidings.runners.batch.run_batch` (``Pipeline.process``) plus
the Parquet conversion, so the work is the same as on local processes. A
worker plugin loads the pipeline when the worker starts; after that every task
on that worker reuses it. The client keeps at most ``2 x workers`` parts in
flight, so neither it nor the scheduler holds the whole input, and it writes
each part as it comes back (workers need no access to the output folder).
"""

from __future__ import annotations

import logging
from typing import Iterable, Iterator, Optional

import dask
from distributed import Client, LocalCluster, WorkerPlugin, as_completed

from tidings.config import Config
from tidings.runners.batch import release_memory, run_batch
from tidings.record import ErrorRecord
from tidings.runners.output import tables


class PipelinePlugin(WorkerPlugin):
    """Loads the tidings pipeline once, when a worker starts (or joins later)."""

    name = "tidings-pipeline"

    def __init__(self, config: Config):
        self.config = config

    def setup(self, worker):
        from tidings.pipeline import get_pipeline

        get_pipeline(self.config)


def run_part(config: Config, part: int, first_position: int, items: list):
    """One part on a worker: records and events tables plus its counts."""
    results = run_batch(config, items)
    records, events = tables(results, first_position)
    failed = sum(1 for r in results if isinstance(r, ErrorRecord))
    n = len(results)
    del results, items
    release_memory()
    return part, records, events, {"articles": n, "events": events.num_rows, "failures": failed}


def connect(scheduler: Optional[str] = None, workers: int = 2, config: Optional[Config] = None) -> Client:
    """A client for an existing scheduler, or for a new local cluster of ``workers`` processes."""
    config = config or Config.from_env()
    if scheduler:
        client = Client(scheduler)
    else:
        # One thread per worker: spaCy's parser holds the GIL, so threads
        # would not add throughput, only memory.
        # Workers trim their heap after each part (release_memory), as local
        # worker processes do after each batch, instead of Dask's default
        # MALLOC_TRIM_THRESHOLD_=64 KiB, which returns memory on every large
        # free and cost about 9% of throughput in bench/scale.py.
        environ = {k: v for k, v in (dask.config.get("distributed.nanny.pre-spawn-environ") or {}).items()
                   if k != "MALLOC_TRIM_THRESHOLD_"}
        with dask.config.set({"distributed.nanny.pre-spawn-environ": environ}):
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                                   silence_logs=logging.ERROR)
        client = Client(cluster)
    client.register_plugin(PipelinePlugin(config), name=PipelinePlugin.name)
    return client


def process_parts(client: Client, parts: Iterable[tuple[int, int, list]], config: Config, max_in_flight: Optional[int] = None, on_submit=None) -> Iterator:
    """(part, records, events, counts) for each (part, first_position, items), as parts finish."""
    n_workers = max(1, len(client.scheduler_info().get("workers", {})) or 1)
    limit = max_in_flight or 2 * n_workers
    it = iter(parts)
    futures = as_completed()
    in_flight = 0

    def submit_next() -> bool:
        nonlocal in_flight
        for part, first, items in it:
            futures.add(client.submit(run_part, config, part, first, items, pure=False, key=f"tidings-part-{part}-{id(futures)}"))
            in_flight += 1
            if on_submit:
                on_submit(part, len(items))
            return True
        return False

    while in_flight < limit and submit_next():
        pass
    for future in futures:
        in_flight -= 1
        result = future.result()
        future.release()
        yield result
        while in_flight < limit and submit_next():
            pass
