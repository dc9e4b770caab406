"""Runners: worker processes in input order with bounded read-ahead; tidings run over every input kind; load."""

from __future__ import annotations

import gzip
import io
import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tidings.cli import main
from tidings.config import Config
from tidings.ingest.parquet import read_parquet
from tidings.ingest.raw import RawArticle
from tidings.ingest.warc import read_warc
from tidings.record import ErrorRecord, Record
from tidings.runners.local import process_parallel
from tidings.runners.metrics import Metrics
from tidings.runners.output import count_rows, events_table, read_records

TOWNS = ["Kisumu", "Nakuru", "Eldoret", "Mombasa", "Nyeri", "Garissa", "Machakos"]


def story(i: int) -> str:
    town = TOWNS[i % len(TOWNS)]
    return (f"Police in {town} fired tear gas at hundreds of protesters on Monday, witnesses said. "
            f"At least {i % 5 + 1} people were injured and {i + 2} were arrested, according to the Kenya Red Cross. "
            f"The demonstrators, led by traders from the {town} market association (branch {i}), were demanding lower fuel prices "
            f"and the release of a local journalist detained last week.")


def raws(n: int, start: int = 0):
    for i in range(start, start + n):
        yield RawArticle(source=f"test:{i}", id=f"a{i}", text=story(i), published="2024-03-04", url=f"https://news.example/{i}")


def test_two_workers_give_the_same_records_in_input_order(pipeline):
    items = list(raws(10))
    items.insert(3, RawArticle(source="test:empty", id="empty", text="   "))
    items.insert(6, ErrorRecord.model_validate({"id": "bad-line", "error": {"code": "E007", "message": "bad", "input": "x:7"}}))
    metrics = Metrics()
    parallel = list(process_parallel(iter(items), Config(batch_size=3, time_budget_s=600), workers=2, metrics=metrics))
    single = list(process_parallel(iter(items), Config(batch_size=3, time_budget_s=600), workers=1, metrics=Metrics()))
    assert [r.id for r in parallel] == [i.id for i in items]
    assert [r.to_dict() for r in parallel] == [r.to_dict() for r in single]
    assert isinstance(parallel[3], ErrorRecord) and parallel[3].error.code == "E002"
    assert parallel[6].error.code == "E007"
    assert isinstance(parallel[0], Record) and parallel[0].events
    snap = metrics.snapshot()
    assert snap["articles"] == 12 and snap["failures"] == 2 and snap["queue_depth"] == 0
    assert snap["events"] == sum(len(r.events) for r in parallel if isinstance(r, Record))


def test_input_is_read_lazily_with_bounded_read_ahead():
    consumed = []

    def endless():
        i = 0
        while True:  # an input far larger than memory would allow
            consumed.append(i)
            yield RawArticle(source=f"s{i}", id=f"a{i}", text=story(i), published="2024-03-04")
            i += 1

    results = process_parallel(endless(), Config(batch_size=4, time_budget_s=600), workers=2, max_pending=2, metrics=Metrics())
    first = [next(results).id for _ in range(5)]
    results.close()  # stops the workers
    assert first == ["a0", "a1", "a2", "a3", "a4"]
    # Two batches out at a time, four articles each, plus the batch read when one came back.
    assert len(consumed) <= 4 * 3 + 1


def test_skip_drops_items_already_done(pipeline):
    metrics = Metrics()
    out = list(process_parallel(raws(6), Config(), workers=1, skip=lambda raw: raw.id in {"a1", "a4"}, metrics=metrics))
    assert [r.id for r in out] == ["a0", "a2", "a3", "a5"]
    assert metrics.snapshot()["skipped"] == 2


