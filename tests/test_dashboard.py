"""The dashboard in headless Chromium: offline, map, filters, article view, escaping.

Screenshots go to tests/screenshots/ (gitignored) for a person to look at.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from storekit import ALL, Server

CHROMIUM = "/usr/bin/chromium"
SHOTS = Path(__file__).resolve().parent / "screenshots"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="needs the distribution's chromium (scripts/ensure-services.sh)"),
]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from tidings.api.app import create_app
    from tidings.api.settings import Settings
    from tidings.store import Store

    db = tmp_path_factory.mktemp("dash") / "dash.db"
    store = Store.open(str(db))
    for record in ALL:
        store.add(record, source_path=record.id)
    with Server(create_app(Settings(db=str(db)), store=store)) as srv:
        yield srv
    store.close()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    SHOTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.failed, page.outside, page.console_errors, page.dialogs = [], [], [], []
    page.on("requestfailed", lambda r: page.failed.append(r.url))
    page.on("response", lambda r: page.failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.on("request", lambda r: page.outside.append(r.url) if not r.url.startswith((server.url, "data:")) else None)
    page.on("console", lambda m: page.console_errors.append(m.text) if m.type == "error" else None)
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    page.goto(server.url + "/")
    page.wait_for_selector("body[data-ready='1']", timeout=15000)
    yield page
    context.close()


def test_loads_offline_without_failed_requests(page):
    assert page.failed == []
    assert page.outside == []
    assert page.console_errors == []
    assert page.locator("#map path.country").count() > 150
    assert page.locator("#summary").text_content() == "5 events from 3 articles, 2024-05-11 to 2024-07-15"
    page.screenshot(path=str(SHOTS / "dashboard.png"), full_page=True)


def test_map_shows_the_events(page):
    # Zoomed to fit: the two Tbilisi events, Nairobi's two and Dhaka's one.
    points = page.locator("#map .event-point")
    clusters = page.locator("#map .event-cluster-group")
    shown = points.count() + sum(int(c.get_attribute("data-count")) for c in clusters.all())
    assert shown == 5
    page.click("#zoom-reset")
    page.screenshot(path=str(SHOTS / "map-world.png"))
    # At world zoom nearby events fold into clusters; a click zooms in.
    if page.locator("#map .event-cluster-group").count():
        page.locator("#map .event-cluster-group").first.click()
    assert page.locator("#map .event-point").count() >= 1


def test_filter_narrows_table_and_timeline(page):
    assert page.locator("#events tbody tr").count() == 5
    bars = page.locator("#timeline rect.bar")
    assert sorted({b.get_attribute("data-type") for b in bars.all()}) == ["ASSAULT", "COERCE", "PROTEST"]
    page.select_option("#f-country", "KE")
    page.click("#f-apply")
    expect(page.locator("#events tbody tr")).to_have_count(2)
    rows = page.locator("#events tbody tr")
    assert [rows.nth(i).locator("td").nth(1).text_content() for i in range(2)] == ["COERCE", "COERCE"]
    bars = page.locator("#timeline rect.bar")
    assert [(b.get_attribute("data-date"), b.get_attribute("data-type"), b.get_attribute("data-n")) for b in bars.all()] \
        == [("2024-06-25", "COERCE", "2")]
    assert page.locator("#map .event-point").count() + page.locator("#map .event-cluster-group").count() >= 1
    page.screenshot(path=str(SHOTS / "filtered-kenya.png"), full_page=True)


def test_click_event_opens_article_with_evidence(page):
    row = page.locator("#events tbody tr", has_text="Uhuru Park")
    row.click()
    page.wait_for_selector("#article:not([hidden]) .hl-selected")
    assert page.locator("#article-title").text_content() == "Kenyan police disperse Nairobi protest"
    selected = page.locator("#article-text .hl-selected")
    assert "".join(selected.all_text_contents()) == \
        "Officers arrested 42 people near Uhuru Park, according to the Kenya Police Service."
    assert page.locator("#article-text .hl-quote").first.text_content() == "We will not be silenced"
    assert "denied" in page.locator("#article-text .hl-claim").first.get_attribute("class")
    assert page.locator("#article-text .hl-ent", has_text="Amina Wanjiru").count() == 1
    page.screenshot(path=str(SHOTS / "article-evidence.png"), full_page=True)


def test_map_click_opens_article(page):
    page.select_option("#f-country", "BD")
    page.click("#f-apply")
    expect(page.locator("#events tbody tr")).to_have_count(1)
    page.locator("#map .event-point").first.click()
    page.wait_for_selector("#article:not([hidden]) .hl-selected")
    assert page.url.endswith("#event/5")


def test_untrusted_text_renders_as_text(page):
    page.locator("#events tbody tr", has_text="Students").click()
    page.wait_for_selector("#article:not([hidden]) .hl-selected")
    title = page.locator("#article-title").text_content()
    assert title == 'Dhaka <script>window.__xss = 3</script> students <img src=x onerror="window.__xss = 4">'
    text = page.locator("#article-text").text_content()
    assert "<script>window.__xss = 1</script>" in text
    assert '<img src=x onerror="window.__xss = 2">' in text
    # Nothing ran and no element came from the text.
    assert page.evaluate("window.__xss === undefined")
    assert page.locator("#article img, #article script, #events img").count() == 0
    assert page.dialogs == []
    page.screenshot(path=str(SHOTS / "xss-as-text.png"), full_page=True)


def test_sample_corpus_xss_article_renders_as_text(browser, tmp_path):
    """The sample corpus' own <script>/<img onerror> article, through the real pipeline."""
    import json

    from tidings.api.app import create_app
    from tidings.api.settings import Settings
    from tidings.pipeline import get_pipeline
    from tidings.store import Store, ingest
    from tidings.ingest.jsonl import from_dict

    line = next(x for x in (Path(__file__).resolve().parent.parent / "samples" / "articles.jsonl").open(encoding="utf-8")
                if "onerror" in x)
    store = Store.open(str(tmp_path / "x.db"))
    ingest(store, [from_dict(json.loads(line), "sample")], pipeline=get_pipeline())
    with Server(create_app(Settings(db=str(tmp_path / "x.db")), store=store)) as srv:
        context = browser.new_context()
        page = context.new_page()
        dialogs = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(srv.url + "/#article/1")
        page.wait_for_selector("#article:not([hidden])")
        assert "<script>alert('xss')</script>" in page.locator("#article-title").text_content()
        assert "onerror=\"alert('img')\"" in page.locator("#article-text").text_content()
        page.wait_for_timeout(300)
        assert dialogs == []
        assert page.locator("#article img, #article script").count() == 0
        page.screenshot(path=str(SHOTS / "sample-xss.png"), full_page=True)
        context.close()
    store.close()
