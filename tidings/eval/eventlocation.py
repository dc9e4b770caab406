"""Event location (Halterman 2019): is the place tidings picks for an event the labelled one?

Each gold record is one sentence with its event verb marked and, where the
sentence says, the span of the place the event happened. tidings finds the
sentence's toponyms and picks one with the same rule the event anchors use.
"""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path
from typing import Optional

from tidings.eval import Dataset, Result


def read(path: Path):
    with zipfile.ZipFile(path / "labeled_text.jsonl.zip") as zf:
        name = next(n for n in zf.namelist() if n.endswith("labeled_text.jsonl") and not n.startswith("__MACOSX"))
        records = json.loads(zf.read(name))
    for r in records:
        if r.get("source") != "RELABEL" or r.get("answer") != "accept":
            continue
        tokens = r["tokens"]
        verbs, places = [], []
        for s in r.get("spans", []):
            ts, te = s["token_start"], s["token_end"]
            span = (tokens[ts]["start"], tokens[te]["end"])
            (verbs if s["label"] == "VERB" else places).append(span)
        if verbs:
            yield r["text"], verbs[0], places


def run(path: Path, limit: Optional[int] = None) -> Result:
    from tidings.nlp.model import load_spacy
    from tidings.places.eventplace import choose
    from tidings.places.locate import locate

    nlp = load_spacy("en_core_web_sm")
    items = list(read(path))[: limit or None]
    with_place = right = found_right = none_gold = none_right = 0
    wrong = []
    for doc, (text, verb, places) in zip(nlp.pipe((i[0] for i in items), batch_size=64), items):
        mentions = [(m.start, m.end, (m.start, m.end)) for m, _ in locate(doc)]
        trig = doc.char_span(verb[0], verb[1], alignment_mode="expand")
        trigger = trig.root if trig is not None else None
        sent = doc[:]
        picked = choose(sent, mentions, trigger)
        if places:
            with_place += 1
            found_right += picked is not None and any(picked[0] < e and s < picked[1] for s, e in places)
            # The choice itself: the labelled places join the candidates tidings found, so a
            # toponym the finder missed (a village GeoNames' town list lacks) is still there to pick.
            candidates = mentions + [(s, e, (s, e)) for s, e in places if not any(s < me and ms < e for ms, me, _ in mentions)]
            chosen = choose(sent, candidates, trigger)
            if chosen is not None and any(chosen[0] < e and s < chosen[1] for s, e in places):
                right += 1
            else:
                wrong.append(f"{text[chosen[0]:chosen[1]] if chosen else None} vs {[text[s:e] for s, e in places]}")
        else:
            none_gold += 1
            none_right += picked is None
    acc = right / with_place if with_place else 0.0
    return Result(
        "eventlocation",
        {"place_accuracy": acc, "end_to_end_accuracy": found_right / with_place if with_place else 0.0, "no_place_agreement": none_right / none_gold if none_gold else 0.0},
        [{"records": with_place + none_gold, "with_place": with_place, "picked_right": right, "without_place": none_gold, "picked_none": none_right}],
        [f"{len(wrong)} records where another place was picked"] + ([f"wrong: {wrong}"] if os.environ.get("TIDINGS_EVAL_SHOW") else []),
        n=with_place,
    )


DATASET = Dataset(
    name="eventlocation",
    description="Halterman's event-location sentences (the 496 hand-relabelled gold records): share of the records with a labelled place where the place tidings picks for the event verb is that place.",
    path="events/event-location-halterman",
    run=run,
    floors={"place_accuracy": 0.80, "end_to_end_accuracy": 0.665},
    reference="Halterman (2019) reports about 0.8 accuracy for a neural model trained on this data.",
)
