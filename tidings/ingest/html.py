"""Main text and metadata from an HTML page, with trafilatura.

trafilatura's precision mode is the first try: on news pages it drops
teasers, captions and link lists that the balanced mode keeps, and scores
higher on the article-extraction benchmark (see docs/evaluation.md). When it
finds little or nothing, the prose cells of the page's tables are tried
(some pages hold their whole article in a layout table), then the balanced
mode; a later try wins only when it is much longer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

import trafilatura

_HTML = re.compile(r"^\s*(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html|<head|<body|<\?xml)|<(?:p|div|article|body|span|h1|h2|br)\b[^>]*>", re.IGNORECASE | re.DOTALL)

# Below this many characters a precision-mode body may be a miss, not a
# short article: the balanced mode gets a second look.
_SHORT = 1500
# The balanced result replaces it only when it is this much longer; most of
# the time the extra text is boilerplate.
_MUCH_LONGER = 3.0
# A table row whose cells hold sentences is laid-out prose, not data.
_ROW = re.compile(r"^\|.*\|\s*$")
_SEPARATOR_ROW = re.compile(r"^\|(?:\s*:?-+:?\s*\|)+\s*$")
_PROSE_CELL_WORDS = 12


def looks_like_html(text: str) -> bool:
    return bool(_HTML.search(text[:5000]))


@dataclass
class Page:
    text: str
    title: Optional[str] = None
    published: Optional[str] = None
    url: Optional[str] = None
    publisher: Optional[str] = None


def _run(html: str, url: Optional[str], *, tables: bool, precision: bool, metadata: bool):
    try:
        return trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=metadata,
            favor_precision=precision,
            include_comments=False,
            include_tables=tables,
            include_images=False,
            include_formatting=False,
            deduplicate=False,
        )
    except (ValueError, TypeError, AttributeError, RecursionError):
        # lxml and trafilatura raise these on pages they cannot parse; such a
        # page has no article text for tidings (E005 upstream).
        return None


def _text(doc) -> str:
    return (doc.text or "") if doc is not None else ""


def _prose_from_tables(text: str) -> str:
    """Layout tables as paragraphs: keep cells that read as prose, drop data rows."""
    out = []
    for line in text.split("\n"):
        if not _ROW.match(line):
            out.append(line)
            continue
        if _SEPARATOR_ROW.match(line):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        out.extend(c for c in cells if len(c.split()) >= _PROSE_CELL_WORDS)
    return "\n".join(out)


def _without_headline(text: str, title: Optional[str]) -> str:
    """The body without a first line that repeats the title: the record keeps it as ``title``."""
    first, sep, rest = text.partition("\n")
    first, title = first.strip(), " ".join((title or "").split())
    if sep and rest.strip() and len(first.split()) >= 3 and title.startswith(" ".join(first.split())):
        return rest.lstrip("\n")
    return text


def extract(html: str, url: Optional[str] = None, include_tables: bool = False) -> Page:
    """The article body (paragraphs separated by newlines) and its metadata."""
    doc = _run(html, url, tables=include_tables, precision=True, metadata=True)
    text = _text(doc)
    if len(text) < _SHORT and not include_tables:
        # The article may sit inside a layout table, which the run above left out.
        tabled = _prose_from_tables(_text(_run(html, url, tables=True, precision=True, metadata=False)))
        if len(tabled) > max(_MUCH_LONGER * len(text), 1):
            text = tabled
    if len(text) < _SHORT:
        balanced = _text(_run(html, url, tables=include_tables, precision=False, metadata=False))
        if len(balanced) > max(_MUCH_LONGER * len(text), 1):
            text = balanced
    if doc is None:
        return Page(text=text, url=url)
    return Page(
        text=_without_headline(text, doc.title),
        title=doc.title or None,
        published=doc.date or None,
        url=doc.url or url,
        publisher=doc.sitename or None,
    )
