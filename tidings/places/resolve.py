"""Choose one gazetteer entry per toponym, using the article's other places as context.

Each candidate gets a score: a prior (countries and states over towns, then
population) plus bonuses for sitting in a country or US state the article
names elsewhere (places, demonyms), for a neighbour of such a country, for
being near the article's unambiguous towns, for sharing a US state with the
senses of the article's other names (local news rarely names its own state:
'Dublin' beside 'Columbus' is in Ohio), and for agreeing with an explicit
container ('Paris, Texas'). A name that is a US state's or a listed region's
is that state or region, never a town of the same name, unless a container
says so ('California' is not California, Pennsylvania). Two passes: the second
also counts what the first chose.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

from .gazetteer import NAMED_REGION, Entry, Gazetteer, is_named_region, key
from .find import Mention
from .homes import Home, votes

# Names whose news sense is not their most populous or highest-ranked entry.
_NEWS_SENSE = {"washington": ("city", "US-DC"), "new york": ("city", "US-NY"), "washington, d.c.": ("city", "US-DC")}
NEAR_KM = 250.0
# A local paper's town is in its home state more often than a town the article names is in a state
# it names: the extra for a town in the source's home state (measured on LGL: accuracy within 161 km 0.895 without, 0.901 at 1.0, 0.905 at 2.0).
HOME_STATE = 2.0
# Bonus for a town whose US state the article's other names share (by their share of each name).
SAME_STATE = 2.0
# ... given only to towns within this much prior of their name's best sense: a shared state
# does not turn 'London' into London, Ohio (a prior gap of 3 is a thousand times the people).
SAME_STATE_GAP = 3.0


@dataclass
class Context:
    """What the article's other names say: (name key, entry) votes; a name never votes for itself."""

    votes: list[tuple[str, Entry]] = field(default_factory=list)

    def without(self, name: str) -> "Context":
        return Context([(k, e) for k, e in self.votes if k != name])

    @property
    def countries(self) -> Counter:
        return Counter(e.country for _, e in self.votes if e.country)

    @property
    def admins(self) -> Counter:
        return Counter(e.admin for _, e in self.votes if e.admin)

    @property
    def anchors(self) -> list[Entry]:
        return [e for _, e in self.votes if e.feature == "city"]


def distance_km(a: Entry, b: Entry) -> float:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return float("inf")
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def prior(e: Entry) -> float:
    if e.feature == "country":
        return 9.0
    if e.feature == "admin":
        # A state or listed region; a province or county derived from its towns ranks by its people.
        return 7.5 if e.population >= NAMED_REGION else min(7.5, math.log10(max(e.population, 1)) + 1.0)
    if e.feature != "city":
        return 7.0
    s = math.log10(max(e.population, 1))
    return s + 1.5 if e.population >= 1_000_000 else s


def _senses(mentions: list[Mention]) -> dict[str, list[tuple[Entry, float]]]:
    """Each distinct name's town and state senses with their share of the name (by prior, so by population)."""
    out: dict[str, list[tuple[Entry, float]]] = {}
    for m in mentions:
        k = key(m.text)
        if k in out or m.weak or not m.entries:
            continue
        cands = [e for e in m.entries if e.feature in ("city", "admin") and e.lat is not None]
        if not cands:
            continue
        weights = [10 ** prior(e) for e in cands]
        total = sum(weights)
        out[k] = [(e, w / total) for e, w in zip(cands, weights) if w / total >= 0.005]
    return out


def same_state(e: Entry, own: str, senses: dict[str, list[tuple[Entry, float]]]) -> float:
    """How much of the article's other names, by all their senses, lies in ``e``'s US state.

    Only US states count: elsewhere GeoNames' first-level divisions range from a county to England.
    """
    if e.feature != "city" or e.country != "US" or not e.admin:
        return 0.0
    return sum(p for k, cands in senses.items() if k != own for c, p in cands if c.admin == e.admin)


