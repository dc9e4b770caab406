"""Article-extraction benchmark: tidings' HTML path against gold article bodies.

Each page goes through tidings' own prepare step (decode -> trafilatura ->
normalise -> junk-line cleaning), and ``article.text`` is scored with the
benchmark's token-shingle precision/recall/F1. The reference outputs shipped
with the benchmark are scored the same way, side by side.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from tidings.config import Config
from tidings.errors import TidingsError
from tidings.eval import Dataset, Result
from tidings.eval import _extraction as x
from tidings.ingest.decode import decode
from tidings.ingest.raw import RawArticle
from tidings.prepare import prepare

# The benchmark is multilingual (about a tenth of its pages are not
# English); the language gate is a separate concern, so it is off here.
_CONFIG = Config(languages=())
_REFERENCES = {"trafilatura": "trafilatura 2.0.0 (reference output)", "newspaper": "newspaper4k (reference output)"}


def _tidings_text(root: Path, key: str, url: Optional[str], config: Config) -> tuple[str, int]:
    """The cleaned article text, and how many lines the cleaner removed."""
    try:
        html = decode(x.read_page(root, key), key)
        article = prepare(RawArticle(source=key, html=html, url=url), config)
    except TidingsError:
        return "", 0
    return article.text, len(article.removed)


def _row(system: str, scores: list, **extra) -> dict:
    s = x.summarise(scores)
    return {"system": system, "precision": s["precision"], "recall": s["recall"], "f1": s["f1"], "exact": s["exact"], **extra}


def run(root: Path, limit: Optional[int] = None) -> Result:
    gold = x.load_gold(root)
    urls = x.load_urls(root)
    keys = list(gold)[:limit] if limit else list(gold)
    table, metrics = [], {}
    for label, config in (("tidings", _CONFIG), ("tidings, tables kept", _CONFIG.with_(html_include_tables=True))):
        scores, removed, empty = [], 0, 0
        for key in keys:
            text, n_removed = _tidings_text(root, key, urls.get(key), config)
            removed += n_removed
            empty += not text
            scores.append(x.match(gold[key], text))
        table.append(_row(label, scores, lines_removed=removed, empty=empty))
        if not metrics:
            s = x.summarise(scores)
            metrics = {"f1": s["f1"], "precision": s["precision"], "recall": s["recall"]}
    for system, label in _REFERENCES.items():
        output = x.load_output(root, system)
        if output is not None:
            table.append(_row(label, [x.match(gold[k], output.get(k, "")) for k in keys]))
    return Result(
        dataset="scrapinghub",
        metrics=metrics,
        table=table,
        notes=[
            "tidings = HTML -> trafilatura (precision mode, fallbacks) -> normalise -> junk-line cleaning, default settings, language check off",
            "'tables kept' = the html_include_tables setting on (TIDINGS_HTML_INCLUDE_TABLES=1)",
            "metric: 4-token shingles, per-document P/R averaged, F1 of the averages (upstream evaluate.py)",
        ],
        n=len(keys),
    )


DATASET = Dataset(
    name="scrapinghub",
    description="Main-text extraction from 181 news pages (scrapinghub article-extraction-benchmark): token-shingle P/R/F1 of article.text against gold bodies.",
    path="extraction/scrapinghub",
    run=run,
    floors={"f1": 0.95, "precision": 0.95, "recall": 0.95},
    reference="github.com/scrapinghub/article-extraction-benchmark; published: trafilatura 2.0.0 F1 0.958, newspaper4k F1 0.949.",
)
