"""The REST API on a real uvicorn server, once over SQLite and once over PostgreSQL."""

from __future__ import annotations

import httpx
import pytest

from storekit import ALL, Server, backend_url
from tidings.api.app import create_app
from tidings.api.settings import Settings
from tidings.store import Store

WRITE, READ = "write-secret", "read-secret"


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def api(request, tmp_path_factory):
    """An open server (no read token) with the hand-built records, and its URL."""
    with backend_url(request.param, tmp_path_factory) as url:
        store = Store.open(url)
        for record in ALL:
            store.add(record, source_path=record.id)
        with Server(create_app(Settings(db=url, token=WRITE, max_body_bytes=200_000), store=store)) as srv:
            with httpx.Client(base_url=srv.url, timeout=120) as client:
                client.db_url = url
                yield client
        store.close()


def ids(response):
    assert response.status_code == 200, response.text
    return [e["id"] for e in response.json()["items"]]


def test_events_filters(api):
    get = lambda **p: ids(api.get("/api/events", params={"sort": "id", **p}))  # noqa: E731
    assert get() == [1, 2, 3, 4, 5]
    assert get(type="COERCE") == [1, 2]
    assert get(mode="arrest") == [2]
    assert get(country="GE,BD") == [3, 4, 5]
    assert get(lat=-1.2864, lon=36.8172, km=1) == [1, 2]
    assert get(date_from="2024-05-11", date_to="2024-05-11") == [3, 4]
    assert get(actor="riot") == [4]
    assert get(status="occurred", type="PROTEST") == [3, 5]
    assert get(q="tear gas") == [1, 2]


def test_events_pagination_and_sorting(api):
    r = api.get("/api/events", params={"sort": "-date", "limit": 2, "offset": 0}).json()
    assert r["total"] == 5 and [e["id"] for e in r["items"]] == [5, 2]
    r = api.get("/api/events", params={"sort": "-date", "limit": 2, "offset": 2}).json()
    assert [e["id"] for e in r["items"]] == [1, 4]
    assert ids(api.get("/api/events", params={"sort": "-arrested", "type": "COERCE"}))[0] in (1, 2)


def test_one_event_with_evidence_and_sources(api):
    ev = api.get("/api/events/3").json()
    assert (ev["type"], ev["place"], ev["participants"], ev["date"]) == ("PROTEST", "Tbilisi", 5000, "2024-05-11")
    assert [x["start_char"] for x in ev["evidence"]] == [0, 74]
    assert ev["sources"][0]["title"] == "Tbilisi march against foreign agents bill"
    assert ev["counts"]["participants"]["value"] == 5000


def test_articles(api):
    page = api.get("/api/articles").json()
    assert [a["record_id"] for a in page["items"]] == ["bd-1", "ke-1", "ge-1"]
    art = api.get("/api/articles/1").json()
    record = art["record"]
    assert record["article"]["text"].startswith("Police fired tear gas")
    assert record["quotes"][0]["start"] == 157 and record["quotes"][0]["end"] == 180
    assert art["event_ids"] == {"V1": 1, "V2": 2}
    assert [a["record_id"] for a in api.get("/api/articles", params={"q": "Rustaveli"}).json()["items"]] == ["ge-1"]


def test_quotes_claims_entities(api):
    quotes = api.get("/api/quotes", params={"speaker": "amina"}).json()["items"]
    assert [(q["speaker"], q["text"]) for q in quotes] == [("Amina Wanjiru", "We will not be silenced")]
    claims = api.get("/api/claims", params={"status": "denied"}).json()["items"]
    assert [c["text"] for c in claims] == ["The interior ministry denied that live rounds were used."]
    assert api.get("/api/claims", params={"status": "confirmed"}).json()["total"] == 0
    ents = api.get("/api/entities", params={"type": "PERSON"}).json()["items"]
    assert [(e["name"], e["articles"]) for e in ents] == [("Amina Wanjiru", 1)]


def test_stats(api):
    per_day = api.get("/api/stats/events-per-day", params={"by": "type"}).json()
    assert per_day == [
        {"date": "2024-05-11", "key": "ASSAULT", "n": 1}, {"date": "2024-05-11", "key": "PROTEST", "n": 1},
        {"date": "2024-06-25", "key": "COERCE", "n": 2}, {"date": "2024-07-15", "key": "PROTEST", "n": 1},
    ]
    countries = api.get("/api/stats/countries", params={"type": "COERCE,ASSAULT"}).json()
    assert [(c["country"], c["n"], c["arrested"], c["injured"]) for c in countries] == [("KE", 2, 42, None), ("GE", 1, None, 3)]


