"""The API against hostile clients: injection, traversal, oversized and mistyped values, tokens, CORS, XSS.

Runs a real uvicorn server over SQLite and over PostgreSQL with the
hand-built records (tests/storekit.py) plus one whose every visible field
carries an XSS payload. Schemathesis fuzzes every operation in the OpenAPI
spec; the hand-written cases try each filter parameter the spec lists with
SQL injection, path traversal, oversized values and wrong types. Nothing may
give a 5xx, leak a file, change the data, or run a script in the dashboard.
"""

from __future__ import annotations

import os
from urllib.parse import quote as urlquote

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from hypothesis import given
from hypothesis.errors import Unsatisfiable
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode

from storekit import ALL, NAIROBI, Server, backend_url, make_record
from tidings.api.app import create_app
from tidings.api.settings import Settings
from tidings.store import Store

WRITE, READ = "w-7f3a9c2e41d84b6a", "r-52c1d7e9a0b34f18"
LIMIT = 100_000

# One record whose every field the dashboard shows carries a payload.
PAYLOADS = {
    "title": "<script>window.__xss='title'</script>Riot <img src=x onerror=\"window.__xss='title-img'\">",
    "speaker": "Ana <img src=x onerror=\"window.__xss='speaker'\">",
    "quote": "We will <script>window.__xss='quote'</script> march",
    "entity": "Ministry <svg onload=\"window.__xss='entity'\">",
    "claimant": "Bureau<iframe srcdoc=\"<script>parent.__xss='claimant'</script>\"></iframe>",
    "publisher": "Daily <a href=\"javascript:window.__xss='publisher'\">Post</a>",
}
XSS_TEXT = (
    f"Police detained 12 people at a rally in Quito on Friday, said {PAYLOADS['speaker']}. "
    f"\"{PAYLOADS['quote']}\", she said. "
    f"The {PAYLOADS['entity']} said the rally was illegal. "
    f"The {PAYLOADS['claimant']} denied that anyone was hurt."
)
XSS = make_record(
    XSS_TEXT, title=PAYLOADS["title"], published="2024-08-02", url="https://example.org/ec/1",
    publisher=PAYLOADS["publisher"], id="ec-1",
    entities=[(PAYLOADS["entity"], "ORG"), (PAYLOADS["speaker"], "PERSON")],
    quotes=[(PAYLOADS["quote"], PAYLOADS["speaker"])],
    claims=[(f"The {PAYLOADS['claimant']} denied that anyone was hurt.", PAYLOADS["claimant"], "denied")],
    events=[{"sentence": f"Police detained 12 people at a rally in Quito on Friday, said {PAYLOADS['speaker']}.",
             "type": "COERCE", "mode": "arrest", "actor": "Police <b onmouseover=\"window.__xss='actor'\">x</b>",
             "target": PAYLOADS["entity"], "date": "2024-08-02", "arrested": 12,
             "place": ("Quito", -0.2299, -78.5249, "EC")}],
)
RECORDS = ALL + [XSS]


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def served(request, tmp_path_factory):
    with backend_url(request.param, tmp_path_factory) as url:
        store = Store.open(url)
        for record in RECORDS:
            store.add(record, source_path=record.id)
        app = create_app(Settings(db=url, token=WRITE, max_body_bytes=LIMIT), store=store)
        with Server(app) as srv:
            with httpx.Client(base_url=srv.url, timeout=60) as client:
                srv.client, srv.app, srv.store, srv.kind = client, app, store, request.param
                yield srv
        store.close()


@pytest.fixture(scope="module")
def api(served):
    return served.client


def counts(store) -> dict:
    return {t: store.db.scalar(f"SELECT count(*) AS n FROM {t}") for t in
            ("articles", "events", "event_evidence", "entities", "quotes", "claims", "places", "times", "failures")}


def assert_clean(r: httpx.Response, where: str) -> None:
    assert r.status_code < 500, f"{where}: {r.status_code} {r.text[:300]}"
    assert r.headers.get("content-type", "").startswith(("application/json", "application/geo+json")), where
    if r.status_code >= 400:
        body = r.json()
        assert set(body) == {"error"} and body["error"]["code"] and body["error"]["message"], where


# -- every filter parameter, hostile values -----------------------------------
SQLI = ["' OR '1'='1", "' OR 1=1 --", "1; DROP TABLE events; --", "\" OR \"\"=\"", "%' UNION SELECT sql FROM sqlite_master --",
        "x') UNION SELECT version(), null --", "'; SELECT pg_sleep(5); --", "1 AND (SELECT count(*) FROM pg_tables) > 0",
        "NEAR(a b", "title:secret OR *", "\"unbalanced", "a & !b | c:*", "\\", "%", "_", "'", "--", "/*", "\x00"]
