"""JSON Lines input: one article per line as {"id", "text" or "html", "published", "url", "title"}."""

from __future__ import annotations

import json
from typing import Iterable, Iterator, Union

from tidings.errors import TidingsError
from tidings.ingest.raw import RawArticle
from tidings.record import ErrorInfo, ErrorRecord

Item = Union[RawArticle, ErrorRecord]


def _str(value):
    return None if value is None else str(value)


def from_dict(item, source: str) -> RawArticle:
    if not isinstance(item, dict):
        raise TidingsError("E019", source, kind=type(item).__name__)
    text, html = item.get("text"), item.get("html")
    if not isinstance(text, str) and not isinstance(html, str):
        raise TidingsError("E008", source)
    rid = _str(item.get("id"))
    return RawArticle(
        source=f"{source} (id {rid})" if rid is not None else source,
        id=rid,
        text=text if isinstance(text, str) and not isinstance(html, str) else None,
        html=html if isinstance(html, str) else None,
        published=_str(item.get("published")),
        url=_str(item.get("url")),
        title=_str(item.get("title")),
        publisher=_str(item.get("publisher")),
    )


def read_lines(lines: Iterable[str], name: str) -> Iterator[Item]:
    """Raw articles from JSON Lines; a bad line becomes an ErrorRecord in its place."""
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        source = f"{name}:{n}"
        try:
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                raise TidingsError("E007", source, detail=f"{exc.msg} at column {exc.colno}") from None
            yield from_dict(item, source)
        except TidingsError as exc:
            rid = item.get("id") if isinstance(locals().get("item"), dict) else None
            yield ErrorRecord(id=_str(rid), error=ErrorInfo(**exc.to_info()))
        item = None
