"""Toponyms resolved offline to GeoNames.

STUB: registered so the pipeline runs end to end; the issue that owns this
stage replaces the body.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from tidings.nlp.component import guarded


class TidingsPlaces:
    def __init__(self, nlp: Language, name: str):
        self.name = name

    @guarded("tidings_places")
    def __call__(self, doc: Doc) -> Doc:
        doc._.tidings_places = []
        return doc


@Language.factory("tidings_places")
def make_tidings_places(nlp: Language, name: str) -> TidingsPlaces:
    return TidingsPlaces(nlp, name)
