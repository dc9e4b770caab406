"""JSON Lines input: one article per line as {"id", "text" or "html", "published", "url", "title"}."""

from __future__ import annotations

import json
from typing import BinaryIO, Iterable, Iterator, Union

from tidings.clean.text import clean_field
from tidings.errors import TidingsError
from tidings.ingest import decode as decode_
from tidings.ingest.raw import RawArticle
from tidings.record import ErrorInfo, ErrorRecord

Item = Union[RawArticle, ErrorRecord]


def _str(value):
    # NUL and other control characters in an id, URL or title would reach
    # the database (PostgreSQL refuses NUL) and the dashboard.
    return clean_field(value)


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
        if line.strip():
            yield _parse(line, f"{name}:{n}")


def read_binary(stream: BinaryIO, name: str) -> Iterator[Item]:
    """Like ``read_lines`` over a byte stream, decoding line by line.

    A line that is not UTF-8 is decoded as ``decode`` would (declared and
    detected encodings) or becomes an E003/E004 error record; the other lines
    still come out. A file with no JSON line at all is an E002 error.
    """
    seen = False
    for n, data in enumerate(stream, 1):
        if not data.strip():
            continue
        seen = True
        source = f"{name}:{n}"
        try:
            line = data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                line = decode_.decode(data, source)
            except TidingsError as exc:
                yield ErrorRecord(id=None, error=ErrorInfo(**exc.to_info()))
                continue
        yield _parse(line.lstrip("\ufeff"), source)
    if not seen:
        yield ErrorRecord(id=None, error=ErrorInfo(**TidingsError("E002", name).to_info()))


def _parse(line: str, source: str) -> Item:
    item = None
    try:
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise TidingsError("E007", source, detail=f"{exc.msg} at column {exc.colno}") from None
        return from_dict(item, source)
    except TidingsError as exc:
        rid = item.get("id") if isinstance(item, dict) else None
        return ErrorRecord(id=_str(rid), error=ErrorInfo(**exc.to_info()))
