"""Claims with claimant and confirmation status.

STUB: registered so the pipeline runs end to end; the issue that owns this
stage replaces the body.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from tidings.nlp.component import guarded


class TidingsClaims:
    def __init__(self, nlp: Language, name: str):
        self.name = name

    @guarded("tidings_claims")
    def __call__(self, doc: Doc) -> Doc:
        doc._.tidings_claims = []
        return doc


@Language.factory("tidings_claims")
def make_tidings_claims(nlp: Language, name: str) -> TidingsClaims:
    return TidingsClaims(nlp, name)
