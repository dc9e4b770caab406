"""Crash test: kill -9 a run and a load half way, re-run both, and find every article stored once."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import psutil
import pytest

N = 2000
TOWNS = ["Kisumu", "Nakuru", "Eldoret", "Mombasa", "Nyeri", "Garissa", "Machakos", "Kitui"]


def _write(path):
    with path.open("w") as fh:
        for i in range(N):
            town = TOWNS[i % len(TOWNS)]
            text = (f"Police in {town} arrested {i % 40 + 2} protesters on Tuesday after a march by market traders "
                    f"over stall fees turned violent, officials said. The traders' association, branch number {i}, "
                    f"said the county had doubled the fees without consulting them.")
            fh.write(json.dumps({"id": f"art-{i}", "text": text, "published": "2024-07-02", "url": f"https://news.example/{i}"}) + "\n")


def _wait(predicate, proc, timeout=400):
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if predicate():
            return True
        if proc.poll() is not None:
            return False
        time.sleep(0.2)
    raise AssertionError("timed out waiting for progress")


def _kill9(proc):
    children = psutil.Process(proc.pid).children(recursive=True)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    # Orphaned workers notice their parent is gone and leave.
    gone, alive = psutil.wait_procs(children, timeout=120)
    assert alive == []


def _count(db, sql):
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10)
        try:
            return con.execute(sql).fetchone()[0]
        finally:
            con.close()
    except sqlite3.OperationalError:
        return 0


@pytest.mark.slow
def test_kill_9_half_way_then_rerun_stores_every_article_once(tmp_path):
    src = tmp_path / "articles.jsonl"
    _write(src)
    out, db = tmp_path / "out", tmp_path / "events.db"
    tidings = [sys.executable, "-m", "tidings"]
    run = tidings + ["run", str(src), "--out", str(out), "--executor", "processes", "--workers", "2", "--part-size", "100"]
    env = dict(os.environ, PYTHONUNBUFFERED="1")

    proc = subprocess.Popen(run, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    parts = lambda: len(list((out / "records").glob("part-*.parquet"))) if (out / "records").exists() else 0  # noqa: E731
    assert _wait(lambda: parts() >= 10, proc), "the run ended before it could be killed"
    _kill9(proc)
    assert 10 <= parts() < 20
    assert subprocess.run(run, env=env, capture_output=True).returncode == 0
    assert parts() == 20

    load = tidings + ["load", str(out), "--db", str(db)]
    proc = subprocess.Popen(load, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    assert _wait(lambda: _count(db, "SELECT count(*) FROM articles") >= N // 2, proc), "the load ended before it could be killed"
    _kill9(proc)
    assert _count(db, "SELECT count(*) FROM articles") < N
    done = subprocess.run(load, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr

    assert _count(db, "SELECT count(*) FROM articles") == N
    assert _count(db, "SELECT count(DISTINCT record_id) FROM articles") == N
    assert _count(db, "SELECT count(*) FROM events") > 0
    assert _count(db, "SELECT count(*) FROM (SELECT article_id, local_id FROM events GROUP BY article_id, local_id HAVING count(*) > 1)") == 0
    assert _count(db, "SELECT count(*) FROM failures") == 0
