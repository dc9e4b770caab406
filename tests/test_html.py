"""Main text and metadata from HTML pages (trafilatura, with tidings' fallbacks)."""

from __future__ import annotations

from pathlib import Path

from tidings.config import Config
from tidings.ingest import html
from tidings.ingest.raw import RawArticle
from tidings.prepare import prepare

INPUTS = Path(__file__).resolve().parent / "fixtures" / "inputs"


def page(name: str) -> str:
    return (INPUTS / name).read_text(encoding="utf-8")


def test_body_and_metadata():
    p = html.extract(page("article.html"))
    assert p.title == "Students occupy university in Valderra over tuition fees"
    assert p.published == "2021-06-20"
    assert p.publisher == "The Valderra Courier"
    paragraphs = p.text.split("\n")
    # The headline is the title, not the body's first line.
    assert paragraphs[0].startswith("Hundreds of students occupied the main building")
    assert paragraphs[-1] == "Rector Elena Duarte urged both sides to avoid violence and said classes would be suspended until Wednesday."
    assert len(paragraphs) == 5
    for boilerplate in ("Home", "Most read", "Election date set", "Privacy", "Advertisement", "By Ana Ferreira"):
        assert boilerplate not in p.text


def test_article_inside_a_layout_table():
    p = html.extract(page("layout_table.html"))
    assert p.text.split("\n") == [
        "Miners at the Cerro Alto copper mine ended a three-week strike on Thursday after the company agreed to raise wages by 9 percent, the national mineworkers' federation said in a statement.",
        "The strike had halted production at one of the country's largest mines and cost the company an estimated 40 million dollars, according to the mining ministry.",
        "Federation leader Rosa Almiron said the workers would return to their shifts on Saturday and that talks on safety conditions would continue next month.",
    ]


def test_no_article_text():
    assert html.extract(page("no_article.html")).text.strip() in ("", "Home | News | Contact")


def test_looks_like_html():
    assert html.looks_like_html(page("article.html"))
    assert html.looks_like_html("<p>Police detained 12 people.</p>")
    assert not html.looks_like_html("Police detained 12 people <20 km from the border.")


def test_prepare_html_keeps_user_values_first():
    raw = RawArticle(source="article.html", html=page("article.html"), title="Given title", published="2021-06-21", publisher="Wire X")
    article = prepare(raw, Config())
    assert (article.title, article.published, article.publisher) == ("Given title", "2021-06-21", "Wire X")
    assert article.text.startswith("Hundreds of students occupied")


def test_unreadable_page_date_is_dropped_not_fatal():
    doc = page("article.html").replace('content="2021-06-20"', 'content="sometime soon"')
    article = prepare(RawArticle(source="p.html", html=doc), Config())
    assert article.text.startswith("Hundreds of students")
