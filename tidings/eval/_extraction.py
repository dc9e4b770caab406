"""Token-shingle scoring of extracted article bodies.

Re-implements the metric of scrapinghub/article-extraction-benchmark
(evaluate.py): tokens are ``\\w+`` runs (case kept), shingles are 4-token
windows counted as a multiset; each document's TP/FP/FN is normalised to sum
to 1 so long articles do not weigh more; precision and recall are averaged
over documents and F1 is the harmonic mean of the two averages.
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
from collections import Counter
from pathlib import Path
from typing import Iterable, Optional

_TOKEN = re.compile(r"\w+")


def tokens(text: Optional[str]) -> list[str]:
    return _TOKEN.findall(text or "")


def shingles(text: Optional[str], n: int = 4) -> Counter:
    toks = tokens(text)
    # A text shorter than n tokens is one (short) shingle, as upstream.
    return Counter(tuple(toks[i : i + n]) for i in range(max(1, len(toks) - n + 1)) if toks[i : i + n])


def match(true: Optional[str], pred: Optional[str], n: int = 4) -> tuple[float, float, float]:
    """(tp, fp, fn) over shingles, normalised to sum to 1."""
    t, p = shingles(true, n), shingles(pred, n)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp, fp, fn):
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp, fp, fn):
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def summarise(scores: Iterable[tuple[float, float, float]]) -> dict[str, float]:
    """Mean precision, mean recall, their F1, and the share of exact matches."""
    scores = list(scores)
    ps = [_precision(*s) for s in scores if s[0] + s[1] > 0]
    rs = [_recall(*s) for s in scores if s[0] + s[2] > 0]
    p = statistics.mean(ps) if ps else 0.0
    r = statistics.mean(rs) if rs else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    exact = sum(1 for s in scores if s[1] == s[2] == 0) / len(scores) if scores else 0.0
    return {"f1": f, "precision": p, "recall": r, "exact": exact}


def load_gold(root: Path) -> dict[str, str]:
    data = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    return {key: item.get("articleBody", "") or "" for key, item in sorted(data.items())}


def load_urls(root: Path) -> dict[str, Optional[str]]:
    data = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    return {key: item.get("url") for key, item in data.items()}


def read_page(root: Path, key: str) -> bytes:
    return gzip.decompress((root / "html" / f"{key}.html.gz").read_bytes())


def load_output(root: Path, system: str) -> Optional[dict[str, str]]:
    path = root / "output" / f"{system}.json"
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    # Some reference outputs are wrapped as {"output": {...}}.
    if isinstance(data.get("output"), dict):
        data = data["output"]
    return {key: (item or {}).get("articleBody", "") or "" for key, item in data.items()}