def _write_inputs(folder):
    rows = [{"id": f"a{i}", "text": story(i), "published": "2024-03-04", "url": f"https://news.example/{i}"} for i in range(12)]
    (folder / "one.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows[:4]))
    with gzip.open(folder / "two.jsonl.gz", "wt") as fh:
        fh.write("".join(json.dumps(r) + "\n" for r in rows[4:7]))
        fh.write("{not json\n")
    pq.write_table(pa.Table.from_pylist(rows[7:10]), folder / "three.parquet")
    with open(folder / "four.warc.gz", "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for r in rows[10:]:
            html = f"<html><head><title>Fuel protest {r['id']}</title></head><body><article><p>{r['text']}</p></article></body></html>".encode()
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(r["url"], "response", payload=io.BytesIO(html), http_headers=headers))
        headers = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://news.example/logo.png", "response", payload=io.BytesIO(b"\x89PNG"), http_headers=headers))
    return [str(folder / n) for n in ("one.jsonl", "two.jsonl.gz", "three.parquet", "four.warc.gz")]


def test_readers_for_warc_and_parquet(tmp_path):
    paths = _write_inputs(tmp_path)
    parquet = list(read_parquet(paths[2]))
    assert [r.id for r in parquet] == ["a7", "a8", "a9"] and parquet[0].published == "2024-03-04"
    warc = list(read_warc(paths[3]))
    assert [r.url for r in warc] == ["https://news.example/10", "https://news.example/11"]  # the image is passed over
    assert warc[0].html.startswith("<html>")
    assert list(read_warc(tmp_path / "none.warc"))[0].error.code == "E001"
    (tmp_path / "junk.parquet").write_bytes(b"not parquet at all")
    junk = list(read_parquet(tmp_path / "junk.parquet"))
    assert len(junk) == 1 and junk[0].error.code == "E023" and "Parquet" in junk[0].error.message


def test_run_writes_partitioned_parquet_and_resumes(tmp_path, pipeline):
    inputs = _write_inputs(tmp_path)
    out = tmp_path / "out"
    runner = CliRunner()
    result = runner.invoke(main, ["run", *inputs, "--out", str(out), "--executor", "processes", "--workers", "1", "--part-size", "5"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (out / "records").iterdir()) == ["part-00000.parquet", "part-00001.parquet", "part-00002.parquet"]
    got = list(read_records(out))
    assert [pos for pos, _ in got] == list(range(13))
    ids = [r.id for _, r in got]
    assert ids[:7] == ["a0", "a1", "a2", "a3", "a4", "a5", "a6"] and ids[8:10] == ["a7", "a8"]
    assert isinstance(got[7][1], ErrorRecord) and got[7][1].error.code == "E007"  # the bad JSON line, in its place
    assert got[11][1].article.url == "https://news.example/10"
    events = events_table(out)
    assert events.num_rows == sum(len(r.events) for _, r in got if isinstance(r, Record)) > 0
    assert set(events.column("article_id").to_pylist()) <= set(ids)

    # A re-run finds every part written and processes nothing.
    result = runner.invoke(main, ["run", *inputs, "--out", str(out), "--executor", "processes", "--part-size", "5"])
    assert result.exit_code == 0
    summary = json.loads(result.output.strip().splitlines()[-1])
    assert summary["parts_written"] == 0
    # Another part size over the same folder would mix two layouts: refused.
    result = runner.invoke(main, ["run", *inputs, "--out", str(out), "--executor", "processes", "--part-size", "7"])
    assert result.exit_code == 1 and "E022" in result.output and "another --part-size" in result.output

    db = tmp_path / "events.db"
    result = runner.invoke(main, ["load", str(out), "--db", str(db)])
    assert result.exit_code == 0, result.output
    # The stories share one template but differ in town and figures: distinct reports, not copies.
    assert "stored 12, linked as copies 0" in result.output and "failed 1" in result.output
    result = runner.invoke(main, ["load", str(out), "--db", str(db)])
    assert "stored 0, linked as copies 0, skipped as duplicates 12" in result.output


@pytest.mark.slow
def test_run_on_a_dask_local_cluster_matches_local_processes(tmp_path):
    inputs = _write_inputs(tmp_path)
    from tidings.runners.run import run_to_parquet

    run_to_parquet(inputs, tmp_path / "dask", executor="dask", workers=2, part_size=5, metrics=Metrics())
    run_to_parquet(inputs, tmp_path / "local", executor="processes", workers=2, part_size=5, metrics=Metrics())
    dask_records = [(p, r.to_dict()) for p, r in read_records(tmp_path / "dask")]
    local_records = [(p, r.to_dict()) for p, r in read_records(tmp_path / "local")]
    assert dask_records == local_records
    assert count_rows(tmp_path / "dask", "events") == count_rows(tmp_path / "local", "events")
