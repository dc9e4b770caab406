"""Event dates and places, on events built by hand over parsed articles written for these tests."""

from __future__ import annotations

import pytest

from tidings.events.anchors import anchor
from tidings.record import Article, Event, Evidence

pytestmark = pytest.mark.slow


def parse(nlp, text, published=None):
    doc = nlp.make_doc(text)
    doc._.tidings_article = Article(text=text, published=published)
    return nlp(doc)


def event_on(doc, sentence_text):
    start = doc.text.index(sentence_text)
    end = start + len(sentence_text)
    return Event(id="V1", type="PROTEST", sentence=sentence_text, start=start, end=end,
                 evidence=[Evidence(sentence=sentence_text, start=start, end=end)])


def test_date_and_place_from_the_event_sentence(nlp):
    text = ("Ukrainian officials in Kyiv said Russian forces shelled apartment blocks in Kharkiv on Tuesday. "
            "The mayor appealed for help.")
    doc = parse(nlp, text, "2022-03-03")
    ev = anchor(doc, event_on(doc, text.split(". ")[0] + "."))
    assert (ev.date.value, ev.date.precision, ev.date.text) == ("2022-03-01", "day", "Tuesday")
    assert (ev.place.name, ev.place.country) == ("Kharkiv", "UA")


def test_reported_place_is_not_the_event_place(nlp):
    text = "Police in Minsk detained more than 200 protesters on Sunday, the foreign ministry said in Moscow."
    doc = parse(nlp, text, "2020-08-11")
    ev = anchor(doc, event_on(doc, text))
    assert ev.place.name == "Minsk" and ev.place.country == "BY"
    assert ev.date.value == "2020-08-09"


def test_without_a_time_in_its_sentence_the_event_takes_the_article_date(nlp):
    text = ("Teachers went on strike in Nairobi on Monday. "
            "Several schools were closed and pupils were sent home.")
    doc = parse(nlp, text, "2021-06-04")
    ev = anchor(doc, event_on(doc, "Several schools were closed and pupils were sent home."))
    assert (ev.date.value, ev.date.precision, ev.date.text) == ("2021-05-31", "day", "Monday")
    # No place in its sentence: the article's main location.
    assert ev.place.name == "Nairobi"


def test_without_any_time_the_event_takes_the_publication_date(nlp):
    text = "Farmers blocked the motorway near Lyon with tractors."
    doc = parse(nlp, text, "2024-01-25T09:00:00+01:00")
    ev = anchor(doc, event_on(doc, text))
    assert (ev.date.value, ev.date.precision, ev.date.text) == ("2024-01-25", "day", None)
    assert ev.place.name == "Lyon"


def test_undated_article_without_times_has_no_event_date(nlp):
    text = "Farmers blocked the motorway near Lyon with tractors."
    doc = parse(nlp, text, None)
    ev = anchor(doc, event_on(doc, text))
    assert ev.date is None
    assert ev.place.country == "FR"


def test_end_to_end_events_get_date_and_place(extract):
    record = extract("Riot police arrested 35 protesters in Lagos on Saturday, a police spokesman said.",
                     published="2020-10-19")
    if not record.events:
        pytest.skip("the events stage found no event in this article")
    ev = record.events[0]
    assert (ev.date.value, ev.date.text) == ("2020-10-17", "Saturday")
    assert (ev.place.name, ev.place.country) == ("Lagos", "NG")
