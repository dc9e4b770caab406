"""Events in the PLOVER JSON shape that the POLECAT data set uses.

One JSON object per event: PLOVER's event type, mode and context, the
actor and recipient, the location (ISO 3166-1 alpha-3 country as POLECAT
writes it, place name, coordinates, GeoNames id), the story it came from
and the sentence. tidings' own fields (status, counts, evidence offsets)
ride along under ``tidings`` so nothing is lost.
"""

from __future__ import annotations

import json
from typing import Optional


def _alpha3(iso2: Optional[str]) -> Optional[str]:
    import pycountry

    if not iso2:
        return None
    country = pycountry.countries.get(alpha_2=iso2.upper())
    return country.alpha_3 if country else None


def event(ev: dict) -> dict:
    contexts = [c.strip() for c in (ev.get("context") or "").split(",") if c.strip()]
    return {
        "event_id": f"tidings-{ev['id']}",
        "event_date": ev.get("date"),
        "event_type": ev["type"],
        "event_mode": ev.get("mode") or "",
        "event_intensity": None,
        "contexts": contexts,
        "actor": {"name": ev.get("actor"), "country": None, "sector": None},
        "recipient": {"name": ev.get("target"), "country": None, "sector": None},
        "actor_name": ev.get("actor"),
        "recipient_name": ev.get("target"),
        "country": _alpha3(ev.get("country")),
        "place_name": ev.get("place"),
        "feature_type": ev.get("place_feature"),
        "latitude": ev.get("lat"),
        "longitude": ev.get("lon"),
        "geonameid": ev.get("geonameid"),
        "story_id": f"tidings-article-{ev['article_id']}",
        "publication_date": ev.get("published"),
        "headline": ev.get("title"),
        "source": ev.get("publisher"),
        "url": ev.get("url"),
        "event_text": ev.get("sentence"),
        "language": "en",
        "tidings": {
            "status": ev.get("status"),
            "according_to": ev.get("according_to"),
            "counts": json.loads(ev["counts"]) if ev.get("counts") else {},
            "start": ev.get("start_char"),
            "end": ev.get("end_char"),
            "acled_event_type": ev.get("acled_event_type"),
            "cameo": ev.get("cameo"),
        },
    }
