"""Kill -9 the ingest and the server at random points; nothing acknowledged is lost, nothing is stored twice.

Each round starts a real process (``tidings ingest`` over a JSON Lines file,
or ``tidings serve`` fed one article per ``POST /api/ingest``), kills it
with SIGKILL after a random delay, then opens the database and checks it:

- SQLite ``PRAGMA integrity_check``, ``foreign_key_check`` and the FTS5
  index's own integrity check;
- no orphan rows (children whose article or event is gone) and no article
  stored twice (same URL or same cleaned text);
- every article acknowledged before the kill is there, once: for the
  server, each article whose POST got a 200 saying "stored", "copy" or "duplicate";
  for the CLI, the articles its last progress line or summary counted as
  stored.

A last round runs to completion and the database must then hold every input
article exactly once. Usage::

    python bench/crash_loop.py --rounds 20 --backend sqlite --backend postgres

Prints one line per round and a summary; exits 1 on any violation.
PostgreSQL runs in its own schema of ``$TIDINGS_TEST_PG`` (dropped at the end).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIDINGS = [str(ROOT / ".venv" / "bin" / "tidings")] if (ROOT / ".venv" / "bin" / "tidings").exists() else [
    sys.executable, "-m", "tidings"]
PG_URL = os.environ.get("TIDINGS_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")
TOKEN = "crash-loop-token"

CITIES = ["Lakeport", "Velmar", "Ostrava Nova", "Port Haldane", "Kessington", "Amaru", "Dunmore", "Serapolis"]
GROUPS = ["nurses", "students", "dock workers", "farmers", "teachers", "taxi drivers", "miners", "pensioners"]


def article(i: int) -> dict:
    """A distinct fictional article (its number is in the URL and in the text)."""
    city, group = CITIES[i % len(CITIES)], GROUPS[(i // len(CITIES)) % len(GROUPS)]
    n = 100 + i
    text = (f"Police in {city} detained {n} {group} during a protest outside the regional assembly on Tuesday, "
            f"local officials said. The {group} had marched for a third day to demand the release of union leaders. "
            f"\"We will come back every day until they are free,\" said organiser number {i}, speaking to reporters. "
            f"The interior ministry said officers used tear gas after some protesters threw stones.")
    return {"text": text, "url": f"https://example.org/crash/{i}", "title": f"{city}: {n} {group} detained",
            "published": "2024-06-%02d" % (1 + i % 28)}


# -- the database -------------------------------------------------------------
CHILDREN = ["entities", "quotes", "claims", "places", "times", "events", "event_evidence"]


def check(url: str) -> tuple[list[str], dict]:
    """Integrity problems of the database at url, and {article url: count}."""
    from tidings.store import Store

    problems = []
    with Store.open(url) as store:
        db = store.db
        if store.dialect == "sqlite":
            ok = db.query("PRAGMA integrity_check")
            if [list(r.values())[0] for r in ok] != ["ok"]:
                problems.append(f"integrity_check: {ok[:3]}")
            fk = db.query("PRAGMA foreign_key_check")
            if fk:
                problems.append(f"foreign_key_check: {fk[:3]}")
            for fts in ("articles_fts", "quotes_fts"):
                try:
                    db.execute(f"INSERT INTO {fts} ({fts}) VALUES ('integrity-check')")
                except Exception as exc:  # noqa: BLE001 - reported as a problem
                    problems.append(f"{fts}: {exc}")
        for table in CHILDREN:
            n = db.scalar(f"SELECT count(*) AS n FROM {table} t WHERE NOT EXISTS "
                          f"(SELECT 1 FROM articles a WHERE a.id = t.article_id)")
            if n:
                problems.append(f"{n} orphan rows in {table}")
        n = db.scalar("SELECT count(*) AS n FROM event_evidence x WHERE NOT EXISTS "
                      "(SELECT 1 FROM events e WHERE e.id = x.event_id)")
        if n:
            problems.append(f"{n} evidence rows without their event")
        for column in ("url", "content_hash"):
            dup = db.scalar(f"SELECT count(*) - count(DISTINCT {column}) AS n FROM articles WHERE {column} IS NOT NULL")
            if dup:
                problems.append(f"{dup} articles stored twice (same {column})")
        urls = {}
        for row in db.query("SELECT url, count(*) AS n FROM articles GROUP BY url"):
            urls[row["url"]] = row["n"]
    return problems, urls


@contextmanager
def database(kind: str, folder: Path):
    if kind == "sqlite":
        yield str(folder / "crash.db")
        return
    import psycopg

    schema = f"tidings_crash_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in PG_URL else "?"
    try:
        yield f"{PG_URL}{sep}options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(PG_URL, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")


# -- one round of each kind ------------------------------------------------------
_STORED = re.compile(r"stored (\d+)")


def _articles(db: str) -> int:
    from tidings.store import Store

    with Store.open(db) as store:
        return store.db.scalar("SELECT count(*) AS n FROM articles")


def ingest_round(db: str, jsonl: Path, delay: float, after_first_write: bool = True) -> dict:
    """Run `tidings ingest`, SIGKILL it delay seconds after it stored its first article; how many it acknowledged.

    Counting from the first write (the model takes seconds to load) makes
    the kill land while articles are being written.
    """
    env = dict(os.environ, TIDINGS_DB=db, PYTHONUNBUFFERED="1")
    before = _articles(db) if after_first_write else 0
    proc = subprocess.Popen([*TIDINGS, "ingest", str(jsonl), "--db", db], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, env=env, start_new_session=True)
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(proc.stdout), daemon=True)
    reader.start()
    wrote_at = None
    if after_first_write:
        end = time.monotonic() + 180
        while proc.poll() is None and time.monotonic() < end:
            if _articles(db) > before:
                wrote_at = time.monotonic()
                break
            time.sleep(0.1)
    try:
        proc.wait(timeout=delay)
        killed = False
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        killed = True
    reader.join(5)
    # Progress lines say "stored S" (so far, this run); the summary says "stored S, ...".
    stored = [int(m[1]) for line in lines if (m := _STORED.search(line))]
    return {"killed": killed, "acked_stored": max(stored, default=0), "rc": proc.returncode, "tail": lines[-3:],
            "mid_write": killed and wrote_at is not None}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_round(db: str, items: list[dict], delay: float) -> dict:
    """Run `tidings serve`, POST articles one by one, SIGKILL the server delay seconds after the first answer."""
    import httpx

    port = _free_port()
    proc = subprocess.Popen([*TIDINGS, "serve", "--db", db, "--port", str(port), "--token", TOKEN],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    acked: list[str] = []
    errors: list[str] = []
    started = time.monotonic()
    with httpx.Client(base_url=base, timeout=120) as client:
        while time.monotonic() - started < 60:
            try:
                if client.get("/api/summary").status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        stop, first = threading.Event(), threading.Event()

        def post_all():
            for item in items:
                if stop.is_set():
                    return
                try:
                    r = client.post("/api/ingest", json=item, headers={"Authorization": f"Bearer {TOKEN}"})
                except httpx.TransportError:
                    return  # the server is gone: this one was never acknowledged
                if r.status_code != 200:
                    errors.append(f"{r.status_code} {r.text[:200]}")
                    continue
                first.set()
                status = r.json()["items"][0]["status"]
                if status in ("stored", "copy", "duplicate"):
                    acked.append(item["url"])
                else:
                    errors.append(f"{item['url']}: {status}")

        poster = threading.Thread(target=post_all, daemon=True)
        poster.start()
        # The server loads the model on the first POST: count the delay from
        # the first answer, so the kill lands while articles are being written.
        first.wait(120)
        poster.join(delay)
        stop.set()
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        poster.join(30)
    return {"killed": True, "acked": acked, "errors": errors}


# -- the loop ---------------------------------------------------------------------
def run(kind: str, rounds: int, n_articles: int = 120, seed: int = 0, max_delay: float = 25.0, log=print) -> dict:
    """rounds of each mode (CLI ingest, server) against one fresh database; a summary dict."""
    rng = random.Random(seed)
    items = [article(i) for i in range(n_articles)]
    summary = {"backend": kind, "rounds": 0, "killed": 0, "violations": [], "acked": 0, "ingest_killed_mid_write": 0,
               "serve_killed_after_acks": 0}
    with tempfile.TemporaryDirectory(prefix="tidings-crash-") as tmp, database(kind, Path(tmp)) as db:
        jsonl = Path(tmp) / "articles.jsonl"
        # The CLI gets the first half, the server the second (and, now and then, a repeat).
        jsonl.write_text("".join(json.dumps(x) + "\n" for x in items[: n_articles // 2]))
        acked: set[str] = set()
        stored_before = 0
        for n in range(rounds):
            for mode in ("ingest", "serve"):
                delay = rng.uniform(0.0, max_delay / 2)
                if mode == "ingest":
                    out = ingest_round(db, jsonl, delay)
                else:
                    todo = [x for x in items[n_articles // 2:] if x["url"] not in acked]
                    todo = todo[:40] + rng.sample(items[n_articles // 2:], 2)  # repeats must be duplicates
                    out = server_round(db, todo, delay)
                problems, urls = check(db)
                if mode == "ingest":
                    if len(urls) < stored_before + out["acked_stored"]:
                        problems.append(f"ingest acknowledged {out['acked_stored']} new articles, "
                                        f"the database grew by {len(urls) - stored_before}")
                else:
                    acked.update(out["acked"])
                    problems += [f"server error: {e}" for e in out["errors"]]
                missing = [u for u in acked if urls.get(u) != 1]
                if missing:
                    problems.append(f"{len(missing)} acknowledged articles missing or repeated: {missing[:3]}")
                stored_before = len(urls)
                summary["rounds"] += 1
                summary["killed"] += int(out["killed"])
                summary["ingest_killed_mid_write"] += int(out.get("mid_write", False))
                summary["serve_killed_after_acks"] += int(bool(out.get("acked")))
                summary["violations"] += [f"round {n} {mode}: {p}" for p in problems]
                log(f"{kind} round {n + 1}/{rounds} {mode}: killed {delay:.1f}s after the first write={out['killed']}, "
                    f"articles {len(urls)}, acknowledged {out.get('acked_stored', len(out.get('acked', [])))}, "
                    f"problems {problems or 'none'}")
        # Finally, an ingest that is allowed to finish: every input article, once.
        final = ingest_round(db, jsonl, 900, after_first_write=False)
        problems, urls = check(db)
        expected = {x["url"] for x in items[: n_articles // 2]} | acked
        missing = sorted(u for u in expected if urls.get(u) != 1)
        if final["killed"] or missing or problems:
            summary["violations"].append(f"final run: killed={final['killed']} missing={missing[:5]} {problems}")
        summary["acked"] = len(acked)
        summary["articles"] = len(urls)
        log(f"{kind} final: {len(urls)} articles, {len(missing)} missing, problems {problems or 'none'}")
    return summary


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rounds", type=int, default=20, help="rounds per mode (ingest and serve each)")
    ap.add_argument("--backend", action="append", choices=["sqlite", "postgres"])
    ap.add_argument("--articles", type=int, default=120)
    ap.add_argument("--max-delay", type=float, default=25.0)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--json", help="write the summaries here")
    args = ap.parse_args(argv)
    results = [run(kind, args.rounds, args.articles, args.seed, args.max_delay) for kind in args.backend or ["sqlite"]]
    for r in results:
        print(f"{r['backend']}: {r['rounds']} rounds, {r['killed']} kills ({r['ingest_killed_mid_write']} of the CLI "
              f"after its first write, {r['serve_killed_after_acks']} of the server after acknowledging writes), "
              f"{r['acked']} acknowledged over HTTP, {r['articles']} articles at the end, {len(r['violations'])} violations")
        for v in r["violations"]:
            print("  " + v)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))
    return 1 if any(r["violations"] for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
