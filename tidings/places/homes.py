"""Where a news source is based, learned from the places its own articles name.

A local paper rarely names its own state: 'Rochester man charged' in a Minnesota
paper is Rochester, Minnesota, though Rochester, New York is twice the size.
Lieberman, Samet and Sankaranarayanan, who built the LGL corpus, call what a
reader of that paper knows its *local lexicon* (ICDE 2010). tidings keeps the
part of it that decides most names: the source's home state (or country) and
town, learned from the names its articles use that can only be in one state
('Byron', 'Olmsted County', 'Minnesota'), counted once per article.

A home is keyed by the source's web domain ('postbulletin.com'; 'www.' and
'news.' dropped). ``learn`` adds one article's evidence; ``home`` says what the
evidence supports once enough of it agrees; ``write``/``read`` keep the table
as a small TSV (``source``, ``country``, ``admin``, ``town``, ``geonameid``)
a user can read and correct. The table is given to a run
(``TIDINGS_SOURCE_HOMES``, ``tidings homes``), never learned silently during
one: the same article gets the same places whatever came before it.
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional
from urllib.parse import urlsplit

from .gazetteer import Entry, Gazetteer, gazetteer, is_named_region, key

# A home needs this many articles' worth of evidence, and its state this share of it.
MIN_ARTICLES = 3
MIN_SHARE = 0.4
_PREFIXES = ("www.", "news.", "m.", "amp.", "mobile.")
# Country-code domains that are sold as generic names ('.tv', '.io') say nothing of where a source is.
_GENERIC_TLDS = {"tv", "io", "co", "me", "fm", "am", "ai", "cc", "ws", "to", "gg", "nu", "ly", "la", "tk", "vc", "ms", "gl", "sh", "ag", "md", "so"}
# A masthead names its town: 'palestineherald.com', 'richmondregister.com', 'jordannews.com'.
_MASTHEAD_WORDS = (
    "news", "herald", "times", "post", "press", "tribune", "telegram", "telegraph", "beacon", "register",
    "advocate", "journal", "sun", "review", "gazette", "chronicle", "daily", "enquirer", "inquirer", "leader",
    "item", "star", "record", "courier", "citizen", "sentinel", "dispatch", "observer", "democrat", "republican",
    "examiner", "standard", "mercury", "monitor", "ledger", "bulletin", "express", "echo", "state", "local",
    "today", "mail", "independent", "guardian", "argus", "pilot", "patriot", "banner", "eagle", "free", "weekly",
    "reporter", "messenger", "globe", "voice", "progress", "online", "now", "live", "magazine", "week",
)
_MASTHEAD_LEADS = ("the", "online", "my", "daily")
_MASTHEAD_ALONE = 50_000


@dataclass(frozen=True)
class Home:
    country: str
    admin: Optional[str] = None  # 'US-MN'; only where the evidence agrees on one
    town: Optional[Entry] = None  # the town the source names most, when one stands out


def source_key(url: Optional[str]) -> Optional[str]:
    """'https://www.postbulletin.com/news/x' -> 'postbulletin.com' (a bare domain is taken as is)."""
    if not url:
        return None
    host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    for prefix in _PREFIXES:
        if host.startswith(prefix) and host.count(".") > 1:
            host = host[len(prefix):]
    return host or None


def evidence(pairs) -> tuple[set[tuple[str, Optional[str]]], set[Entry]]:
    """What one article says about where it is from: the (country, state) of each name that can
    only be in one, and the towns among them. Countries are not evidence: a local paper reports
    on Iraq."""
    regions: set[tuple[str, Optional[str]]] = set()
    towns: set[Entry] = set()
    for m, e in pairs:
        if e is None or m.weak or e.feature not in ("city", "admin") or not e.country:
            continue
        if m.container is not None or is_named_region(e):
            # 'Huntsville, Texas' says where it is; a state's own name is the state.
            senses = {(e.country, e.admin)}
        elif m.entries:
            senses = {(c.country, c.admin) for c in m.entries if c.feature in ("city", "admin")}
        else:  # a US county, placed by the article's other names: evidence only if one state has it
            senses = {("US", f"US-{s}") for s in gazetteer().counties.get(key(m.text), ())}
        if len(senses) != 1:
            continue
        regions.add((e.country, e.admin))
        if e.feature == "city":
            towns.add(e)
    return regions, towns


class Homes:
    def __init__(self):
        self.regions: dict[str, Counter] = defaultdict(Counter)
        self.towns: dict[str, Counter] = defaultdict(Counter)
        # Town names (ambiguous or not) by the number of the source's articles that use them, with their senses.
        self.names: dict[str, Counter] = defaultdict(Counter)
        self.senses: dict[str, list[Entry]] = {}
        self.articles: Counter = Counter()
        self.fixed: dict[str, Home] = {}

    def learn(self, source: Optional[str], pairs) -> None:
        """Count one article's evidence (``pairs`` from ``locate``) for its source."""
        source = source_key(source)
        if source is None or source in self.fixed:
            return
        regions, towns = evidence(pairs)
        self.articles[source] += 1
        self.regions[source].update(regions)
        self.towns[source].update(towns)
        names = set()
        for m, _ in pairs:
            cities = [c for c in m.entries if c.feature == "city"]
            if cities and not m.weak and m.container is None:
                names.add(key(m.text))
                self.senses.setdefault(key(m.text), cities)
        self.names[source].update(names)

    def home(self, source: Optional[str]) -> Optional[Home]:
        source = source_key(source)
        if source is None:
            return None
        if source in self.fixed:
            return self.fixed[source]
        if not self.articles.get(source):  # nothing learned about it (and nothing added by asking)
            return None
        votes = self.regions[source]
        countries = Counter()
        for (cc, _), v in votes.items():
            countries[cc] += v
        # The masthead first: 'columbuslocalnews.com' is in the Columbus its articles' states point to.
        town = _masthead(source, votes, countries)
        if town is not None:
            admin = town.admin if votes.get((town.country, town.admin)) else None
            return Home(town.country, admin, town)
        # Then the town most of its articles name: a local paper names its own town, without its state.
        town = self._own_town(source, votes)
        if town is not None:
            return Home(town.country, town.admin if votes.get((town.country, town.admin)) else None, town)
        cc, c_votes = countries.most_common(1)[0] if countries else (None, 0)
        if c_votes < MIN_ARTICLES or c_votes < MIN_SHARE * sum(countries.values()):
            cc, c_votes = _tld_country(source), 0
        if cc is None:
            return None
        states = Counter({a: v for (c, a), v in votes.items() if c == cc and a})
        admin = None
        if states:
            admin, a_votes = states.most_common(1)[0]
            second = states.most_common(2)[1][1] if len(states) > 1 else 0
            if a_votes < MIN_ARTICLES or (a_votes < MIN_SHARE * c_votes and a_votes < 2 * second):
                admin = None
        ranked = [(t, v) for t, v in self.towns[source].most_common(2) if t.country == cc and (admin is None or t.admin == admin)]
        if ranked and ranked[0][1] >= MIN_ARTICLES and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            town = ranked[0][0]
        return Home(cc, admin, town)

    def _own_town(self, source: str, votes: Counter) -> Optional[Entry]:
        """The town name at least 40% of the source's articles use (3 or more), in the sense whose
        state the source's evidence points to; None when no sense has any."""
        n = self.articles[source]
        for name, count in self.names[source].most_common(3):
            if count < max(MIN_ARTICLES, MIN_SHARE * n):
                break
            backed = [e for e in self.senses[name] if votes.get((e.country, e.admin))]
            if backed:
                return max(backed, key=lambda e: (votes[(e.country, e.admin)], e.population))
        return None

    def learned(self) -> dict[str, Home]:
        return {s: h for s in sorted(set(self.articles) | set(self.fixed)) if (h := self.home(s)) is not None}

    def write(self, path: Path) -> int:
        homes = self.learned()
        with open(path, "w", encoding="utf-8", newline="") as fh:
            fh.write("# tidings source homes: where each news source is based (edit freely)\n")
            w = csv.writer(fh, delimiter="\t", lineterminator="\n")
            w.writerow(["source", "country", "admin", "town", "geonameid"])
            for s, h in homes.items():
                w.writerow([s, h.country, h.admin or "", h.town.name if h.town else "", h.town.geonameid if h.town and h.town.geonameid else ""])
        return len(homes)

    @classmethod
    def read(cls, path: Path, gaz: Gazetteer) -> "Homes":
        """A table written by ``write`` (or by hand: a town name is enough when its geonameid is missing)."""
        out = cls()
        with open(path, encoding="utf-8") as fh:
            rows = csv.reader((line for line in fh if line.strip() and not line.startswith("#")), delimiter="\t")
            for row in rows:
                if not row or row[0] == "source":
                    continue
                row += [""] * (5 - len(row))
                source, cc, admin, town, gid = (c.strip() for c in row[:5])
                src = source_key(source)
                if src is None or len(cc) != 2:
                    continue
                out.fixed[src] = Home(cc.upper(), admin or None, _town(gaz, town, gid, cc.upper(), admin or None))
        return out