TRAVERSAL = ["../../../../etc/passwd", "..%2f..%2f..%2fetc%2fpasswd", "/etc/passwd", "....//....//etc/passwd",
             "..\\..\\windows\\win.ini", "file:///etc/passwd", "%00../../etc/passwd"]
BIG_INTS = ["99999999999999999999999999", "-99999999999999999999", "9223372036854775808"]
WRONG_TYPES = ["abc", "NaN", "inf", "-inf", "1e309", "-1e309", "9223372036854775807", "-9223372036854775808", "1.5", "[]", "{}", "true", "", " ", "0x10", "١٢", "2024-13-45", "9999-99-99"]
OVERSIZED = ["A" * 5000, "\u00e9" * 3000, ",".join(["PROTEST"] * 800)]
HOSTILE = SQLI + TRAVERSAL + WRONG_TYPES + OVERSIZED


def query_parameters(spec: dict) -> list[tuple[str, str]]:
    out = []
    for path, ops in spec["paths"].items():
        get = ops.get("get")
        if not get or "{" in path:
            continue
        out += [(path, p["name"]) for p in get.get("parameters", []) if p["in"] == "query"]
    return out


def hostile_failures(served, api) -> list[str]:
    spec = api.get("/api/openapi.json").json()
    params = query_parameters(spec)
    assert ("/api/events", "actor") in params and ("/api/quotes", "speaker") in params and len(params) > 40
    failures = []
    for path, name in params:
        for value in HOSTILE:
            try:
                try:
                    r = api.get(path, params={name: value})
                except httpx.TransportError:
                    # uvicorn closes a connection after a 500: the next request may find it closed.
                    r = api.get(path, params={name: value})
            except httpx.TransportError as exc:
                failures.append(f"{served.kind} {path}?{name}={value[:20]!r} -> {type(exc).__name__}")
                continue
            try:
                assert_clean(r, "")
            except AssertionError:
                failures.append(f"{served.kind} {path}?{name}={value[:20]!r} -> {r.status_code}")
                continue
            if (r.status_code == 200 and value in SQLI and len(value) > 3 and isinstance(r.json(), dict)
                    and "total" in r.json() and name not in ("q", "sort", "by") and r.json()["total"]):
                # A payload is a literal string: it matches nothing here.
                failures.append(f"{served.kind} {path}?{name}={value!r} matched {r.json()['total']}")
    return failures


# Found by this test and fixed in the store (blank values are no filter); kept as a regression check.
FIXED = {
    "postgres /api/claims?status=' ' -> 500",   # an empty IN () list: PostgreSQL refused it
}


def test_every_filter_parameter_survives_hostile_values(served, api):
    before = counts(served.store)
    assert set(hostile_failures(served, api)) == set()
    assert counts(served.store) == before


def test_blank_list_values_are_no_filter(api):
    # FIXED: 'status= ' trims to no value at all: the same answer as no status, on both backends.
    everything = api.get("/api/claims").json()["total"]
    for value in (" ", ",", " , "):
        r = api.get("/api/claims", params={"status": value})
        assert r.status_code == 200 and r.json()["total"] == everything > 0


@pytest.mark.parametrize("path,name,fields", [("/api/events", "actor", ("actor", "target")),
                                              ("/api/quotes", "speaker", ("speaker",)),
                                              ("/api/claims", "claimant", ("claimant",)),
                                              ("/api/entities", "name", ("name",))])
def test_like_wildcards_are_literal(api, path, name, fields):
    # 'actor=%' means the text "%", not "anything": no stored name has one.
    assert api.get(path, params={name: "%"}).json()["total"] == 0
    # '_' is an underscore: only the XSS payloads ('window.__xss') carry one.
    everything = api.get(path, params={"limit": 1000}).json()
    page = api.get(path, params={name: "_", "limit": 1000}).json()
    assert 0 < page["total"] < everything["total"]
    assert all(any("_" in (item.get(f) or "") for f in fields) for item in page["items"])


def test_integers_beyond_64_bits(served, api):
    spec = api.get("/api/openapi.json").json()
    failed = []
    for path, name in query_parameters(spec):
        for value in BIG_INTS:
            r = api.get(path, params={name: value})
            if r.status_code != 400 or r.json()["error"]["message"] != f"The number {value} is out of range.":
                failed.append(f"{path}?{name}={value}: {r.status_code}")
    assert failed == []
    r = api.get("/api/events/99999999999999999999999")
    assert r.status_code == 400 and r.headers["content-security-policy"]


