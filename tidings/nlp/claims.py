"""Claims with claimant and confirmation status (``doc._.tidings_claims``).

Built from the quotes stage's findings (it runs first); see docs/quotes.md.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from tidings.nlp.attribution import claims_build
from tidings.nlp.component import guarded
from tidings.nlp.quotes import FOUND_KEY


class TidingsClaims:
    def __init__(self, nlp: Language, name: str):
        self.name = name

    @guarded("tidings_claims")
    def __call__(self, doc: Doc) -> Doc:
        found = doc.user_data.pop(FOUND_KEY, None)
        if found is None:
            # Run without tidings_quotes before it: nothing to build on.
            doc._.tidings_claims = []
            return doc
        doc._.tidings_claims = claims_build.build(doc, doc._.tidings_quotes, found)
        return doc


@Language.factory("tidings_claims")
def make_tidings_claims(nlp: Language, name: str) -> TidingsClaims:
    return TidingsClaims(nlp, name)
