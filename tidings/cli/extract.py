"""``tidings extract`` and ``tidings schema``."""

from __future__ import annotations

import json
import sys
from dataclasses import replace

import click

from tidings.cli.options import config_from, model_option
from tidings.ingest.files import open_inputs
from tidings.record import ErrorRecord, error_json_schema, json_schema


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--published", help="Publication date (ISO 8601) for inputs that do not carry one.")
@click.option("--url", help="The article's URL (single input).")
@click.option("--title", help="The article's title (single input).")
@click.option("--id", "id_", help="The record's id (single input).")
@click.option("--jsonl/--pretty", "as_jsonl", default=None, help="One record per line (default for several inputs or JSON Lines) or indented JSON.")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-", help="Write here instead of standard output.")
@model_option
def extract(paths, published, url, title, id_, as_jsonl, output, model):
    """Turn articles into records: text or HTML files, folders, JSON Lines, or - for stdin.

    A JSON Lines item is {"id", "text" or "html", "published", "url",
    "title"}; only text or html is required, and the id is kept as the
    record's id. Junk lines (cross-links, "Via ...", share and subscribe
    lines) are removed from the body and listed in article.removed.

    \b
      tidings extract article.txt --published 2021-06-20
      tidings extract page.html
      tidings extract articles.jsonl -o records.jsonl
      cat article.txt | tidings extract -

    One input prints one record as indented JSON; several inputs, a folder or
    JSON Lines print JSON Lines, one record per article, with error records
    in place of articles that failed (the errors also go to stderr). The exit
    status is 1 when any article failed; bad input is a one-line numbered
    error naming the input, never a traceback.
    """
    read, batch = open_inputs(list(paths))
    if as_jsonl is None:
        as_jsonl = batch
    config = config_from(model)
    if not batch:
        # A single bad input is reported before the model is loaded.
        _check_single(read, config, published)

    from tidings.pipeline import get_pipeline

    pipeline = get_pipeline(config)

    def items():
        for item in read:
            if not isinstance(item, ErrorRecord):
                item.published = item.published or published
                if not batch:
                    item.url, item.title = item.url or url, item.title or title
                    item.id = id_ if id_ is not None else item.id
            yield item

    failed = 0
    for result in pipeline.process(items()):
        if isinstance(result, ErrorRecord):
            failed += 1
            click.echo(f"tidings: {result.error.code}: {result.error.message}", err=True)
            if not batch:
                sys.exit(1)
        data = result.to_dict()
        output.write(json.dumps(data, ensure_ascii=False) if as_jsonl else json.dumps(data, ensure_ascii=False, indent=2))
        output.write("\n")
        output.flush()
    if failed:
        sys.exit(1)


def _check_single(read, config, published) -> None:
    from tidings.errors import TidingsError
    from tidings.prepare import prepare

    for item in read:
        if isinstance(item, ErrorRecord):
            error = item.error
        else:
            try:
                prepare(replace(item, published=item.published or published), config)
                continue
            except TidingsError as exc:
                error = exc
        click.echo(f"tidings: {error.code}: {error.message}", err=True)
        sys.exit(1)


@click.command()
@click.option("--error", is_flag=True, help="Print the schema of an error record instead.")
def schema(error):
    """Print the record's JSON Schema (the public contract)."""
    click.echo(json.dumps(error_json_schema() if error else json_schema(), indent=2))


commands = [extract, schema]