@pytest.mark.parametrize("value", ["-1", "0", "1e3", "abc", "..%2f..%2fetc%2fpasswd", "1;DROP TABLE events", "%00",
                                   "9223372036854775807",
                                   "99999999999999999999999", "9223372036854775808"])
@pytest.mark.parametrize("path", ["/api/events/{}", "/api/articles/{}"])
def test_path_ids(api, path, value):
    r = api.get(path.format(value))
    assert_clean(r, path.format(value))
    assert r.status_code in (400, 404, 422)


@pytest.mark.parametrize("path", ["/static/../../../../etc/passwd", "/static/..%2f..%2f..%2f..%2fetc%2fpasswd",
                                  "/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/static/..%5c..%5capi%5capp.py",
                                  "/static//etc/passwd", "/static/....//....//etc/passwd", "/static/%00index.html",
                                  "/static/../api/app.py", "/static/%2e%2e/api/settings.py", "/..%2f..%2fetc/passwd"])
def test_static_files_do_not_leave_their_folder(api, path):
    r = api.get(path)
    assert r.status_code in (400, 404), (path, r.status_code)
    assert "root:" not in r.text and "create_app" not in r.text and "Settings" not in r.text


def _raw_status(url: str, request: bytes) -> int:
    """The status a raw HTTP/1.1 request gets (httpx refuses to send such requests)."""
    import socket
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    with socket.create_connection((parts.hostname, parts.port), timeout=30) as sock:
        sock.sendall(request)
        head = sock.recv(64)
    return int(head.split(b" ", 2)[1]) if head.startswith(b"HTTP/1.1 ") else 0


@pytest.mark.parametrize("request_line", [
    b"GET /api/events?actor=" + b"A" * 200_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET /api/events HTTP/1.1\r\nHost: x\r\nX-Filler: " + b"B" * 200_000 + b"\r\n\r\n",
    b"GET /api/events HTTP/1.1\r\nHost: x\r\n" + b"X-H: y\r\n" * 20_000 + b"\r\n",
], ids=["200k-url", "200k-header", "20k-headers"])
def test_oversized_url_and_headers_are_refused_cleanly(served, api, request_line):
    status = _raw_status(served.url, request_line)
    assert status == 0 or 400 <= status < 500   # refused, or the connection closed
    assert api.get("/api/summary").status_code == 200  # the server lives on


# -- Schemathesis over the whole spec ----------------------------------------
EXAMPLES = int(os.environ.get("TIDINGS_SCHEMATHESIS_EXAMPLES", "25"))


def test_schemathesis_no_server_errors(served):
    """Every operation in the spec, with valid and invalid data: never a 5xx, never a write without the token."""
    spec = schemathesis.openapi.from_asgi("/api/openapi.json", served.app)
    operations = [result.ok() for result in spec.get_all_operations()]
    assert len(operations) >= 12
    before = counts(served.store)
    calls = []
    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            @given(case=operation.as_strategy(generation_mode=mode))
            @settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
            def run(case):
                for headers in ({}, {"Authorization": "Bearer wrong"}):
                    response = case.call(headers={**(case.headers or {}), **headers})
                    calls.append(response.status_code)
                    case.validate_response(response, checks=[not_a_server_error])
                    if case.method.upper() == "POST":
                        assert response.status_code in (401, 403, 413, 422), response.status_code

            try:
                run()
            except Unsatisfiable:  # e.g. no invalid request exists for an operation without parameters
                pass
    assert len(calls) > len(operations) * 4
    assert counts(served.store) == before


# -- writes need the write token ---------------------------------------------
ARTICLE = {"text": "Riot police detained 30 students outside the parliament in Tbilisi on Sunday, officials said. " * 3,
           "url": "https://example.org/ge/sec"}


