"""Toponyms resolved offline to GeoNames (``doc._.tidings_places``)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from tidings.nlp.component import guarded

from .gazetteer import gazetteer
from .locate import places


class TidingsPlaces:
    def __init__(self, nlp: Language, name: str):
        self.name = name
        # Load the gazetteer with the pipeline, not inside the first article's time budget.
        gazetteer()

    @guarded("tidings_places")
    def __call__(self, doc: Doc) -> Doc:
        # Where the article's source is based, when the run was given a table of homes (pipeline.py).
        doc._.tidings_places = places(doc, home=doc.user_data.get("tidings:home"))
        return doc


@Language.factory("tidings_places")
def make_tidings_places(nlp: Language, name: str) -> TidingsPlaces:
    return TidingsPlaces(nlp, name)
