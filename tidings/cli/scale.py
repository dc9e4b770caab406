"""``tidings run``, ``tidings load`` and ``tidings watch``: processing at scale."""

from __future__ import annotations

import json

import click

from tidings.cli.options import config_from, model_option


def _metrics_port(f):
    return click.option("--metrics-port", type=int, default=None, help="Serve Prometheus /metrics on this port (127.0.0.1).")(f)


def _start_metrics(port):
    from tidings.runners.metrics import get_metrics, serve_metrics

    if port:
        serve_metrics(port)
    return get_metrics()


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", "out", required=True, type=click.Path(file_okay=False), help="Folder for the Parquet parts (records/, events/).")
@click.option("--scheduler", default=None, help="Address of a running Dask scheduler, e.g. tcp://10.0.0.5:8786. Without it a local cluster is started.")
@click.option("--workers", type=int, default=2, show_default=True, help="Worker processes (local cluster or --executor processes).")
@click.option("--executor", type=click.Choice(["dask", "processes"]), default="dask", show_default=True, help="Dask (a cluster or a local one) or plain local processes.")
@click.option("--part-size", type=int, default=500, show_default=True, help="Articles per Parquet part (the unit of work and of resuming).")
@_metrics_port
@model_option
def run(inputs, out, scheduler, workers, executor, part_size, metrics_port, model):
    """Process JSONL (.jsonl, .jsonl.gz), WARC and Parquet inputs into partitioned Parquet.

    Writes OUT/records/part-N.parquet (one row per article, with the record
    as JSON) and OUT/events/part-N.parquet (one row per event). Re-running
    the same command after a crash or Ctrl-C skips the finished parts.
    Put the results in a database with `tidings load OUT --db DB`.
    """
    from tidings.runners.metrics import Progress
    from tidings.runners.run import run_to_parquet

    if scheduler:
        executor = "dask"
    metrics = _start_metrics(metrics_port)
    summary = run_to_parquet(list(inputs), out, executor=executor, scheduler=scheduler, workers=workers,
                             config=config_from(model), part_size=part_size, metrics=metrics, progress=Progress(metrics))
    click.echo(json.dumps({k: summary[k] for k in ("articles", "events", "failures", "skipped", "parts_written")}), err=True)


@click.command()
@click.argument("folder", type=click.Path(exists=True, file_okay=False))
@click.option("--db", required=True, help="SQLite path or postgresql:// URL.")
def load(folder, db):
    """Load the Parquet written by `tidings run` into the database (idempotent)."""
    from tidings.runners.load import load_parquet
    from tidings.runners.metrics import Progress, get_metrics

    counts = load_parquet(folder, db, progress=Progress(get_metrics()))
    click.echo(f"stored {counts['stored']}, linked as copies {counts['copies']}, "
               f"skipped as duplicates {counts['duplicates']}, failed {counts['failed']}", err=True)


@click.command()
@click.argument("feeds_file", type=click.Path(exists=True, dir_okay=False))
@click.option("--db", required=True, envvar="TIDINGS_DB", help="SQLite path or postgresql:// URL.")
@click.option("--interval", type=float, default=300.0, show_default=True, help="Seconds between rounds (and the first back-off step).")
@click.option("--once", is_flag=True, help="Do one round and exit.")
@click.option("--state", default=None, help="State file (seen articles, feed back-off). Default: DB.watch.sqlite beside a SQLite DB.")
@_metrics_port
@model_option
def watch(feeds_file, db, interval, once, state, metrics_port, model):
    """Poll the RSS/Atom feeds listed in FEEDS_FILE (one URL a line) and store new articles in DB.

    Remembers what it has seen across restarts, backs off a failing feed
    exponentially, obeys robots.txt and names itself (User-Agent: tidings).
    Syndicated copies of an article already stored are noted, not stored again.
    """
    from tidings.feeds import State, Watcher, read_feed_list
    from tidings.store import open_store

    feeds = read_feed_list(feeds_file)
    state_path = state or _state_path(db)
    metrics = _start_metrics(metrics_port)
    store = open_store(db)
    st = State(state_path)
    try:
        watcher = Watcher(feeds, store, st, config=config_from(model), interval=interval, metrics=metrics,
                          dedup_path=state_path + ".dedup")

        def report(counts):
            click.echo("watch: " + ", ".join(f"{k} {v}" for k, v in counts.items()), err=True)

        watcher.run(once=once, on_round=report)
    finally:
        st.close()
        store.close()


def _state_path(db: str) -> str:
    if "://" in db:
        return "tidings-watch.sqlite"
    return f"{db}.watch.sqlite"


commands = [run, load, watch]
