"""PETRARCH2 real-news validation sentences, their CAMEO codes read through the CAMEO->PLOVER crosswalk.

Sentence level: the set of PLOVER types the gold CAMEO codings give a
sentence against the set of types tidings finds in it. The codings were
partly derived from PETRARCH2's own output (see SOURCE.md), so this is a
comparison with a dictionary coder, reported without a target.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Optional

from tidings.eval import Dataset, Result, data_root
from tidings.eval._metrics import per_label, prf

_SENTENCE = re.compile(r"<Sentence\b[^>]*\bid=\"([^\"]+)\"[^>]*>(.*?)(?=<Sentence\b|</Sentences>)", re.S)
_CODING = re.compile(r"<EventCoding\b[^>]*\beventcode=\"(\d+)\"")
_TEXT = re.compile(r"<Text>(.*?)</Text>", re.S)
_CROSSWALK_LINE = re.compile(r"^(\d{2,4}):\s*([A-Z]+)\s*,")


def crosswalk(path: Path) -> dict[str, str]:
    """CAMEO code -> PLOVER type, from the published table (read at evaluation time only)."""
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = _CROSSWALK_LINE.match(line.strip())
        if m:
            table[m.group(1)] = m.group(2)
    return table


def to_plover(code: str, table: dict[str, str]) -> Optional[str]:
    for n in range(len(code), 1, -1):
        if code[:n] in table:
            return table[code[:n]]
    return None


def sentences(path: Path) -> list[tuple[str, str, list[str]]]:
    raw = (path / "PETR2_GSR_validation.xml").read_text(encoding="utf-8")
    out = []
    for m in _SENTENCE.finditer(raw):
        body = m.group(2)
        text = _TEXT.search(body)
        if text is None:
            continue
        out.append((m.group(1), " ".join(text.group(1).split()), _CODING.findall(body)))
    return out


def run(path: Path, limit: Optional[int]) -> Result:
    from tidings.pipeline import get_pipeline

    table = crosswalk(data_root() / "events" / "plover-gsr-cameo" / "CAMEO2PLOVER-2021.txt")
    items = sentences(path)
    if limit:
        items = items[:limit]
    nlp = get_pipeline().nlp
    gold_sets, pred_sets = [], []
    for (_id, _text, codes), doc in zip(items, nlp.pipe([t for _, t, _ in items], batch_size=64)):
        gold_sets.append({t for t in (to_plover(c, table) for c in codes) if t})
        pred_sets.append({e.type for e in doc._.tidings_events})
    table_rows, (tp_all, fp_all, fn_all) = per_label(gold_sets, pred_sets)
    p_, r_, f_ = prf(tp_all, fp_all, fn_all)
    return Result(
        dataset="petrarch",
        metrics={"micro_precision": p_, "micro_recall": r_, "micro_f1": f_},
        table=table_rows,
        notes=["Sentence-level sets of PLOVER types; gold CAMEO codes mapped with CAMEO2PLOVER-2021 (longest code prefix).",
               "Gold codings were partly derived from PETRARCH2 output; no target is set."],
        n=len(items),
    )


DATASET = Dataset(
    name="petrarch",
    description="PETRARCH2 real-news validation sentences (78, MIT), CAMEO codes via the CAMEO->PLOVER crosswalk: per-type P/R/F1.",
    path="events/petrarch-validation",
    run=run,
    floors={"micro_f1": 0.35},
    reference="No target (issue 4); reported for comparison with a dictionary coder.",
)
