"""``tidings homes``: learn where each news source is based, for runs over local news."""

from __future__ import annotations

import sys

import click

from tidings.cli.options import config_from, model_option
from tidings.ingest.files import open_inputs
from tidings.record import ErrorRecord


@click.command()
@click.argument("paths", nargs=-1)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), required=True, help="The table to write (TSV).")
@click.option("--db", default=None, help="Learn from the articles a database holds (SQLite file or postgresql:// URL; copies left out) instead of from files.")
@model_option
def homes(paths, output, db, model):
    """Learn where each news source (web domain) is based from its own articles.

    A local paper rarely names its own state: 'Rochester man charged' in a
    Minnesota paper is Rochester, Minnesota. This reads the articles (the
    same inputs as `tidings extract`; each needs its "url"), counts for each
    domain the states and countries its articles name unambiguously, and
    writes a small table: source, country, state, town. Check it, correct
    it by hand if you like, then give it to later runs:

    \b
      tidings homes local-news.jsonl -o homes.tsv
      TIDINGS_SOURCE_HOMES=homes.tsv tidings extract local-news.jsonl -o records.jsonl
      tidings homes --db events.db -o homes.tsv

    A state needs 3 articles of evidence and 40% of the source's; a town
    its domain names ('palestineherald.com') is taken when its articles point
    to that town's state, else the town 40% of its articles name; a
    country-code domain ('.ca') gives the country when evidence is thin.
    """
    from tidings.nlp.model import load_spacy
    from tidings.places.homes import Homes
    from tidings.places.locate import locate
    from tidings.prepare import prepare
    from tidings.errors import TidingsError

    if bool(paths) == bool(db):
        raise click.UsageError("give input files or --db (one of the two).")
    config = config_from(model)
    nlp = load_spacy(config.model)
    learned = Homes()
    n = failed = 0

    def articles():
        """(url, text) of each article read."""
        nonlocal failed
        if db:
            from tidings.record import Record
            from tidings.store import open_store

            store = open_store(db)
            try:
                for line in store.iter_records(originals_only=True):
                    article = Record.model_validate_json(line).article
                    yield article.url, article.text
            finally:
                store.close()
            return
        read, _ = open_inputs(list(paths))
        for item in read:
            if isinstance(item, ErrorRecord):
                failed += 1
                click.echo(f"tidings: {item.error.code}: {item.error.message}", err=True)
                continue
            try:
                article = prepare(item, config)
            except TidingsError as exc:
                failed += 1
                click.echo(f"tidings: {exc}", err=True)
                continue
            yield article.url, article.text

    # Streamed: a database of a million articles is parsed without holding its texts.
    pairs = ((text, url) for url, text in articles() if url)
    for doc, url in nlp.pipe(pairs, as_tuples=True, batch_size=config.batch_size):
        learned.learn(url, locate(doc))
        n += 1
    if not n:
        click.echo("tidings: no article with a URL was read, so there is nothing to learn homes from; nothing written.", err=True)
        sys.exit(1)
    written = learned.write(output)
    click.echo(f"read {n} articles with a URL from {len(learned.articles)} sources; {written} homes written to {output}"
               + (f"; {failed} inputs failed" if failed else ""), err=True)
    if failed:
        sys.exit(1)


commands = [homes]
