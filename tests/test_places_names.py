"""How names are cut out of the text: long names, lists that lost a comma, directions, facilities.

Articles written for these tests.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

from tidings.places.find import _parts
from tidings.places.gazetteer import gazetteer


def test_a_list_of_countries_without_its_comma_is_cut_into_countries():
    doc = spacy.blank("en")("Flights to Greece Italy and Spain resumed.")
    ent = Span(doc, 2, 4, label="GPE")  # "Greece Italy", as a model may join them
    assert [p.text for p in _parts(ent, gazetteer())] == ["Greece", "Italy"]
    # A real two-word name stays whole.
    doc = spacy.blank("en")("Flights to New Zealand resumed.")
    assert [p.text for p in _parts(Span(doc, 2, 4, label="GPE"), gazetteer())] == ["New Zealand"]


@pytest.mark.slow
def test_a_country_of_several_words_is_one_place(extract):
    record = extract("Steelband players in Trinidad and Tobago rehearsed for weeks before the carnival.",
                     published="2021-06-01")
    got = {p.name: p for p in record.places}
    assert "Trinidad and Tobago" in got and got["Trinidad and Tobago"].feature == "country"
    assert got["Trinidad and Tobago"].country == "TT"


@pytest.mark.slow
def test_a_direction_is_not_a_town(extract):
    record = extract("Leaders in the West condemned the coup, while the East stayed silent.", published="2021-06-01")
    assert not any(p.country == "US" for p in record.places)


@pytest.mark.slow
def test_a_street_is_not_a_village_of_the_same_name(extract):
    record = extract("Theatre workers marched down Broadway in New York on Monday to demand higher pay.",
                     published="2021-06-01")
    # Broadway, Virginia (a village of a few thousand people) is not where this happened.
    assert not any(p.lat is not None and abs(p.lat - 38.6) < 0.2 and abs(p.lon + 78.8) < 0.2 for p in record.places)


@pytest.mark.slow
def test_a_part_of_a_big_town_named_by_direction_is_placed_at_the_town(extract):
    record = extract("Police closed three streets in north west London after a fire on Sunday.", published="2021-06-01")
    london = next(p for p in record.places if "London" in record.article.text[slice(*p.mentions[0])])
    assert london.country == "GB" and london.lat == pytest.approx(51.5, abs=0.2)


def _embedded_text(text, start, end, label="GPE"):
    from tidings.places.find import _embedded

    doc = spacy.blank("en")(text)
    got = _embedded(gazetteer(), Span(doc, start, end, label=label))
    return None if got is None else (got[0].text, got[2], {e.country for e in got[1]})


def test_a_town_at_the_head_of_a_longer_name_is_found():
    # 'Fargo City' is Fargo; 'West Wichita' a part of Wichita; both the towns themselves.
    assert _embedded_text("said Fargo City Commissioner Tim Mahoney", 1, 3)[:2] == ("Fargo", False)
    assert _embedded_text("stations in West Wichita on Saturday", 2, 4)[:2] == ("Wichita", False)
    # A park named after its town is a landmark in it.
    assert _embedded_text("the steps at Athens Regional Park by the lake", 3, 6, "FAC")[:2] == ("Athens", True)
    # Streets, waters and one-word towns that are ordinary words are left alone.
    assert _embedded_text("on Memphis Street downtown", 1, 3, "FAC") is None
    assert _embedded_text("the Red River crested", 1, 3, "LOC") is None
    assert _embedded_text("at the Farmers Service Centre today", 2, 5, "FAC") is None
    # A state inside a longer name must be all there is: 'Tennessee Colony' is a town in Texas.
    assert _embedded_text("in Tennessee Colony on Monday", 1, 3) is None


def test_arabic_names_without_ayn_or_article_are_found():
    gaz = gazetteer()
    assert [e.country for e in gaz.lookup("Afrin")][:1] == ["SY"]  # GeoNames: '‘Afrīn'
    assert [e.country for e in gaz.lookup("Qamishli")][:1] == ["SY"]  # GeoNames: 'Al Qāmishlī'
    assert [e.country for e in gaz.lookup("Raqqa")][:1] == ["SY"]