@pytest.mark.parametrize("headers,status", [
    ({}, 401),
    ({"Authorization": "Bearer"}, 401),
    ({"Authorization": "Bearer wrong"}, 403),
    ({"Authorization": f"Bearer {WRITE[:-1]}"}, 403),
    ({"Authorization": f"Bearer {WRITE}x"}, 403),
    ({"Authorization": f"Bearer {WRITE.upper()}"}, 403),
    ({"Authorization": f"Bearer {READ}"}, 403),
    ({"Authorization": WRITE}, 401),
    ({"Authorization": f"Basic {WRITE}"}, 401),
    ({"Authorization": f"Token {WRITE}"}, 401),
    ({"X-Api-Key": WRITE}, 401),
    ({"Cookie": f"token={WRITE}"}, 401),
])
def test_write_refused_without_the_token(served, api, headers, status):
    before = counts(served.store)
    r = api.post("/api/ingest", json=ARTICLE, headers=headers)
    assert r.status_code == status, r.text
    assert_clean(r, str(headers))
    r = api.post(f"/api/ingest?token={WRITE}", json=ARTICLE, headers=headers)
    assert r.status_code == status
    assert counts(served.store) == before


def test_other_methods_do_not_write(served, api):
    before = counts(served.store)
    for method in ("PUT", "PATCH", "DELETE"):
        for path in ("/api/ingest", "/api/events/1", "/api/articles/1"):
            r = api.request(method, path, json=ARTICLE, headers={"Authorization": f"Bearer {WRITE}"})
            assert r.status_code in (404, 405), (method, path, r.status_code)
    assert counts(served.store) == before


def test_writes_are_off_without_a_configured_token(tmp_path):
    db = str(tmp_path / "closed.db")
    store = Store.open(db)
    with Server(create_app(Settings(db=db), store=store)) as srv:
        with httpx.Client(base_url=srv.url) as c:
            for token in ("None", "null", "undefined", "false"):
                r = c.post("/api/ingest", json=ARTICLE, headers={"Authorization": f"Bearer {token}"})
                assert r.status_code in (401, 403)
    assert store.db.scalar("SELECT count(*) AS n FROM articles") == 0
    store.close()


# -- request bodies ----------------------------------------------------------
def _auth():
    return {"Authorization": f"Bearer {WRITE}"}


def test_body_over_the_limit_by_content_length(api):
    r = api.post("/api/ingest", content=b"{" + b" " * LIMIT + b"}", headers={**_auth(), "content-type": "application/json"})
    assert r.status_code == 413 and r.json()["error"]["code"] == "payload_too_large"


def test_chunked_body_over_the_limit(api):
    def chunks():
        yield b'{"text": "'
        for _ in range(LIMIT // 1000 + 5):
            yield b"x" * 1000
        yield b'"}'

    r = api.post("/api/ingest", content=chunks(), headers={**_auth(), "content-type": "application/json"})
    # Refused once the limit is passed (FastAPI reports the aborted read as 400).
    assert r.status_code in (400, 413)
    assert_clean(r, "chunked")


def test_body_not_checked_before_the_token(served, api):
    # An unauthenticated client cannot make the server parse a large body.
    r = api.post("/api/ingest", content=b"[" + b"1," * (LIMIT // 2 - 10) + b"1]", headers={"content-type": "application/json"})
    assert r.status_code in (401, 413)


@pytest.mark.parametrize("body,ctype", [
    (b"not json", "application/json"),
    (b"{\"text\": 5}", "application/json"),
    (b"[]", "application/json"),
    (b"[" + b"{}," * 1500 + b"{}]", "application/json"),
    (b"[" * 5000 + b"]" * 5000, "application/json"),
    (b"{\"a\":" * 3000 + b"1" + b"}" * 3000, "application/json"),
    (b"\xff\xfe\x00garbage", "application/json"),
    (b"text=hello", "application/x-www-form-urlencoded"),
    (b"{\"text\": \"x\"}", "text/plain"),
], ids=["not-json", "text-not-string", "empty-list", "1501-items", "nested-lists", "nested-objects", "binary",
        "form", "text-plain"])
def test_malformed_bodies_are_refused(served, api, body, ctype):
    before = counts(served.store)["articles"]
    r = api.post("/api/ingest", content=body, headers={**_auth(), "content-type": ctype})
    assert_clean(r, repr(body[:30]))
    assert counts(served.store)["articles"] == before


@pytest.mark.slow
def test_nul_characters_in_an_ingested_article(served, api):
    # PostgreSQL text cannot hold NUL: the article is stored without it or refused, never a 500.
    item = {"text": ARTICLE["text"].replace("students", "stu\x00dents"), "url": "https://example.org/nul\x00/1",
            "title": "NUL \x00 title", "published": "2024-06-02\x00"}
    r = api.post("/api/ingest", json=item, headers=_auth())
    assert_clean(r, "NUL article")
    assert r.status_code == 200 and r.json()["failed"] + r.json()["stored"] == 1, r.text


# -- CORS and headers --------------------------------------------------------
@pytest.mark.parametrize("path", ["/", "/static/app.js", "/api/events", "/api/nothing", "/api/openapi.json"])
def test_security_headers_everywhere(api, path):
    r = api.get(path)
    csp = r.headers["content-security-policy"]
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";") if d.strip())
    assert directives["script-src"] == "'self'" and directives["default-src"] == "'self'"
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp and "*" not in csp
    assert directives["object-src"] == "'none'" and directives["frame-ancestors"] == "'none'"
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY"
    assert r.headers["referrer-policy"] == "no-referrer"


def test_dashboard_has_no_inline_script(api):
    import re

    html = api.get("/").text
    scripts = re.findall(r"<script\b([^>]*)>(.*?)</script>", html, re.S | re.I)
    assert scripts and all("src=" in attrs and not body.strip() for attrs, body in scripts)
    assert not re.search(r"\son[a-z]+\s*=", html, re.I)  # no inline event handlers
    assert "javascript:" not in html.lower() and "http://" not in html and "https://" not in html


@pytest.mark.parametrize("origin", ["https://evil.example", "null", "http://127.0.0.1.evil.example"])
def test_cors_closed_by_default(api, origin):
    r = api.get("/api/events", headers={"Origin": origin})
    assert "access-control-allow-origin" not in r.headers
    pre = api.options("/api/ingest", headers={"Origin": origin, "Access-Control-Request-Method": "POST",
                                               "Access-Control-Request-Headers": "authorization"})
    assert "access-control-allow-origin" not in pre.headers
    assert "access-control-allow-credentials" not in pre.headers


def test_cors_opens_only_to_the_named_origin(tmp_path):
    db = str(tmp_path / "cors.db")
    store = Store.open(db)
    store.add(NAIROBI)
    with Server(create_app(Settings(db=db, cors_origins=("https://news.example",)), store=store)) as srv:
        with httpx.Client(base_url=srv.url) as c:
            ok = c.get("/api/events", headers={"Origin": "https://news.example"})
            assert ok.headers["access-control-allow-origin"] == "https://news.example"
            bad = c.get("/api/events", headers={"Origin": "https://evil.example"})
            assert "access-control-allow-origin" not in bad.headers
            assert "access-control-allow-credentials" not in ok.headers
    store.close()


# -- stored XSS in the browser -----------------------------------------------
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]


