"""``tidings extract`` on text, HTML, stdin, JSON Lines and several paths; output validates against ``tidings schema``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

ROOT = Path(__file__).resolve().parent.parent
TIDINGS = ROOT / ".venv" / "bin" / "tidings"
INPUTS = Path(__file__).resolve().parent / "fixtures" / "inputs"


def run(*args, stdin: bytes | None = None):
    exe = [str(TIDINGS)] if TIDINGS.exists() else [sys.executable, "-m", "tidings"]
    proc = subprocess.run([*exe, *map(str, args)], input=stdin, capture_output=True, timeout=600)
    assert "Traceback" not in proc.stderr.decode()
    return proc


@pytest.fixture(scope="module")
def validator():
    proc = run("schema")
    assert proc.returncode == 0
    schema = json.loads(proc.stdout)
    return jsonschema.Draft202012Validator(schema)


def test_text_file_with_published_date(validator):
    proc = run("extract", INPUTS / "article.txt", "--published", "2021-06-20")
    assert proc.returncode == 0, proc.stderr.decode()
    assert proc.stdout.startswith(b"{\n  ")  # one record, indented
    record = json.loads(proc.stdout)
    validator.validate(record)
    article = record["article"]
    assert record["id"] == "article"
    assert article["published"] == "2021-06-20"
    assert article["publisher"] == "The Guardian"
    assert article["language"] == "en"
    assert article["removed"][0] == {"text": "READ ALSO Fuel subsidies cut as government seeks IMF deal", "reason": "cross-link"}
    assert article["text"].startswith("Police detain 40 protesters in Puerto Calma")
    names = {e["name"] for e in record["entities"]}
    assert "Marta Quiroga" in names


def test_html_file(validator):
    proc = run("extract", INPUTS / "article.html")
    assert proc.returncode == 0, proc.stderr.decode()
    record = json.loads(proc.stdout)
    validator.validate(record)
    article = record["article"]
    assert article["title"] == "Students occupy university in Valderra over tuition fees"
    assert article["published"] == "2021-06-20"
    assert article["publisher"] == "The Valderra Courier"
    assert article["text"].startswith("Hundreds of students occupied the main building of the National University")
    assert "Rector Elena Duarte urged both sides" in article["text"]
    for boilerplate in ("Most read", "Storm damages harbour", "Privacy", "Advertisement"):
        assert boilerplate not in article["text"]


def test_stdin_text(validator):
    text = "Riot police in Valderra arrested 23 people on Monday during a march against a new mining law, the city's prosecutor said."
    proc = run("extract", "-", "--published", "2023-04-03", "--id", "stdin-1", "--url", "https://example.org/a", stdin=text.encode())
    assert proc.returncode == 0, proc.stderr.decode()
    record = json.loads(proc.stdout)
    validator.validate(record)
    assert record["id"] == "stdin-1"
    assert record["article"]["text"] == text
    assert record["article"]["url"] == "https://example.org/a"
    assert record["article"]["published"] == "2023-04-03"


def test_jsonl_keeps_ids(validator):
    proc = run("extract", INPUTS / "articles.jsonl")
    assert proc.returncode == 0, proc.stderr.decode()
    records = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert [r["id"] for r in records] == ["mx-001", "mx-002", "mx-003"]
    for r in records:
        validator.validate(r)
    assert records[0]["article"]["title"] == "Troops clear farmers' blockade"
    assert records[0]["article"]["url"] == "https://example.org/mx-001"
    assert records[0]["article"]["published"] == "2022-03-08"
    assert records[1]["article"]["text"].startswith("Dockworkers in Port Arlen walked off the job on Monday")
    assert records[2]["article"]["publisher"] == "Reuters"
    assert records[2]["article"]["removed"] == [{"text": "Source: Reuters", "reason": "syndication"}]


def test_jsonl_on_stdin():
    data = (INPUTS / "articles.jsonl").read_bytes()
    proc = run("extract", "-", stdin=data)
    assert proc.returncode == 0, proc.stderr.decode()
    assert [json.loads(line)["id"] for line in proc.stdout.decode().splitlines()] == ["mx-001", "mx-002", "mx-003"]


def test_several_paths_give_json_lines(validator):
    proc = run("extract", INPUTS / "article.txt", INPUTS / "article.html", "--published", "2021-06-20")
    assert proc.returncode == 0, proc.stderr.decode()
    lines = proc.stdout.decode().splitlines()
    assert len(lines) == 2
    records = [json.loads(line) for line in lines]
    assert [r["id"] for r in records] == ["article", "article"]
    for r in records:
        validator.validate(r)
    # --published fills only inputs without a date of their own.
    assert [r["article"]["published"] for r in records] == ["2021-06-20", "2021-06-20"]
    assert records[1]["article"]["publisher"] == "The Valderra Courier"


def test_error_record_schema():
    proc = run("schema", "--error")
    schema = json.loads(proc.stdout)
    error = {"id": "x", "error": {"code": "E001", "message": "No such file: 'x'.", "input": "x"}}
    jsonschema.validate(error, schema)
