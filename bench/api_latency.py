"""API latency over a generated database of 1,000,000 events.

    python bench/api_latency.py                       # SQLite and PostgreSQL, 1M events
    python bench/api_latency.py --backend sqlite --events 200000

Builds a synthetic store (bulk insert: executemany on SQLite, COPY on
PostgreSQL), starts the real API on uvicorn, sends the common filtered
queries over HTTP and prints p50/p99 latency per query and backend, as a
Markdown table. Not a test: figures depend on the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from tidings.record import PLOVER_TYPES  # noqa: E402
from tidings.store import Store  # noqa: E402
from tidings.store.rows import now  # noqa: E402

COUNTRIES = {  # ISO -> (lat, lon) of a city
    "KE": (-1.29, 36.82), "GE": (41.69, 44.83), "BD": (23.71, 90.41), "IR": (35.69, 51.39), "MM": (16.87, 96.2),
    "CO": (4.71, -74.07), "HK": (22.32, 114.17), "SD": (15.5, 32.56), "BY": (53.9, 27.57), "VE": (10.48, -66.9),
    "NG": (6.52, 3.38), "PK": (33.68, 73.05), "IN": (28.61, 77.21), "BR": (-15.79, -47.88), "MX": (19.43, -99.13),
    "FR": (48.86, 2.35), "US": (38.9, -77.04), "RU": (55.75, 37.62), "TR": (39.93, 32.86), "EG": (30.04, 31.24),
    "ET": (9.03, 38.74), "ZA": (-25.75, 28.19), "TH": (13.76, 100.5), "ID": (-6.2, 106.85), "PH": (14.6, 120.98),
    "LK": (6.93, 79.85), "CL": (-33.45, -70.67), "PE": (-12.05, -77.04), "AR": (-34.6, -58.38), "UA": (50.45, 30.52),
    "IQ": (33.31, 44.37), "LB": (33.89, 35.5), "TN": (36.81, 10.18), "DZ": (36.75, 3.06), "UG": (0.35, 32.58),
    "ZW": (-17.83, 31.05), "SN": (14.72, -17.47), "ML": (12.64, -8.0), "CM": (3.87, 11.52), "RS": (44.79, 20.45),
}
WEIGHTS = [1, 1, 2, 1, 1, 1, 1, 2, 3, 2, 2, 8, 1, 2, 6, 4]   # per PLOVER type: protests and coercion dominate
ACTORS = ["police", "riot police", "protesters", "students", "soldiers", "security forces", "workers",
          "opposition supporters", "government", "militia", "journalists", "farmers", "teachers", "residents"]
WORDS = ["protest", "march", "strike", "tear", "gas", "arrest", "detained", "killed", "injured", "rally",
         "election", "fuel", "price", "bill", "parliament", "university", "union", "curfew", "internet", "court"]
START = date(2023, 1, 1)
DAYS = 730
EVENTS_PER_ARTICLE = 50

EVENT_COLS = ("id", "article_id", "local_id", "type", "mode", "status", "date", "date_precision", "actor", "target",
              "place", "lat", "lon", "country", "killed", "arrested", "participants", "counts", "sentence",
              "start_char", "end_char", "published", "publisher", "url", "title")


VOCAB = [f"w{i}" for i in range(5000)]


def generate(n_events: int, seed: int = 7):
    """Article rows (a list) and event rows (an iterator), deterministic."""
    rnd = random.Random(seed)
    n_articles = max(1, -(-n_events // EVENTS_PER_ARTICLE))
    countries = list(COUNTRIES)
    articles, plan = [], []
    for a in range(1, n_articles + 1):
        day = START + timedelta(days=rnd.randrange(DAYS))
        country = rnd.choice(countries)
        # A few topic words and many rarer ones, so text search is selective.
        text = " ".join(rnd.sample(WORDS, 6) + rnd.sample(VOCAB, 50)) + f" article{a}"
        published = day.isoformat()
        articles.append((a, f"gen-{a}", f"https://bench.example/{a}", f"{a:064x}", f"Article {a}", published,
                         "Bench Wire", "en", text, "bench", "0.1.0", "bench", "1.0", "", now(), EVENTS_PER_ARTICLE,
                         json.dumps({"id": f"gen-{a}", "article": {"text": text}})))
        plan.append((a, day, country))
    return articles, _events(plan, n_events, rnd)


def _events(plan, n_events, rnd):
    countries = list(COUNTRIES)
    eid = 0
    for a, day, country in plan:
        published = day.isoformat()
        for k in range(EVENTS_PER_ARTICLE):
            eid += 1
            if eid > n_events:
                return
            lat, lon = COUNTRIES[country if rnd.random() < 0.8 else rnd.choice(countries)]
            ev_day = day - timedelta(days=rnd.randrange(3))
            killed = rnd.choice([None, None, None, 0, 1, 2, 5, 12])
            yield ((eid, a, f"V{k + 1}", rnd.choices(PLOVER_TYPES, WEIGHTS)[0], None,
                           "occurred" if rnd.random() < 0.9 else rnd.choice(["claimed", "denied", "planned"]),
                           ev_day.isoformat(), "day", rnd.choice(ACTORS), rnd.choice(ACTORS), f"place{eid % 997}",
                           round(lat + rnd.uniform(-2, 2), 4), round(lon + rnd.uniform(-2, 2), 4), country, killed,
                           rnd.choice([None, None, 3, 40]), rnd.choice([None, 200, 5000]), "{}",
                           "A synthetic event sentence.", 0, 27, published, "Bench Wire", f"https://bench.example/{a}",
                           f"Article {a}"))


ARTICLE_COLS = ("id", "record_id", "url", "content_hash", "title", "published", "publisher", "language", "text",
                "source_path", "tidings_version", "model", "schema_version", "components", "ingested_at", "n_events",
                "record_json")


def fill(store: Store, articles, events) -> None:
    db = store.db
    evidence = ("INSERT INTO event_evidence (event_id, article_id, sentence, start_char, end_char) "
                "SELECT id, article_id, sentence, start_char, end_char FROM events")
    if store.dialect == "sqlite":
        with db.transaction():
            db.conn.executemany(f"INSERT INTO articles ({', '.join(ARTICLE_COLS)}) VALUES ({', '.join('?' * len(ARTICLE_COLS))})", articles)
            db.conn.executemany(f"INSERT INTO events ({', '.join(EVENT_COLS)}) VALUES ({', '.join('?' * len(EVENT_COLS))})", events)
            db.conn.execute(evidence)
        store.refresh_summaries()   # the rows went in by plain SQL, not Store.add
        db.conn.execute("ANALYZE")
        return
    conn = db.conn
    with conn.transaction():
        with conn.cursor() as cur:
            for table, cols, rows in (("articles", ARTICLE_COLS, articles), ("events", EVENT_COLS, events)):
                with cur.copy(f"COPY {table} ({', '.join(cols)}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
            cur.execute(evidence)
            for table in ("articles", "events", "event_evidence"):
                cur.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")
    store.refresh_summaries()
    conn.execute("VACUUM ANALYZE events")
    conn.execute("VACUUM ANALYZE event_counts")
    conn.execute("VACUUM ANALYZE event_names")
    conn.execute("VACUUM ANALYZE articles")


def queries(rnd: random.Random, n_events: int):
    """(name, path, params) for the common dashboard and API queries, with varied values."""
    def month():
        d = START + timedelta(days=rnd.randrange(DAYS - 31))
        return d.isoformat(), (d + timedelta(days=30)).isoformat()

    def country():
        return rnd.choice(list(COUNTRIES))

    out = [
        ("newest events (no filter)", "/api/events", lambda: {"limit": 100}),
        ("type", "/api/events", lambda: {"type": rnd.choice(["PROTEST", "COERCE", "ASSAULT"]), "limit": 100}),
        ("country + month", "/api/events", lambda: dict(zip(("date_from", "date_to"), month()), country=country())),
        ("types + country + month", "/api/events",
         lambda: dict(zip(("date_from", "date_to"), month()), country=country(), type="PROTEST,COERCE")),
        ("radius 50 km", "/api/events", lambda: (lambda c: {"lat": c[0], "lon": c[1], "km": 50})(COUNTRIES[country()])),
        ("radius 50 km + month", "/api/events",
         lambda: (lambda c, m: {"lat": c[0], "lon": c[1], "km": 50, "date_from": m[0], "date_to": m[1]})(COUNTRIES[country()], month())),
        ("actor + country", "/api/events", lambda: {"actor": rnd.choice(ACTORS), "country": country()}),
        ("free text (q) + type", "/api/events", lambda: {"q": rnd.choice(WORDS) + " " + rnd.choice(VOCAB), "type": "PROTEST"}),
        ("page 10, sorted by killed", "/api/events", lambda: {"country": country(), "sort": "-killed", "offset": 900, "limit": 100}),
        ("one event", None, lambda: rnd.randrange(1, n_events)),
        ("events per day by type (country)", "/api/stats/events-per-day", lambda: {"country": country(), "by": "type"}),
        ("events per day by type (month)", "/api/stats/events-per-day", lambda: dict(zip(("date_from", "date_to"), month()))),
        ("countries (month)", "/api/stats/countries", lambda: dict(zip(("date_from", "date_to"), month()))),
    ]
    return out


def measure(url: str, n_events: int, repeat: int, seed: int = 11) -> list[dict]:
    import httpx

    from storekit import Server
    from tidings.api.app import create_app
    from tidings.api.settings import Settings

    rnd = random.Random(seed)
    results = []
    store = Store.open(url)
    with Server(create_app(Settings(db=url), store=store)) as srv, httpx.Client(base_url=srv.url, timeout=60) as client:
        for name, path, make in queries(rnd, n_events):
            times = []
            for i in range(repeat + 3):
                params = make()
                t = time.perf_counter()
                if path is None:
                    r = client.get(f"/api/events/{params}")
                else:
                    r = client.get(path, params=params)
                elapsed = (time.perf_counter() - t) * 1000
                r.raise_for_status()
                if i >= 3:   # the first calls warm caches and connections
                    times.append(elapsed)
            times.sort()
            results.append({"query": name, "p50": statistics.median(times),
                            "p99": times[min(len(times) - 1, int(round(0.99 * (len(times) - 1))))], "n": len(times)})
    store.close()
    return results


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--backend", choices=["sqlite", "postgres", "both"], default="both")
    ap.add_argument("--db", default=str(ROOT / "bench" / "out" / "latency.db"))
    ap.add_argument("--pg", default=os.environ.get("TIDINGS_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test"))
    ap.add_argument("--repeat", type=int, default=100)
    ap.add_argument("--reuse", action="store_true", help="Keep an existing database (SQLite file, PostgreSQL schema).")
    args = ap.parse_args()

    tables = {}
    if args.backend in ("sqlite", "both"):
        path = Path(args.db)
        path.parent.mkdir(parents=True, exist_ok=True)
        if not (args.reuse and path.exists()):
            for suffix in ("", "-wal", "-shm"):
                Path(str(path) + suffix).unlink(missing_ok=True)
            t = time.perf_counter()
            with Store.open(str(path)) as store:
                fill(store, *generate(args.events))
            print(f"sqlite: filled in {time.perf_counter() - t:.1f}s", file=sys.stderr)
        tables["SQLite"] = measure(str(path), args.events, args.repeat)
    if args.backend in ("postgres", "both"):
        import psycopg

        schema = "tidings_bench"
        url = f"{args.pg}{'&' if '?' in args.pg else '?'}options=-csearch_path%3D{schema}"
        with psycopg.connect(args.pg, autocommit=True) as conn:
            have = conn.execute("SELECT to_regclass(%s) IS NOT NULL", [f"{schema}.events"]).fetchone()[0]
            reuse = args.reuse and have and conn.execute(f"SELECT count(*) FROM {schema}.events").fetchone()[0] == args.events
            if not reuse:
                conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
                conn.execute(f"CREATE SCHEMA {schema}")
        if not reuse:
            t = time.perf_counter()
            with Store.open(url) as store:
                fill(store, *generate(args.events))
            print(f"postgres: filled in {time.perf_counter() - t:.1f}s", file=sys.stderr)
        tables["PostgreSQL"] = measure(url, args.events, args.repeat)
    names = [r["query"] for r in next(iter(tables.values()))]
    head = "| query | " + " | ".join(f"{b} p50 (ms) | {b} p99 (ms)" for b in tables) + " |"
    print(head)
    print("|" + "---|" * (1 + 2 * len(tables)))
    for i, name in enumerate(names):
        cells = " | ".join(f"{tables[b][i]['p50']:.1f} | {tables[b][i]['p99']:.1f}" for b in tables)
        print(f"| {name} | {cells} |")


if __name__ == "__main__":
    main()
