"""Time expressions resolved against the publication date (``doc._.tidings_times``)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from tidings.nlp.component import guarded
from tidings.nlp.extensions import published
from tidings.record import Time

from .annotate import annotate


class TidingsTimes:
    def __init__(self, nlp: Language, name: str):
        self.name = name
        # dateparser loads its language data on its first parse (~0.2 s):
        # pay that when the pipeline loads, not inside an article's budget.
        from .explicit import _fallback

        _fallback("the 3rd of March 2019", None)

    @guarded("tidings_times")
    def __call__(self, doc: Doc) -> Doc:
        times = []
        for i, (span, found) in enumerate(annotate(doc, published(doc)), 1):
            times.append(Time(
                id=f"T{i}", text=span.text, start=span.start_char, end=span.end_char,
                value=found.value if found else None,
                precision=found.precision if found and found.value else None,
            ))
        doc._.tidings_times = times
        return doc


@Language.factory("tidings_times")
def make_tidings_times(nlp: Language, name: str) -> TidingsTimes:
    return TidingsTimes(nlp, name)
