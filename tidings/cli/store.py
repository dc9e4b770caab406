"""``tidings ingest``: articles into the event database."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from tidings.cli.options import config_from, model_option

DEFAULT_DB = "tidings.db"


def db_option(f):
    return click.option("--db", default=DEFAULT_DB, envvar="TIDINGS_DB", show_default=True,
                        help="SQLite file, or a postgresql:// URL.")(f)


def filter_options(f):
    """The API's event filters, as options (exports take the same ones)."""
    options = [
        click.option("--type", "type_", help="PLOVER type(s), comma-separated: PROTEST,COERCE"),
        click.option("--mode", help="Event mode(s), comma-separated."),
        click.option("--country", help="ISO 3166-1 alpha-2 code(s), comma-separated."),
        click.option("--status", help="occurred, ongoing, planned, claimed, denied, hypothetical (comma-separated)."),
        click.option("--lat", type=float, help="Centre of a radius search."),
        click.option("--lon", type=float),
        click.option("--km", type=float, help="Radius in kilometres around --lat/--lon."),
        click.option("--date-from", help="First day, YYYY-MM-DD."),
        click.option("--date-to", help="Last day, YYYY-MM-DD."),
        click.option("--actor", help="Text in the actor or target name."),
        click.option("-q", "--q", "q", help="Words in the reporting article."),
        click.option("--sort", default="date", show_default=True, help="date, type, country, id, killed, ...; - for descending."),
    ]
    for option in reversed(options):
        f = option(f)
    return f


def make_filter(type_=None, mode=None, country=None, status=None, lat=None, lon=None, km=None, date_from=None,
                date_to=None, actor=None, q=None, sort="date"):
    from tidings.store import EventFilter
    from tidings.store import filters as filters_

    f = EventFilter(type=type_, mode=mode, country=country, status=status, lat=lat, lon=lon, km=km,
                    date_from=date_from, date_to=date_to, actor=actor, q=q, sort=sort)
    problem = filters_.check(f)
    if problem:
        raise click.BadParameter(problem)
    return f


def count_inputs(paths) -> int:
    """How many articles the inputs hold (JSON Lines lines counted), for the ETA."""
    from tidings.ingest.files import _folder, is_jsonl

    n = 0
    for name in paths:
        p = Path(name)
        files = _folder(p) if p.is_dir() else [p]
        for f in files:
            if is_jsonl(str(f)) and f.exists() and not str(f).endswith(".gz"):
                with f.open("rb") as fh:
                    n += sum(1 for line in fh if line.strip())
            else:
                n += 1
    return n


def run_ingest(paths, db: str, model=None, quiet: bool = False, workers: int = 1, link_copies: bool = True):
    """Ingest paths into db with progress; the Summary."""
    from tidings.ingest.files import read_paths
    from tidings.store import Store, ingest
    from tidings.store.progress import Progress

    store = Store.open(db, link_copies=link_copies)
    try:
        from tidings.runners.local import ParallelPipeline

        # One worker runs in this process; more are processes that each load
        # the pipeline once. Results come back in input order either way, so
        # resuming works the same, and the metrics are counted on one path.
        pipeline = ParallelPipeline(config_from(model), workers)
        total = None if "-" in paths else count_inputs(paths)
        progress = Progress("ingest", total=total, stream=None if not quiet else _Null())
        counts = {"stored": 0, "copy": 0, "duplicate": 0, "failed": 0}

        def tick(status, source):
            counts[status] = counts.get(status, 0) + 1
            progress.update(**counts)

        try:
            summary = ingest(store, read_paths(paths), pipeline=pipeline, on_item=tick)
        finally:
            progress.close()
    finally:
        store.close()
    return summary


class _Null:
    def write(self, *_):
        pass

    def flush(self):
        pass

    def isatty(self):
        return False


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--workers", type=click.IntRange(1, 256), default=1, show_default=True,
              help="Worker processes, each loading the spaCy pipeline once.")
@click.option("--metrics-port", type=int, default=None, help="Serve Prometheus /metrics on this port while ingesting.")
@click.option("--link-copies/--no-link-copies", default=True, show_default=True,
              help="Store near-duplicates (syndicated copies, re-posts, updates) as copies linked to the original, without events of their own.")
@model_option
def ingest_cmd(paths, db, workers, metrics_port, link_copies, model):
    """Process articles (files, folders, JSON Lines) and store them in DB.

    An article already in the database (same URL or same cleaned text) is
    skipped, so re-running after an interruption stores exactly what is
    missing. A near-duplicate of a stored article is stored as a linked
    copy that adds no events. Inputs that fail are listed in the database's failures table
    and tried again next time. The exit status is 1 when any article failed.
    """
    if metrics_port:
        from tidings.runners.metrics import serve_metrics

        serve_metrics(metrics_port)
    summary = run_ingest(paths, db, model, workers=workers, link_copies=link_copies)
    for line in summary.errors[:20]:
        click.echo(f"tidings: {line}", err=True)
    click.echo(f"{summary.line()} ({db if not db.startswith('postgres') else 'PostgreSQL'})")
    if summary.failed:
        sys.exit(1)


commands = [ingest_cmd]
