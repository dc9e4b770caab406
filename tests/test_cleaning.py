"""Junk-line cleaning of scraped plain text: what goes, what stays, and where offsets point."""

from __future__ import annotations

from pathlib import Path

import pytest

from tidings.clean import lines
from tidings.clean.text import normalise
from tidings.config import Config
from tidings.ingest.raw import RawArticle
from tidings.prepare import prepare

INPUTS = Path(__file__).resolve().parent / "fixtures" / "inputs"


@pytest.mark.parametrize(
    "line, reason",
    [
        ("READ ALSO  Fuel subsidies cut as government seeks IMF deal", "cross-link"),
        ("Read also: Opposition leader arrested at airport", "cross-link"),
        ("ALSO READ | Army deployed to northern border", "cross-link"),
        ("[READ MORE: Strikers march on parliament]", "cross-link"),
        ("→ Read more: Curfew lifted in the capital", "cross-link"),
        ("Related: Opposition calls for general strike", "cross-link"),
        ("RELATED >> Teachers strike enters second week", "cross-link"),
        ("See also: Timeline of the protests", "cross-link"),
        ("More on this story", "cross-link"),
        ("MORE ON THIS STORY", "cross-link"),
        ("You may also like:", "cross-link"),
        ("Via The Guardian", "syndication"),
        ("Source: Reuters", "syndication"),
        ("SOURCE | Xinhua", "syndication"),
        ("(Courtesy of Al Jazeera)", "syndication"),
        ("This article first appeared in The Conversation.", "syndication"),
        ("This story was originally published by ProPublica.", "syndication"),
        ("— Agence France-Presse", "syndication"),
        ("Click here to subscribe", "subscribe"),
        ("Download the Valderra Courier app for breaking news alerts", "subscribe"),
        ("Sign up for our daily newsletter", "newsletter"),
        ("Get the latest news delivered to your inbox", "newsletter"),
        ("Share this article", "share"),
        ("Share: Facebook | Twitter | Email", "share"),
        ("Facebook Twitter WhatsApp Email", "share"),
        ("Like us on Facebook", "share"),
        ("Follow Mail & Guardian on Instagram, Facebook and X.", "share"),
        ("ADVERTISEMENT", "advertisement"),
        ("Story continues below advertisement", "advertisement"),
        ("© 2021 The Valderra Courier. All rights reserved.", "copyright"),
        ("Home | News | Politics | Contact", "navigation"),
        ("More from Reuters", "cross-link"),
        ("Watch the video: Police storm campus", "cross-link"),
        ("Recommended Stories", "cross-link"),
        ("Source: AFP/Reuters", "syndication"),
        ("Story courtesy of Deutsche Welle", "syndication"),
        ("This story has been published from a wire agency feed without modifications to the text.", "syndication"),
        ("(With inputs from PTI)", "credit"),
        ("Photo credit: Jane Doe/Reuters", "credit"),
        ("Click to share on Twitter (Opens in new window)", "share"),
        ("Listen to this article", "share"),
        ("Comments (12)", "share"),
        ("Want more stories like this? Sign up for our newsletter.", "newsletter"),
        ("Sign up for breaking news alerts", "subscribe"),
        ("Get breaking news alerts: download our app", "subscribe"),
        ("Advertisement • Continue reading below", "advertisement"),
        ("Tags: protest, police, Managua", "tags"),
    ],
)
def test_junk_line_removed(line, reason):
    assert lines.classify(line)[0] == reason


@pytest.mark.parametrize(
    "line",
    [
        "Sources said the interior ministry had ordered the square cleared before nightfall.",
        "Sources close to the minister said he would resign on Monday.",
        "Share prices of the state oil company fell 3 percent on Friday.",
        "Via a spokesman, the interior ministry said officers had acted with restraint.",
        "Via Rome and Milan, the marchers reached the border on Sunday evening.",
        "Read the report, she urged, before judging the police.",
        "Related charges were filed against 14 other people.",
        "Watch groups said at least 30 people had been detained.",
        "Follow the money, the auditor told the committee.",
        "Subscribers to the state broadcaster lost access for six hours.",
        "Sign up for a farm subsidy closed on Friday, the ministry said.",
        "Courtesy calls by the ambassador were cancelled.",
        "Photographs show riot police beating a man on the ground near the cathedral.",
        "More than 2,000 people marched through the capital.",
        "Latest figures from the electoral commission show turnout at 61 percent.",
        "Print media were barred from the hearing.",
        "Subscribe, the union said, is not a word its members use.",
        "Via the port of Durres, the shipment reached Tirana on Friday.",
        "Source of the fire was traced to a generator.",
        "More from the interview will air on Sunday.",
        "Tags on the crates showed they came from Odessa.",
        "Recommended sentences ranged from two to five years.",
    ],
)
def test_lookalike_body_line_kept(line):
    assert lines.classify(line) == (None, None)


def test_syndication_sets_publisher_and_is_listed():
    cleaned = lines.clean("Police detained 40 people.\nVia The Guardian\nThe ministry declined to comment.")
    assert cleaned.text == "Police detained 40 people.\nThe ministry declined to comment."
    assert cleaned.publisher == "The Guardian"
    assert cleaned.removed == [{"text": "Via The Guardian", "reason": "syndication"}]


def test_first_syndication_line_wins_over_copyright():
    cleaned = lines.clean("© Valderra Courier 2021\nTroops left the city.\nSource: Agence France-Presse")
    assert cleaned.publisher == "Agence France-Presse"
    assert lines.clean("Troops left the city.\n© Reuters 2021").publisher == "Reuters"


def test_fixture_article_cleaned():
    text = normalise((INPUTS / "article.txt").read_text())
    cleaned = lines.clean(text)
    assert [(r["reason"], r["text"]) for r in cleaned.removed] == [
        ("cross-link", "READ ALSO Fuel subsidies cut as government seeks IMF deal"),
        ("share", "Share this article"),
        ("cross-link", "Related: Opposition calls for general strike"),
        ("syndication", "Via The Guardian"),
    ]
    assert cleaned.publisher == "The Guardian"
    for kept in ("Sources said the interior ministry", "Share prices of the state oil company", "Via a spokesman, the interior", "Read the report, she urged"):
        assert kept in cleaned.text
    assert "READ ALSO" not in cleaned.text and "\n\n\n" not in cleaned.text


def test_prepare_reports_removed_lines_and_publisher():
    article = prepare(RawArticle(source="article.txt", text=(INPUTS / "article.txt").read_text()), Config())
    assert article.publisher == "The Guardian"
    assert [r.reason for r in article.removed] == ["cross-link", "share", "cross-link", "syndication"]
    assert article.language == "en"
    assert article.text.startswith("Police detain 40 protesters in Puerto Calma after fuel price rally\n\nPUERTO CALMA, June 19 - ")


def test_offsets_point_into_cleaned_text(extract):
    record = extract((INPUTS / "article.txt").read_text(), published="2021-06-20")
    text = record.article.text
    assert "READ ALSO" not in text and "Via The Guardian" not in text
    quiroga = next(e for e in record.entities if e.name == "Marta Quiroga")
    assert [text[s:e] for s, e in quiroga.mentions] == ["Marta Quiroga"]
    assert quiroga.mentions[0][0] == text.index("Marta Quiroga")
    for entity in record.entities:
        for start, end in entity.mentions:
            assert 0 <= start < end <= len(text)
