"""Count phrases: the grammar (numbers.parse) and attachment to the event they count."""

from __future__ import annotations

import pytest

from tidings.events.numbers import number, parse


@pytest.fixture(scope="module")
def extract():
    """A pipeline with only the events stage, so these tests do not depend on the other stages' progress."""
    from tidings.config import Config
    from tidings.pipeline import Pipeline

    pipe = Pipeline(Config.from_env(components=("tidings_events",)))
    return pipe.extract

# phrase -> (value, min, max, approximate)
PHRASES = [
    ("at least three", None, 3, None, False),
    ("nearly 5,000", 5000, None, None, True),
    ("hundreds", None, 100, 999, True),
    ("8,000 or 10,000", None, 8000, 10000, True),
    ("a dozen", 12, None, None, True),
    ("scores", None, 40, 99, True),
    ("tens of thousands", None, 10_000, 99_999, True),
    ("more than 100", None, 101, None, False),
    ("over 800", None, 801, None, False),
    ("up to 50", None, None, 50, False),
    ("about 200", 200, None, None, True),
    ("some 300", 300, None, None, True),
    ("dozens", None, 24, 99, True),
    ("thousands", None, 1000, 9999, True),
    ("between 20 and 30", None, 20, 30, True),
    ("two", 2, None, None, False),
    ("twenty-three", 23, None, None, False),
    ("1.5 million", 1_500_000, None, None, False),
    ("almost 40", 40, None, None, True),
    ("around 1,200", 1200, None, None, True),
    ("no fewer than 15", None, 15, None, False),
    ("as many as 70", None, None, 70, False),
    ("fewer than 10", None, None, 9, False),
    ("20 to 30", None, 20, 30, True),
    ("hundreds of thousands", None, 100_000, 999_999, True),
    ("several hundred", None, 300, 999, True),
    ("an estimated 700", 700, None, None, True),
    ("half a million", 500_000, None, None, True),
    ("2,537", 2537, None, None, False),
    ("five hundred", 500, None, None, False),
]


@pytest.mark.parametrize("phrase,value,lo,hi,approx", PHRASES)
def test_parse_phrase(phrase, value, lo, hi, approx):
    c = parse(phrase)
    assert c is not None
    assert (c.value, c.min, c.max, c.approximate) == (value, lo, hi, approx)
    assert c.text == phrase


@pytest.mark.parametrize("text,expected", [("one hundred and twenty", 120), ("3 million", 3_000_000), ("forty-one", 41), ("a thousand", 1000)])
def test_number_words(text, expected):
    assert number(text) == expected


def test_not_a_count():
    assert parse("the") is None
    assert parse("1 to 1") is None


def _one(extract, text, type_):
    events = [e for e in extract(text).events if e.type == type_]
    assert len(events) == 1, [e.model_dump(exclude_none=True) for e in events]
    return events[0]


@pytest.mark.parametrize("sentence,category,value,lo,hi,phrase", [
    ("At least three people were killed when police opened fire in Dunmore on Friday.", "killed", None, 3, None, "At least three"),
    ("Nearly 5,000 were detained during the week of unrest in the capital.", "arrested", 5000, None, None, "Nearly 5,000"),
    ("Hundreds were wounded when soldiers fired on the crowd in the main square.", "injured", None, 100, 999, "Hundreds"),
    ("Between 8,000 or 10,000 people marched through Port Sella on Sunday.", "participants", None, 8000, 10000, "8,000 or 10,000"),
    ("Tens of thousands of teachers protested outside parliament on Monday.", "participants", None, 10_000, 99_999, "Tens of thousands"),
    ("Police arrested a dozen students at the university on Thursday.", "arrested", 12, None, None, "a dozen"),
    ("Scores were injured in clashes between rival groups in the market.", "injured", None, 40, 99, "Scores"),
    ("Troops shot dead twenty-three villagers in the raid on Kaldor.", "killed", 23, None, None, "twenty-three"),
    ("More than 100 protesters were arrested outside the stadium.", "arrested", None, 101, None, "More than 100"),
    ("Police detained up to 50 activists in the overnight raids.", "arrested", None, None, 50, "up to 50"),
    ("About 200 miners rallied in front of the company headquarters.", "participants", 200, None, None, "About 200"),
    ("An estimated 1.5 million people joined the general strike on Tuesday.", "participants", 1_500_000, None, None, "An estimated 1.5 million"),
    ("Two people died in the shooting at the checkpoint near Ostra.", "killed", 2, None, None, "Two"),
    ("Dozens of demonstrators were beaten by police in the old town.", "injured", None, None, None, None),
])
def test_count_attached(extract, sentence, category, value, lo, hi, phrase):
    record = extract(sentence)
    found = [getattr(e.counts, category) for e in record.events if getattr(e.counts, category) is not None]
    if phrase is None:
        assert found == []
        return
    assert len(found) == 1, [e.model_dump(exclude_none=True) for e in record.events]
    c = found[0]
    assert (c.value, c.min, c.max) == (value, lo, hi)
    assert c.text == phrase


def test_count_belongs_to_its_event(extract):
    text = ("Security forces killed four people in Varna on Monday. Separately, police arrested 37 people "
            "at a rally of 3,000 farmers in the capital.")
    record = extract(text)
    assault = _one(extract, text, "ASSAULT")
    assert assault.counts.killed.value == 4 and assault.counts.arrested is None
    arrest = next(e for e in record.events if e.type == "COERCE")
    assert arrest.counts.arrested.value == 37 and arrest.counts.killed is None
    protest = next(e for e in record.events if e.type == "PROTEST")
    assert protest.counts.participants.value == 3000


def test_death_toll_in_later_sentence(extract):
    text = "Gunmen attacked a bus station in Tarvo on Friday. The death toll rose to 12, officials said."
    ev = _one(extract, text, "ASSAULT")
    assert ev.counts.killed.value == 12
    assert ev.counts.killed.text == "12"


def test_years_and_dates_are_not_counts(extract):
    ev = _one(extract, "In 2019, police arrested the editor of the Daily Mirror in Sella.", "COERCE")
    assert ev.counts.arrested is None


@pytest.mark.parametrize("text", ["9" * 400, "9" * 400 + " million", "99,999,999,999", "20 billion", "1" + "0" * 320])
def test_absurd_numbers_are_not_counts(text):
    # More people than could ever take part: never a count, and never an OverflowError.
    assert number(text) is None
    assert parse(text) is None


def test_largest_plausible_count_kept():
    assert number("1.5 billion") == 1_500_000_000
    assert number("10,000,000,000") == 10**10


def test_huge_number_in_article_does_not_crash(extract):
    text = ("Police arrested " + "9" * 400 + " protesters in Lakeport on Tuesday, witnesses said. "
            "The demonstrators had gathered outside the ministry to demand the release of two students.")
    record = extract(text)
    assert record.events, "the article must not become an error record"
    arrest = next(e for e in record.events if e.type == "COERCE")
    assert arrest.mode == "arrest"
    assert arrest.counts.arrested is None
