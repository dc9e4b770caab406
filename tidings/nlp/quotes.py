"""Direct and indirect quotes with speaker, cue and via.

STUB: registered so the pipeline runs end to end; the issue that owns this
stage replaces the body.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from tidings.nlp.component import guarded


class TidingsQuotes:
    def __init__(self, nlp: Language, name: str):
        self.name = name

    @guarded("tidings_quotes")
    def __call__(self, doc: Doc) -> Doc:
        doc._.tidings_quotes = []
        return doc


@Language.factory("tidings_quotes")
def make_tidings_quotes(nlp: Language, name: str) -> TidingsQuotes:
    return TidingsQuotes(nlp, name)
