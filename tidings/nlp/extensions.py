"""The Doc attributes tidings' components read and write.

Each component sets one list of record objects (``tidings.record`` models) on
the Doc; the record is assembled from them. ``doc._.tidings_article`` holds
the article's metadata (``published`` is what times are resolved against).
"""

from __future__ import annotations

from spacy.tokens import Doc

ATTRIBUTES = (
    "tidings_entities",
    "tidings_quotes",
    "tidings_claims",
    "tidings_times",
    "tidings_places",
    "tidings_events",
)


def _list_getter(name):
    key = "tidings:" + name

    def get(doc):
        return doc.user_data.setdefault(key, [])

    def set_(doc, value):
        doc.user_data[key] = value

    return get, set_


def register() -> None:
    """Register the Doc extensions (idempotent)."""
    for name in ATTRIBUTES:
        if not Doc.has_extension(name):
            getter, setter = _list_getter(name)
            Doc.set_extension(name, getter=getter, setter=setter)
    if not Doc.has_extension("tidings_article"):
        # The record's Article (or None when a spaCy user runs a component
        # on a bare Doc).
        Doc.set_extension("tidings_article", default=None)
    if not Doc.has_extension("tidings_errors"):
        Doc.set_extension("tidings_errors", getter=lambda doc: doc.user_data.setdefault("tidings:errors", []))


def published(doc: Doc):
    """The article's publication date (ISO string) or None."""
    article = doc._.tidings_article
    return getattr(article, "published", None) if article is not None else None


register()
