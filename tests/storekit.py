"""Hand-built records for the store, API, export and dashboard tests.

The pipeline's stages fill events, places, quotes and claims; these tests
must not depend on how well they do, so they build valid records directly,
with every span found in the text (offsets are real).
"""

from __future__ import annotations

import pytest

from tidings.record import (
    Acled, Article, Claim, Count, Counts, Entity, Event, EventDate, EventPlace, Evidence, Party, Place,
    Provenance, Quote, Record, Span,
)

PROVENANCE = Provenance(tidings="0.1.0", model="en_core_web_sm 3.8.0", components=["tidings_entities"])


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def make_record(text, *, title=None, published=None, url=None, publisher=None, id=None,
                entities=(), quotes=(), claims=(), events=()) -> Record:
    ents = []
    for n, (name, label) in enumerate(entities, 1):
        mentions, at = [], 0
        while (i := text.find(name, at)) >= 0:
            mentions.append((i, i + len(name)))
            at = i + len(name)
        ents.append(Entity(id=f"E{n}", name=name, type=label, mentions=mentions))
    qs = []
    for n, (quote, speaker) in enumerate(quotes, 1):
        s, e = _span(text, quote)
        qs.append(Quote(id=f"Q{n}", text=quote, start=s, end=e, direct=True, speaker=speaker, cue="said"))
    cs = []
    for n, (claim, claimant, status) in enumerate(claims, 1):
        s, e = _span(text, claim)
        cs.append(Claim(id=f"C{n}", text=claim, start=s, end=e, claimant=claimant, status=status,
                        status_evidence=Span(text=claim, start=s, end=e) if status != "asserted" else None))
    places, evs = [], []
    for n, spec in enumerate(events, 1):
        s, e = _span(text, spec["sentence"])
        place = spec.get("place")
        ev_place = None
        if place:
            name, lat, lon, country = place
            ps, pe = _span(text, name)
            places.append(Place(id=f"P{len(places) + 1}", name=name, mentions=[(ps, pe)], lat=lat, lon=lon,
                                country=country, feature=spec.get("feature", "city")))
            ev_place = EventPlace(name=name, lat=lat, lon=lon, country=country)
        counts = Counts(**{k: Count(value=v, text=f"{v} {k}") for k in ("killed", "injured", "arrested", "participants")
                           if (v := spec.get(k)) is not None})
        evidence = [Evidence(sentence=spec["sentence"], start=s, end=e)]
        for extra in spec.get("more_evidence", ()):
            xs, xe = _span(text, extra)
            evidence.append(Evidence(sentence=extra, start=xs, end=xe))
        evs.append(Event(
            id=f"V{n}", type=spec["type"], mode=spec.get("mode"), status=spec.get("status", "occurred"),
            actor=Party(name=spec["actor"]) if spec.get("actor") else None,
            target=Party(name=spec["target"]) if spec.get("target") else None,
            counts=counts, sentence=spec["sentence"], start=s, end=e, evidence=evidence,
            date=EventDate(value=spec["date"], precision="day", text=spec.get("date_text")) if spec.get("date") else None,
            place=ev_place, acled=Acled(event_type=spec.get("acled"), sub_event_type=spec.get("acled_sub")),
            according_to=spec.get("according_to"),
        ))
    return Record(id=id, article=Article(title=title, text=text, published=published, url=url, publisher=publisher,
                                         language="en"),
                  entities=ents, quotes=qs, claims=cs, places=places, events=evs, provenance=PROVENANCE)


NAIROBI = make_record(
    "Police fired tear gas at thousands of protesters in Nairobi on Tuesday. "
    "Officers arrested 42 people near Uhuru Park, according to the Kenya Police Service. "
    "\"We will not be silenced,\" said Amina Wanjiru, an organiser. "
    "The interior ministry denied that live rounds were used.",
    title="Kenyan police disperse Nairobi protest", published="2024-06-26", url="https://example.org/ke/1",
    publisher="Daily Example", id="ke-1",
    entities=[("Amina Wanjiru", "PERSON"), ("Kenya Police Service", "ORG"), ("Nairobi", "GPE")],
    quotes=[("We will not be silenced", "Amina Wanjiru")],
    claims=[("The interior ministry denied that live rounds were used.", "interior ministry", "denied")],
    events=[
        {"sentence": "Police fired tear gas at thousands of protesters in Nairobi on Tuesday.", "type": "COERCE",
         "mode": "crowd control", "actor": "Police", "target": "protesters", "date": "2024-06-25",
         "date_text": "Tuesday", "place": ("Nairobi", -1.2864, 36.8172, "KE"), "participants": 3000,
         "acled": "Protests", "acled_sub": "Protest with intervention"},
        {"sentence": "Officers arrested 42 people near Uhuru Park, according to the Kenya Police Service.",
         "type": "COERCE", "mode": "arrest", "actor": "Officers", "target": "people", "date": "2024-06-25",
         "place": ("Uhuru Park", -1.2896, 36.8172, "KE"), "feature": "landmark", "arrested": 42,
         "according_to": "Kenya Police Service", "acled": "Protests", "acled_sub": "Protest with intervention"},
    ],
)

