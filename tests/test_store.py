"""The store on both backends: schema and migrations, idempotent ingest,
crash re-runs, full-text search, failures."""

from __future__ import annotations

import json
import sqlite3

import pytest

from storekit import ALL, NAIROBI, TBILISI, XSS, make_record, store  # noqa: F401 (fixture)
from tidings.ingest.raw import RawArticle
from tidings.store import EventFilter, Store, ingest
from tidings.store import schema as schema_


def test_migrations_recorded_and_not_reapplied(store):
    rows = store.db.query("SELECT version, name FROM schema_version ORDER BY version")
    assert [r["version"] for r in rows] == [1, 2, 3, 4]
    assert [r["name"] for r in rows][:2] == ["core tables", "full-text search"]
    assert store.migrate() == []


def test_older_database_is_migrated(tmp_path, monkeypatch):
    path = str(tmp_path / "old.db")
    monkeypatch.setattr(schema_, "MIGRATIONS", schema_.MIGRATIONS[:1])
    Store.open(path).close()
    monkeypatch.undo()
    with Store.open(path) as s:
        assert s.version() == 4
        s.add(NAIROBI)
        assert s.articles(q="tear gas")["total"] == 1


def test_same_article_stored_once(store):
    assert store.add(NAIROBI).status == "stored"
    assert store.add(NAIROBI).status == "duplicate"
    # Same URL, other text (an updated page): still the same article.
    moved = make_record("A different body of text about the same Nairobi protest, updated later.",
                        url=NAIROBI.article.url)
    assert store.add(moved).status == "duplicate"
    # Same cleaned text under another URL (a syndicated copy): the same article.
    copy = NAIROBI.model_copy(deep=True)
    copy.article.url = "https://mirror.example.net/ke/1"
    copy.article.text = NAIROBI.article.text.replace(". ", ".  ")  # whitespace differences do not count
    assert store.add(copy).status == "duplicate"
    assert store.summary()["articles"] == 1
    assert store.summary()["events"] == 2


def test_every_table_filled(store):
    for record in ALL:
        store.add(record, source_path=record.id)
    s = store.summary()
    assert (s["articles"], s["events"], s["entities"], s["quotes"], s["claims"], s["places"]) == (3, 5, 6, 1, 1, 5)
    ev = store.event(2)
    assert (ev["type"], ev["mode"], ev["arrested"], ev["place"], ev["place_feature"], ev["country"]) == \
        ("COERCE", "arrest", 42, "Uhuru Park", "landmark", "KE")
    assert ev["sources"][0]["url"] == "https://example.org/ke/1"
    assert ev["sources"][0]["model"] == "en_core_web_sm 3.8.0"
    assert [e["sentence"] for e in store.event(3)["evidence"]] == [
        "Thousands marched in Tbilisi on Saturday against the foreign agents bill.",
        "Demonstrators gathered outside parliament on Rustaveli Avenue.",
    ]
    # The stored record comes back exactly.
    assert store.article(1)["record"] == NAIROBI.to_dict()
    assert store.article(1)["event_ids"] == {"V1": 1, "V2": 2}


def test_event_filters(store):
    for record in ALL:
        store.add(record)

    def ids(**kw):
        return [e["id"] for e in store.events(EventFilter(sort="id", **kw))["items"]]

    assert ids(type="coerce") == [1, 2]
    assert ids(type="PROTEST,ASSAULT") == [3, 4, 5]
    assert ids(country="ge") == [3, 4]
    assert ids(date_from="2024-06-01", date_to="2024-06-30") == [1, 2]
    assert ids(lat=-1.29, lon=36.82, km=5) == [1, 2]
    assert ids(lat=41.7, lon=44.8, km=1) == []
    assert ids(actor="POLICE") == [1, 4]
    assert ids(q="foreign agents") == [3, 4]
    assert ids(q='"; DROP TABLE events; --') == []
    assert ids(mode="arrest") == [2]
    page = store.events(EventFilter(sort="-date", limit=2, offset=1))
    assert page["total"] == 5 and [e["id"] for e in page["items"]] == [2, 1]


def test_full_text_search(store):
    for record in ALL:
        store.add(record)
    assert [a["title"] for a in store.articles(q="Rustaveli")["items"]] == ["Tbilisi march against foreign agents bill"]
    assert store.quotes(q="silenced")["items"][0]["speaker"] == "Amina Wanjiru"
    assert store.quotes(speaker="wanjiru")["total"] == 1
    assert store.claims(status="denied")["items"][0]["claimant"] == "interior ministry"


