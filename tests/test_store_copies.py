"""Near-duplicate copies in the store: linked to their original, counted once, on both backends."""

from __future__ import annotations

import pytest

from storekit import make_record, store  # noqa: F401 (fixture)
from tidings.store import Store, add_records
from tidings.store.near import band_hashes

WIRE = ("Security forces fired live rounds at demonstrators in the northern city of Kassala on Thursday, "
        "killing at least four people and wounding dozens, according to a doctors' committee. "
        "The protesters had gathered outside the governor's office to demand the release of two union leaders "
        "arrested last week. A spokesman for the regional government said the security forces had acted "
        "in self-defence after a police station was set on fire. Witnesses told reporters that the crowd "
        "was peaceful until tear gas was fired into it. The doctors' committee said the number of dead "
        "could rise because several of the wounded were in a critical condition.")


def _record(text, url, publisher, killed=4, id=None, place=("Kassala", 15.45, 36.4, "SD")):
    sentence = text[: text.index(". ") + 1]
    return make_record(text, url=url, publisher=publisher, published="2025-02-14", id=id, title="Kassala",
                       events=[{"sentence": sentence, "type": "ASSAULT", "actor": "Security forces",
                                "target": "demonstrators", "killed": killed, "date": "2025-02-13",
                                "place": place}])


def test_syndicated_copy_and_update_are_linked_to_the_original(store):
    original = store.add(_record(WIRE, "https://wire.example/sudan/1", "Wire Example"))
    assert original.status == "stored"
    # A re-post: other site, its own credit line, the last sentence trimmed.
    repost = "Via Wire Example. " + WIRE[: WIRE.rindex(" The doctors' committee")]
    copy = store.add(_record(repost, "https://aggregator.example/a/77", "Wire Example"))
    assert (copy.status, copy.original) == ("copy", original.article_id)
    # An update with a higher toll copies the same story.
    update = WIRE.replace("at least four people", "at least six people")
    later = store.add(_record(update, "https://wire.example/sudan/1-update", "Wire Example", killed=6))
    assert (later.status, later.original) == ("copy", original.article_id)

    row = store.article(copy.article_id)
    assert row["duplicate_of"] == original.article_id and 0.5 <= row["similarity"] < 1.0
    assert store.article(original.article_id)["copies"] == [copy.article_id, later.article_id]
    # The story is counted once: the copies add articles, not events.
    assert store.summary()["articles"] == 3
    assert store.summary()["events"] == 1
    listed = {a["id"]: a["duplicate_of"] for a in store.articles()["items"]}
    assert listed == {original.article_id: None, copy.article_id: original.article_id, later.article_id: original.article_id}


def test_another_outlets_own_report_is_not_a_copy(store):
    store.add(_record(WIRE, "https://wire.example/sudan/1", "Wire Example"))
    own = ("At least four people died in Kassala on Thursday when soldiers opened fire on a march to the "
           "governor's office, medics said. Relatives of the dead said the marchers wanted two jailed trade "
           "unionists freed. Officials in the eastern state blamed the violence on protesters who, they said, "
           "burned a police post. Our correspondent saw armoured vehicles on the main road into the city "
           "late on Thursday evening, and shops in the central market stayed shut on Friday.")
    assert store.add(_record(own, "https://daily.example/kassala", "Daily Example")).status == "stored"
    assert store.summary()["events"] == 2


def test_copies_are_counted_by_add_records_and_can_be_switched_off(tmp_path):
    records = [_record(WIRE, "https://wire.example/1", "Wire Example"),
               _record("Via Wire Example. " + WIRE, "https://b.example/1", "Wire Example")]
    with Store.open(str(tmp_path / "a.db")) as s:
        summary = add_records(s, records)
        assert (summary.stored, summary.copies, summary.duplicates) == (1, 1, 0)
        assert "linked as copies 1" in summary.line()
    with Store.open(str(tmp_path / "b.db"), link_copies=False) as s:
        summary = add_records(s, records)
        assert (summary.stored, summary.copies) == (2, 0)


def test_short_texts_are_never_linked():
    assert band_hashes("Police arrested 12 protesters in Kassala on Thursday.") == []
    assert len(band_hashes(WIRE)) == 32
    assert band_hashes(WIRE) == band_hashes(WIRE)  # the same in every process: fixed seeds


def test_template_reports_of_different_events_stay_apart(store):
    def report(town, injured, arrested):
        return (f"Police in {town} fired tear gas at hundreds of protesters on Monday, witnesses said. "
                f"At least {injured} people were injured and {arrested} were arrested, according to the Red Cross. "
                f"The demonstrators, led by traders from the {town} market association, were demanding lower "
                f"fuel prices and the release of a local journalist detained last week.")
    kisumu, nakuru = ("Kisumu", -0.09, 34.77, "KE"), ("Nakuru", -0.28, 36.07, "KE")
    first = store.add(_record(report("Kisumu", 3, 9), "https://a.example/1", "A", place=kisumu))
    # As alike in wording as a re-post (4-gram similarity 0.76), but another town: another event.
    town = store.add(_record(report("Nakuru", 3, 9), "https://a.example/3", "A", place=nakuru))
    assert (first.status, town.status) == ("stored", "stored")
    # The same town with new figures is an updated version of the first report.
    update = store.add(_record(report("Kisumu", 5, 14), "https://a.example/2", "A", place=kisumu))
    assert (update.status, update.original) == ("copy", first.article_id)
