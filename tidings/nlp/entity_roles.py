"""Roles the text gives an entity, read from the dependency parse.

Two constructions, both from spaCy's parse, no extra model:

* a title or role phrase before the name ("President Ortega", "Kremlin
  spokesman Dmitry Peskov", "Nicaraguan ambassador to Spain Carlos ...");
  courtesy titles (Mr, Mrs) are not roles, but they hint at gender;
* an apposition ("Juan Guaidó, the main opposition candidate,"; "the
  Nicaraguan ambassador to Spain, Carlos Midence"); a leading "the" is
  dropped when the role comes before the name.
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Token

from tidings.nlp.entity_mentions import Mention, is_courtesy, title_gender

MAX_ROLE_TOKENS = 12
# Places and groups are described by appositions too, but those are other
# places ("Managua, Nicaragua"), not roles.
_NO_ROLE = frozenset({"GPE", "LOC", "NORP", "FAC", "LANGUAGE"})
# Academic titles say nothing about what the person does in the story.
_NOT_ROLES = frozenset({"dr", "dr.", "prof", "prof."})
_STOP = frozenset({"who", "which", "that", "whose", "whom", "where", "when"})


def assign_role(doc: Doc, mention: Mention, in_ent: set) -> None:
    """Set ``mention.role`` (and a gender hint from a courtesy title) where the text gives one."""
    if mention.label in _NO_ROLE:
        return
    root = doc[mention.tok_start:mention.tok_end].root
    role = _before(doc, mention, in_ent) if mention.label == "PERSON" else None
    if role is None:
        role = _apposition(doc, mention, root, in_ent)
    mention.role = role


def _before(doc: Doc, mention: Mention, in_ent: set) -> Optional[str]:
    """The title/role words right before the name that depend on it (compound, amod, poss ...)."""
    first = mention.tok_start
    in_titles = first - len(mention.titles)  # titles the model put inside the entity
    j = first - 1
    while j >= 0:
        tok = doc[j]
        if j < in_titles:
            if (tok.is_punct and tok.text not in ("'s", "’s")) or tok.pos_ == "DET" or tok.is_space:
                break
            if not j < tok.head.i < mention.tok_end:
                break
        j -= 1
    words = list(doc[j + 1:first])
    courtesy = [t.text for t in words if is_courtesy(t.text)]
    if courtesy and mention.gender is None:
        mention.gender = title_gender(courtesy)
    words = [t for t in words if not is_courtesy(t.text)]
    if words and all(t.lower_ in _NOT_ROLES for t in words):
        return None
    if not words:
        return None
    last = words[-1]
    if last.pos_ not in ("NOUN", "PROPN") or (last.i in in_ent and last.i < in_titles):
        return None
    return _clean(doc[words[0].i:last.i + 1].text)


def _apposition(doc: Doc, mention: Mention, root: Token, in_ent: set) -> Optional[str]:
    end = mention.tok_end
    for child in root.children:
        # Only a comma-set apposition: "(R-IN)" after a name is not a role.
        if (child.dep_ == "appos" and child.i > end and child.i not in in_ent
                and end < len(doc) and doc[end].text == "," and child.left_edge.i == end + 1):
            return _span_text(doc, child.left_edge.i, child.right_edge.i + 1)
    if root.dep_ == "appos" and mention.tok_start > 0 and doc[mention.tok_start - 1].text == ",":
        head = root.head
        comma = mention.tok_start - 1
        # The parser often hangs the name on the place in "ambassador to
        # France, Elena Vidal": climb back to the role noun.
        while ((head.i in in_ent or head.pos_ == "ADP") and head.head.i != head.i
               and head.head.i < comma):
            head = head.head
        if head.i < comma and head.i not in in_ent and head.pos_ in ("NOUN", "PROPN"):
            start = head.left_edge.i
            while start < comma and doc[start].pos_ == "DET":
                start += 1
            if start <= head.i and not any(t.text == "," for t in doc[start:comma]):
                return _span_text(doc, start, comma)
    return None


def _span_text(doc: Doc, start: int, end: int) -> Optional[str]:
    cut = end
    for tok in doc[start:end]:
        if tok.i > start and (tok.lower_ in _STOP or tok.text in (",", ";", "(", "—", "–")):
            cut = tok.i
            break
    while cut > start and (doc[cut - 1].is_punct or doc[cut - 1].is_space):
        cut -= 1
    while start < cut and (doc[start].is_punct or doc[start].is_space):
        start += 1
    if start >= cut or cut - start > MAX_ROLE_TOKENS:
        return None
    return _clean(doc[start:cut].text)


_EDGES = " \"'“”‘’[](){}-—–,;:*"


def _clean(text: str) -> Optional[str]:
    text = " ".join(text.split()).strip(_EDGES)
    return text if any(c.isalpha() for c in text) else None