def test_sqlite_file_is_plain_and_fts_consistent(tmp_path):
    path = tmp_path / "plain.db"
    with Store.open(str(path)) as s:
        for record in ALL:
            s.add(record)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # External-content FTS5 tables in step with their tables (what Datasette reads).
    conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
    conn.execute("INSERT INTO quotes_fts (quotes_fts) VALUES ('integrity-check')")
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'articles_fts'").fetchone()[0]
    assert "content=[articles]" in sql
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"articles", "entities", "quotes", "claims", "places", "times", "events", "event_evidence",
            "failures", "schema_version", "articles_fts", "quotes_fts"} <= tables
    indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events'")}
    assert {"events_date", "events_type_date", "events_country_date", "events_latlon"} <= indexes
    conn.close()


class CrashingStore(Store):
    """Dies half-way through writing the n-th article, as a killed process would."""

    crash_at = 3

    def _children(self, article_id, record):
        self.calls = getattr(self, "calls", 0) + 1
        super()._children(article_id, record)
        if self.calls == self.crash_at:
            raise KeyboardInterrupt


ARTICLES = [
    ("Riot police detained 14 protesters outside the parliament in Tbilisi on Saturday, the interior ministry "
     "said. Thousands had gathered on Rustaveli Avenue to oppose the bill, and organisers promised to return."),
    ("Police fired tear gas at hundreds of students in Dhaka on Tuesday as protests over job quotas spread to "
     "other cities. At least six people were killed in clashes across the country, officials said on Wednesday."),
    ("Security forces shot dead at least 38 people in Yangon and Mandalay on Wednesday, the United Nations "
     "envoy said, in the bloodiest day of protests since the military seized power last month."),
    ("Thousands of people marched in Bogota and Cali on Sunday after the government withdrew its tax reform. "
     "Riot police used tear gas to clear road blockades, and 431 people were detained nationwide, police said."),
    ("Belarusian riot police detained about 3,000 people across the country on Sunday night as crowds "
     "protested against the official results of the presidential election, the interior ministry said."),
]


def _raws():
    return [RawArticle(source=f"mem:{i}", id=f"a{i}", text=text, published="2024-05-12",
                       url=f"https://example.org/crash/{i}") for i, text in enumerate(ARTICLES)]


@pytest.mark.slow
def test_rerun_after_crash_stores_exactly_what_was_missing(tmp_path, pipeline):
    path = str(tmp_path / "crash.db")
    crashing = CrashingStore.open(path)
    with pytest.raises(KeyboardInterrupt):
        ingest(crashing, _raws(), pipeline=pipeline)
    crashing.close()
    with Store.open(path) as s:
        # The third article was being written when the process died: it is not there at all.
        assert [a["record_id"] for a in s.articles(sort="id")["items"]] == ["a0", "a1"]
        orphans = s.db.scalar("SELECT count(*) AS n FROM entities WHERE article_id NOT IN (SELECT id FROM articles)")
        assert orphans == 0
        summary = ingest(s, _raws(), pipeline=pipeline)
        assert (summary.stored, summary.duplicates, summary.failed) == (3, 2, 0)
        assert [a["record_id"] for a in s.articles(sort="id")["items"]] == ["a0", "a1", "a2", "a3", "a4"]
        again = ingest(s, _raws(), pipeline=pipeline)
        assert (again.stored, again.duplicates, again.failed) == (0, 5, 0)


@pytest.mark.slow
def test_failures_noted_and_retried(tmp_path, pipeline):
    with Store.open(str(tmp_path / "f.db")) as s:
        bad = RawArticle(source="mem:empty", id="e", text="   \n  ")
        summary = ingest(s, [bad, _raws()[0]], pipeline=pipeline)
        assert (summary.stored, summary.failed) == (1, 1)
        failure = s.failures()["items"][0]
        assert (failure["input"], failure["code"]) == ("mem:empty", "E002")
        # A second run tries it again and keeps one note per input.
        ingest(s, [bad], pipeline=pipeline)
        assert s.failures()["total"] == 1


def test_record_failure_replaces_older_note(store):
    store.record_failure("feed.jsonl:7", "E007", "bad JSON")
    store.record_failure("feed.jsonl:7", "E008", "no text")
    assert [(f["input"], f["code"]) for f in store.failures()["items"]] == [("feed.jsonl:7", "E008")]


def test_xss_record_stored_verbatim(store):
    store.add(XSS)
    assert store.article(1)["title"] == XSS.article.title
    assert store.events(EventFilter())["items"][0]["actor"] == 'Students <img src=x onerror="window.__xss = 5">'
    assert store.add(TBILISI).status == "stored"


