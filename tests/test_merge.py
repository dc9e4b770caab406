"""Cross-article event merging: one protest reported three times; neighbouring towns kept apart."""

from __future__ import annotations

from tidings.merge import EventMerger, merge_events, report_from_event, reports_from_record
from tidings.record import Article, Event, Place, Record

KISUMU = {"name": "Kisumu", "lat": -0.0917, "lon": 34.7680, "country": "KE", "geonameid": 191245}
KAKAMEGA = {"name": "Kakamega", "lat": 0.2827, "lon": 34.7519, "country": "KE", "geonameid": 195272}


def event(id, *, place, date, precision="day", killed=None, actor="police", target="protesters", sentence="..."):
    data = {
        "id": id, "type": "PROTEST", "sentence": sentence, "start": 0, "end": len(sentence),
        "actor": {"name": actor}, "target": {"name": target},
        "date": {"value": date, "precision": precision} if date else None,
        "place": place,
    }
    if killed is not None:
        data["counts"] = {"killed": killed}
    return data


def record(id, publisher, published, events, places=()):
    return Record(id=id, article=Article(text="(text)", publisher=publisher, published=published),
                  events=[Event.model_validate(e) for e in events], places=[Place.model_validate(p) for p in places])


def kisumu_reports():
    nation = record("nation-1", "Daily Nation", "2024-06-25", [event(
        "V1", place=KISUMU, date="2024-06-25", killed={"value": 2, "text": "two people"},
        actor="police", target="protesters", sentence="Two people were shot dead as police fired on protesters in Kisumu on Tuesday.")],
        places=[{"id": "P1", "name": "Kisumu", "mentions": [[0, 6]], "lat": KISUMU["lat"], "lon": KISUMU["lon"], "country": "KE", "geonameid": 191245, "feature": "city"}])
    standard = record("standard-4", "The Standard", "2024-06-26", [event(
        "V1", place=dict(KISUMU, lat=-0.1022, lon=34.7617), date="2024-06-25", killed={"value": 3, "text": "three demonstrators"},
        actor="riot police", target="demonstrators", sentence="Three demonstrators died in Kisumu when riot police opened fire.")])
    wire = record("afp-9", "AFP", "2024-06-26", [event(
        "V2", place=KISUMU, date=None, killed={"min": 2, "approximate": True, "text": "at least two"},
        actor="security forces", target="protesters", sentence="At least two protesters were killed in the western city of Kisumu, medics said.")])
    return [nation, standard, wire]


def test_three_reports_of_one_protest_become_one_cluster_with_the_range():
    reports = [r for rec in kisumu_reports() for r in reports_from_record(rec)]
    clusters = merge_events(reports)
    assert len(clusters) == 1
    cluster = clusters[0]
    assert cluster.type == "PROTEST"
    assert cluster.sources == ["Daily Nation", "AFP", "The Standard"] or sorted(cluster.sources) == ["AFP", "Daily Nation", "The Standard"]
    assert sorted(cluster.articles) == ["afp-9", "nation-1", "standard-4"]
    killed = cluster.counts()["killed"]
    assert (killed["min"], killed["max"]) == (2, 3)
    figures = {s["publisher"]: (s["min"], s["max"]) for s in killed["by_source"]}
    assert figures == {"Daily Nation": (2, 2), "The Standard": (3, 3), "AFP": (2, 2)}
    data = cluster.to_dict()
    assert data["place"]["name"] == "Kisumu"
    assert data["start"] == "2024-06-24" and data["end"] == "2024-06-26"  # AFP gave no date: its publication window
    assert len(data["reports"]) == 3


def test_two_protests_in_neighbouring_towns_on_the_same_day_stay_apart():
    reports = [r for rec in kisumu_reports() for r in reports_from_record(rec)]
    kakamega = record("star-2", "The Star", "2024-06-25", [event(
        "V1", place=KAKAMEGA, date="2024-06-25", killed={"value": 1, "text": "one"},
        sentence="One person was killed as police dispersed protesters in Kakamega.")])
    reports += reports_from_record(kakamega)
    clusters = sorted(merge_events(reports), key=lambda c: len(c.reports))
    assert [len(c.reports) for c in clusters] == [1, 3]
    assert clusters[0].articles == ["star-2"]
    assert clusters[0].counts()["killed"]["max"] == 1
    assert clusters[1].counts()["killed"]["max"] == 3


