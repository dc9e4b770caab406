"""`tidings ingest --workers 2` stores what one worker stores; the API serves /metrics."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

import pytest

ARTICLES = [
    {"id": f"w{i}", "published": "2024-03-0%d" % (i + 1),
     "text": f"Police arrested {i + 3} protesters in Nairobi on Monday after a march against fuel prices, "
             f"the Kenya National Commission on Human Rights said. Organisers said rally number {i} would go on."}
    for i in range(6)
]


@pytest.mark.slow
def test_two_workers_store_every_article_once(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(a) for a in ARTICLES) + "\n")
    db = tmp_path / "w.db"
    cmd = [sys.executable, "-m", "tidings", "ingest", str(src), "--db", str(db), "--workers", "2"]
    first = subprocess.run(cmd, capture_output=True, text=True, timeout=900)
    assert first.returncode == 0, first.stderr
    again = subprocess.run(cmd, capture_output=True, text=True, timeout=900)
    assert again.returncode == 0, again.stderr
    with sqlite3.connect(db) as con:
        assert con.execute("select count(*) from articles").fetchone()[0] == len(ARTICLES)
        ids = sorted(r[0] for r in con.execute("select record_id from articles"))
    assert ids == sorted(a["id"] for a in ARTICLES)


def test_api_serves_prometheus_metrics(tmp_path):
    from fastapi.testclient import TestClient

    from tidings.api.app import create_app
    from tidings.api.settings import Settings

    app = create_app(Settings(db=str(tmp_path / "m.db")))
    with TestClient(app) as client:
        response = client.get("/metrics/")
    assert response.status_code == 200
    assert "tidings_articles_total" in response.text