TBILISI = make_record(
    "Thousands marched in Tbilisi on Saturday against the foreign agents bill. "
    "Demonstrators gathered outside parliament on Rustaveli Avenue. "
    "Three people were injured in scuffles with riot police, the health ministry said.",
    title="Tbilisi march against foreign agents bill", published="2024-05-12", url="https://example.org/ge/1",
    publisher="Caucasus Example", id="ge-1",
    entities=[("Tbilisi", "GPE"), ("Rustaveli Avenue", "FAC")],
    events=[
        {"sentence": "Thousands marched in Tbilisi on Saturday against the foreign agents bill.", "type": "PROTEST",
         "mode": "demonstrate", "actor": "Thousands", "date": "2024-05-11", "date_text": "Saturday",
         "place": ("Tbilisi", 41.6941, 44.8337, "GE"), "participants": 5000,
         "more_evidence": ["Demonstrators gathered outside parliament on Rustaveli Avenue."],
         "acled": "Protests", "acled_sub": "Peaceful protest"},
        {"sentence": "Three people were injured in scuffles with riot police, the health ministry said.",
         "type": "ASSAULT", "actor": "riot police", "target": "people", "date": "2024-05-11",
         "place": ("Tbilisi", 41.6941, 44.8337, "GE"), "injured": 3,
         "acled": "Riots", "acled_sub": "Violent demonstration"},
    ],
)

XSS = make_record(
    "Students protested in Dhaka <script>window.__xss = 1</script> on Monday. "
    "A banner read <img src=x onerror=\"window.__xss = 2\"> outside the university.",
    title="Dhaka <script>window.__xss = 3</script> students <img src=x onerror=\"window.__xss = 4\">",
    published="2024-07-16", url="https://example.org/bd/1", publisher="Example <b>Bangla</b>", id="bd-1",
    entities=[("Dhaka", "GPE")],
    events=[
        {"sentence": "Students protested in Dhaka <script>window.__xss = 1</script> on Monday.", "type": "PROTEST",
         "actor": "Students <img src=x onerror=\"window.__xss = 5\">", "date": "2024-07-15",
         "place": ("Dhaka", 23.7104, 90.4074, "BD"), "acled": "Protests", "acled_sub": "Peaceful protest"},
    ],
)

ALL = [NAIROBI, TBILISI, XSS]


class Server:
    """A real uvicorn server for an app, in a background thread, on a free port."""

    def __init__(self, app):
        import socket
        import threading

        import uvicorn

        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]
        sock.close()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self):
        import time

        self.thread.start()
        for _ in range(200):
            if self.server.started:
                return self
            time.sleep(0.05)
        raise RuntimeError("uvicorn did not start")

    def __exit__(self, *exc):
        self.server.should_exit = True
        self.thread.join(timeout=10)


PG_URL = __import__("os").environ.get("TIDINGS_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")


def pg_available() -> bool:
    try:
        import psycopg

        with psycopg.connect(PG_URL, connect_timeout=3):
            return True
    except Exception:  # noqa: BLE001 - any failure means: skip the PostgreSQL tests
        return False


class PgSchema:
    """A fresh schema in the test database; its URL points search_path at it."""

    def __init__(self, prefix: str = "tidings_test"):
        import uuid

        self.name = f"{prefix}_{uuid.uuid4().hex[:10]}"
        sep = "&" if "?" in PG_URL else "?"
        self.url = f"{PG_URL}{sep}options=-csearch_path%3D{self.name}"

    def __enter__(self):
        import psycopg

        with psycopg.connect(PG_URL, autocommit=True) as conn:
            conn.execute(f"CREATE SCHEMA {self.name}")
        return self

    def __exit__(self, *exc):
        import psycopg

        with psycopg.connect(PG_URL, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA IF EXISTS {self.name} CASCADE")


def backend_url(kind: str, tmp_path_factory):
    """A context manager giving a fresh database URL of the kind asked for."""
    import contextlib

    import pytest

    @contextlib.contextmanager
    def sqlite():
        yield str(tmp_path_factory.mktemp("db") / "tidings.db")

    @contextlib.contextmanager
    def postgres():
        if not pg_available():
            pytest.skip(f"no PostgreSQL at {PG_URL} (scripts/ensure-services.sh starts one)")
        with PgSchema() as schema:
            yield schema.url

    return sqlite() if kind == "sqlite" else postgres()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request, tmp_path_factory):
    """A migrated Store on each backend (import it into a test module to use it)."""
    from tidings.store import Store

    with backend_url(request.param, tmp_path_factory) as url:
        s = Store.open(url)
        yield s
        s.close()
