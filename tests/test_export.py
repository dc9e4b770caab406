"""Exports: the sample corpus through the pipeline into SQLite, then out again.

The round trip checks every ACLED row, column by column, against the
records it came from; hand-built records make sure there are events to
check whatever the event stage finds in the samples today.
"""

from __future__ import annotations

import csv
import json
import math
import re
from datetime import date
from pathlib import Path

import pycountry
import pytest
from click.testing import CliRunner

from storekit import ALL
from tidings.cli import main
from tidings.export import acled
from tidings.ingest.files import read_paths
from tidings.record import ErrorRecord, Record
from tidings.store import EventFilter, Store

SAMPLES = Path(__file__).resolve().parent.parent / "samples"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def db(tmp_path_factory, pipeline):
    """(database path, {article id: record}) for the samples plus the hand-built records."""
    path = str(tmp_path_factory.mktemp("export") / "samples.db")
    by_article: dict[int, Record] = {}
    with Store.open(path) as store:
        results = list(pipeline.process(read_paths([str(SAMPLES)])))
        assert not [r for r in results if isinstance(r, ErrorRecord)]
        assert len(results) == 11
        for record in results + ALL:
            added = store.add(record)
            assert added.status == "stored"
            by_article[added.article_id] = record
    return path, by_article


def first_day(value: str) -> str:
    """The day an ISO date, month, year or week value starts on."""
    if re.fullmatch(r"\d{4}-W\d{2}", value):
        return date.fromisocalendar(int(value[:4]), int(value[6:]), 1).isoformat()
    parts = (value[:10].split("-") + ["01", "01"])[:3] if value else []
    return "-".join(parts)


def km(lat1, lon1, lat2, lon2) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(a))


def run(*args):
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def _events(by_article):
    """Every (article id, record, event) the store should export."""
    return [(aid, rec, ev) for aid, rec in by_article.items() for ev in rec.events]


def test_acled_round_trip(db, tmp_path):
    path, by_article = db
    out = tmp_path / "acled.csv"
    assert run("export", "--db", path, "--format", "acled", "-o", str(out)).startswith("wrote")
    with out.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        assert tuple(reader.fieldnames) == acled.COLUMNS
        rows = list(reader)
    expected = _events(by_article)
    assert len(rows) == len(expected) >= 5
    with Store.open(path) as store:
        for row in rows:
            stored = store.event(int(row["event_id_cnty"][3:]))
            record = by_article[stored["article_id"]]
            ev = next(e for e in record.events if e.id == stored["local_id"])
            art = record.article
            date = first_day(ev.date.value if ev.date and ev.date.value else art.published or "")
            precision = ev.date.precision if ev.date and ev.date.value else ("day" if art.published else None)
            place = ev.place
            country = pycountry.countries.get(alpha_2=place.country) if place and place.country else None
            assert row["event_date"] == date
            assert row["time_precision"] == {"hour": "1", "day": "1", "week": "2"}.get(precision, "3")
            assert row["year"] == (date[:4] if date else "")
            assert row["event_type"] == (ev.acled.event_type if ev.acled and ev.acled.event_type
                                         else acled.FALLBACK.get(ev.type, ("Strategic developments",))[0])
            if ev.acled and ev.acled.event_type:
                assert row["sub_event_type"] == (ev.acled.sub_event_type or "")
            assert row["disorder_type"] == acled.DISORDER.get(row["event_type"], "Strategic developments")
            assert row["actor1"] == (ev.actor.name if ev.actor else "")
            assert row["actor2"] == (ev.target.name if ev.target else "")
            assert row["location"] == (place.name or "" if place else "")
            assert row["latitude"] == ("" if not place or place.lat is None else str(place.lat))
            assert row["longitude"] == ("" if not place or place.lon is None else str(place.lon))
            assert row["country"] == ((getattr(country, "common_name", None) or country.name) if country else "")
            assert row["iso"] == (str(int(country.numeric)) if country else "")
            assert row["event_id_cnty"].startswith(country.alpha_3 if country else "XXX")
            killed = ev.counts.killed
            assert row["fatalities"] == str((killed.value if killed.value is not None else killed.min or killed.max or 0)
                                            if killed else 0)
            assert row["notes"] == ev.sentence
            assert row["source"] == (art.publisher or art.url or "")
            assert int(row["timestamp"]) > 1_700_000_000
    nairobi = next(r for r in rows if r["location"] == "Uhuru Park")
    assert (nairobi["inter1"], nairobi["inter2"], nairobi["interaction"], nairobi["region"], nairobi["geo_precision"],
            nairobi["tags"]) == ("State forces", "Civilians", "State forces-Civilians", "Eastern Africa", "1", "arrests=42")
    tbilisi = next(r for r in rows if r["location"] == "Tbilisi" and r["event_type"] == "Protests")
    assert (tbilisi["region"], tbilisi["country"], tbilisi["iso"]) == ("Caucasus and Central Asia", "Georgia", "268")


