"""Finding the article's entities from a span of text (a stable helper for every stage)."""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc

from tidings.record import Entity


def entity_at(doc: Doc, start: int, end: int) -> Optional[Entity]:
    """The entity with a mention overlapping characters [start, end), preferring the longest overlap."""
    best, best_overlap = None, 0
    for ent in doc._.tidings_entities:
        for s, e in ent.mentions:
            overlap = min(e, end) - max(s, start)
            if overlap > best_overlap:
                best, best_overlap = ent, overlap
    return best


def entity_by_id(doc: Doc, entity_id: Optional[str]) -> Optional[Entity]:
    if entity_id is None:
        return None
    for ent in doc._.tidings_entities:
        if ent.id == entity_id:
            return ent
    return None
