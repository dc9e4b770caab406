"""`tidings clusters`: cross-article event clusters over a database, as JSON Lines."""

from __future__ import annotations

import json

import click

from tidings.cli.store import db_option


@click.command("clusters")
@db_option
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-", help="Write here instead of standard output.")
@click.option("--min-sources", type=click.IntRange(1), default=1, show_default=True,
              help="Only clusters reported by at least this many articles.")
@click.option("--type", "type_", default=None, help="Only this PLOVER event type (e.g. PROTEST).")
def clusters_cmd(db, output, min_sources, type_):
    """Group the events that different articles report about the same happening.

    One JSON object a line: type, date window, place, the articles and
    sources, every report with its sentence and figures, and per count
    (killed, injured, arrested, participants) each source's figure and the
    range over sources, never an average. Near-duplicate copies are left
    out, so a syndicated story counts once.
    """
    from tidings.merge import EventMerger, reports_from_record
    from tidings.record import Record
    from tidings.store import open_store

    merger = EventMerger()
    store = open_store(db)
    try:
        for line in store.iter_records(originals_only=True):
            record = Record.model_validate_json(line)
            for report in reports_from_record(record):
                if type_ is None or report.type == type_.upper():
                    merger.add(report)
    finally:
        store.close()
    n = 0
    for cluster in merger.clusters():
        if len(set(cluster.articles)) >= min_sources:
            output.write(json.dumps(cluster.to_dict(), ensure_ascii=False) + "\n")
            n += 1
    click.echo(f"{n} clusters from {sum(len(c.reports) for c in merger.clusters())} event reports", err=True)


commands = [clusters_cmd]
