"""PolNeAR (political news attribution relations): quote content and speakers.

Each article goes through the same path as ``tidings extract`` (prepare,
then the full pipeline) and the record's quotes are scored against the gold
Content and Source spans. The cleaned text can differ from the raw text
(spaces, removed junk lines), so both are compared word by word: a word
alignment maps the record's offsets back onto the raw text.

Metrics (per kind, direct = gold content within quote marks):
- content P/R/F1: a match is a predicted quote covering at least half of a
  gold content's words, one to one (words = ``\\w+`` runs; punctuation and
  quote marks are not counted);
- strict: every unmatched prediction is a false alarm, except one lying
  (80% of its words) inside another, longer prediction (a partial quote
  inside reported speech, one attribution in the gold's terms), which is
  set aside and counted in the notes;
- speaker accuracy on matched quotes with a gold Source: the record's
  ``speaker_span`` overlaps the Source, or the speaker's name shares a
  capitalised word with it (names the same entity).

``TIDINGS_POLNEAR_ERRORS=FILE`` writes the missed gold spans and the false
alarms to FILE (JSON lines) for error analysis; nothing of the corpus goes
into the saved figures.
"""

from __future__ import annotations

import difflib
import json
import os
import re
from collections import Counter
from pathlib import Path
from typing import Optional

from tidings.eval import Dataset, Result
from tidings.eval._metrics import prf

_WORD = re.compile(r"\w+")
# Quote-mark regions of the raw text, to sort gold contents into direct and
# indirect (kept independent of the stage's own mark finder). A closing mark
# that opens a paragraph ('”Mr. Trump embodies ...”') is a mistyped opening one.
_QUOTED = re.compile(r"“[^“”]*?”|(?m:^”[^“”\n]*”)|“[^“”\n]*(?=\n)|\"[^\"\n]*\"|''(?:(?!'').)+''|‘[^‘’\n]{2,}’(?!\w)")
_DIRECT_SHARE = 0.8
_NAME_STOP = {"The", "A", "An", "Mr", "Mrs", "Ms", "Dr", "He", "She", "They", "It", "I", "We"}


def _parse_ann(path: Path) -> list[dict]:
    spans, events = {}, []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, offsets = parts[1].partition(" ")
            frags = [tuple(int(x) for x in frag.split()) for frag in offsets.split(";")]
            spans[parts[0]] = (label, frags)
        elif line.startswith("E") and len(parts) >= 2:
            roles = dict(arg.split(":", 1) for arg in parts[1].split() if ":" in arg)
            events.append(roles)
    out = []
    for roles in events:
        content = spans.get(roles.get("Content", ""))
        if content is None:
            continue
        source = spans.get(roles.get("Source", ""))
        cue = spans.get(roles.get("Cue", ""))
        out.append({"content": content[1], "source": source[1] if source else None, "cue": cue[1] if cue else None})
    return out


def _words(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _WORD.finditer(text)]


def _token_set(words: list[tuple[int, int]], frags) -> set[int]:
    return {i for i, (s, e) in enumerate(words) if any(s < fe and e > fs for fs, fe in frags)}


def _align(raw: str, raw_words, clean: str, clean_words) -> dict[int, int]:
    a = [raw[s:e] for s, e in raw_words]
    b = [clean[s:e] for s, e in clean_words]
    mapping = {}
    for block in difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks():
        for k in range(block.size):
            mapping[block.b + k] = block.a + k
    return mapping


def _match(preds: list[set[int]], golds: list[set[int]]) -> dict[int, int]:
    """One-to-one matching, best coverage first: gold index -> pred index."""
    pairs = []
    for gi, g in enumerate(golds):
        if not g:
            continue
        for pi, p in enumerate(preds):
            cover = len(g & p) / len(g)
            if cover >= 0.5:
                pairs.append((cover, len(g & p) / max(1, len(p)), gi, pi))
    pairs.sort(reverse=True)
    used_g, used_p, out = set(), set(), {}
    for _, _, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out[gi] = pi
    return out


def _nested(pred_sets: list[set[int]], i: int) -> bool:
    """Prediction ``i`` lies (80% of its words) inside a longer prediction."""
    p = pred_sets[i]
    return bool(p) and any(j != i and len(q) > len(p) and len(p & q) >= 0.8 * len(p) for j, q in enumerate(pred_sets))


def _names(text: str) -> set[str]:
    return {w for w in _WORD.findall(text) if w[:1].isupper() and w not in _NAME_STOP}


def _dump(out, name: str, kind: str, raw: str, gold: list[dict], missed: list[int], false_alarms) -> None:
    def text(frags):
        return " | ".join(raw[s:e] for s, e in frags) if frags else None

    for gi in missed:
        g = gold[gi]
        out.write(json.dumps({"doc": name, "kind": kind, "error": "missed", "content": text(g["content"]),
                              "cue": text(g["cue"]), "source": text(g["source"])}) + "\n")
    for q in false_alarms:
        out.write(json.dumps({"doc": name, "kind": kind, "error": "false_alarm", "content": q.text, "cue": q.cue,
                              "speaker": q.speaker}) + "\n")


