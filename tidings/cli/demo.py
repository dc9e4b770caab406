"""``tidings demo``: the sample corpus into SQLite, then the dashboard (``make demo``)."""

from __future__ import annotations

from pathlib import Path

import click

from tidings.cli.options import model_option


def samples_dir() -> Path:
    """The sample corpus: samples/ in a checkout, or the installed copy."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (here.parent / "samples", here / "samples"):
        if candidate.is_dir():
            return candidate
    raise click.ClickException("the sample corpus (samples/) was not found")


@click.command("demo")
@click.option("--db", default="demo.db", show_default=True, help="SQLite file to fill (kept between runs).")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--no-serve", is_flag=True, help="Only ingest the samples.")
@model_option
def demo_cmd(db, host, port, no_serve, model):
    """Process the sample articles into DB and serve the dashboard."""
    from tidings.cli.serve import serve
    from tidings.cli.store import run_ingest

    samples = samples_dir()
    click.echo(f"tidings: processing the sample corpus ({samples}) into {db}")
    summary = run_ingest([str(samples)], db, model)
    click.echo(f"tidings: {summary.line()}")
    for line in summary.errors:
        click.echo(f"tidings: {line}", err=True)
    if not no_serve:
        serve(db, host, port)


commands = [demo_cmd]
