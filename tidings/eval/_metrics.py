"""Small scoring helpers shared by the evaluations."""

from __future__ import annotations


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def per_label(gold, pred, labels=None, column: str = "type") -> tuple[list[dict], tuple[int, int, int]]:
    """Per-label precision, recall and F1 over items that each carry a set of labels.

    ``gold`` and ``pred`` are parallel sequences of label collections (a single
    label or None counts as a set of at most one). Returns one table row per
    label (sorted, or in the order of ``labels``) and the summed (tp, fp, fn)
    for micro-averaging.
    """
    def as_set(x):
        if x is None:
            return frozenset()
        return frozenset([x]) if isinstance(x, str) else frozenset(x)

    gold = [as_set(g) for g in gold]
    pred = [as_set(p) for p in pred]
    if labels is None:
        labels = sorted(set().union(*gold, *pred))
    rows, totals = [], [0, 0, 0]
    for label in labels:
        tp = sum(label in g and label in p for g, p in zip(gold, pred))
        fp = sum(label not in g and label in p for g, p in zip(gold, pred))
        fn = sum(label in g and label not in p for g, p in zip(gold, pred))
        for i, v in enumerate((tp, fp, fn)):
            totals[i] += v
        p_, r_, f_ = prf(tp, fp, fn)
        rows.append({column: label, "gold": tp + fn, "predicted": tp + fp, "precision": p_, "recall": r_, "f1": f_})
    return rows, tuple(totals)