def run(path: Path, limit: Optional[int] = None) -> Result:
    from tidings.ingest.raw import RawArticle
    from tidings.pipeline import get_pipeline
    from tidings.record import ErrorRecord

    dev = path / "data" / "dev"
    anns = sorted((dev / "attributions").glob("*.ann"))
    texts = sorted({re.sub(r"_[0-9a-f]{4}$", "", a.stem) for a in anns})
    if limit:
        texts = texts[:limit]
    raws = {t: (dev / "text" / f"{t}.txt").read_text(encoding="utf-8") for t in texts}
    pipeline = get_pipeline()
    records = dict(zip(texts, pipeline.process(RawArticle(source=t, id=t, text=raws[t]) for t in texts)))

    c = Counter()
    errors = 0
    # TIDINGS_POLNEAR_ERRORS=FILE: the missed gold spans and the false alarms,
    # one JSON line each, for error analysis. It holds corpus text, so it goes
    # only where asked (never into docs/ or the saved figures).
    dump_path = os.environ.get("TIDINGS_POLNEAR_ERRORS")
    dump = open(dump_path, "w", encoding="utf-8") if dump_path else None
    n_docs = 0
    for ann in anns:
        name = re.sub(r"_[0-9a-f]{4}$", "", ann.stem)
        if name not in records:
            continue
        n_docs += 1
        raw, rec = raws[name], records[name]
        raw_words = _words(raw)
        quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(raw)]
        quoted_words = _token_set(raw_words, quoted)
        gold = _parse_ann(ann)
        gold_sets = [_token_set(raw_words, g["content"]) for g in gold]
        gold_kind = ["direct" if s and len(s & quoted_words) / len(s) >= _DIRECT_SHARE else "indirect" for s in gold_sets]
        if isinstance(rec, ErrorRecord):
            errors += 1
            quotes, pred_sets, pred_speakers = [], [], []
        else:
            clean = rec.article.text
            clean_words = _words(clean)
            mapping = _align(raw, raw_words, clean, clean_words)

            def to_raw(start, end):
                return {mapping[i] for i in _token_set(clean_words, [(start, end)]) if i in mapping}

            quotes = rec.quotes
            pred_sets = [to_raw(q.start, q.end) for q in quotes]
            pred_speakers = [to_raw(q.speaker_span.start, q.speaker_span.end) if q.speaker_span else set() for q in quotes]
        for kind in ("direct", "indirect"):
            gi_k = [i for i, k in enumerate(gold_kind) if k == kind and gold_sets[i]]
            pi_k = [i for i, q in enumerate(quotes) if q.direct == (kind == "direct")]
            matches = _match([pred_sets[i] for i in pi_k], [gold_sets[i] for i in gi_k])
            # A prediction nested inside another, longer prediction of the
            # system (a partial quote of a few words inside reported speech,
            # which the record lists on its own) is one attribution in the
            # gold's terms: neither a hit nor a false alarm. Every other
            # unmatched prediction is a false alarm.
            used = {pi_k[p] for p in matches.values()}
            nested = [i for i in pi_k if i not in used and _nested(pred_sets, i)]
            if dump is not None:
                _dump(dump, name, kind, raw, gold, [gi_k[g] for g in range(len(gi_k)) if g not in matches],
                      [quotes[i] for i in pi_k if i not in used and i not in nested])
            c[f"{kind}_nested"] += len(nested)
            c[f"{kind}_gold"] += len(gi_k)
            c[f"{kind}_pred"] += len(pi_k) - len(nested)
            c[f"{kind}_tp"] += len(matches)
            for g_local, p_local in matches.items():
                g, p = gold[gi_k[g_local]], pi_k[p_local]
                if not g["source"]:
                    continue
                c[f"{kind}_with_source"] += 1
                src = _token_set(raw_words, g["source"])
                src_text = " ".join(raw[s:e] for s, e in g["source"])
                speaker = quotes[p].speaker or ""
                if pred_speakers[p] & src or (_names(speaker) & _names(src_text)):
                    c[f"{kind}_speaker_ok"] += 1

    if dump is not None:
        dump.close()
    metrics, table = {}, []
    for kind in ("direct", "indirect"):
        tp, n_pred, n_gold = c[f"{kind}_tp"], c[f"{kind}_pred"], c[f"{kind}_gold"]
        p, r, f = prf(tp, n_pred - tp, n_gold - tp)
        acc = c[f"{kind}_speaker_ok"] / c[f"{kind}_with_source"] if c[f"{kind}_with_source"] else 0.0
        metrics.update({f"{kind}_precision": round(p, 4), f"{kind}_recall": round(r, 4), f"{kind}_f1": round(f, 4),
                        f"{kind}_speaker_accuracy": round(acc, 4)})
        table.append({"kind": kind, "gold": n_gold, "predicted": n_pred, "matched": tp, "P": p, "R": r, "F1": f,
                      "speaker_acc": acc, "with_source": c[f"{kind}_with_source"]})
    notes = [
        f"unmatched predictions nested inside a longer prediction (not counted): direct {c['direct_nested']}, indirect {c['indirect_nested']}",
        f"{n_docs} annotation files over {len(texts)} dev articles; each text run once through prepare + the full pipeline",
        "direct = gold content with >= 80% of its words inside quote marks",
    ]
    if errors:
        notes.append(f"{errors} articles came out as error records (scored as no quotes)")
    return Result(dataset="polnear", metrics=metrics, table=table, notes=notes, n=n_docs)


DATASET = Dataset(
    name="polnear",
    description="PolNeAR dev: quote content P/R/F1 and speaker accuracy, direct and indirect",
    path="quotes/polnear-dev",
    run=run,
    # Pinned ~0.01-0.02 below the figures measured on the full dev set.
    # Indirect (stance, judgement, passive and noun cues added): measured
    # P 0.787, R 0.645, F1 0.709, speaker 0.873; the precision floor follows
    # the recall-for-precision trade those cues make (it was 0.795 at R 0.539).
    floors={
        "direct_precision": 0.835, "direct_recall": 0.955, "direct_f1": 0.89, "direct_speaker_accuracy": 0.895,
        "indirect_precision": 0.775, "indirect_recall": 0.635, "indirect_f1": 0.70, "indirect_speaker_accuracy": 0.86,
    },
    reference="Newell, Margolin and Ruths, 'An Attribution Relations Corpus for Political News', LREC 2018",
)