def test_errors_are_json(api):
    for path, status, code in [
        ("/api/events/999", 404, "not_found"),
        ("/api/articles/999", 404, "not_found"),
        ("/api/nothing-here", 404, "not_found"),
        ("/api/events?limit=5000", 400, "bad_request"),
        ("/api/events?sort=colour", 400, "bad_request"),
        ("/api/events?km=5", 400, "bad_request"),
        ("/api/events?date_from=last%20week", 400, "bad_request"),
        ("/api/events?lat=abc", 422, "invalid"),
        ("/api/events/abc", 422, "invalid"),
    ]:
        r = api.get(path)
        assert r.status_code == status, path
        body = r.json()
        assert set(body) == {"error"} and body["error"]["code"] == code and body["error"]["message"], path


def test_security_headers_and_closed_cors(api):
    r = api.get("/", headers={"Origin": "https://evil.example"})
    assert r.status_code == 200 and "text/html" in r.headers["content-type"]
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY"
    assert "access-control-allow-origin" not in r.headers
    pre = api.options("/api/events", headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "GET"})
    assert "access-control-allow-origin" not in pre.headers


def test_openapi_spec(api):
    spec = api.get("/api/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/articles", "/api/articles/{article_id}", "/api/quotes",
            "/api/claims", "/api/entities", "/api/stats/events-per-day", "/api/stats/countries",
            "/api/ingest"} <= set(spec["paths"])
    names = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert {"type", "mode", "country", "status", "lat", "lon", "km", "date_from", "date_to", "actor", "q",
            "sort", "limit", "offset"} <= names


def test_ingest_needs_the_write_token(api):
    article = {"text": "Police detained 20 protesters in Tbilisi on Sunday. " * 6, "url": "https://example.org/t"}
    r = api.post("/api/ingest", json=article)
    assert r.status_code == 401 and r.json()["error"]["code"] == "unauthorized"
    r = api.post("/api/ingest", json=article, headers={"Authorization": "Bearer wrong"})
    assert r.status_code == 403 and r.json()["error"]["code"] == "forbidden"


def test_body_size_limit(api):
    big = {"text": "x " * 150_000}
    r = api.post("/api/ingest", json=big, headers={"Authorization": f"Bearer {WRITE}"})
    assert r.status_code == 413 and r.json()["error"]["code"] == "payload_too_large"


@pytest.mark.slow
def test_ingest_over_http(api):
    text = ("Riot police detained 20 protesters outside the city hall in Tbilisi on Sunday, the interior ministry "
            "said. Hundreds had gathered to demand the release of jailed journalists, organisers said.")
    article = {"text": text, "url": "https://example.org/ge/2", "published": "2024-06-02", "title": "Tbilisi arrests"}
    auth = {"Authorization": f"Bearer {WRITE}"}
    r = api.post("/api/ingest", json=[article, {"title": "no text"}], headers=auth)
    assert r.status_code == 200, r.text
    body = r.json()
    assert (body["stored"], body["duplicates"], body["failed"]) == (1, 0, 1)
    assert body["errors"][0].startswith("E008")
    again = api.post("/api/ingest", json=article, headers=auth).json()
    assert (again["stored"], again["duplicates"]) == (0, 1)
    found = api.get("/api/articles", params={"q": "journalists"}).json()["items"]
    assert [a["title"] for a in found] == ["Tbilisi arrests"]


def test_read_token(tmp_path):
    db = str(tmp_path / "private.db")
    store = Store.open(db)
    store.add(ALL[0])
    with Server(create_app(Settings(db=db, token=WRITE, read_token=READ), store=store)) as srv:
        with httpx.Client(base_url=srv.url) as c:
            r = c.get("/api/events")
            assert r.status_code == 401 and r.json()["error"]["code"] == "unauthorized"
            assert c.get("/api/events", headers={"Authorization": "Bearer nope"}).status_code == 403
            assert c.get("/api/events", headers={"Authorization": f"Bearer {READ}"}).json()["total"] == 2
            assert c.get("/api/events", headers={"Authorization": f"Bearer {WRITE}"}).status_code == 200
            # The page itself carries no data and loads without a token.
            assert c.get("/").status_code == 200
    store.close()
