"""Give each event its date and place.

STUB: registered so the pipeline runs end to end; the issue that owns this
stage replaces the body.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from tidings.nlp.component import guarded


class TidingsEventAnchors:
    def __init__(self, nlp: Language, name: str):
        self.name = name

    @guarded("tidings_event_anchors")
    def __call__(self, doc: Doc) -> Doc:
        return doc


@Language.factory("tidings_event_anchors")
def make_tidings_event_anchors(nlp: Language, name: str) -> TidingsEventAnchors:
    return TidingsEventAnchors(nlp, name)