def _town(gaz: Gazetteer, name: str, gid: str, cc: str, admin: Optional[str]) -> Optional[Entry]:
    if not name:
        return None
    cands = [e for e in gaz.lookup(name) if e.feature == "city" and e.country == cc and (admin is None or e.admin == admin)]
    if gid.isdigit():
        cands = [e for e in cands if e.geonameid == int(gid)] or cands
    return cands[0] if cands else None


def _site_label(source: str) -> str:
    """The name a site registered: 'chronicle.augusta.com' -> 'augusta', 'cambridge-news.co.uk' -> 'cambridge-news'."""
    labels = source.lower().split(".")[:-1] or [source]
    if len(labels) > 1 and labels[-1] in ("co", "com", "org", "net", "ac", "gov", "news"):
        labels = labels[:-1]
    return labels[-1]


def _tld_country(source: str) -> Optional[str]:
    """'lfpress.ca' -> 'CA', 'thisisoxfordshire.co.uk' -> 'GB'; None for '.com' and for generic-use codes."""
    tld = source.rsplit(".", 1)[-1].lower()
    if tld == "uk":
        return "GB"
    if len(tld) != 2 or tld in _GENERIC_TLDS:
        return None
    return tld.upper() if tld.upper() in gazetteer().countries else None


def _masthead(source: str, votes: Counter, countries: Counter) -> Optional[Entry]:
    """The town a source's domain names ('palestineherald.com' -> Palestine), if any: a town's name,
    then nothing, initials or a newspaper word. Of the towns of that name, the one in the state (else
    the country) most of the source's articles point to; a town they do not point to at all must be big."""
    gaz = gazetteer()
    label = _site_label(source).replace("-", "")
    for lead in _MASTHEAD_LEADS:
        if label.startswith(lead) and len(label) > len(lead) + 3:
            label = label[len(lead):]
    tld = _tld_country(source)
    for cut in range(len(label), 3, -1):
        rest, name = label[cut:], label[:cut]
        if len(rest) > 2 and not rest.startswith(_MASTHEAD_WORDS) or name in _MASTHEAD_WORDS:
            continue
        towns = [e for e in gaz.compact(name) if e.feature == "city" and (tld is None or e.country == tld)
                 and (votes.get((e.country, e.admin)) or e.population >= _MASTHEAD_ALONE and countries.get(e.country))]
        if towns:
            return max(towns, key=lambda e: (votes.get((e.country, e.admin), 0), countries.get(e.country, 0), e.population))
    return None


def votes(home: Optional[Home]) -> Iterable[tuple[str, Entry]]:
    """The home as context votes for ``resolve.choose`` (a country, a state, a town)."""
    if home is None:
        return []
    out = [("", Entry(home.country, None, None, home.country, None, 0, None, home.admin))]
    if home.town is not None:
        # Keyed apart from every name, so the home town counts even for its own name.
        out.append(("\0home", home.town))
    return out
