"""Bounded load on loopback: mixed API queries against `tidings serve` over 1,000,000 events while articles are ingested.

    python bench/load_test.py                          # build bench/out/load.db once, then 60 s of load
    python bench/load_test.py --reuse --seconds 120 --concurrency 16

The database is the synthetic one of bench/api_latency.py (same generator)
in its own file. The server is the real CLI (`tidings serve`, a subprocess on
127.0.0.1). During the load, a `tidings ingest` process writes new articles
into the same database and a client POSTs more to /api/ingest; afterwards
every article either acknowledged must be there, once. Bounded: at most
--max-requests reads and --seconds of wall time, only 127.0.0.1.

Prints requests/s, latency percentiles and error counts, and writes them to
docs/reliability.md (between the load markers) unless --no-write.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

import api_latency  # noqa: E402
import crash_loop  # noqa: E402

DOC = ROOT / "docs" / "reliability.md"
START, END = "<!-- load:start -->", "<!-- load:end -->"
TOKEN = "load-test-token"


def build(path: Path, n_events: int) -> float:
    from tidings.store import Store

    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    t = time.perf_counter()
    with Store.open(str(path)) as store:
        api_latency.fill(store, *api_latency.generate(n_events))
    return time.perf_counter() - t


def percentile(sorted_ms: list[float], p: float) -> float:
    if not sorted_ms:
        return 0.0
    return sorted_ms[min(len(sorted_ms) - 1, int(round(p * (len(sorted_ms) - 1))))]


async def reads(base: str, n_events: int, seconds: float, concurrency: int, max_requests: int, seed: int) -> dict:
    import httpx

    rnd = random.Random(seed)
    mix = api_latency.queries(rnd, n_events)
    latencies: list[float] = []
    errors: list[str] = []
    by_query: dict[str, list[float]] = {}
    deadline = time.monotonic() + seconds
    sent = 0

    async def worker(client):
        nonlocal sent
        while time.monotonic() < deadline and sent < max_requests:
            sent += 1
            name, path, make = rnd.choice(mix)
            params = make()
            t = time.perf_counter()
            try:
                if path is None:
                    r = await client.get(f"/api/events/{params}")
                else:
                    r = await client.get(path, params=params)
                ok = r.status_code == 200 or (path is None and r.status_code == 404)
                if not ok:
                    errors.append(f"{r.status_code} {name}")
            except httpx.HTTPError as exc:
                errors.append(f"{type(exc).__name__} {name}")
            ms = (time.perf_counter() - t) * 1000
            latencies.append(ms)
            by_query.setdefault(name, []).append(ms)

    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    started = time.monotonic()
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:
        await asyncio.gather(*(worker(client) for _ in range(concurrency)))
    wall = time.monotonic() - started
    latencies.sort()
    return {"requests": len(latencies), "seconds": round(wall, 1), "rps": round(len(latencies) / wall, 1),
            "p50_ms": round(percentile(latencies, 0.5), 1), "p95_ms": round(percentile(latencies, 0.95), 1),
            "p99_ms": round(percentile(latencies, 0.99), 1), "max_ms": round(latencies[-1], 1) if latencies else 0,
            "errors": len(errors), "error_kinds": sorted(set(errors))[:10],
            "p99_by_query": {k: round(percentile(sorted(v), 0.99), 1) for k, v in by_query.items()}}


async def writes(base: str, items: list[dict], stop: asyncio.Event) -> dict:
    """POST articles one at a time until told to stop; the URLs acknowledged."""
    import httpx

    acked, errors = [], []
    async with httpx.AsyncClient(base_url=base, timeout=300) as client:
        for item in items:
            if stop.is_set():
                break
            try:
                r = await client.post("/api/ingest", json=item, headers={"Authorization": f"Bearer {TOKEN}"})
            except httpx.HTTPError as exc:
                errors.append(type(exc).__name__)
                continue
            if r.status_code == 200 and r.json()["items"][0]["status"] in ("stored", "copy", "duplicate"):
                acked.append(item["url"])
            else:
                errors.append(f"{r.status_code} {r.text[:120]}")
    return {"acked": acked, "errors": errors}


async def wait_ready(base: str, timeout: float = 120) -> None:
    import httpx

    end = time.monotonic() + timeout
    async with httpx.AsyncClient(base_url=base, timeout=10) as client:
        while time.monotonic() < end:
            try:
                if (await client.get("/api/summary")).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            await asyncio.sleep(0.2)
    raise RuntimeError("the server did not start")


async def run(db: Path, n_events: int, seconds: float, concurrency: int, max_requests: int, n_ingest: int) -> dict:
    port = crash_loop._free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([*crash_loop.TIDINGS, "serve", "--db", str(db), "--port", str(port), "--token", TOKEN],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True)
    tmp = Path(tempfile.mkdtemp(prefix="tidings-load-"))
    run_id = int(time.time())
    # Distinct new articles: the CLI gets one set, the API another.
    cli_items = [dict(crash_loop.article(i), url=f"https://example.org/load/{run_id}/cli/{i}") for i in range(n_ingest)]
    api_items = [dict(crash_loop.article(i + n_ingest), url=f"https://example.org/load/{run_id}/api/{i}")
                 for i in range(n_ingest)]
    for item in cli_items + api_items:
        item["text"] = item["text"].replace("organiser number", f"organiser {run_id} number")
    jsonl = tmp / "new.jsonl"
    jsonl.write_text("".join(json.dumps(x) + "\n" for x in cli_items))
    try:
        await wait_ready(base)
        ingest = subprocess.Popen([*crash_loop.TIDINGS, "ingest", str(jsonl), "--db", str(db)],
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
        stop = asyncio.Event()
        writer = asyncio.create_task(writes(base, api_items, stop))
        read = await reads(base, n_events, seconds, concurrency, max_requests, seed=11)
        stop.set()
        written = await writer
        try:
            out, _ = ingest.communicate(timeout=600)
        except subprocess.TimeoutExpired:
            os.killpg(ingest.pid, signal.SIGKILL)
            out, _ = ingest.communicate()
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(30)
    summary_line = next((line for line in out.splitlines()[::-1] if line.startswith("stored ")), out[-300:])
    m = re.match(r"stored (\d+)", summary_line)
    from tidings.store import Store

    with Store.open(str(db)) as store:
        rows = store.db.query("SELECT url, count(*) AS n FROM articles WHERE url LIKE ? GROUP BY url",
                              [f"https://example.org/load/{run_id}/%"])
        failed = store.db.scalar("SELECT count(*) AS n FROM failures WHERE input LIKE ?", [f"{jsonl}%"])
    found = {r["url"]: r["n"] for r in rows}
    # The CLI acknowledges what its summary counts as stored; articles it
    # failed (listed in the failures table) are reported, not lost.
    cli_stored = [x["url"] for x in cli_items if found.get(x["url"])]
    expected = cli_stored + written["acked"]
    lost = [u for u in expected if found.get(u) != 1]
    if m and int(m[1]) != len(cli_stored):
        lost.append(f"CLI said stored {m[1]}, found {len(cli_stored)}")
    return {**read, "ingest_cli": summary_line.strip(), "ingest_cli_stored": int(m[1]) if m else None,
            "posted_acked": len(written["acked"]), "post_errors": written["errors"][:5],
            "ingest_cli_failed": failed, "writes_expected": len(expected), "writes_lost_or_doubled": len(lost),
            "lost_examples": lost[:3]}


def write_doc(r: dict, command: str, n_events: int, concurrency: int, fill_s, doc: Path = DOC) -> None:
    lines = [START, "", f"Command: `{command}`", "",
             f"`tidings serve` (SQLite, {n_events:,} events) on 127.0.0.1, {concurrency} concurrent clients, mixed "
             f"queries of bench/api_latency.py, while `tidings ingest` and `POST /api/ingest` write new articles. "
             f"Machine: {r.get('machine', '?')} (shared; latency is dominated by CPU contention).", "",
             "| reads | wall (s) | requests/s | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | read errors | writes acknowledged | writes lost or doubled |",
             "|---|---|---|---|---|---|---|---|---|---|",
             f"| {r['requests']} | {r['seconds']} | {r['rps']} | {r['p50_ms']} | {r['p95_ms']} | {r['p99_ms']} | {r['max_ms']} "
             f"| {r['errors']} | {r['writes_expected']} ({r['ingest_cli_stored']} by the CLI, {r['posted_acked']} over HTTP) "
             f"| {r['writes_lost_or_doubled']} |", "",
             "p99 per query (ms): " + ", ".join(f"{k} {v}" for k, v in r["p99_by_query"].items()) + ".", ""]
    if fill_s:
        lines += [f"Building the database took {fill_s:.0f} s.", ""]
    lines.append(END)
    block = "\n".join(lines)
    text = doc.read_text() if doc.exists() else "# Reliability\n"
    if START in text and END in text:
        text = re.sub(re.escape(START) + ".*?" + re.escape(END), lambda _: block, text, flags=re.S)
    else:
        text += "\n" + block + "\n"
    doc.write_text(text)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", default=str(ROOT / "bench" / "out" / "load.db"))
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--reuse", action="store_true", help="keep an existing database")
    ap.add_argument("--fill-only", action="store_true")
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--concurrency", type=int, default=8)
    ap.add_argument("--max-requests", type=int, default=50_000)
    ap.add_argument("--ingest", type=int, default=20, help="new articles for the CLI and for the API each")
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--doc", default=str(DOC), help="the Markdown file to update")
    args = ap.parse_args(argv)
    db = Path(args.db)
    db.parent.mkdir(parents=True, exist_ok=True)
    fill_s = None
    if not (args.reuse and db.exists()):
        fill_s = build(db, args.events)
        print(f"built {db} with {args.events} events in {fill_s:.0f}s", flush=True)
    if args.fill_only:
        return 0
    load_before = os.getloadavg()[0]
    r = asyncio.run(run(db, args.events, args.seconds, args.concurrency, args.max_requests, args.ingest))
    r["machine"] = f"{os.cpu_count()} CPUs, load average {load_before:.1f} before and {os.getloadavg()[0]:.1f} after the run"
    print(json.dumps(r, indent=1))
    if not args.no_write:
        args_shown = [a for a in (argv if argv is not None else sys.argv[1:]) if not a.startswith(("--doc", "--db"))]
        write_doc(r, " ".join(["python bench/load_test.py"] + args_shown), args.events, args.concurrency, fill_s,
                  Path(args.doc))
    return 1 if r["errors"] or r["writes_lost_or_doubled"] or r["post_errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
