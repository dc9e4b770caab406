"""PLOVER-coded events with actors, counts and status.

STUB: registered so the pipeline runs end to end; the issue that owns this
stage replaces the body.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from tidings.nlp.component import guarded


class TidingsEvents:
    def __init__(self, nlp: Language, name: str):
        self.name = name

    @guarded("tidings_events")
    def __call__(self, doc: Doc) -> Doc:
        doc._.tidings_events = []
        return doc


@Language.factory("tidings_events")
def make_tidings_events(nlp: Language, name: str) -> TidingsEvents:
    return TidingsEvents(nlp, name)