def test_total_is_capped_unless_asked(store, monkeypatch):
    from tidings.store import queries

    monkeypatch.setattr(queries, "COUNT_CAP", 3)
    for record in ALL:
        store.add(record)
    page = store.events(EventFilter(limit=2))
    assert (page["total"], page["total_exact"], len(page["items"])) == (3, False, 2)
    page = store.events(EventFilter(limit=2), exact_total=True)
    assert (page["total"], page["total_exact"]) == (5, True)


def test_nul_characters_do_not_break_either_backend(store):
    record = make_record("Police detained 12 students in Lagos on Friday.\x00 The union said they were released.",
                         url="https://example.org/nul\x00/1", title="NUL \x00 title")
    assert store.add(record).status == "stored"
    assert store.has(url="https://example.org/nul\x00/1") == 1
    assert store.add(record).status == "duplicate"
    text = store.db.scalar("SELECT text FROM articles WHERE id = 1")
    # Same length either way: offsets into the text still point at the same characters.
    assert len(text) == len(record.article.text) and text.index("The union") == record.article.text.index("The union")


def test_summaries_answer_as_the_events_do(store, monkeypatch):
    for record in ALL:
        store.add(record)
    db = store.db

    def per_day(where="", params=()):
        return db.query(f"SELECT date, type AS key, count(*) AS n FROM events WHERE date IS NOT NULL{where} "
                        f"GROUP BY date, type ORDER BY date, type", list(params))

    # The counts table is used for these filters (no mode, actor, text, radius).
    assert store.events_per_day(EventFilter()) == per_day()
    assert store.events_per_day(EventFilter(country="ke")) == per_day(" AND country = ?", ["KE"])
    assert store.events_per_day(EventFilter(type="PROTEST,ASSAULT", date_to="2024-06-30")) == per_day(
        " AND type IN ('PROTEST', 'ASSAULT') AND date <= '2024-06-30'")
    assert store.events_per_day(EventFilter(date_from="2024-05-11"), by="country") == db.query(
        "SELECT date, country AS key, count(*) AS n FROM events WHERE date >= '2024-05-11' "
        "GROUP BY date, country ORDER BY date, country")
    for f, by in ((EventFilter(country="ke"), "type"), (EventFilter(), "country"), (EventFilter(actor="police"), "mode"),
                  (EventFilter(country="XX"), "type")):
        assert json.loads(store.events_per_day_json(f, by=by)) == store.events_per_day(f, by=by)
    assert json.loads(store.events_per_day_json(EventFilter(actor="police"), by="mode")) == [
        {"date": "2024-05-11", "key": None, "n": 1}, {"date": "2024-06-25", "key": "crowd control", "n": 1}]
    assert json.loads(store.events_per_day_json(EventFilter(country="KE"))) == [
        {"date": "2024-06-25", "key": "COERCE", "n": 2}]
    by_country = store.countries(EventFilter())
    assert by_country == db.query(
        "SELECT country, count(*) AS n, sum(killed) AS killed, sum(injured) AS injured, sum(arrested) AS arrested "
        "FROM events GROUP BY country ORDER BY n DESC, country")
    assert {r["country"] for r in by_country} == {"KE", "GE", "BD"}
    # Kept in step by add(), and rebuilt the same from the events.
    before = db.query("SELECT * FROM event_counts ORDER BY date, country, type")
    names = db.query("SELECT name, n FROM event_names ORDER BY name")
    assert {"name": "people", "n": 2} in names and {"name": "riot police", "n": 1} in names
    store.refresh_summaries()
    assert db.query("SELECT * FROM event_counts ORDER BY date, country, type") == before
    assert db.query("SELECT name, n FROM event_names ORDER BY name") == names


def test_actor_search_same_by_either_plan(store, monkeypatch):
    for record in ALL:
        store.add(record)

    def ids(**kw):
        return [e["id"] for e in store.events(EventFilter(sort="id", **kw))["items"]]

    for rare in (0, 10**9):   # RARE_ACTOR 0: always the OR-of-names plan; huge: always the union
        monkeypatch.setattr(type(store), "RARE_ACTOR", rare)
        assert ids(actor="POLICE") == [1, 4]
        assert ids(actor="police", country="KE") == [1]
        assert ids(actor="police", country="KE,GE") == [1, 4]
        assert ids(actor="nobody at all") == []
        assert ids(actor="%") == []
    assert store.actor_events("police") == 2   # 'Police' and 'riot police'
    assert store.actor_events("_") == 1       # the XSS record's 'window.__xss', literally
