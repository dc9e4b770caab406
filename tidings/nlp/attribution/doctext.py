"""One copy of the doc's text (``Doc.text`` is rebuilt from the tokens on every access)."""

from __future__ import annotations

from spacy.tokens import Doc

KEY = "tidings:text"


def text(doc: Doc) -> str:
    cached = doc.user_data.get(KEY)
    if cached is None:
        cached = doc.user_data[KEY] = doc.text
    return cached
