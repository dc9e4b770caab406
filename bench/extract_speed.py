"""Throughput and peak memory of ``tidings extract`` next to bare spaCy ``nlp.pipe``.

Both run on the same texts (the English gold bodies of the scrapinghub
article-extraction benchmark, or trafilatura's extraction of its pages),
with the same model and batch size, each in its own subprocess so that peak
memory figures do not mix. Runs alternate (spaCy, tidings, spaCy, ...) and
the best of ``--repeat`` runs is kept. The overhead is computed from CPU
time (``time.process_time``), which other work on a shared machine disturbs
far less than wall-clock time; wall-clock articles/s are shown too.

    .venv/bin/python bench/extract_speed.py --repeat 3 --json out.json --write-docs

The overhead is tidings' CPU time per article over bare spaCy's, minus one.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "benchmarks.md"
SECTION = "## extract vs bare spaCy"
WARMUP = 5


def _texts(source: str, limit: int | None) -> list[str]:
    sys.path.insert(0, str(ROOT))
    from tidings.clean import language
    from tidings.eval import data_root
    from tidings.eval import _extraction as x

    root = data_root() / "extraction" / "scrapinghub"
    gold = x.load_gold(root)
    if source == "trafilatura":
        from tidings.ingest.decode import decode
        from tidings.ingest.html import extract

        bodies = {k: extract(decode(x.read_page(root, k), k)).text for k in gold}
    else:
        bodies = gold
    # tidings refuses other languages; bare spaCy would parse them: keep the
    # comparison to the articles both actually process.
    texts = [t for t in bodies.values() if t.strip() and language.detect(t)[0] == "en"]
    return texts[:limit] if limit else texts


def _peak_rss_mb() -> float:
    # ru_maxrss is in kilobytes on Linux, bytes on macOS.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _worker(mode: str, texts_path: str, model: str, batch_size: int) -> dict:
    texts = json.loads(Path(texts_path).read_text(encoding="utf-8"))
    sys.path.insert(0, str(ROOT))
    if mode == "spacy":
        from tidings.nlp.model import load_spacy  # spacy.load, with the package-name alias

        nlp = load_spacy(model)
        list(nlp.pipe(texts[:WARMUP], batch_size=batch_size))
        start, cpu = time.perf_counter(), time.process_time()
        n = sum(1 for _ in nlp.pipe(texts, batch_size=batch_size))
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        failed = 0
    else:
        from tidings.config import Config
        from tidings.ingest.raw import RawArticle
        from tidings.pipeline import Pipeline
        from tidings.record import ErrorRecord

        pipeline = Pipeline(Config.from_env(model=model, batch_size=batch_size))

        def raws(items):
            return (RawArticle(source=f"bench:{i}", id=str(i), text=t) for i, t in enumerate(items))

        list(pipeline.process(raws(texts[:WARMUP])))
        start, cpu = time.perf_counter(), time.process_time()
        results = list(pipeline.process(raws(texts)))
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        n = len(results)
        failed = sum(isinstance(r, ErrorRecord) for r in results)
    chars = sum(len(t) for t in texts)
    return {"mode": mode, "articles": n, "failed": failed, "seconds": seconds, "cpu_seconds": cpu,
            "articles_per_s": n / seconds, "articles_per_cpu_s": n / cpu, "chars_per_cpu_s": chars / cpu,
            "peak_rss_mb": _peak_rss_mb()}


def _stages(texts: list[str], model: str) -> dict[str, float]:
    """CPU seconds per article spent in prepare and in each pipeline component."""
    sys.path.insert(0, str(ROOT))
    from tidings.config import Config
    from tidings.ingest.raw import RawArticle
    from tidings.pipeline import Pipeline
    from tidings.prepare import prepare

    pipeline = Pipeline(Config.from_env(model=model))
    list(pipeline.process(RawArticle(source="warm", text=t) for t in texts[:WARMUP]))
    cost: dict[str, float] = {}
    start = time.process_time()
    articles = [prepare(RawArticle(source=f"bench:{i}", text=t), pipeline.config) for i, t in enumerate(texts)]
    cost["prepare (clean, language)"] = time.process_time() - start
    docs = []
    for article in articles:
        doc = pipeline.nlp.make_doc(article.text)
        doc._.tidings_article = article
        docs.append(doc)
    for name, proc in pipeline.nlp.pipeline:
        start = time.process_time()
        docs = list(proc.pipe(docs, batch_size=32)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        cost[name] = time.process_time() - start
    return {name: seconds / len(texts) for name, seconds in cost.items()}


def _run_worker(mode: str, texts_path: str, model: str, batch_size: int) -> dict:
    cmd = [sys.executable, __file__, "--worker", mode, "--texts-file", texts_path, "--model", model, "--batch-size", str(batch_size)]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    if proc.returncode != 0:
        raise SystemExit(f"{mode} run failed:\n{proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _markdown(summary: dict) -> str:
    s, t = summary["spacy"], summary["tidings"]
    return "\n".join([
        SECTION,
        "",
        f"Command: `{summary['command']}`",
        "",
        f"{summary['articles']} English gold article bodies from the scrapinghub benchmark ({summary['source']}), "
        f"model `{summary['model']}`, batch size {summary['batch_size']}, best of {summary['repeat']} alternating runs, "
        f"each in its own process; {summary['machine']}, run {summary['date']}.",
        "",
        "| | articles per CPU-second | chars per CPU-second | articles/s (wall clock) | peak RSS (MB) |",
        "|---|---|---|---|---|",
        f"| bare spaCy `nlp.pipe` | {s['articles_per_cpu_s']:.2f} | {s['chars_per_cpu_s']:.0f} | {s['articles_per_s']:.2f} | {s['peak_rss_mb']:.0f} |",
        f"| tidings `Pipeline.process` | {t['articles_per_cpu_s']:.2f} | {t['chars_per_cpu_s']:.0f} | {t['articles_per_s']:.2f} | {t['peak_rss_mb']:.0f} |",
        "",
        f"Overhead of tidings over bare spaCy: **{summary['overhead']:.1%}** of CPU time per article "
        f"(target: under 25%). Articles tidings refused: {t['failed']}.",
        "",
        "Per-stage CPU cost: `.venv/bin/python bench/extract_speed.py --limit 20 --stages`.",
        "",
    ])


def _write_docs(summary: dict) -> None:
    text = DOCS.read_text(encoding="utf-8") if DOCS.exists() else "# Benchmarks\n\n"
    section = _markdown(summary)
    if SECTION in text:
        head, _, tail = text.partition(SECTION)
        rest = tail.split("\n## ", 1)
        text = head + section + ("\n## " + rest[1] if len(rest) > 1 else "")
    else:
        text = text.rstrip("\n") + "\n\n" + section
    DOCS.write_text(text, encoding="utf-8")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="Use only the first N texts.")
    ap.add_argument("--repeat", type=int, default=3, help="Alternating runs of each; the best is kept.")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--model", default=os.environ.get("TIDINGS_MODEL", "en_core_web_sm"))
    ap.add_argument("--source", choices=("gold", "trafilatura"), default="gold", help="Gold bodies or tidings' own HTML extraction.")
    ap.add_argument("--json", type=Path, help="Also write the figures here.")
    ap.add_argument("--write-docs", action="store_true", help=f"Rewrite the '{SECTION[3:]}' section of docs/benchmarks.md.")
    ap.add_argument("--stages", action="store_true", help="Print CPU milliseconds per article for each stage instead.")
    ap.add_argument("--worker", choices=("spacy", "tidings"), help=argparse.SUPPRESS)
    ap.add_argument("--texts-file", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        print(json.dumps(_worker(args.worker, args.texts_file, args.model, args.batch_size)))
        return
    texts = _texts(args.source, args.limit)
    if args.stages:
        for name, seconds in _stages(texts, args.model).items():
            print(f"{name:<28}{seconds * 1000:10.1f} ms/article (CPU)")
        return
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as fh:
        json.dump(texts, fh)
    runs = {"spacy": [], "tidings": []}
    try:
        for i in range(args.repeat):
            for mode in ("spacy", "tidings"):
                result = _run_worker(mode, fh.name, args.model, args.batch_size)
                runs[mode].append(result)
                print(f"run {i + 1} {mode:<8} {result['articles_per_cpu_s']:8.2f} articles/CPU-s {result['articles_per_s']:8.2f} articles/s  peak {result['peak_rss_mb']:.0f} MB", file=sys.stderr)
    finally:
        os.unlink(fh.name)
    best = {mode: max(rs, key=lambda r: r["articles_per_cpu_s"]) for mode, rs in runs.items()}
    overhead = best["spacy"]["articles_per_cpu_s"] / best["tidings"]["articles_per_cpu_s"] - 1
    shown = ["bench/extract_speed.py"] + [a for a in (argv if argv is not None else sys.argv[1:])]
    budget = os.environ.get("TIDINGS_TIME_BUDGET_S")
    summary = {
        "command": (f"TIDINGS_TIME_BUDGET_S={budget} " if budget is not None else "") + ".venv/bin/python " + " ".join(shown),
        "source": args.source, "model": args.model, "batch_size": args.batch_size, "repeat": args.repeat,
        "articles": len(texts), "spacy": best["spacy"], "tidings": best["tidings"], "overhead": overhead,
        "runs": runs, "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}",
        "date": dt.date.today().isoformat(),
    }
    print(f"{'':<10}{'articles/CPU-s':>16}{'articles/s':>12}{'peak RSS MB':>14}")
    for mode in ("spacy", "tidings"):
        b = best[mode]
        print(f"{mode:<10}{b['articles_per_cpu_s']:16.2f}{b['articles_per_s']:12.2f}{b['peak_rss_mb']:14.0f}")
    print(f"overhead  {overhead:.1%}  (tidings CPU time per article over bare spaCy's)")
    if args.json:
        args.json.write_text(json.dumps(summary, indent=2) + "\n")
    if args.write_docs:
        _write_docs(summary)


if __name__ == "__main__":
    main()