def test_filters_apply_to_exports(db, tmp_path):
    path, _ = db
    out = tmp_path / "ke.csv"
    run("export", "--db", path, "--format", "acled", "--country", "KE", "--type", "COERCE", "-o", str(out))
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert rows and {r["country"] for r in rows} == {"Kenya"}
    run("export", "--db", path, "--format", "csv", "--lat", "41.69", "--lon", "44.83", "--km", "10", "-o", str(out))
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert "Tbilisi" in {r["place"] for r in rows}
    assert all(km(41.69, 44.83, float(r["lat"]), float(r["lon"])) <= 10 for r in rows)
    with Store.open(path) as store:
        assert len(rows) == sum(1 for e in store.iter_events(EventFilter())
                                if e["lat"] is not None and km(41.69, 44.83, e["lat"], e["lon"]) <= 10)


def test_jsonl_reproduces_records(db, tmp_path):
    path, by_article = db
    out = tmp_path / "records.jsonl"
    run("export", "--db", path, "--format", "jsonl", "-o", str(out))
    back = [Record.model_validate_json(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert back == [by_article[i] for i in sorted(by_article)]


def test_geojson_parquet_plover(db, tmp_path):
    import pyarrow.parquet as pq

    path, by_article = db
    located = [ev for _, _, ev in _events(by_article) if ev.place and ev.place.lat is not None]
    run("export", "--db", path, "--format", "geojson", "-o", str(tmp_path / "e.geojson"))
    fc = json.loads((tmp_path / "e.geojson").read_text(encoding="utf-8"))
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == len(located)
    uhuru = next(f for f in fc["features"] if f["properties"]["place"] == "Uhuru Park")
    assert uhuru["geometry"] == {"type": "Point", "coordinates": [36.8172, -1.2896]}
    assert uhuru["properties"]["counts"]["arrested"]["value"] == 42

    run("export", "--db", path, "--format", "parquet", "-o", str(tmp_path / "e.parquet"))
    table = pq.read_table(tmp_path / "e.parquet")
    assert table.num_rows == len(_events(by_article))
    assert table.schema.field("lat").type == "double" and table.schema.field("killed").type == "int64"

    run("export", "--db", path, "--format", "plover", "--type", "PROTEST", "--country", "GE", "-o", str(tmp_path / "p.jsonl"))
    events = [json.loads(x) for x in (tmp_path / "p.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(e["event_type"], e["event_mode"], e["country"], e["place_name"], e["actor_name"]) for e in events
            if e["headline"] == "Tbilisi march against foreign agents bill"] == [
        ("PROTEST", "demonstrate", "GEO", "Tbilisi", "Thousands")]
    assert {"event_id", "event_date", "event_type", "event_mode", "contexts", "actor", "recipient", "country",
            "latitude", "longitude", "source", "event_text"} <= set(events[0])


def test_acled_admin1_from_geonames():
    # New York City (GeoNames 5128581) and Buffalo (5110629) lie in New York State;
    # Nairobi's admin1 code has no offline name, so it stays empty.
    assert acled.admin1({"country": "US", "geonameid": 5128581}) == "New York"
    assert acled.admin1({"country": "US", "geonameid": 5110629}) == "New York"
    assert acled.admin1({"country": "US", "geonameid": 5368361}) == "California"   # Los Angeles
    assert acled.admin1({"country": "KE", "geonameid": 184745}) == ""
    assert acled.admin1({"country": "US", "geonameid": None}) == ""
    row = acled.row({"id": 7, "type": "PROTEST", "country": "US", "geonameid": 5128581, "place": "New York City",
                     "status": "occurred"}, "2024-06-01T00:00:00+00:00")
    assert (row["admin1"], row["country"], row["source_scale"]) == ("New York", "United States", "")
