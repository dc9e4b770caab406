"""Provinces, counties, shared states and state names (articles written for these tests)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def places(extract, text):
    record = extract(text, published="2021-06-01")
    return {p.name: p for p in record.places}


def test_a_province_is_placed_at_the_middle_of_its_towns(extract):
    got = places(extract, "Heavy snow cut off villages across Hokkaido on Tuesday, the prefectural government said.")
    hokkaido = got["Hokkaido"]
    assert (hokkaido.country, hokkaido.feature) == ("JP", "admin")
    assert hokkaido.lat == pytest.approx(43.2, abs=1.0) and hokkaido.lon == pytest.approx(142.5, abs=2.0)


def test_a_province_named_with_its_generic_word(extract):
    record = extract("Gunmen attacked a village in Zamfara State overnight, police said.", published="2021-06-01")
    zamfara = next(p for p in record.places if record.article.text[slice(*p.mentions[0])].startswith("Zamfara"))
    assert (zamfara.country, zamfara.feature) == ("NG", "admin")


def test_a_county_is_placed_at_its_own_centre(extract):
    got = places(extract, "Deputies from Knox County joined the search for the missing hikers, "
                          "and their families flew in from Memphis.")
    knox = got["Knox County"]
    assert knox.country == "US" and knox.feature == "admin"
    # Knox County, Tennessee, around Knoxville: not Memphis, 500 km west, nor another state's Knox County.
    assert knox.lat == pytest.approx(36.0, abs=0.4) and knox.lon == pytest.approx(-83.9, abs=0.5)


def test_towns_that_share_a_state_pull_each_other_there(extract):
    got = places(extract, "The council in Springfield voted to merge its fire service with the departments "
                          "of Decatur and Peoria, the mayor said on Monday.")
    assert got["Springfield"].lat == pytest.approx(39.80, abs=0.1)  # Springfield, Illinois
    assert got["Springfield"].lon == pytest.approx(-89.64, abs=0.1)


def test_a_suburb_named_after_a_capital_is_placed_by_its_neighbours(extract):
    got = places(extract, "Dublin city council approved a new library on Monday. Residents of nearby "
                          "Worthington and Columbus may also borrow books there.")
    assert got["Dublin"].country == "US"
    assert got["Dublin"].lat == pytest.approx(40.1, abs=0.1)  # Dublin, Ohio


def test_a_state_name_stays_the_state_in_a_local_story(extract):
    got = places(extract, "Farmers around Jefferson City and Columbia loaded hay onto trucks bound for "
                          "California, where wildfires have burned grazing land.")
    california = got["California"]
    assert (california.country, california.feature, california.geonameid) == ("US", "admin", 5332921)


def test_a_common_noun_is_not_a_town_of_that_name(extract):
    record = extract("The old mill, a landmark since 1850, drew visitors to London again this summer. "
                     "Critics called the landmark restoration a model for Washington.", published="2021-06-01")
    texts = [record.article.text[s:e] for p in record.places for s, e in p.mentions]
    assert not any(t[:1].islower() and not t.startswith("the ") for t in texts), texts
    london = next(p for p in record.places if p.name == "London")
    assert london.country == "GB"
