"""IndiaPoliceEvents, development half: did police arrest / kill / use force, sentence by sentence.

A sentence is labelled ARREST when tidings finds a COERCE/arrest event in
it, KILL when it finds an ASSAULT with a death count or a killing verb, and
FORCE for any ASSAULT; each only when the actor is the police (or left
unnamed, as in "were arrested") and the event is reported as having
happened (not planned, hypothetical or denied).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Optional

from tidings.eval import Dataset, Result
from tidings.eval._metrics import per_label

LABELS = ("ARREST", "KILL", "FORCE")
_POLICE = re.compile(r"\b(police\w*|cops?|officers?|constables?|sub-inspectors?|inspectors?|crime branch|cid|ats|sog|rpf|crpf|rap|srp|bsf|jawans?|security|forces?|authorities|army|troops?|paramilitary|commissioner|dgp|ig|sp|dsp|si|home guards?|administration|government)\b", re.I)
_SUSPECTS = re.compile(r"\b(militants?|terrorists?|extremists?|gunmen|rioters?|mobs?|miscreants?)\b", re.I)
_HAPPENED = {"occurred", "ongoing", "claimed"}
_KILL_WORDS = {"kill", "shoot", "murder", "gun", "slay", "massacre", "killing", "killings", "execute"}


def _by_police(ev, unnamed_ok: bool) -> bool:
    actor = ev.actor.name if ev.actor else ""
    return (unnamed_ok and not actor) or bool(_POLICE.search(actor))


_DEATH = re.compile(r"\b(kill\w*|died|dead|deaths?|perish\w*|lives|fatal\w*|bodies|body)\b", re.I)


def labels(events, text: str = "") -> set[str]:
    """The sentence's labels: arrests by anyone unnamed count (the police arrest); force and killing need the police named.

    KILL is a police ASSAULT in a sentence that reports deaths (a killed
    count, a killing trigger, or a death word).
    """
    out = set()
    happened = [ev for ev in events if ev.status in _HAPPENED]
    deaths = bool(_DEATH.search(text)) or any(
        ev.counts.killed is not None or ev.mode in ("massacre", "execute") for ev in happened if ev.type == "ASSAULT")
    for ev in happened:
        # Militants "shot dead" with no one named were, in these reports, shot by the police.
        if ev.type == "ASSAULT" and ev.actor is None and ev.target is not None and _SUSPECTS.search(ev.target.name) and deaths:
            out |= {"FORCE", "KILL"}
        if ev.type == "COERCE" and ev.mode == "arrest" and _by_police(ev, True):
            out.add("ARREST")
        if ev.type == "ASSAULT" and _by_police(ev, False):
            out.add("FORCE")
            if deaths:
                out.add("KILL")
    return out




def run(path: Path, limit: Optional[int]) -> Result:
    from tidings.pipeline import get_pipeline

    rows = [json.loads(line) for line in (path / "sents.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    if limit:
        rows = rows[:limit]
    nlp = get_pipeline().nlp
    texts = [" ".join(r["sent_text"].split()) for r in rows]
    gold_sets, pred_sets = [], []
    for row, doc in zip(rows, nlp.pipe(texts, batch_size=128)):
        gold_sets.append(set(row["sent_labels"]) & set(LABELS))
        pred_sets.append(labels(doc._.tidings_events, doc.text) & set(LABELS))
    table, _ = per_label(gold_sets, pred_sets, labels=list(LABELS), column="label")
    metrics = {f"{row['label'].lower()}_f1": row["f1"] for row in table}
    return Result(
        dataset="indiapolice",
        metrics=metrics,
        table=table,
        notes=["Times of India, March 2002 (Gujarat); text is lower-cased in the data set, which weakens the parser's entities.",
               "FORCE is reported for reference; the issue's targets are ARREST and KILL."],
        n=len(rows),
    )


DATASET = Dataset(
    name="indiapolice",
    description="IndiaPoliceEvents dev half (Halterman et al. 2021): did police arrest / kill / use force in this sentence.",
    path="events/india-police-events-dev",
    run=run,
    floors={"arrest_f1": 0.82, "kill_f1": 0.76},
    reference="Target: F1 >= 0.75 for ARREST and for KILL (issue 4).",
)
