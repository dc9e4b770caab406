"""Direct and indirect quotes with speaker, cue and via (``doc._.tidings_quotes``).

The work is done in ``tidings.nlp.attribution``; see docs/quotes.md.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from tidings.nlp.attribution import assemble
from tidings.nlp.component import guarded

# The findings behind the quotes, for the claims stage that runs next.
FOUND_KEY = "tidings:quotes_found"


class TidingsQuotes:
    def __init__(self, nlp: Language, name: str):
        self.name = name

    @guarded("tidings_quotes")
    def __call__(self, doc: Doc) -> Doc:
        quotes, found = assemble.quotes(doc)
        doc._.tidings_quotes = quotes
        doc.user_data[FOUND_KEY] = found
        return doc


@Language.factory("tidings_quotes")
def make_tidings_quotes(nlp: Language, name: str) -> TidingsQuotes:
    return TidingsQuotes(nlp, name)
