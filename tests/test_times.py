"""Time expressions resolved against the publication date (articles written for these tests)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def times(extract, text, published):
    record = extract(text, published=published)
    for t in record.times:
        assert record.article.text[t.start:t.end] == t.text
    return {t.text: (t.value, t.precision) for t in record.times}


def test_bare_weekday_is_the_last_one_before_publication(extract):
    # 15 January 2021 was a Friday.
    got = times(extract, "Hundreds of farmers marched through the capital on Sunday, police said.", "2021-01-15")
    assert got["Sunday"] == ("2021-01-10", "day")


def test_weekday_in_the_future_tense_is_the_next_one(extract):
    got = times(extract, "The farmers' union said its members will march again on Sunday.", "2021-01-15")
    assert got["Sunday"] == ("2021-01-17", "day")


def test_publication_day_weekday_is_that_day(extract):
    got = times(extract, "Riot police dispersed the sit-in on Friday, witnesses said.", "2021-01-15T18:30:00Z")
    assert got["Friday"] == ("2021-01-15", "day")


def test_last_week_and_this_week_are_iso_weeks(extract):
    text = "Last week the police arrested twenty students. This week the court released them on bail."
    got = times(extract, text, "2021-01-15")
    assert got["Last week"] == ("2021-W01", "week")
    assert got["This week"] == ("2021-W02", "week")


def test_yesterday_and_monday_night(extract):
    text = "Yesterday, nurses walked out of two hospitals. The strike had been called on Monday night."
    got = times(extract, text, "2021-01-15")
    assert got["Yesterday"] == ("2021-01-14", "day")
    assert got["Monday night"] == ("2021-01-11", "day")


def test_clock_time_and_hours_later(extract):
    text = ("Demonstrators gathered outside the ministry at 2pm on Thursday. "
            "Three hours later, security forces fired tear gas into the crowd.")
    got = times(extract, text, "2020-03-12")
    assert got["2pm on Thursday"] == ("2020-03-12T14:00", "hour")
    assert got["Three hours later"] == ("2020-03-12T17:00", "hour")


def test_the_past_ten_days_is_an_interval_ending_at_publication(extract):
    got = times(extract, "At least 14 people have been killed in clashes over the past ten days.", "2020-03-12")
    assert got["the past ten days"] == ("2020-03-02/2020-03-12", "day")


def test_date_without_year_takes_the_year_the_tense_points_to(extract):
    past = times(extract, "The opposition leader was arrested on March 3, his lawyer said.", "2021-01-20")
    assert past["March 3"] == ("2020-03-03", "day")
    future = times(extract, "The opposition will hold a rally on March 3, organisers said.", "2021-01-20")
    assert future["March 3"] == ("2021-03-03", "day")


def test_explicit_dates_months_and_years(extract):
    text = ("The dockworkers' union struck last month. Talks collapsed on 12 November 2020. "
            "The port was privatised in 2019, and a new contract was signed in March.")
    got = times(extract, text, "2021-01-20")
    assert got["last month"] == ("2020-12", "month")
    assert got["12 November 2020"] == ("2020-11-12", "day")
    assert got["2019"] == ("2019", "year")
    assert got["March"] == ("2020-03", "month")


def test_undated_article_keeps_text_without_value(extract):
    record = extract("Students occupied the university library on Tuesday and left last week.")
    assert [(t.text, t.value, t.precision) for t in record.times] == [("Tuesday", None, None), ("last week", None, None)]


def test_ages_are_not_times(extract):
    got = times(extract, "A 19-year-old student was detained on Wednesday.", "2021-01-15")
    assert list(got) == ["Wednesday"]
    assert got["Wednesday"] == ("2021-01-13", "day")
