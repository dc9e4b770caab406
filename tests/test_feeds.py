"""tidings watch against a local HTTP server: feeds, pages, robots.txt, restarts, back-off."""

from __future__ import annotations

import http.server
import threading

import pytest
from click.testing import CliRunner

from tidings.cli import main
from tidings.feeds import State, Watcher
from tidings.feeds.fetch import USER_AGENT
from tidings.store import open_store

FUEL = (
    "Thousands of people marched through the centre of Mombasa on Saturday to protest against a rise in fuel prices, "
    "blocking the main road to the port for several hours. Police fired tear gas when some protesters threw stones at "
    "a petrol station, and the county commander said 14 people had been arrested. Traders along Moi Avenue closed their "
    "shops as the crowd passed. Organisers from the Mombasa Residents Association said they would return to the streets "
    "next week unless the energy regulator reversed the increase, which took effect on Friday."
)
TEACHERS = (
    "Teachers in Nakuru county began an indefinite strike on Monday over unpaid allowances, leaving more than 200 public "
    "schools without staff at the start of term. The county branch of the teachers' union said its members had not been "
    "paid for four months despite repeated promises from the county government. Parents gathered outside several schools "
    "to collect their children. A county spokesman said the arrears would be cleared by the end of the month and urged "
    "the teachers to return to their classrooms while talks continued."
)
MEMO = "This page must never be fetched: robots.txt disallows everything under /private/. " * 5


def page(title, body, credit=""):
    paras = "".join(f"<p>{s.strip()}.</p>" for s in body.split(". ") if s.strip())
    extra = f"<p>{credit}</p>" if credit else ""
    return (f"<html><head><title>{title}</title></head><body><nav>Home | World | Sport</nav>"
            f"<article><h1>{title}</h1>{paras}{extra}</article><footer>Copyright Coast Courier</footer></body></html>").encode()


def rss(base, items):
    body = "".join(f"<item><title>{t}</title><link>{base}{p}</link><pubDate>Sat, 02 Mar 2024 10:00:00 GMT</pubDate></item>" for p, t in items)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Coast Courier</title><link>{base}/</link>{body}</channel></rss>'.encode()


def atom(base, items):
    body = "".join(f'<entry><title>{t}</title><link href="{base}{p}"/><id>{base}{p}</id><updated>2024-03-02T14:00:00Z</updated></entry>' for p, t in items)
    return f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Partner</title><id>{base}/atom</id><updated>2024-03-02T14:00:00Z</updated>{body}</feed>'.encode()


class Site:
    def __init__(self):
        self.routes: dict[str, tuple[int, str, bytes]] = {}
        self.requests: list[tuple[str, str]] = []
        site = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                site.requests.append((self.path, self.headers.get("User-Agent", "")))
                status, ctype, body = site.routes.get(self.path, (404, "text/plain", b"not found"))
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def paths(self) -> list[str]:
        return [p for p, _ in self.requests]


@pytest.fixture
def site():
    s = Site()
    b = s.base
    s.routes = {
        "/robots.txt": (200, "text/plain", b"User-agent: *\nDisallow: /private/\n"),
        "/feed.xml": (200, "application/rss+xml", rss(b, [("/news/fuel-protest", "Fuel protest shuts Mombasa port road"),
                                                         ("/news/teachers-strike", "Nakuru teachers strike"),
                                                         ("/private/memo", "Internal memo")])),
        "/partner/atom.xml": (200, "application/atom+xml", atom(b, [("/partner/fuel-copy", "Mombasa fuel march")])),
        "/broken.xml": (500, "text/plain", b"upstream error"),
        "/news/fuel-protest": (200, "text/html", page("Fuel protest shuts Mombasa port road", FUEL)),
        "/news/teachers-strike": (200, "text/html", page("Nakuru teachers strike", TEACHERS)),
        "/private/memo": (200, "text/html", page("Memo", MEMO)),
        # A partner re-posts the Courier's story with a credit line.
        "/partner/fuel-copy": (200, "text/html", page("Mombasa fuel march", FUEL, credit="Via Coast Courier")),
    }
    yield s
    s.server.shutdown()


def test_watch_once_stores_new_articles_and_obeys_robots(site, tmp_path, pipeline):
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"# the desk's feeds\n{site.base}/feed.xml\n{site.base}/partner/atom.xml\n\n{site.base}/broken.xml\n")
    db = tmp_path / "crisis.db"
    result = CliRunner().invoke(main, ["watch", str(feeds), "--db", str(db), "--once"])
    assert result.exit_code == 0, result.output

    with open_store(str(db)) as store:
        urls = sorted(a["url"] for a in store.articles()["items"])
    # The syndicated copy is not stored a second time; the disallowed page is never fetched.
    assert urls == [f"{site.base}/news/fuel-protest", f"{site.base}/news/teachers-strike"]
    assert "/private/memo" not in site.paths()
    assert "/partner/fuel-copy" in site.paths()
    assert all(ua == USER_AGENT for _, ua in site.requests)
    assert USER_AGENT.startswith("tidings/")

    state = State(f"{db}.watch.sqlite")
    assert state.status(f"{site.base}/private/memo") == "disallowed"
    assert state.copies() == [(f"{site.base}/partner/fuel-copy", f"{site.base}/news/fuel-protest", "Coast Courier")]
    broken = state.feed(f"{site.base}/broken.xml")
    assert broken["failures"] == 1 and "HTTP 500" in broken["last_error"]
    state.close()

    # A restart remembers what it saw: no article page is fetched again.
    before = len(site.requests)
    result = CliRunner().invoke(main, ["watch", str(feeds), "--db", str(db), "--once"])
    assert result.exit_code == 0, result.output
    again = [p for p in site.paths()[before:] if not p.endswith((".xml", "robots.txt"))]
    assert again == []
    with open_store(str(db)) as store:
        assert store.articles()["total"] == 2


def test_failing_feed_backs_off_exponentially(site, tmp_path, pipeline):
    state = State(tmp_path / "state.sqlite")
    with open_store(str(tmp_path / "x.db")) as store:
        watcher = Watcher([f"{site.base}/broken.xml"], store, state, interval=60, pipeline=pipeline)
        assert watcher.round()["feed_errors"] == 1
        assert watcher.round()["feeds"] == 0  # still waiting: not even tried
        # Force the wait to have passed: the next failure doubles it.
        state.db.execute("UPDATE feeds SET next_try = 0")
        assert watcher.round()["feed_errors"] == 1
        info = state.feed(f"{site.base}/broken.xml")
        assert info["failures"] == 2
        assert state.feed_failed(f"{site.base}/broken.xml", "again", 60, 6 * 3600) == 240  # 60 * 2^2
        # Once the feed recovers, its failures are forgotten.
        site.routes["/broken.xml"] = site.routes["/feed.xml"]
        state.db.execute("UPDATE feeds SET next_try = 0")
        counts = watcher.round()
        assert counts["feed_errors"] == 0 and counts["stored"] == 2 and counts["disallowed"] == 1
        assert state.feed(f"{site.base}/broken.xml")["failures"] == 0
    state.close()
