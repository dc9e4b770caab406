"""Metrics: counters from results, the Prometheus text at /metrics, the terminal progress line."""

from __future__ import annotations

import io
import socket

import httpx

from tidings.record import Article, ErrorRecord, Event, Record
from tidings.runners.metrics import Metrics, Progress, metrics_text, serve_metrics


def _record(n_events: int) -> Record:
    events = [Event(id=f"V{i}", type="PROTEST", sentence="s", start=0, end=1) for i in range(n_events)]
    return Record(id="r", article=Article(text="t"), events=events)


def _error() -> ErrorRecord:
    return ErrorRecord.model_validate({"id": "x", "error": {"code": "E002", "message": "empty", "input": "x"}})


def _observed() -> Metrics:
    m = Metrics()
    for result in (_record(2), _record(0), _error(), _record(3)):
        m.observe(result)
    m.queue_depth.set(5)
    return m


def test_counters_and_prometheus_text():
    m = _observed()
    snap = m.snapshot()
    assert (snap["articles"], snap["events"], snap["failures"], snap["queue_depth"]) == (4, 5, 1, 5)
    text = metrics_text(m).decode()
    assert "tidings_articles_total 4.0" in text
    assert "tidings_events_total 5.0" in text
    assert "tidings_failures_total 1.0" in text
    assert "tidings_queue_depth 5.0" in text
    assert "# TYPE tidings_articles_total counter" in text


def test_metrics_endpoint_on_its_own_port():
    m = _observed()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = serve_metrics(port, metrics=m)
    try:
        r = httpx.get(f"http://127.0.0.1:{port}/metrics")
        assert r.status_code == 200
        assert r.headers["content-type"].startswith("text/plain")
        assert "tidings_events_total 5.0" in r.text
    finally:
        if isinstance(server, tuple):
            server[0].shutdown()


def test_metrics_app_mounts_in_fastapi():
    from fastapi import FastAPI
    from fastapi.testclient import TestClient

    from tidings.runners.metrics import metrics_app

    app = FastAPI()
    app.mount("/metrics", metrics_app(_observed()))
    r = TestClient(app).get("/metrics/")
    assert r.status_code == 200 and "tidings_failures_total 1.0" in r.text


def test_progress_line_shows_rates_failures_queue_and_eta():
    m = _observed()
    out = io.StringIO()
    progress = Progress(m, total=10, stream=out, enabled=True)
    line = progress.line()
    assert line.startswith("4 articles/10 | ")
    assert " art/s | " in line and " ev/s | " in line
    assert "1 failed" in line and "queue 5" in line and "ETA " in line
    progress.update(force=True)
    progress.close()
    assert out.getvalue().count("4 articles/10") == 2 and out.getvalue().endswith("\n")
