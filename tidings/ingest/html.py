"""Main text and metadata from an HTML page, with trafilatura."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

import trafilatura

_HTML = re.compile(r"^\s*(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html|<head|<body|<\?xml)|<(?:p|div|article|body|span|h1|h2|br)\b[^>]*>", re.IGNORECASE | re.DOTALL)


def looks_like_html(text: str) -> bool:
    return bool(_HTML.search(text[:5000]))


@dataclass
class Page:
    text: str
    title: Optional[str] = None
    published: Optional[str] = None
    url: Optional[str] = None
    publisher: Optional[str] = None


def extract(html: str, url: Optional[str] = None, include_tables: bool = False) -> Page:
    """The article body (paragraphs separated by newlines) and its metadata."""
    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=include_tables,
        include_images=False,
        include_formatting=False,
        deduplicate=False,
    )
    if doc is None:
        return Page(text="")
    return Page(
        text=doc.text or "",
        title=doc.title or None,
        published=doc.date or None,
        url=doc.url or url,
        publisher=doc.sitename or None,
    )
