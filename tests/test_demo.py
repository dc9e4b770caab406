"""``tidings demo`` and ``tidings ingest``: the sample corpus into SQLite, idempotently."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tidings.cli import main
from tidings.store import Store

SAMPLES = Path(__file__).resolve().parent.parent / "samples"

pytestmark = pytest.mark.slow


def test_demo_ingests_the_samples_once(tmp_path):
    db = str(tmp_path / "demo.db")
    runner = CliRunner()
    first = runner.invoke(main, ["demo", "--db", db, "--no-serve"], catch_exceptions=False)
    assert first.exit_code == 0, first.output
    assert "stored 11, linked as copies 0, skipped as duplicates 0, failed 0" in first.output
    second = runner.invoke(main, ["demo", "--db", db, "--no-serve"], catch_exceptions=False)
    assert "stored 0, linked as copies 0, skipped as duplicates 11, failed 0" in second.output
    with Store.open(db) as store:
        titles = {a["title"] for a in store.articles(limit=50)["items"]}
        assert "Venezuelan troops block opposition march in Caracas" in titles   # the HTML page
        assert store.summary()["articles"] == 11
        nairobi = store.articles(q="Uhuru Park")["items"]
        assert [a["record_id"] for a in nairobi] == ["ke-2024-06-26"]
        record = store.article(nairobi[0]["id"])["record"]
        # The cleaner's junk lines are gone from the stored text and kept as removals.
        assert "READ ALSO" not in record["article"]["text"]
        assert any(r["text"].startswith("READ ALSO") for r in record["article"]["removed"])


def test_ingest_prints_plain_progress_and_summary(tmp_path):
    db = str(tmp_path / "i.db")
    (tmp_path / "empty.txt").write_text("  \n")
    result = CliRunner().invoke(
        main, ["ingest", str(SAMPLES / "belarus-minsk-arrests.txt"), str(tmp_path / "empty.txt"), "--db", db])
    assert result.exit_code == 1
    assert result.stdout.strip().startswith("stored 1, linked as copies 0, skipped as duplicates 0, failed 1")
    assert "E002" in result.stderr
    assert "\r" not in result.stderr   # no progress bar when stderr is not a terminal
    with Store.open(db) as store:
        assert [f["code"] for f in store.failures()["items"]] == ["E002"]
