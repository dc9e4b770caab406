"""tidings: news articles to structured, sourced records of political events.

    >>> import tidings
    >>> record = tidings.extract(text, published="2021-06-20")
    >>> record.events[0].type
"""

from __future__ import annotations

__version__ = "0.1.0"

from typing import Iterable, Iterator, Optional  # noqa: E402

from tidings.config import Config  # noqa: E402
from tidings.errors import TidingsError  # noqa: E402
from tidings.record import ErrorRecord, Record, json_schema  # noqa: E402

__all__ = ["Config", "ErrorRecord", "Record", "TidingsError", "extract", "extract_many", "json_schema", "__version__"]


def extract(text_or_html: str, published=None, url=None, title=None, id=None, config: Optional[Config] = None) -> Record:
    """Turn one article (plain text or HTML) into a Record.

    Raises TidingsError (with a numbered, one-line message) on bad input.
    """
    from tidings.pipeline import get_pipeline

    return get_pipeline(config).extract(text_or_html, published=published, url=url, title=title, id=id)


def extract_many(items: Iterable, config: Optional[Config] = None) -> Iterator:
    """Records for many articles: dicts like JSON Lines items, or RawArticles.

    Yields a Record or an ErrorRecord per item, in order; bad items never stop
    the stream.
    """
    from tidings.ingest.jsonl import from_dict
    from tidings.ingest.raw import RawArticle
    from tidings.pipeline import get_pipeline

    def raws():
        for n, item in enumerate(items, 1):
            yield item if isinstance(item, (RawArticle, ErrorRecord)) else from_dict(item, f"item {n}")

    return get_pipeline(config).process(raws())
