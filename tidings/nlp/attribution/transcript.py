"""Interview transcripts: "WALLACE: If I may, sir ..." paragraphs.

The speaker's name in capitals and a colon open the paragraph; the rest is
what they said, verbatim but not in quote marks (so ``direct`` is false).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from tidings.nlp.attribution.direct import Found

_TURN = re.compile(r"^(?P<name>[A-Z][A-Z.'’\- ]{1,40}[A-Z.]): *(?P<said>\S[^\n]*)$", re.M)


def find(doc: Doc, text: str) -> list[Found]:
    out = []
    for m in _TURN.finditer(text):
        start, end = m.start("said"), m.end("said")
        out.append(Found(start, end, False, None, None, byline=(m.start("name"), m.end("name"))))
    return out
