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

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from tidings.nlp.entity_lexicon import (
    GIVEN_NAME_PLACES,
    ROLE_NOUNS,
    common_words,
    country_code,
    fold,
    institution_keys,
    institutions,
    place_code,
)
from tidings.nlp.entity_mentions import NAMED_LABELS, _is_title, strip_name

_TO_GPE = frozenset({"ORG", "PERSON", "NORP", "LOC", "FAC"})
_NAME_TOKEN = {"IS_TITLE": True, "POS": "PROPN", "ENT_TYPE": {"NOT_IN": ["PERSON"]}}


def build_matchers(nlp: Language):
    """The two matchers the fixes use, built once per pipeline (``nlp.make_doc`` tokenises the names)."""
    vocab = nlp.vocab
    phrases = PhraseMatcher(vocab)
    phrases.add("INSTITUTION", [nlp.make_doc(name) for name in institutions()])
    roles = Matcher(vocab)
    role = {"LOWER": {"IN": sorted(ROLE_NOUNS)}}
    # "... ambassador to (the) Spain, Carlos Midence"
    roles.add("AFTER_ROLE", [[role, {"LOWER": {"IN": ["to", "of", "for", "at", "in"]}}, {"LOWER": "the", "OP": "?"},
                              {"ENT_TYPE": {"IN": ["GPE", "ORG", "LOC"]}, "OP": "+"}, {"ORTH": ","},
                              {**_NAME_TOKEN, "OP": "+"}]])
    # "Carlos Midence, Nicaragua's ambassador ..."
    roles.add("BEFORE_ROLE", [[{**_NAME_TOKEN, "OP": "+"}, {"ORTH": ","},
                               {"ENT_TYPE": {"IN": ["GPE", "ORG", "NORP"]}, "OP": "+"},
                               {"LOWER": {"IN": ["'s", "’s"]}, "OP": "?"}, {"IS_TITLE": False, "OP": "{0,2}"}, role]])
    return phrases, roles


def fix_entities(doc: Doc, matchers) -> list[Span]:
    """The document's named-entity spans with the rule fixes applied, in text order."""
    phrases, roles = matchers
    ents = [e for e in doc.ents]
    ents = _join_split_names(doc, ents)
    ents = _add_missed_people(doc, ents, roles)
    ents = _institutions(doc, ents, phrases)
    out = []
    for ent in ents:
        fixed = _relabel(doc, ent)
        if fixed is not None:
            out.append(fixed)
    return out


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


def _add_missed_people(doc: Doc, ents: list[Span], roles: Matcher) -> list[Span]:
    found = []
    for match_id, start, end in roles(doc):
        label = doc.vocab.strings[match_id]
        names = range(start, end) if label == "BEFORE_ROLE" else range(end - 1, start - 1, -1)
        run = []
        for i in names:  # the run of name tokens at the match's name end
            if doc[i].pos_ == "PROPN" and doc[i].is_title and doc[i].ent_type_ != "PERSON":
                run.append(i)
            else:
                break
        if 2 <= len(run) <= 4 and not any(_is_title(doc[i].lower_) for i in run):
            found.append((min(run), max(run) + 1))
    if not found:
        return ents
    keep = [e for e in ents if not any(s < e.end and e.start < t for s, t in found)]
    added = [Span(doc, s, t, label="PERSON") for s, t in set(found)]
    return sorted(keep + _no_overlap(added), key=lambda s: s.start)


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
    if j - i == 1 and (key in common_words() or _is_title(key)) and label in ("PERSON", "NORP", "ORG", "GPE"):
        return None
    if label == "PERSON" and (not any(c.isupper() for c in ent.text) or all(_is_title(t.lower_) for t in doc[i:j])):
        return None
    if label in _TO_GPE and place_code(key):
        if label == "PERSON" and key in GIVEN_NAME_PLACES:
            return ent
        if label == "NORP" and not country_code(key):
            return ent
        return _with_label(ent, "GPE")
    if label == "GPE" and not place_code(key) and doc[j - 1].tag_ in ("JJ", "NNPS", "NNS"):
        return _with_label(ent, "NORP")
    return ent


def _with_label(ent: Span, label: str) -> Span:
    return ent if ent.label_ == label else Span(ent.doc, ent.start, ent.end, label=label)
