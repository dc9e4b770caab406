"""Speech labelled with the speaker's name and a colon.

Interview transcripts: "WALLACE: If I may, sir ..." paragraphs (the name in
capitals opens the paragraph, sometimes after a stray quote mark); and the
headline convention "Pat Caddell: Voters Worried About ..." (a name of one to
four capitalised words, then what they said). The words are not in quote
marks, so ``direct`` is false.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from tidings.nlp.attribution.direct import Found

_TURN = re.compile(r"^[\"“]?(?P<name>[A-Z][A-Z.'’\- ]{1,40}[A-Z.]): *(?P<said>\S[^\n]*)$", re.M)
_HEADLINE = re.compile(r"(?P<name>[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}): +(?P<said>[A-Z‘“'\"][^\n]{10,250})(?=\n|$)")
_NOT_NAMES = {"Watch", "Video", "Update", "Breaking", "Exclusive", "Analysis", "Opinion", "Editorial", "Photos", "Live", "Read", "Poll"}


def find(doc: Doc, text: str) -> list[Found]:
    out = []
    for m in _TURN.finditer(text):
        out.append(_labelled(m))
    head = _HEADLINE.match(text)
    if head is not None and not out and head.group("name").split()[0] not in _NOT_NAMES and _names_someone(doc, head):
        out.append(_labelled(head))
    return out


def _names_someone(doc: Doc, m: re.Match) -> bool:
    # "Kherson: Shelling hits market" names a place, not a speaker.
    span = doc.char_span(m.start("name"), m.end("name"), alignment_mode="expand")
    return span is not None and any(t.ent_type_ in ("PERSON", "ORG") for t in span)


def _labelled(m: re.Match) -> Found:
    return Found(m.start("said"), m.end("said"), False, None, None, byline=(m.start("name"), m.end("name")))
