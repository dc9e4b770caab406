"""Parallel processing on one machine: N worker processes, results in input order.

Each worker loads the spaCy pipeline once and takes batches of raw articles
from a queue; the input is read lazily and reading pauses while
``max_pending`` batches are out, so memory stays flat whatever the input size.
Results come back tagged with their batch number and are yielded in input
order. ``workers=1`` runs the very same batch function in this process.

Resuming is the caller's job (it knows what is stored): pass ``skip`` to drop
items already done before they cost a worker anything.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import queue
from typing import Callable, Iterable, Iterator, Optional

from tidings.config import Config
from tidings.errors import TidingsError
from tidings.pipeline import Result
from tidings.runners.batch import chunks, release_memory, run_batch
from tidings.runners.metrics import Metrics, get_metrics

_DONE = "done"
_FATAL = "fatal"


def process_parallel(
    raw_items: Iterable,
    config: Optional[Config] = None,
    workers: int = 1,
    *,
    batch_size: Optional[int] = None,
    max_pending: Optional[int] = None,
    skip: Optional[Callable[[object], bool]] = None,
    metrics: Optional[Metrics] = None,
) -> Iterator[Result]:
    """Records (or error records) for a stream of raw articles, in input order.

    ``raw_items`` is consumed lazily. At most ``max_pending`` batches (default
    four per worker) are read ahead; results are yielded as soon as every
    earlier batch is done.
    """
    config = config or Config.from_env()
    size = batch_size or config.batch_size
    metrics = metrics or get_metrics()
    items = raw_items if skip is None else _skipping(raw_items, skip, metrics)
    if workers <= 1:
        yield from _in_process(items, config, size, metrics)
    else:
        yield from _in_workers(items, config, size, workers, max_pending or 4 * workers, metrics)


def _skipping(items, skip, metrics):
    for item in items:
        if skip(item):
            metrics.skipped.inc()
            continue
        yield item


def _in_process(items, config, size, metrics) -> Iterator[Result]:
    metrics.workers.set(1)
    for chunk in chunks(items, size):
        metrics.queue_depth.set(1)
        for result in run_batch(config, chunk):
            metrics.observe(result)
            yield result
    metrics.queue_depth.set(0)


def _context():
    # fork would copy the parent's threads and locks into the workers; spawn
    # and forkserver start clean. forkserver pays the import cost once.
    if "forkserver" in mp.get_all_start_methods():
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(["tidings.runners.batch"])
        return ctx
    return mp.get_context("spawn")


def _worker(config: Config, tasks, results) -> None:
    try:
        from tidings.pipeline import get_pipeline

        get_pipeline(config)
    except BaseException as exc:  # noqa: BLE001 - reported to the parent, which raises
        results.put((_FATAL, None, f"{type(exc).__name__}: {exc}"))
        return
    parent = mp.parent_process()
    while True:
        try:
            task = tasks.get(timeout=1.0)
        except queue.Empty:
            # The parent was killed (kill -9, OOM): nobody will read what
            # this worker makes, so it leaves instead of waiting forever.
            if parent is not None and not parent.is_alive():
                # _exit: a normal exit would wait to flush results into a
                # pipe nobody reads any more.
                os._exit(0)
            continue
        if task is None:
            return
        if parent is not None and not parent.is_alive():
            os._exit(0)  # batches still queued for a dead parent: drop them
        seq, chunk = task
        try:
            out = run_batch(config, chunk)
        except BaseException as exc:  # noqa: BLE001
            results.put((_FATAL, seq, f"{type(exc).__name__}: {exc}"))
            return
        results.put((_DONE, seq, out))
        del out, chunk
        release_memory()


def _in_workers(items, config, size, workers, max_pending, metrics) -> Iterator[Result]:
    # The input is read in the caller's thread (a store's "already stored?"
    # check may use a connection bound to it); reading stops while
    # max_pending batches are out, which bounds memory.
    ctx = _context()
    tasks = ctx.Queue()
    results = ctx.Queue()
    procs = [ctx.Process(target=_worker, args=(config, tasks, results), daemon=True, name=f"tidings-worker-{i}") for i in range(workers)]
    for p in procs:
        p.start()
    metrics.workers.set(workers)
    source = enumerate(chunks(items, size))
    exhausted = False
    sent = 0
    pending: dict[int, list] = {}
    next_seq = 0
    try:
        while True:
            while not exhausted and sent - next_seq < max_pending:
                nxt = next(source, None)
                if nxt is None:
                    exhausted = True
                    for _ in procs:
                        tasks.put(None)
                    break
                tasks.put(nxt)
                sent += 1
                metrics.queue_depth.set(sent - next_seq)
            if exhausted and next_seq == sent:
                return
            try:
                kind, seq, payload = results.get(timeout=0.5)
            except queue.Empty:
                _check_alive(procs)
                continue
            if kind == _FATAL:
                raise TidingsError("E021", None, detail=payload)
            pending[seq] = payload
            while next_seq in pending:
                for result in pending.pop(next_seq):
                    metrics.observe(result)
                    yield result
                next_seq += 1
                metrics.queue_depth.set(sent - next_seq)
    finally:
        metrics.queue_depth.set(0)
        clean = exhausted and next_seq == sent
        for p in procs:
            if clean:
                p.join(timeout=5)
            if p.is_alive():
                p.terminate()
        for p in procs:
            p.join(timeout=5)
        metrics.workers.set(0)
        tasks.cancel_join_thread()
        results.cancel_join_thread()


class ParallelPipeline:
    """A stand-in for ``Pipeline`` whose ``process`` runs on worker processes.

    For code written against ``pipeline.process(items)`` (the store's
    ``ingest``): ``ingest(store, items, pipeline=ParallelPipeline(config, 4))``.
    """

    def __init__(self, config: Optional[Config] = None, workers: int = 2, metrics: Optional[Metrics] = None):
        self.config = config or Config.from_env()
        self.workers = workers
        self.metrics = metrics

    def process(self, items: Iterable) -> Iterator[Result]:
        return process_parallel(items, self.config, self.workers, metrics=self.metrics)


def _check_alive(procs) -> None:
    for p in procs:
        if p.exitcode not in (None, 0):
            raise TidingsError("E021", None, detail=f"{p.name}, exit code {p.exitcode}")
