"""The raw article: what an input gives before any processing."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional


@dataclass
class RawArticle:
    """One article as read from a file, a JSON Lines item, a feed or a WARC record.

    Exactly one of ``text`` and ``html`` is set. ``source`` names the input
    (a path, ``path:line`` or an id) in error messages.
    """

    source: str
    id: Optional[str] = None
    text: Optional[str] = None
    html: Optional[str] = None
    published: Optional[str] = None
    url: Optional[str] = None
    title: Optional[str] = None
    publisher: Optional[str] = None
