"""TempEval-3 platinum: finding time expressions and their values against each document's creation time."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Optional

from tidings.eval import Dataset, Result

_TIMEX = re.compile(r"<TIMEX3\b([^>]*)>(.*?)</TIMEX3>", re.S)
_TAG = re.compile(r"<[^>]+>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def read_tml(path: Path):
    """(text, dct, gold) where gold is [(start, end, value, type, text)] in text offsets."""
    raw = path.read_text(encoding="utf-8")
    dct_m = re.search(r"<DCT>.*?value=\"([^\"]+)\"", raw, re.S)
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S).group(1)
    text, gold, pos, out = [], [], 0, 0
    for m in re.finditer(r"<TIMEX3\b([^>]*)>(.*?)</TIMEX3>|<[^>]+>", body, re.S):
        chunk = body[pos:m.start()]
        text.append(chunk)
        out += len(chunk)
        if m.group(0).startswith("<TIMEX3"):
            inner = _TAG.sub("", m.group(2))
            attrs = dict(_ATTR.findall(m.group(1)))
            gold.append((out, out + len(inner), attrs.get("value"), attrs.get("type"), inner))
            text.append(inner)
            out += len(inner)
        pos = m.end()
    text.append(body[pos:])
    return "".join(text), dct_m.group(1) if dct_m else None, gold


def run(path: Path, limit: Optional[int] = None) -> Result:
    from tidings.nlp.model import load_spacy
    from tidings.times.annotate import annotate

    nlp = load_spacy("en_core_web_sm")
    files = sorted(path.rglob("*.tml"))[: limit or None]
    n_gold = found = right = n_system = 0
    misses, wrong = [], []
    by_type: dict[str, list[int]] = {}
    for f in files:
        text, dct, gold = read_tml(f)
        spans = annotate(nlp(text), dct)
        n_system += len(spans)
        for start, end, value, kind, gtext in gold:
            n_gold += 1
            stats = by_type.setdefault(kind or "?", [0, 0, 0])
            stats[0] += 1
            hit = next(((s, r) for s, r in spans if s.start_char < end and start < s.end_char), None)
            if hit is None:
                misses.append(gtext)
                continue
            found += 1
            stats[1] += 1
            timex = hit[1].timex if hit[1] else None
            if timex == value:
                right += 1
                stats[2] += 1
            else:
                wrong.append(f"{gtext!r}[{hit[0].text}]->{timex} (gold {value})")
    recall = found / n_gold if n_gold else 0.0
    accuracy = right / found if found else 0.0
    # TempEval-3's value F1: right values over all expressions tidings reported (precision)
    # and over all gold expressions (recall).
    v_precision = right / n_system if n_system else 0.0
    v_recall = right / n_gold if n_gold else 0.0
    value_f1 = 2 * v_precision * v_recall / (v_precision + v_recall) if right else 0.0
    table = [{"type": k, "gold": v[0], "found": v[1], "value_right": v[2]} for k, v in sorted(by_type.items())]
    # Counts only: the corpus text stays out of the saved results (its licence).
    notes = [f"{len(misses)} gold expressions not found, {len(wrong)} found with another value"]
    if os.environ.get("TIDINGS_EVAL_SHOW"):
        notes += [f"missed: {misses}", f"wrong: {wrong}"]
    metrics = {"timex_recall": recall, "value_accuracy": accuracy, "value_f1": value_f1}
    return Result("tempeval3", metrics, table, notes, n=n_gold)


DATASET = Dataset(
    name="tempeval3",
    description="TempEval-3 platinum (20 news documents, 138 TIMEX3): recall of gold time expressions (overlap) and value accuracy on those found, anchored on each document's creation time.",
    path="dates/tempeval3-platinum",
    run=run,
    floors={"timex_recall": 0.92, "value_accuracy": 0.86, "value_f1": 0.82},
    reference="HeidelTime scores about 0.78 value F1 on this set (UzZaman et al. 2013).",
)
