"""The record contract: field names, schema, and that real records validate."""

from __future__ import annotations

import json
import subprocess
import sys

import jsonschema
import pytest

from tidings.record import ErrorRecord, Record, error_json_schema, json_schema

CONTRACT = {
    "": {"id", "article", "entities", "quotes", "claims", "places", "times", "events"},
    "article": {"title", "text", "published", "publisher", "url", "language", "removed"},
}


def test_schema_keeps_the_contract_fields():
    schema = json_schema()
    assert CONTRACT[""] <= set(schema["properties"])
    article = schema["$defs"]["Article"]["properties"]
    assert CONTRACT["article"] <= set(article)
    assert {"id", "name", "type", "mentions", "role"} <= set(schema["$defs"]["Entity"]["properties"])
    assert {"text", "reason"} <= set(schema["$defs"]["Removed"]["properties"])


def test_schema_is_valid_json_schema():
    jsonschema.Draft202012Validator.check_schema(json_schema())
    jsonschema.Draft202012Validator.check_schema(error_json_schema())


def test_minimal_record_round_trips():
    record = Record.model_validate({"article": {"text": "Protesters marched."}})
    data = record.to_dict()
    assert data["entities"] == [] and data["events"] == []
    jsonschema.validate(data, json_schema())
    assert Record.model_validate(json.loads(record.to_json())) == record


def test_unknown_fields_are_refused():
    with pytest.raises(Exception):
        Record.model_validate({"article": {"text": "x", "body": "y"}})


def test_error_record_shape():
    err = ErrorRecord.model_validate({"id": "a1", "error": {"code": "E002", "message": "empty", "input": "a.txt"}})
    jsonschema.validate(err.to_dict(), error_json_schema())


def test_schema_command_prints_the_schema():
    out = subprocess.run([sys.executable, "-m", "tidings", "schema"], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == json_schema()


@pytest.mark.slow
def test_a_real_record_validates(extract):
    text = (
        "MANAGUA — Police detained at least 12 opposition activists on Sunday, "
        "the Nicaraguan Center for Human Rights said.\n"
        "\"This is a crackdown,\" said Vilma Núñez, the group's president."
    )
    record = extract(text, published="2021-06-20", url="https://example.org/a", title="Activists detained")
    data = record.to_dict()
    jsonschema.validate(data, json_schema())
    assert data["article"]["published"] == "2021-06-20"
    assert data["provenance"]["model"].startswith("en_core_web_sm")
    for ent in data["entities"]:
        for start, end in ent["mentions"]:
            assert data["article"]["text"][start:end]