def test_a_vague_report_does_not_glue_two_towns_together():
    # A wire report naming only the country fits both towns, but the two
    # town reports never fit each other: they stay apart.
    merger = EventMerger()
    a = merger.add(report_from_event(event("V1", place=KISUMU, date="2024-06-25"), "a"))
    b = merger.add(report_from_event(event("V1", place=KAKAMEGA, date="2024-06-25"), "b"))
    merger.add(report_from_event(event("V1", place={"name": "Kenya", "country": "KE"}, date="2024-06-25"), "c", place_precision="country"))
    assert a is not b
    assert len(merger.clusters()) == 2
    assert sorted(len(c.reports) for c in merger.clusters()) == [1, 2]


def test_dates_merge_within_the_window_of_their_precision():
    day1 = report_from_event(event("V1", place=KISUMU, date="2024-06-25"), "a")
    next_day = report_from_event(event("V1", place=KISUMU, date="2024-06-26"), "b")
    week_later = report_from_event(event("V1", place=KISUMU, date="2024-07-02"), "c")
    same_week = report_from_event(event("V1", place=KISUMU, date="2024-W27", precision="week"), "d")
    assert len(merge_events([day1, next_day])) == 1
    assert len(merge_events([day1, week_later])) == 2
    # ISO week 27 (1-7 July) is adjacent to 25 June's week too, but it holds 2 July: it joins that one.
    clusters = merge_events([day1, week_later, same_week])
    assert sorted(sorted(c.articles) for c in clusters) == [["a"], ["c", "d"]]


def test_other_types_and_other_actors_stay_apart():
    protest = report_from_event(event("V1", place=KISUMU, date="2024-06-25"), "a")
    assault = report_from_event(dict(event("V1", place=KISUMU, date="2024-06-25"), type="ASSAULT"), "b")
    teachers = report_from_event(event("V1", place=KISUMU, date="2024-06-25", actor="Kenya National Union of Teachers", target="Ministry of Education"), "c")
    assert len(merge_events([protest, assault])) == 2
    assert len(merge_events([protest, teachers])) == 2


def test_reports_from_the_parquet_of_a_run(tmp_path):
    from tidings.merge import reports_from_parquet
    from tidings.runners.output import tables, write_part

    write_part(tmp_path, 0, *tables(kisumu_reports(), 0))
    clusters = merge_events(reports_from_parquet(tmp_path))
    assert len(clusters) == 1
    assert clusters[0].counts()["killed"]["min"] == 2 and clusters[0].counts()["killed"]["max"] == 3
    assert sorted(clusters[0].sources) == ["AFP", "Daily Nation", "The Standard"]


def test_clusters_command_reads_the_database(tmp_path):
    import json

    from click.testing import CliRunner

    from tidings.cli import main
    from tidings.store import Store

    db = str(tmp_path / "events.db")
    recs = kisumu_reports() + [record("star-2", "The Star", "2024-06-25", [event(
        "V1", place=KAKAMEGA, date="2024-06-25", sentence="Police fired on protesters in Kakamega on Tuesday.")])]
    with Store.open(db) as store:
        for rec in recs:
            rec.article.text = rec.events[0].sentence
            rec.article.url = f"https://news.example/{rec.id}"
            assert store.add(rec).status == "stored"
    result = CliRunner().invoke(main, ["clusters", "--db", db])
    assert result.exit_code == 0, result.output
    clusters = [json.loads(line) for line in result.stdout.splitlines()]
    assert sorted(len(c["articles"]) for c in clusters) == [1, 3]
    kisumu = next(c for c in clusters if len(c["articles"]) == 3)
    assert (kisumu["counts"]["killed"]["min"], kisumu["counts"]["killed"]["max"]) == (2, 3)
    assert sorted(kisumu["sources"]) == ["AFP", "Daily Nation", "The Standard"]
    several = CliRunner().invoke(main, ["clusters", "--db", db, "--min-sources", "2"])
    assert len(several.stdout.splitlines()) == 1
