"""Fuzz the whole extract path with a larger budget; counts go into docs/reliability.md.

Draws articles from the Hypothesis strategies in tests/fuzzkit.py (random
Unicode, news text with hostile fragments, tag soup, single enormous lines)
and runs every hand-made bomb in fuzzkit.FIXED, each through
``Pipeline.process``. For each case it records the outcome (a record, or the
error code), checks the result against the record's JSON Schema (or that the
error is one line), and tracks time per article and the process' memory.

    python bench/fuzz_extract.py --examples 300          # per strategy
    python bench/fuzz_extract.py --examples 20 --no-write  # a quick look

Problems (a crash out of process(), a contract violation, an E012 stage
failure, an E013 timeout, memory growth past --max-growth-mb) are listed
with a reproducer file under bench/out/fuzz/ (gitignored). Exits 1 on any
crash or contract violation.
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import sys
import time
import traceback
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

import psutil  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis.errors import NonInteractiveExampleWarning  # noqa: E402

import fuzzkit  # noqa: E402

DOC = ROOT / "docs" / "reliability.md"
OUT = ROOT / "bench" / "out" / "fuzz"
START, END = "<!-- fuzz:start -->", "<!-- fuzz:end -->"


def rss_mb() -> float:
    return psutil.Process().memory_info().rss / 2**20


class Run:
    def __init__(self, pipeline, max_growth_mb: float):
        self.pipeline = pipeline
        self.outcomes = collections.Counter()
        self.by_family: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
        self.problems: list[dict] = []
        self.slowest = (0.0, "")
        self.n = 0
        self.max_growth_mb = max_growth_mb
        self.rss_start = None
        self.rss_peak = 0.0

    def one(self, family: str, raw) -> None:
        self.n += 1
        t = time.monotonic()
        try:
            results = list(self.pipeline.process([raw]))
            found = fuzzkit.problems(results[0]) if len(results) == 1 else [f"{len(results)} results for 1 input"]
            outcome = fuzzkit.outcome(results[0]) if results else "none"
            detail = results[0].error.message if outcome != "record" and results else ""
        except BaseException as exc:  # noqa: BLE001 - this is what we are looking for
            if isinstance(exc, KeyboardInterrupt):
                raise
            found, outcome, detail = [f"crash: {type(exc).__name__}: {exc}"[:300]], "crash", traceback.format_exc()[-800:]
        took = time.monotonic() - t
        self.outcomes[outcome] += 1
        self.by_family[family][outcome] += 1
        if took > self.slowest[0]:
            self.slowest = (took, family)
        rss = rss_mb()
        self.rss_peak = max(self.rss_peak, rss)
        if outcome in ("E012", "E013"):
            found = found + [f"{outcome}: {detail[:300]}"]
        if found:
            self.problems.append({"family": family, "outcome": outcome, "problems": found, "seconds": round(took, 1),
                                  "file": self._save(raw)})

    def _save(self, raw) -> str:
        OUT.mkdir(parents=True, exist_ok=True)
        path = OUT / f"case-{len(self.problems) + 1:03d}.json"
        data = {k: getattr(raw, k) for k in ("source", "text", "html", "published", "url", "title")}
        path.write_text(json.dumps(data, ensure_ascii=True))
        return str(path.relative_to(ROOT))


def fuzz(run: Run, family: str, strategy, examples: int) -> None:
    @given(raw=strategy)
    @settings(max_examples=examples, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    def case(raw):
        run.one(family, raw)

    case()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--examples", type=int, default=200, help="examples per strategy")
    ap.add_argument("--line-examples", type=int, default=20,
                    help="examples of enormous single lines (each can take the whole budget)")
    ap.add_argument("--doc", default=str(DOC), help="the Markdown file to update")
    ap.add_argument("--budget", type=float, default=30.0, help="time budget per article (s)")
    ap.add_argument("--max-growth-mb", type=float, default=1500.0, help="allowed RSS growth after warm-up")
    ap.add_argument("--no-fixed", action="store_true", help="skip the hand-made bombs")
    ap.add_argument("--no-write", action="store_true", help="do not update docs/reliability.md")
    args = ap.parse_args(argv)
    warnings.simplefilter("ignore", NonInteractiveExampleWarning)

    from tidings.config import Config
    from tidings.pipeline import Pipeline

    started = time.monotonic()
    pipeline = Pipeline(Config.from_env(time_budget_s=args.budget))
    run = Run(pipeline, args.max_growth_mb)
    run.one("warm-up", fuzzkit.FIXED["bidi overrides"]())
    run.rss_start = rss_mb()
    families = {
        "random Unicode (text)": fuzzkit.raw_article(body=fuzzkit.random_text, html=False),
        "random Unicode (as HTML)": fuzzkit.raw_article(body=fuzzkit.random_text, html=True),
        "news with hostile fragments": fuzzkit.raw_article(body=fuzzkit.news_text, html=False),
        "tag soup": fuzzkit.raw_article(body=fuzzkit.html_doc(), html=True),
        "enormous single lines": fuzzkit.raw_article(body=fuzzkit.one_line, html=False),
    }
    for family, strategy in families.items():
        fuzz(run, family, strategy, args.line_examples if family == "enormous single lines" else args.examples)
        print(f"{family}: {dict(run.by_family[family])}  rss {rss_mb():.0f} MB", flush=True)
    fixed_times = {}
    if not args.no_fixed:
        for name, make in fuzzkit.FIXED.items():
            t = time.monotonic()
            run.one(f"bomb: {name}", make())
            fixed_times[name] = (round(time.monotonic() - t, 1), next(iter(run.by_family[f"bomb: {name}"])))
            print(f"bomb {name}: {fixed_times[name]}  rss {rss_mb():.0f} MB", flush=True)
    growth = rss_mb() - run.rss_start
    if growth > args.max_growth_mb:
        run.problems.append({"family": "memory", "outcome": "growth", "problems": [f"RSS grew {growth:.0f} MB"],
                             "seconds": 0, "file": ""})
    report = {
        "cases": run.n - 1, "outcomes": dict(run.outcomes), "families": {k: dict(v) for k, v in run.by_family.items()},
        "fixed": fixed_times, "slowest_s": round(run.slowest[0], 1), "slowest_family": run.slowest[1],
        "rss_start_mb": round(run.rss_start), "rss_end_mb": round(rss_mb()), "rss_peak_mb": round(run.rss_peak),
        "budget_s": args.budget, "examples": args.examples, "line_examples": args.line_examples, "wall_s": round(time.monotonic() - started),
        "problems": run.problems,
    }
    print(json.dumps({k: v for k, v in report.items() if k != "problems"}, indent=1))
    for p in run.problems:
        print(f"PROBLEM {p['family']} [{p['outcome']}] {p['file']}: {'; '.join(p['problems'])[:400]}")
    if not args.no_write:
        write_doc(report, " ".join(["python bench/fuzz_extract.py"] + [a for a in (argv if argv is not None else sys.argv[1:])
                                                                         if not a.startswith("--doc")]), Path(args.doc))
    bad = [p for p in run.problems if p["outcome"] == "crash" or any(not x.startswith(("E012", "E013")) for x in p["problems"])]
    return 1 if bad else 0


def write_doc(r: dict, command: str, doc: Path = DOC) -> None:
    lines = [START, "", f"Command: `{command}` (time budget {r['budget_s']:g} s per article; {r['wall_s']} s wall).", "",
             f"- Cases run: **{r['cases']}** ({r['examples']} per strategy, {r['line_examples']} enormous lines, "
             f"{len(r['fixed'])} hand-made bombs).",
             f"- Outcomes: " + ", ".join(f"{k} {v}" for k, v in sorted(r["outcomes"].items())) + ".",
             f"- Crashes out of `Pipeline.process`: {r['outcomes'].get('crash', 0)}; contract violations: "
             f"{sum(1 for p in r['problems'] if p['outcome'] not in ('E012', 'E013'))}.",
             f"- Slowest article: {r['slowest_s']} s ({r['slowest_family']}).",
             f"- Memory (RSS): {r['rss_start_mb']} MB after warm-up, {r['rss_peak_mb']} MB peak, {r['rss_end_mb']} MB at the end.",
             "", "| family | outcomes |", "|---|---|"]
    for fam, counts in r["families"].items():
        if fam != "warm-up":
            lines.append(f"| {fam} | " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) + " |")
    if r["problems"]:
        lines += ["", "Problems found (reproducers under bench/out/fuzz/, regenerated by the command):", ""]
        for p in r["problems"][:40]:
            lines.append(f"- {p['family']} [{p['outcome']}, {p['seconds']} s]: {'; '.join(p['problems'])[:300]}")
    lines += ["", END]
    block = "\n".join(lines)
    text = doc.read_text() if doc.exists() else f"# Reliability\n\n{START}\n{END}\n"
    if START in text and END in text:
        text = re.sub(re.escape(START) + ".*?" + re.escape(END), lambda m: block, text, flags=re.S)
    else:
        text += "\n" + block + "\n"
    doc.write_text(text)


if __name__ == "__main__":
    sys.exit(main())
