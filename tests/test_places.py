"""Toponyms resolved offline to GeoNames (articles written for these tests)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def places(extract, text):
    record = extract(text, published="2021-06-01")
    for p in record.places:
        for s, e in p.mentions:
            assert record.article.text[s:e]
    return {p.name: p for p in record.places}


def test_paris_in_a_texas_story_is_paris_texas(extract):
    got = places(extract, "About 300 people rallied outside the courthouse in Paris on Saturday. "
                          "Officials in Dallas and across Texas condemned the violence.")
    paris = got["Paris"]
    assert (paris.country, paris.feature, paris.geonameid) == ("US", "city", 4717560)
    assert paris.lat == pytest.approx(33.66, abs=0.05)


def test_paris_in_a_french_story_is_the_capital(extract):
    got = places(extract, "Tens of thousands of people marched in Paris on Saturday against the pension reform, "
                          "and unions in Lyon and Marseille joined the strike.")
    assert (got["Paris"].country, got["Paris"].geonameid) == ("FR", 2988507)


def test_georgia_in_a_caucasus_story_is_the_country(extract):
    got = places(extract, "Thousands protested in Georgia against the foreign agents law. "
                          "Riot police blocked the avenue leading to parliament in Tbilisi, and Moscow warned against unrest.")
    assert (got["Georgia"].country, got["Georgia"].feature) == ("GE", "country")


def test_georgia_in_a_us_story_is_the_state(extract):
    got = places(extract, "Voters in Georgia waited hours to cast ballots. In Atlanta and Savannah, "
                          "election officials extended polling hours.")
    assert (got["Georgia"].country, got["Georgia"].feature, got["Georgia"].geonameid) == ("US", "admin", 4197000)


def test_city_comma_state_pattern(extract):
    got = places(extract, "The shooting happened in Alexandria, Louisiana, late on Friday, the sheriff said.")
    alexandria = got["Alexandria"]
    assert alexandria.country == "US"
    assert alexandria.lat == pytest.approx(31.31, abs=0.05)


def test_landmark_is_placed_at_the_city_the_article_names(extract):
    record = extract("Veterans laid wreaths at the war memorial in Leeds on Sunday.", published="2021-06-01")
    memorial = next(p for p in record.places if p.feature == "landmark")
    leeds = next(p for p in record.places if p.name == "Leeds")
    assert memorial.name == "the war memorial"
    assert (memorial.lat, memorial.lon, memorial.country) == (leeds.lat, leeds.lon, "GB")
    assert record.article.text[slice(*memorial.mentions[0])] == "the war memorial"


def test_named_square_is_placed_at_its_city(extract):
    got = places(extract, "Protesters returned to Tahrir Square in Cairo on Friday.")
    square, cairo = got["Tahrir Square"], got["Cairo"]
    assert square.feature == "landmark"
    assert (square.lat, square.lon, square.country) == (cairo.lat, cairo.lon, "EG")


def test_demonyms_give_context_but_are_not_places(extract):
    got = places(extract, "Kenyan and Ugandan activists joined French students at the rally in Nairobi.")
    assert set(got) == {"Nairobi"}
    assert got["Nairobi"].country == "KE"


def test_ids_and_mentions_are_grouped(extract):
    record = extract("Police in Lagos arrested 40 people. Lagos officials denied it. Nigeria's president was silent.",
                     published="2021-06-01")
    lagos = next(p for p in record.places if p.name == "Lagos")
    assert lagos.id == "P1" and len(lagos.mentions) == 2 and lagos.country == "NG"
    assert [p.id for p in record.places] == [f"P{i}" for i in range(1, len(record.places) + 1)]
