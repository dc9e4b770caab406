"""kill -9 during ingest and during POST /api/ingest: the database stays whole and keeps every acknowledged article, once.

A few rounds here (each starts real processes that load the model); the
bench script bench/crash_loop.py runs 20 or more per backend and the figures
are in docs/reliability.md.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import crash_loop  # noqa: E402

from storekit import pg_available  # noqa: E402

ROUNDS = int(os.environ.get("TIDINGS_CRASH_ROUNDS", "2"))


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_kill_9_loses_nothing_acknowledged(backend):
    if backend == "postgres" and not pg_available():
        pytest.skip("no PostgreSQL at $TIDINGS_TEST_PG")
    lines = []
    summary = crash_loop.run(backend, rounds=ROUNDS, n_articles=30, seed=7, max_delay=16.0, log=lines.append)
    assert summary["violations"] == [], "\n".join(lines)
    assert summary["rounds"] == 2 * ROUNDS
    assert summary["killed"] >= ROUNDS          # the server is always killed; the CLI when it had not finished
    # The final, uninterrupted run stored every article of both halves that was acknowledged.
    assert summary["articles"] >= 15


def test_integrity_check_sees_orphans_and_duplicates(tmp_path):
    """The checker itself: it must notice what it is there to notice."""
    from storekit import NAIROBI, TBILISI
    from tidings.store import Store

    db = str(tmp_path / "broken.db")
    with Store.open(db) as store:
        store.add(NAIROBI)
        store.add(TBILISI)
    assert crash_loop.check(db)[0] == []
    with Store.open(db) as store:
        store.db.execute("PRAGMA foreign_keys=OFF")
        store.db.execute("DELETE FROM articles WHERE url = 'https://example.org/ge/1'")
        store.db.execute("DROP INDEX articles_url")
        store.db.execute("UPDATE articles SET url = 'https://example.org/x'")
    problems, urls = crash_loop.check(db)
    assert "2 orphan rows in entities" in problems
    assert "2 orphan rows in events" in problems
    assert urls == {"https://example.org/x": 1}
