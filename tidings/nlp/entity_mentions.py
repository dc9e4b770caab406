"""One mention of a named entity: the model's span, trimmed to the name.

A mention's offsets cover the name only: a leading "the", honorifics and
titles (for people) and a trailing possessive are left out, so
``text[start:end]`` reads "Daniel Ortega" for "President Daniel Ortega's".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Span

from tidings.nlp.entity_lexicon import COURTESY, GENDERED_TITLES, SUFFIXES, TITLES, fold

# Labels that name something; numbers, dates and amounts are other stages' work.
NAMED_LABELS = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"})
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_LEAD_POS = frozenset({"DET", "ADJ", "ADV", "PRON", "NUM", "VERB", "INTJ", "AUX", "PART"})
_LEAD_PREFIXES = frozenset({"pro", "anti", "ex", "non", "un", "then", "late"})


@dataclass
class Mention:
    start: int  # char offsets of the trimmed name
    end: int
    label: str
    text: str
    key: str  # folded name, the clustering key
    words: tuple  # folded words of the name, suffixes (Jr.) kept
    tok_start: int  # token span of the trimmed name
    tok_end: int
    titles: list = field(default_factory=list)  # stripped title words, as written
    role: Optional[str] = None
    gender: Optional[str] = None


def strip_name(span: Span) -> Optional[tuple[int, int, list]]:
    """Token bounds [i, j) of the name inside ``span`` and the title words stripped from its front.

    None when no name is left, or what is left has no capital letter ("n't",
    "taco": the model's noise).
    """
    i, j = span.start, span.end
    doc = span.doc
    while j > i and (doc[j - 1].text in POSSESSIVE or doc[j - 1].is_punct or doc[j - 1].is_space):
        j -= 1
    while i < j and (doc[i].is_punct or doc[i].is_space or _lead_word(doc[i])):
        i += 1
    titles = []
    if span.label_ == "PERSON":
        while j - i > 1 and is_title(doc[i].lower_):
            titles.append(doc[i].text)
            i += 1
    if i >= j or not any(c.isupper() for c in doc[i:j].text):
        return None
    return i, j, titles


def _lead_word(tok) -> bool:
    """A word the model let into the front of a name: "the", "a", "this", "pro-", "federal"."""
    if tok.lower_ == "the":
        return True
    return tok.is_lower and (tok.pos_ in _LEAD_POS or tok.lower_ in _LEAD_PREFIXES)


def is_title(lower: str) -> bool:
    bare = lower.rstrip(".")
    return bare in COURTESY or lower in TITLES or bare in TITLES


def make_mention(span: Span) -> Optional[Mention]:
    """A Mention for a named-entity span, or None when nothing of a name is left."""
    bounds = strip_name(span)
    if bounds is None:
        return None
    i, j, titles = bounds
    doc = span.doc
    start, end = doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)
    name = doc[i:j].text
    if name.endswith(("'s", "’s")):  # a possessive spaCy left attached ("Ortega’s")
        end -= 2
        name = name[:-2]
    key = fold(name)
    if not key:
        return None
    words = tuple(w for w in key.replace("-", " ").split() if w)
    return Mention(start, end, span.label_, name, key, words, i, j, titles, gender=title_gender(titles))


def title_gender(titles) -> Optional[str]:
    for title in titles:
        bare = title.lower().rstrip(".")
        gender = COURTESY.get(bare) or GENDERED_TITLES.get(bare)
        if gender:
            return gender
    return None


def core_words(words: tuple) -> tuple:
    """Name words without generational suffixes, for surname matching."""
    return tuple(w for w in words if w not in SUFFIXES) or words


def is_courtesy(text: str) -> bool:
    return text.lower().rstrip(".") in COURTESY