def score(e: Entry, text: str, ctx: Context, gaz: Gazetteer, container: Optional[Entry],
          countries: Counter, admins: Counter, anchors: list[Entry],
          senses: Optional[dict] = None, best: float = 0.0, home_admin: Optional[str] = None) -> float:
    s = prior(e)
    if home_admin and e.feature == "city" and e.admin == home_admin:
        s += HOME_STATE
    if senses and best - prior(e) < SAME_STATE_GAP:
        s += SAME_STATE * min(same_state(e, key(text), senses), 1.0)
    sense = _NEWS_SENSE.get(key(text))
    if sense and e.feature == sense[0] and e.admin == sense[1]:
        s += 2.5
    if e.country and countries.get(e.country):
        s += 2.0
    elif e.country and any(countries.get(n) for n in gaz.neighbours.get(e.country, ())):
        s += 0.7
    if e.feature != "country" and e.admin and admins.get(e.admin):
        s += 2.5
    if e.feature == "city" and any(distance_km(e, a) < NEAR_KM for a in anchors):
        s += 1.5
    if container is not None:
        inside = e.country == container.country and (container.feature == "country" or e.admin == container.admin)
        s += 6.0 if inside else -6.0
    return s


def _unambiguous(entries: list[Entry]) -> Optional[Entry]:
    """The entry a name can only mean (one country for all its senses, or one big town)."""
    if not entries:
        return None
    if len({(e.country, e.admin if e.feature == "city" else None) for e in entries}) == 1:
        return entries[0]
    top = max(entries, key=prior)
    rest = [prior(e) for e in entries if e is not top]
    if top.feature == "city" and top.population >= 100_000 and prior(top) - max(rest) >= 1.5:
        return top
    return None


def choose(mentions: list[Mention], demonyms, gaz: Gazetteer, home: Optional[Home] = None) -> list[Optional[Entry]]:
    """One entry (or None) per mention; ``home``: where the article's source is based, read as if
    the article named it, and a little more: a town in the home state gets HOME_STATE more."""
    base = Context(list(votes(home)))
    home_admin = home.admin if home is not None else None
    for span, code in demonyms:
        country, _, state = code.partition("-")
        base.votes.append((key(span.text), Entry(span.text, None, None, country, None, 0, None, code if state else None)))
    for m in mentions:
        states = gaz.counties.get(key(m.text), []) if not m.entries else []
        if len(states) == 1:
            base.votes.append((key(m.text), Entry(m.text, None, None, "US", "admin", 0, None, f"US-{states[0]}")))
    state = _shared_state(mentions, gaz)
    if state is not None:
        base.votes.append(("", Entry(state, None, None, "US", "admin", 0, None, state)))
    chosen: list[Optional[Entry]] = [None if m.weak else _unambiguous(m.entries) for m in mentions]
    senses = _senses(mentions)
    for _ in range(2):
        # A weak name (a capitalised word that is also a town: 'Street', 'Church') is placed by the
        # others and never places them: weak English towns would otherwise pull 'Washington' to England.
        ctx = Context(base.votes + [(key(m.text), e) for m, e in zip(mentions, chosen) if e is not None and not m.weak])
        picks = []
        for m in mentions:
            if not m.entries:
                picks.append(None)
                continue
            container = None
            if m.container is not None:
                c = mentions[m.container]
                container = _unambiguous(c.entries) or (max(c.entries, key=prior) if c.entries else None)
            own = ctx.without(key(m.text))
            countries, admins, anchors = own.countries, own.admins, own.anchors
            entries = m.entries
            if container is None and key(m.text) not in _NEWS_SENSE and any(is_named_region(e) for e in entries):
                entries = [e for e in entries if e.feature != "city"]
            # Country names and names with a news sense keep their reading: a shared state
            # makes neither 'Egypt' nor 'Washington' a small town.
            ctx_senses = None if key(m.text) in _NEWS_SENSE or any(e.feature == "country" for e in entries) else senses
            best = max(prior(e) for e in entries)
            picks.append(max(entries, key=lambda e: score(e, m.text, own, gaz, container, countries, admins, anchors, ctx_senses, best, home_admin)))
        chosen = picks
    return chosen


def _shared_state(mentions: list[Mention], gaz: Gazetteer) -> Optional[str]:
    """The US state where most of the article's different names have a sense, when one stands out.

    Local news rarely names its own state: 'Paris', 'Henry County' and 'Puryear' together
    point to Tennessee though none of them says so.
    """
    support: Counter = Counter()
    seen = set()
    for m in mentions:
        k = key(m.text)
        if k in seen:
            continue
        seen.add(k)
        states = {e.admin for e in m.entries if e.country == "US" and e.admin}
        if not m.entries:
            states |= {f"US-{s}" for s in gaz.counties.get(k, [])}
        support.update(states)
    ranked = support.most_common(2) + [(None, 0), (None, 0)]
    (top, n), (_, second) = ranked[0], ranked[1]
    return top if n >= 2 and n >= second + 2 else None
