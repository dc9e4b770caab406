"""``tidings eval``: score tidings on a labelled data set."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from tidings import eval as ev
from tidings.eval import _report

RESULTS = Path("docs") / "eval-results"


@click.command("eval")
@click.argument("dataset")
@click.option("--limit", type=int, default=None, help="Score only the first N items (for a quick look).")
@click.option("--data", type=click.Path(file_okay=False, path_type=Path), default=None, help="The eval data folder (default ../shared/eval).")
@click.option("--save/--no-save", default=True, help="Keep the figures in docs/eval-results/ (not with --limit).")
@click.option("--markdown", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Rewrite this page (docs/evaluation.md) from the saved figures.")
def eval_(dataset, limit, data, save, markdown):
    """Score tidings on DATASET ('list' to see them, 'all' for every one).

    Prints a table and exits 1 when a figure falls below its pinned floor.
    """
    datasets = ev.registry()
    if dataset == "list":
        for name, ds in datasets.items():
            click.echo(f"{name:<24} {ds.description}")
        return
    names = list(datasets) if dataset == "all" else [dataset]
    failed = []
    for name in names:
        result = ev.evaluate(name, limit=limit, root=data)
        click.echo(_report.table_text(result))
        click.echo("")
        if save and limit is None:
            _report.save(result, RESULTS)
        problems = ev.below_floor(datasets[name], result)
        for p in problems:
            click.echo(f"tidings: {name}: {p}", err=True)
        failed += problems
    if markdown:
        markdown.write_text(_report.markdown(datasets, RESULTS))
        click.echo(f"wrote {markdown}")
    if failed and limit is None:
        sys.exit(1)


commands = [eval_]