@pytest.mark.browser
@pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="needs the distribution's chromium")
def test_stored_xss_renders_as_text(served, api):
    from playwright.sync_api import sync_playwright

    found = api.get("/api/articles", params={"limit": 50}).json()["items"]
    article_id = next(a["id"] for a in found if a["url"] == "https://example.org/ec/1")
    event_id = api.get("/api/events", params={"article": article_id}).json()["items"][0]["id"]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page()
        dialogs, requests = [], []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.on("request", lambda r: requests.append(r.url))
        for route in (f"#article/{article_id}", f"#event/{event_id}"):
            page.goto(f"{served.url}/{route}")
            page.wait_for_selector("body[data-ready='1']", timeout=15000)
            page.wait_for_selector("#article:not([hidden])", timeout=15000)
            page.wait_for_timeout(300)
            assert page.evaluate("window.__xss === undefined"), page.evaluate("window.__xss")
            text = page.locator("#article").text_content()
            title = page.locator("#article-title").text_content()
            assert title == PAYLOADS["title"]
            for key in ("speaker", "quote", "entity", "claimant"):
                assert PAYLOADS[key] in text, key
            assert PAYLOADS["publisher"] in page.locator("#article-meta").text_content()
            assert page.locator("#article script, #article img, #article svg, #article iframe, #article a[href^='javascript']").count() == 0
            # Payloads in tooltips stay attribute text too.
            titles = page.eval_on_selector_all("#article-text [title]", "els => els.map(e => e.title).join(' ')")
            assert PAYLOADS["entity"] in titles and PAYLOADS["speaker"] in titles
            page.hover("#article-text .hl-ent")
            assert page.evaluate("window.__xss === undefined")
        # No image or frame was ever fetched for a payload.
        assert not [u for u in requests if u.endswith("/x") or "srcdoc" in u]
        assert dialogs == []
        browser.close()


def test_api_returns_payloads_as_json_strings(api):
    found = api.get("/api/quotes", params={"speaker": "Ana"})
    assert found.headers["content-type"].startswith("application/json")
    assert [q["speaker"] for q in found.json()["items"]] == [PAYLOADS["speaker"]]
    assert urlquote("<") not in found.text
