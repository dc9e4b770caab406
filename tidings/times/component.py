"""Time expressions resolved against the publication date.

STUB: registered so the pipeline runs end to end; the issue that owns this
stage replaces the body.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from tidings.nlp.component import guarded


class TidingsTimes:
    def __init__(self, nlp: Language, name: str):
        self.name = name

    @guarded("tidings_times")
    def __call__(self, doc: Doc) -> Doc:
        doc._.tidings_times = []
        return doc


@Language.factory("tidings_times")
def make_tidings_times(nlp: Language, name: str) -> TidingsTimes:
    return TidingsTimes(nlp, name)
