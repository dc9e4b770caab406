"""From a parsed Doc to its places: find, resolve, place landmarks and counties, group mentions."""

from __future__ import annotations

from collections import Counter
from typing import Optional

from spacy.tokens import Doc

from tidings.record import Place

from .find import Mention, find
from .gazetteer import Entry, Gazetteer, gazetteer, key
from .homes import Home
from .landmarks import common_landmarks, is_landmark_name
from .resolve import NEAR_KM, choose, distance_km

_COUNTY = ("county", "parish", "borough")


def locate(doc: Doc, gaz: Optional[Gazetteer] = None, home: Optional[Home] = None) -> list[tuple[Mention, Optional[Entry]]]:
    """Every toponym mention with the entry chosen for it (None when nothing fits).

    ``home``: where the article's source is based (``homes.Homes.home``), read as if the article named it.
    """
    gaz = gaz or gazetteer()
    mentions, demonyms = find(doc, gaz)
    chosen = choose(mentions, demonyms, gaz, home)
    pairs = _backed(list(zip(mentions, chosen)))
    main = main_town(pairs)
    taken = {i for m in mentions for i in range(m.span.start, m.span.end)}
    for span in common_landmarks(doc):
        if not any(i in taken for i in range(span.start, span.end)):
            pairs.append((Mention(span, span.text, span.start_char, span.end_char, "LANDMARK", []), None))
    pairs.sort(key=lambda p: p[0].start)
    out = []
    for idx, (m, e) in enumerate(pairs):
        if e is not None and m.landmark and e.feature == "city":
            e = Entry(m.full, e.lat, e.lon, e.country, "landmark", 0, None, e.admin, e.name)
        if e is None:
            e = _county(m, pairs, gaz, home) or _landmark(m, idx, pairs, main, gaz)
        out.append((m, e))
    return out


def _backed(pairs):
    """Drop weak mentions (a surname-like proper noun, a town inside an organisation's name)
    unless a place the article names firmly is in the same US state or near it."""
    from .resolve import NEAR_KM, distance_km

    strong = [e for m, e in pairs if e is not None and not m.weak]
    admins = {e.admin for e in strong if e.admin}
    towns = [e for e in strong if e.feature == "city"]
    keep = []
    for m, e in pairs:
        if m.weak and not (e is not None and (e.admin in admins or any(distance_km(e, t) < NEAR_KM for t in towns))):
            continue
        keep.append((m, e))
    return keep


def main_town(pairs) -> Optional[Entry]:
    """The article's main location: its most named town (the first sentence counts twice), else state, else country."""
    for features in (("city",), ("admin",), ("country",)):
        votes: Counter = Counter()
        first: dict = {}
        for m, e in pairs:
            if e is not None and e.feature in features:
                votes[e] += 2 if m.span.sent.start == 0 else 1
                first.setdefault(e, m.start)
        if votes:
            return max(votes, key=lambda e: (votes[e], -first[e]))
    return None


def _county(m: Mention, pairs, gaz: Gazetteer, home: Optional[Home] = None) -> Optional[Entry]:
    words = m.text.split()
    if len(words) < 2 or words[-1].lower() not in _COUNTY:
        return None
    states = gaz.counties.get(key(m.text), [])
    if not states:
        return None
    named = Counter(e.admin for _, e in pairs if e is not None and e.admin)
    towns = [e for _, e in pairs if e is not None and e.feature == "city" and e.country == "US"]
    if home is not None and home.admin:
        named[home.admin] += 1.5  # a local paper's county is in its own state, unless the article names another
    if home is not None and home.town is not None:
        towns.append(home.town)
    # Many counties share a name with a town inside them ('Orange County', 'Anderson County').
    base_name = " ".join(words[:-1])
    namesakes = {e.admin: e for e in gaz.lookup(base_name) if e.feature == "city" and e.country == "US"}
    points = {s: gaz.county_points.get((key(m.text), s)) for s in states}

    def near(s: str) -> int:
        point = points.get(s)
        return sum(1 for t in towns if point is not None and distance_km(point, t) < NEAR_KM)

    state = max(states, key=lambda s: (named.get(f"US-{s}", 0), near(s), namesakes[f"US-{s}"].population if f"US-{s}" in namesakes else -1))
    if points.get(state) is not None:
        return points[state]
    # Without the county's own point: local news names the county around its own town, so take the
    # namesake town's point, or a town the article names in that state, else the state's centre.
    town = namesakes.get(f"US-{state}") or next(
        (e for _, e in pairs if e is not None and e.feature == "city" and e.admin == f"US-{state}"), None)
    base = town or gaz.states.get(state)
    if base is None:
        return None
    return Entry(m.text, base.lat, base.lon, "US", "admin", 0, None, f"US-{state}")


def _landmark(m: Mention, idx: int, pairs, main: Optional[Entry], gaz: Gazetteer) -> Optional[Entry]:
    if m.label not in ("FAC", "LOC", "LANDMARK") or not (m.label == "LANDMARK" or is_landmark_name(m.text) or m.label == "FAC"):
        return None
    sent = m.span.sent
    near = [(abs(p.start - m.start), e) for p, e in pairs if e is not None and e.feature == "city" and p.span.sent == sent]
    town = min(near, key=lambda x: x[0])[1] if near else None
    town = town or (main if main is not None and main.feature == "city" else None)
    known = gaz.landmarks.get(key(m.text))
    if town is None and known is not None:
        return known
    town = town or main
    if town is None:
        return None
    return Entry(m.text, town.lat, town.lon, town.country, "landmark", 0, None, town.admin, town.name)


def places(doc: Doc, home: Optional[Home] = None) -> list[Place]:
    """The record's places: one per distinct location, with every mention."""
    grouped: dict = {}
    for m, e in locate(doc, home=home):
        ident = (e.geonameid or (e.name, e.lat, e.lon, e.feature)) if e is not None else ("?", key(m.text))
        if ident not in grouped:
            grouped[ident] = Place(
                id="", name=(e.name if e is not None and e.feature != "landmark" else m.text),
                mentions=[], lat=e.lat if e else None, lon=e.lon if e else None,
                country=e.country if e else None, geonameid=e.geonameid if e else None,
                feature=e.feature if e is not None and e.feature in ("country", "admin", "city", "landmark") else None,
            )
        grouped[ident].mentions.append((m.start, m.end))
    out = sorted(grouped.values(), key=lambda p: p.mentions[0][0])
    for i, p in enumerate(out, 1):
        p.id = f"P{i}"
    return out
