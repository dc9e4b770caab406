"""The quality gate: every evaluation figure must stay at or above its pinned floor."""

from __future__ import annotations

import pytest

from tidings import eval as ev

DATASETS = ev.registry()


@pytest.mark.slow
@pytest.mark.parametrize("name", list(DATASETS))
def test_figures_hold_their_floors(name):
    ds = DATASETS[name]
    root = ev.data_root()
    if not (root / ds.path).exists():
        pytest.skip(f"evaluation data not found under {root / ds.path}")
    result = ev.evaluate(name)
    assert ev.below_floor(ds, result) == []
