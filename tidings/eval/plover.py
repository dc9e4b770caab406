"""PLOVER gold-standard records (CAMEO manual examples recoded in PLOVER): event type accuracy.

Each record is one sentence with one gold event; tidings' main event for
the sentence (the one highest in the parse) is compared with it. The
records were coded against PLOVER 0.5/0.6, so the types PLOVER 0.8 merged
are remapped first.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Optional

from tidings.eval import Dataset, Result
from tidings.eval._metrics import per_label

REMAP = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT", "INVESTIGATE": "ACCUSE"}


def main_event_types(texts: list[str]) -> list[Optional[str]]:
    """The type of the main event tidings finds in each text (None when it finds none)."""
    from tidings.events.component import main_event
    from tidings.pipeline import get_pipeline

    nlp = get_pipeline().nlp
    out = []
    for doc in nlp.pipe(texts, batch_size=64):
        ev = main_event(doc)
        out.append(ev.type if ev is not None else None)
    return out


def per_type(gold: list[str], pred: list[Optional[str]]) -> list[dict]:
    return per_label(gold, pred)[0]


def run(path: Path, limit: Optional[int]) -> Result:
    records = json.loads((path / "PLOVER_GSR_CAMEO.txt").read_text(encoding="utf-8"))
    records = [r for r in records if r.get("event") not in (None, "DOCUMENT") and r.get("text")]
    if limit:
        records = records[:limit]
    gold = [REMAP.get(r["event"], r["event"]) for r in records]
    pred = main_event_types([r["text"] for r in records])
    correct = sum(g == p for g, p in zip(gold, pred))
    confusions = Counter((g, p) for g, p in zip(gold, pred) if g != p).most_common(8)
    return Result(
        dataset="plover",
        metrics={
            "type_accuracy": correct / len(gold) if gold else 0.0,
            "coverage": sum(p is not None for p in pred) / len(pred) if pred else 0.0,
        },
        table=per_type(gold, pred),
        notes=[f"most frequent confusions (gold -> tidings): {', '.join(f'{g}->{p}: {n}' for (g, p), n in confusions)}",
               "older types remapped: " + ", ".join(f"{a}->{b}" for a, b in REMAP.items())],
        n=len(gold),
    )


DATASET = Dataset(
    name="plover",
    description="PLOVER gold-standard records (322 sentences from the CAMEO manual, CC BY-SA): type of the main event.",
    path="events/plover-gsr-cameo",
    run=run,
    floors={"type_accuracy": 0.81},
    reference="Target: type accuracy >= 0.80 (issue 4).",
)
