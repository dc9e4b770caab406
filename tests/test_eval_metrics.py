"""The shared scoring helpers of the evaluations."""

from __future__ import annotations

import pytest

from tidings.eval._metrics import per_label, prf


def test_prf_handles_empty_counts():
    assert prf(0, 0, 0) == (0.0, 0.0, 0.0)
    assert prf(2, 1, 1) == pytest.approx((2 / 3, 2 / 3, 2 / 3))


def test_per_label_counts_sets_per_item():
    gold = [{"PROTEST"}, {"PROTEST", "ASSAULT"}, set(), {"ASSAULT"}]
    pred = [{"PROTEST"}, {"PROTEST"}, {"ASSAULT"}, {"ASSAULT"}]
    rows, totals = per_label(gold, pred)
    by = {r["type"]: r for r in rows}
    assert [r["type"] for r in rows] == ["ASSAULT", "PROTEST"]
    assert (by["PROTEST"]["gold"], by["PROTEST"]["predicted"], by["PROTEST"]["f1"]) == (2, 2, 1.0)
    assert (by["ASSAULT"]["gold"], by["ASSAULT"]["predicted"]) == (2, 2)
    assert by["ASSAULT"]["precision"] == pytest.approx(0.5)
    assert totals == (3, 1, 1)


def test_per_label_takes_single_labels_and_a_fixed_label_order():
    rows, totals = per_label(["A", "B", "A"], ["A", None, "B"], labels=["B", "A", "C"], column="label")
    assert [r["label"] for r in rows] == ["B", "A", "C"]
    assert rows[1]["recall"] == pytest.approx(0.5) and rows[1]["precision"] == 1.0
    assert rows[2] == {"label": "C", "gold": 0, "predicted": 0, "precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert totals == (1, 1, 2)
