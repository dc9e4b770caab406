"""``tidings export``: events to CSV, JSON Lines, GeoJSON, Parquet, ACLED or PLOVER."""

from __future__ import annotations

import click

from tidings.cli.store import db_option, filter_options, make_filter


@click.command("export")
@db_option
@click.option("--format", "fmt", required=True, type=click.Choice(["csv", "jsonl", "geojson", "parquet", "acled", "plover"]),
              help="acled: ACLED's public columns; plover: POLECAT's JSON shape, one event per line; jsonl: whole records.")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, writable=True), help="File to write.")
@filter_options
def export_cmd(db, fmt, output, **filters):
    """Write the events in DB that match the filters (same as the API's) to a file."""
    from tidings.export import export, total
    from tidings.store import Store
    from tidings.store.progress import Progress

    f = make_filter(**filters)
    with Store.open(db) as store:
        progress = Progress("export", total=total(store, f, fmt))
        try:
            n = export(store, f, fmt, output, tick=progress.update)
        finally:
            progress.close()
    what = "records" if fmt == "jsonl" else "events"
    click.echo(f"wrote {n} {what} to {output}")


commands = [export_cmd]
