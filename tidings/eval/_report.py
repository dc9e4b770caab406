"""Printing results and writing docs/evaluation.md from saved results."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from tidings.eval import Dataset, Result, below_floor


def table_text(result: Result) -> str:
    lines = [f"{result.dataset}  (n = {result.n})"]
    for name, value in result.metrics.items():
        lines.append(f"  {name:<40} {value:8.4f}")
    if result.table:
        cols = list(result.table[0])
        widths = [max(len(str(c)), *(len(_fmt(r.get(c))) for r in result.table)) for c in cols]
        lines.append("")
        lines.append("  " + "  ".join(str(c).ljust(w) for c, w in zip(cols, widths)))
        for row in result.table:
            lines.append("  " + "  ".join(_fmt(row.get(c)).ljust(w) for c, w in zip(cols, widths)))
    for note in result.notes:
        lines.append(f"  note: {note}")
    return "\n".join(lines)


def _fmt(v) -> str:
    if isinstance(v, float):
        return f"{v:.3f}"
    return "" if v is None else str(v)


def save(result: Result, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{result.dataset}.json"
    path.write_text(json.dumps({
        "dataset": result.dataset, "n": result.n, "metrics": result.metrics,
        "table": result.table, "notes": result.notes,
        "date": dt.date.today().isoformat(),
    }, indent=2) + "\n")
    return path


def markdown(datasets: dict[str, Dataset], folder: Path) -> str:
    out = [
        "# Evaluation",
        "",
        "Figures from `tidings eval NAME` on real labelled data read from `../shared/eval/`.",
        "Each figure has a floor pinned in its data set's module (`tidings/eval/`); `tests/test_eval_gate.py`",
        "fails CI when a figure falls below its floor. Regenerate this page with `make eval`.",
        "",
    ]
    for name, ds in datasets.items():
        path = folder / f"{name}.json"
        out.append(f"## {name}")
        out.append("")
        out.append(ds.description)
        out.append("")
        if not path.exists():
            out.append("_Not run yet._")
            out.append("")
            continue
        saved = json.loads(path.read_text())
        result = Result(name, saved["metrics"], saved.get("table", []), saved.get("notes", []), saved.get("n", 0))
        out.append(f"Command: `tidings eval {name}` — n = {result.n}, run {saved.get('date')}.")
        out.append("")
        out.append("| figure | value | floor |")
        out.append("|---|---|---|")
        for metric, value in result.metrics.items():
            floor = ds.floors.get(metric)
            out.append(f"| {metric} | {value:.4f} | {'' if floor is None else f'{floor:.2f}'} |")
        out.append("")
        if result.table:
            cols = list(result.table[0])
            out.append("| " + " | ".join(cols) + " |")
            out.append("|" + "---|" * len(cols))
            for row in result.table:
                out.append("| " + " | ".join(_fmt(row.get(c)) for c in cols) + " |")
            out.append("")
        if ds.reference:
            out.append(f"Reference: {ds.reference}")
            out.append("")
        for note in result.notes:
            out.append(f"- {note}")
        if result.notes:
            out.append("")
        failing = below_floor(ds, result)
        if failing:
            out.append("**Below floor:** " + "; ".join(failing))
            out.append("")
    return "\n".join(out)
