"""Find and resolve every time expression of a Doc, in reading order."""

from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from spacy.tokens import Doc, Span

from .find import find
from .resolve import Context, resolve
from .tense import tense
from .values import Resolved, parse_published


def annotate(doc: Doc, published: Optional[str]) -> list[tuple[Span, Optional[Resolved]]]:
    """(span, resolution) for each expression; the resolution is None when no rule reads it."""
    anchor = parse_published(published)
    reference: Optional[dt.datetime] = None
    ref_precision: Optional[str] = None
    out = []
    for span in find(doc):
        day = reference.date() if reference is not None and ref_precision in ("day", "hour") else None
        ctx = Context(anchor=anchor, tense=tense(span), reference=reference, day=day)
        text = span.text
        if span.end < len(doc) and doc[span.end].lower_ == "than":
            # "a month earlier than usual" is a stretch, not a point.
            text = re.sub(r"\s+(?:earlier|later|before|after)$", "", text)
        found = resolve(text, ctx)
        if anchor is None and found is not None and found.kind in ("ref",):
            found = None
        if found is not None and found.point is not None and found.kind in ("date", "time"):
            same_day = reference is not None and ref_precision == "hour" and found.point.date() == reference.date()
            if not (same_day and found.precision == "day"):
                # A clock time stays the reference while the text stays on its day.
                reference, ref_precision = found.point, found.precision
        out.append((span, found))
    return out
