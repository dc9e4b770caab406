"""Entities clustered within the article (PERSON, ORG, GPE ...).

STUB: registered so the pipeline runs end to end; the issue that owns this
stage replaces the body.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from tidings.nlp.component import guarded


class TidingsEntities:
    def __init__(self, nlp: Language, name: str):
        self.name = name

    @guarded("tidings_entities")
    def __call__(self, doc: Doc) -> Doc:
        doc._.tidings_entities = []
        return doc


@Language.factory("tidings_entities")
def make_tidings_entities(nlp: Language, name: str) -> TidingsEntities:
    return TidingsEntities(nlp, name)
