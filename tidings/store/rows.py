"""A record flattened into table rows (and the hashes that identify it)."""

from __future__ import annotations

import hashlib
import json
import re
from datetime import date, datetime, timezone
from typing import Optional

from tidings.record import Evidence, Record


def content_hash(text: str) -> str:
    """The article's identity when URLs differ: a hash of its cleaned text."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def input_hash(text: Optional[str]) -> Optional[str]:
    """A hash of the raw input, so a re-run can skip an article before processing it."""
    if text is None:
        return None
    return hashlib.sha256(text.encode("utf-8", "replace")).hexdigest()


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


_DAY = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-W(\d{2}))?")


def _day(value: Optional[str]) -> Optional[str]:
    """The first day an ISO value covers, as YYYY-MM-DD: filters, sorting and
    the timeline work by day (the precision column says how exact it is)."""
    m = _DAY.match(value or "")
    if not m:
        return None
    year, month, day, week = m.groups()
    try:
        if week:
            return date.fromisocalendar(int(year), int(week), 1).isoformat()
        return date(int(year), int(month or 1), int(day or 1)).isoformat()
    except ValueError:
        return None


def article_row(record: Record, source_path: Optional[str], raw_hash: Optional[str]) -> dict:
    art = record.article
    prov = record.provenance
    return {
        "record_id": record.id,
        "url": art.url or None,
        "content_hash": content_hash(art.text),
        "input_hash": raw_hash,
        "title": art.title,
        "published": art.published,
        "publisher": art.publisher,
        "language": art.language,
        "text": art.text,
        "source_path": source_path,
        "tidings_version": prov.tidings if prov else None,
        "model": prov.model if prov else None,
        "schema_version": prov.schema_version if prov else None,
        "components": ",".join(prov.components) if prov else None,
        "ingested_at": now(),
        "n_events": len(record.events),
        "record_json": record.to_json(),
    }


def entity_rows(record: Record) -> list[dict]:
    return [
        {"local_id": e.id, "name": e.name, "type": e.type, "role": e.role,
         "n_mentions": len(e.mentions), "mentions": json.dumps([list(m) for m in e.mentions])}
        for e in record.entities
    ]


def quote_rows(record: Record) -> list[dict]:
    return [
        {"local_id": q.id, "text": q.text, "start_char": q.start, "end_char": q.end, "direct": int(q.direct),
         "speaker": q.speaker, "speaker_entity": q.speaker_entity, "cue": q.cue, "via": q.via}
        for q in record.quotes
    ]


def claim_rows(record: Record) -> list[dict]:
    rows = []
    for c in record.claims:
        ev = c.status_evidence
        rows.append({
            "local_id": c.id, "text": c.text, "start_char": c.start, "end_char": c.end,
            "claimant": c.claimant, "claimant_entity": c.claimant_entity, "status": c.status,
            "status_text": ev.text if ev else None, "status_start": ev.start if ev else None,
            "status_end": ev.end if ev else None, "quote_id": c.quote,
        })
    return rows


def place_rows(record: Record) -> list[dict]:
    return [
        {"local_id": p.id, "name": p.name, "lat": p.lat, "lon": p.lon, "country": p.country,
         "geonameid": p.geonameid, "feature": p.feature, "mentions": json.dumps([list(m) for m in p.mentions])}
        for p in record.places
    ]


def time_rows(record: Record) -> list[dict]:
    return [
        {"local_id": t.id, "text": t.text, "start_char": t.start, "end_char": t.end,
         "value": t.value, "precision": t.precision}
        for t in record.times
    ]


def _count(c) -> Optional[int]:
    # One number per column for sorting and sums; the full range stays in `counts`.
    if c is None:
        return None
    return c.value if c.value is not None else (c.min if c.min is not None else c.max)


def event_rows(record: Record) -> list[tuple[dict, list[dict]]]:
    """(event row, evidence rows) per event."""
    art = record.article
    features = {p.name: p.feature for p in record.places}
    out = []
    for e in record.events:
        date = e.date.value if e.date and e.date.value else art.published
        place = e.place
        counts = e.counts
        row = {
            "local_id": e.id, "type": e.type, "mode": e.mode, "context": e.context, "status": e.status,
            "date": _day(date),
            "date_precision": (e.date.precision if e.date and e.date.value else ("day" if art.published else None)),
            "date_text": e.date.text if e.date else None,
            "actor": e.actor.name if e.actor else None, "actor_entity": e.actor.entity if e.actor else None,
            "target": e.target.name if e.target else None, "target_entity": e.target.entity if e.target else None,
            "organizer": e.organizer.name if e.organizer else None,
            "place": place.name if place else None,
            "place_feature": features.get(place.name) if place and place.name else None,
            "lat": place.lat if place else None, "lon": place.lon if place else None,
            "country": (place.country or None) if place else None,
            "geonameid": place.geonameid if place else None,
            "killed": _count(counts.killed), "injured": _count(counts.injured),
            "arrested": _count(counts.arrested), "participants": _count(counts.participants),
            "counts": counts.model_dump_json(exclude_none=True),
            "acled_event_type": e.acled.event_type if e.acled else None,
            "acled_sub_event_type": e.acled.sub_event_type if e.acled else None,
            "cameo": e.cameo, "according_to": e.according_to, "claim_id": e.claim,
            "sentence": e.sentence, "start_char": e.start, "end_char": e.end,
            "published": art.published, "publisher": art.publisher, "url": art.url, "title": art.title,
        }
        evidence = e.evidence or [Evidence(sentence=e.sentence, start=e.start, end=e.end)]
        ev_rows = [{"sentence": x.sentence, "start_char": x.start, "end_char": x.end} for x in evidence]
        out.append((row, ev_rows))
    return out
