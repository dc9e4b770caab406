"""Scale benchmark: articles/s on 1 and 2 local workers and a 2-worker Dask local cluster,
each beside bare spaCy ``nlp.pipe`` at the same parallelism, and peak memory per worker.

Articles are the scrapinghub benchmark's gold bodies (read at run time from
../shared/eval/extraction/scrapinghub/ground-truth.json, never copied),
repeated and shuffled up to --articles. Rates are steady-state: counted from
the first result to the last, so model loading and process start-up (paid
once per worker, whatever the input size) are left out; the wall time with
start-up is printed beside them.

    .venv/bin/python bench/scale.py --articles 10000 --rate-articles 1000
    .venv/bin/python bench/scale.py --articles 200 --rate-articles 100   # a quick run

Each step runs in a fresh interpreter. The comparisons (1 vs 2 workers,
tidings vs bare spaCy, Dask vs local processes, memory at 1,000 vs
10,000) are between steps of the same run; run it on an otherwise idle
machine with at least as many free cores as workers.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
GOLD = ROOT.parent / "shared" / "eval" / "extraction" / "scrapinghub" / "ground-truth.json"


def bodies(path: Path) -> list[str]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return [v["articleBody"] for v in data.values() if len(v.get("articleBody") or "") > 500]


def articles(texts: list[str], n: int, seed: int = 7):
    from tidings.ingest.raw import RawArticle

    rng = random.Random(seed)
    for i in range(n):
        yield RawArticle(source=f"bench:{i}", id=f"b{i}", text=rng.choice(texts), published="2024-01-15")


class PeakRSS:
    """Peak resident memory of every process below this one, sampled every 0.2 s."""

    def __init__(self):
        self.peak: dict[int, int] = {}
        self.names: dict[int, str] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()

    def _run(self):
        me = psutil.Process()
        while not self._stop.is_set():
            for p in me.children(recursive=True):
                try:
                    rss = p.memory_info().rss
                    self.names.setdefault(p.pid, " ".join(p.cmdline()[-3:]))
                except psutil.Error:
                    continue
                self.peak[p.pid] = max(self.peak.get(p.pid, 0), rss)
            self._stop.wait(0.2)

    def workers_mib(self, min_mib: int = 300) -> list[float]:
        # Worker processes hold a spaCy model (several hundred MiB); the
        # forkserver, resource tracker, nannies and scheduler do not.
        return sorted(round(v / 2**20, 1) for v in self.peak.values() if v / 2**20 >= min_mib)


def timed(results, n):
    start = time.perf_counter()
    first = None
    count = events = 0
    for r in results:
        count += 1
        events += len(getattr(r, "events", ()) or ())
        if first is None:
            first = (time.perf_counter(), count)
    end = time.perf_counter()
    assert count == n, (count, n)
    steady = (count - first[1]) / max(end - first[0], 1e-9) if count > first[1] else float("nan")
    return {"articles": count, "events": events, "wall_s": round(end - start, 1), "articles_per_s": round(steady, 2)}


def local(n, texts, workers, batch):
    from tidings.config import Config
    from tidings.runners.local import process_parallel
    from tidings.runners.metrics import Metrics

    with PeakRSS() as mem:
        out = timed(process_parallel(articles(texts, n), Config(batch_size=batch), workers=workers, metrics=Metrics()), n)
    if workers == 1:
        out["peak_worker_mib"] = [round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)]  # KiB on Linux
    else:
        out["peak_worker_mib"] = mem.workers_mib()
    return out


def dask(n, texts, workers, part_size, batch):
    from tidings.config import Config
    from tidings.runners.batch import chunks
    from tidings.runners.dask import connect, process_parts

    config = Config(batch_size=batch)
    with PeakRSS() as mem:
        client = connect(None, workers, config)
        try:
            client.wait_for_workers(workers)
            parts = ((i, i * part_size, c) for i, c in enumerate(chunks(articles(texts, n), part_size)))
            start = time.perf_counter()
            first = None
            count = events = 0
            for _, records, ev, counts in process_parts(client, parts, config):
                count += counts["articles"]
                events += counts["events"]
                if first is None:
                    first = (time.perf_counter(), count)
            end = time.perf_counter()
        finally:
            cluster = client.cluster
            client.close()
            cluster.close()
    steady = (count - first[1]) / max(end - first[0], 1e-9) if count > first[1] else float("nan")
    return {"articles": count, "events": events, "wall_s": round(end - start, 1), "articles_per_s": round(steady, 2),
            "peak_worker_mib": mem.workers_mib()}


def bare(n, texts, workers, batch):
    from tidings.nlp.model import load_spacy

    nlp = load_spacy("en_core_web_sm")
    docs = (a.text for a in articles(texts, n))
    return timed(nlp.pipe(docs, batch_size=batch, n_process=workers), n)


STEPS = {
    "bare1": lambda n, a: bare(n, a.texts, 1, a.batch),
    "local1": lambda n, a: local(n, a.texts, 1, a.batch),
    "bare2": lambda n, a: bare(n, a.texts, 2, a.batch),
    "local2": lambda n, a: local(n, a.texts, 2, a.batch),
    "dask2": lambda n, a: dask(n, a.texts, 2, a.part_size, a.batch),
}


def run_step(name: str, n: int, args) -> dict:
    """One step in a fresh interpreter, so no step inherits another's memory, processes or caches."""
    cmd = [sys.executable, __file__, "--step", name, "--articles", str(n), "--batch", str(args.batch),
           "--part-size", str(args.part_size), "--gold", str(args.gold)]
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"step {name} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=10_000,
                    help="Input size of the full-size run (2 local workers): its rate, and its peak memory per worker.")
    ap.add_argument("--rate-articles", type=int, default=1_000,
                    help="Input size of the comparison steps (bare1, local1, bare2, local2, dask2), and the small "
                         "side of the memory comparison (default 1,000).")
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--part-size", type=int, default=100, help="Articles per Dask task.")
    ap.add_argument("--skip", default="", help="Comma-separated steps to leave out: bare1,local1,bare2,local2,dask2,full")
    ap.add_argument("--step", choices=sorted(STEPS), help=argparse.SUPPRESS)
    args = ap.parse_args()
    args.texts = bodies(args.gold)
    if args.step:  # a child: one step, its figures as the last line
        print(json.dumps(STEPS[args.step](args.articles, args)))
        return
    skip = set(filter(None, args.skip.split(",")))
    n, r = args.articles, args.rate_articles
    res = {"articles": n, "rate_articles": r, "cpus": os.cpu_count(), "load_avg_start": [round(x, 2) for x in os.getloadavg()]}
    plan = [(name, r) for name in STEPS] + ([("local2_full", n)] if n != r else [])
    for name, size in plan:
        if name in skip or (name == "local2_full" and "full" in skip):
            continue
        res[name] = run_step(name.replace("_full", ""), size, args)
        print(name, json.dumps(res[name]), file=sys.stderr, flush=True)
    res["load_avg_end"] = [round(x, 2) for x in os.getloadavg()]
    rate = lambda k: res[k]["articles_per_s"]  # noqa: E731
    if "local1" in res and "local2" in res:
        res["speedup_2_vs_1"] = round(rate("local2") / rate("local1"), 2)
    if "bare1" in res and "bare2" in res:
        res["bare_speedup_2_vs_1"] = round(rate("bare2") / rate("bare1"), 2)
    if "dask2" in res and "local2" in res:
        res["dask_vs_local"] = round(rate("dask2") / rate("local2"), 2)
    if "local2" in res and "local2_full" in res:
        res["memory_growth"] = round(max(res["local2_full"]["peak_worker_mib"]) / max(res["local2"]["peak_worker_mib"]), 3)
    for k in ("1", "2"):
        if f"bare{k}" in res and f"local{k}" in res:
            res[f"tidings_vs_bare_{k}"] = round(rate(f"local{k}") / rate(f"bare{k}"), 2)
    print(json.dumps(res, indent=2))


if __name__ == "__main__":
    main()
