"""Rules that repair the statistical model's most frequent entity errors in news.

Each rule works on ``doc.ents`` and the parse; none re-tokenises. The fixes:

* a country or capital labelled ORG, PERSON, NORP, LOC or FAC becomes GPE
  (a PERSON named like a given name, "Jordan", "Victoria", stays a person);
* a demonym labelled GPE ("Nicaraguan") becomes NORP;
* seats of government, legislatures, news agencies and platforms
  ("the Kremlin", "Reuters", "Twitter") are ORG, and are added when missed;
* a capitalised common word labelled as a name ("Police", "Protesters",
  "Monday") or a bare title ("President") is dropped;
* a name right after "<role> to <Country>," (or before ", <Country>'s
  <role>") that the model missed or mislabelled becomes PERSON;
* a person's name split in two by the model ("Daniel" + "Ortega") is joined.
"""

from __future__ import annotations

import numpy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from tidings.nlp.entity_lexicon import (
    GIVEN_NAME_PLACES,
    ROLE_NOUNS,
    TITLES,
    common_words,
    country_code,
    fold,
    institution_keys,
    institutions,
    place_code,
)
from tidings.nlp.entity_mentions import NAMED_LABELS, is_title, is_courtesy, strip_name

_TO_GPE = frozenset({"ORG", "PERSON", "NORP", "LOC", "FAC"})
_LINKS = frozenset({"to", "of", "for", "at", "in"})


def build_matchers(nlp: Language):
    """What the fixes match with, built once per pipeline (``nlp.make_doc`` tokenises the names)."""
    vocab = nlp.vocab
    phrases = PhraseMatcher(vocab)
    phrases.add("INSTITUTION", [nlp.make_doc(name) for name in institutions()])
    role_hashes = numpy.array(sorted(vocab.strings.add(w) for w in ROLE_NOUNS), dtype=numpy.uint64)
    return phrases, role_hashes


def fix_entities(doc: Doc, matchers) -> list[Span]:
    """The document's named-entity spans with the rule fixes applied, in text order."""
    phrases, role_hashes = matchers
    ents = list(doc.ents)
    ents = _join_split_names(doc, ents)
    ents = _add_missed_people(doc, ents, role_hashes)
    ents = _institutions(doc, ents, phrases)
    out = []
    for ent in ents:
        fixed = _relabel(doc, ent)
        if fixed is not None:
            out.append(fixed)
    return _add_missed_surnames(doc, out)


def _add_missed_surnames(doc: Doc, ents: list[Span]) -> list[Span]:
    """A person's surname the model left untagged later on ("Herrera said ...") becomes a mention."""
    surnames = set()
    for ent in ents:
        if ent.label_ == "PERSON" and len(ent) > 1 and doc[ent.end - 1].is_title:
            surnames.add(doc[ent.end - 1].orth)
    if not surnames:
        return ents
    orths = doc.to_array("ORTH")
    hits = numpy.flatnonzero(numpy.isin(orths, numpy.array(sorted(surnames), dtype=orths.dtype)))
    taken = {i for e in ents for i in range(e.start, e.end)}
    added = [Span(doc, int(i), int(i) + 1, label="PERSON") for i in hits
             if int(i) not in taken and doc[int(i)].pos_ in ("PROPN", "NOUN")]
    if not added:
        return ents
    return sorted(ents + added, key=lambda s: s.start)


def _join_split_names(doc: Doc, ents: list[Span]) -> list[Span]:
    out: list[Span] = []
    for ent in ents:
        prev = out[-1] if out else None
        if (prev is not None and prev.label_ == ent.label_ == "PERSON" and prev.end == ent.start
                and doc[prev.end - 1].whitespace_ and not doc[ent.start].is_sent_start):
            out[-1] = Span(doc, prev.start, ent.end, label="PERSON")
        else:
            out.append(ent)
    return out


def _add_missed_people(doc: Doc, ents: list[Span], role_hashes) -> list[Span]:
    # Anchored on the few role nouns (found in one vectorised pass) rather
    # than a Matcher pattern that would start at every capitalised word.
    roles = numpy.flatnonzero(numpy.isin(doc.to_array("LOWER"), role_hashes))
    found = set()
    for r in roles:
        for run in (_name_after(doc, int(r)), _name_before(doc, int(r))):
            if run and 2 <= run[1] - run[0] <= 4 and not any(is_title(doc[i].lower_) for i in range(*run)):
                found.add(run)
    if not found:
        return ents
    keep = [e for e in ents if not any(s < e.end and e.start < t for s, t in found)]
    added = [Span(doc, s, t, label="PERSON") for s, t in found]
    return sorted(keep + _no_overlap(added), key=lambda s: s.start)


