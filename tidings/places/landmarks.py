"""Landmarks the gazetteer lacks: squares, memorials, buildings, placed at the town the article puts them in."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

_HEADS = (
    "square", "street", "avenue", "road", "boulevard", "bridge", "park", "memorial", "monument",
    "mosque", "church", "cathedral", "temple", "synagogue", "palace", "stadium", "plaza", "market",
    "airport", "station", "hall", "building", "courthouse", "embassy", "consulate", "parliament",
    "roundabout", "camp", "prison", "hospital", "campus", "compound", "checkpoint", "crossing",
    "st", "ave", "rd", "blvd", "dr", "lane", "highway", "hwy", "drive", "way", "school", "center", "centre",
)
_NAMED = re.compile(rf"\b(?:{'|'.join(_HEADS)})s?\.?$|^(?:plaza|place|piazza|rue)\b", re.I)
_COMMON_HEADS = ["memorial", "square", "palace", "parliament", "courthouse", "embassy", "consulate",
                 "cathedral", "mosque", "stadium", "monument", "city hall", "town hall", "statehouse", "capitol"]


def is_landmark_name(text: str) -> bool:
    return bool(_NAMED.search(text.strip()))


@lru_cache(maxsize=4)
def _matcher(vocab) -> Matcher:
    matcher = Matcher(vocab)
    heads = [h for h in _COMMON_HEADS if " " not in h]
    matcher.add("LANDMARK", [
        [{"LOWER": "the"}, {"POS": {"IN": ["ADJ", "NOUN", "PROPN"]}, "OP": "{0,2}"}, {"LOWER": {"IN": heads}}],
        [{"LOWER": "the"}, {"POS": {"IN": ["ADJ", "NOUN", "PROPN"]}, "OP": "{0,2}"}, {"LOWER": {"IN": ["city", "town"]}}, {"LOWER": "hall"}],
    ])
    return matcher


def common_landmarks(doc: Doc) -> list[Span]:
    """'the war memorial', 'the presidential palace': unnamed landmarks, longest match each."""
    from spacy.util import filter_spans

    spans = [doc[s:e] for _, s, e in _matcher(doc.vocab)(doc)]
    # Keep only matches whose last word is the landmark word (not "the square mile of ...").
    return [s for s in filter_spans(spans) if s.end == len(doc) or not doc[s.end].lower_ in ("of",) or s[-1].lower_ == "memorial"]
