"""What every tidings spaCy component shares.

A failure inside one tidings component must not drop the article from a
batch (spaCy's pipe would skip it) nor stop the batch: the error is noted on
the Doc and the record becomes an error record naming the article.
"""

from __future__ import annotations

import functools
import traceback

from spacy.tokens import Doc

from . import extensions  # noqa: F401  (registers the Doc attributes)


def guarded(name: str):
    """Decorate a component's ``__call__`` so an exception is recorded, not raised."""

    def wrap(call):
        @functools.wraps(call)
        def inner(self, doc: Doc) -> Doc:
            try:
                return call(self, doc)
            except Exception as exc:  # noqa: BLE001 - recorded, reported as E012
                frame = traceback.extract_tb(exc.__traceback__)[-1]
                doc._.tidings_errors.append(
                    f"{name}: {type(exc).__name__}: {exc} (at {frame.filename.rsplit('/', 1)[-1]}:{frame.lineno})"
                )
                return doc

        return inner

    return wrap