def _is_name_token(tok) -> bool:
    return tok.pos_ == "PROPN" and tok.is_title and tok.ent_type_ != "PERSON"


def _name_after(doc: Doc, r: int):
    """"<role> to (the) <GPE/ORG>, <Name>": the name's token bounds, or None."""
    n = len(doc)
    i = r + 1
    if i >= n or doc[i].lower_ not in _LINKS:
        return None
    i += 1
    if i < n and doc[i].lower_ == "the":
        i += 1
    j = i
    while j < n and doc[j].ent_type_ in ("GPE", "ORG", "LOC"):
        j += 1
    if j == i or j >= n or doc[j].text != ",":
        return None
    k = j + 1
    while k < n and k - j <= 5 and _is_name_token(doc[k]):
        k += 1
    return (j + 1, k) if k > j + 1 else None


def _name_before(doc: Doc, r: int):
    """"<Name>, <GPE/ORG/NORP>('s) <role>": the name's token bounds, or None."""
    i = r - 1
    skipped = 0
    while i >= 0 and skipped < 2 and not doc[i].is_title and doc[i].lower_ not in ("'s", "’s", ","):
        i -= 1
        skipped += 1
    if i >= 0 and doc[i].lower_ in ("'s", "’s"):
        i -= 1
    j = i
    while j >= 0 and doc[j].ent_type_ in ("GPE", "ORG", "NORP"):
        j -= 1
    if j == i or j < 1 or doc[j].text != ",":
        return None
    k = j - 1
    while k >= 0 and j - k <= 5 and _is_name_token(doc[k]):
        k -= 1
    return (k + 1, j) if k < j - 1 else None


def _institutions(doc: Doc, ents: list[Span], phrases: PhraseMatcher) -> list[Span]:
    taken = {i for e in ents for i in range(e.start, e.end)}
    added = []
    for _, start, end in phrases(doc):
        if not any(i in taken for i in range(start, end)):
            added.append(Span(doc, start, end, label="ORG"))
    if not added:
        return ents
    return sorted(ents + _no_overlap(added), key=lambda s: s.start)


def _no_overlap(spans: list[Span]) -> list[Span]:
    return filter_spans(spans)


def _relabel(doc: Doc, ent: Span):
    """The span relabelled, unchanged, or None when it is not a name at all."""
    label = ent.label_
    if label not in NAMED_LABELS:
        return ent
    bounds = strip_name(ent)
    if bounds is None:
        return None
    i, j, _titles = bounds
    key = fold(doc[i:j].text).removesuffix("'s")
    if key in institution_keys():
        return _with_label(ent, "ORG")
    if j - i == 1 and (key in common_words() or is_title(key)) and label in ("PERSON", "NORP", "ORG", "GPE"):
        return None
    if label == "PERSON" and (not any(c.isupper() for c in ent.text) or all(is_title(t.lower_) for t in doc[i:j])):
        return None
    if label != "PERSON" and _looks_like_person(doc, ent, i, j, key):
        return _with_label(ent, "PERSON")
    if label in _TO_GPE and place_code(key):
        if label == "PERSON" and key in GIVEN_NAME_PLACES:
            return ent
        if label == "NORP" and not country_code(key):
            return ent
        return _with_label(ent, "GPE")
    if label == "GPE" and not place_code(key) and doc[j - 1].tag_ in ("JJ", "NNPS", "NNS"):
        return _with_label(ent, "NORP")
    return ent


def _looks_like_person(doc: Doc, ent: Span, i: int, j: int, key: str) -> bool:
    """A name after a courtesy title ("Ms Machado") or a role title ("opposition leader María ...")."""
    first = doc[ent.start]
    if is_courtesy(first.text) and ent.end - ent.start > 1 and doc[ent.start + 1].is_title:
        return True
    if ent.start == 0 or j - i > 4 or not all(t.is_title for t in doc[i:j]):
        return False
    before = doc[ent.start - 1]
    if key in institution_keys() or place_code(key):
        return False
    return is_courtesy(before.text) or (before.lower_ in ROLE_NOUNS or before.lower_ in TITLES) and before.dep_ == "compound"


def _with_label(ent: Span, label: str) -> Span:
    return ent if ent.label_ == label else Span(ent.doc, ent.start, ent.end, label=label)
