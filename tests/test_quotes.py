"""Quotes: span, speaker, cue and via for each layout news text uses (issue 3).

Every article here is fictional, written for these tests.
"""

from __future__ import annotations

import pytest


def quotes_of(extract, text):
    record = extract(text, published="2024-03-02")
    return record, record.quotes


def by_text(quotes, start_words):
    found = [q for q in quotes if q.text.startswith(start_words)]
    assert found, f"no quote starting {start_words!r} in {[q.text for q in quotes]}"
    return found[0]


def assert_offsets(record, quote):
    assert record.article.text[quote.start:quote.end] == quote.text


def test_cue_after_the_quote(extract):
    record, quotes = quotes_of(extract, (
        "Talks between the government and the teachers' union broke down in Valdoria on Friday.\n\n"
        "“The talks have failed and the strike will go on,” the union leader Marta Quintero told reporters."
    ))
    q = by_text(quotes, "The talks have failed")
    assert q.text == "The talks have failed and the strike will go on"
    assert q.direct is True
    assert q.speaker == "Marta Quintero"
    assert q.cue == "told"
    assert q.via is None
    assert_offsets(record, q)
    assert q.id == "Q1"


def test_cue_before_the_quote_with_a_colon(extract):
    record, quotes = quotes_of(extract, (
        "Thousands marched through the capital on Saturday.\n\n"
        "The opposition leader Daniel Okafor said: “We will not leave the square until the election is rerun.”"
    ))
    q = by_text(quotes, "We will not leave")
    assert q.text == "We will not leave the square until the election is rerun."
    assert q.speaker == "Daniel Okafor"
    assert q.cue == "said"
    assert_offsets(record, q)


def test_cue_in_the_middle_makes_one_quote_with_the_cue_inside(extract):
    record, quotes = quotes_of(extract, (
        "Dock workers in Port Esmer stayed out for a third day.\n\n"
        "“We will fight for every job,” said Maria Lopez, a spokeswoman for the dockers' union, “and we will win.”"
    ))
    q = by_text(quotes, "We will fight")
    # One statement: from the first opening mark to the last closing mark.
    assert q.text == "We will fight for every job,” said Maria Lopez, a spokeswoman for the dockers' union, “and we will win."
    assert [x.text for x in quotes if x.direct] == [q.text]
    assert q.speaker == "Maria Lopez"
    assert q.cue == "said"
    assert_offsets(record, q)


def test_multi_paragraph_quote_named_only_in_the_first_paragraph(extract):
    record, quotes = quotes_of(extract, (
        "The mayor of Santa Lucia spoke after the floods.\n\n"
        "“We have asked the capital for help for three weeks and nobody has come,” said Mayor Ana Torres. "
        "“The water is still in the streets.\n\n"
        "“Families are sleeping in the school and we are running out of clean water.”"
    ))
    # One statement: interrupted by its cue, then continued in the next
    # paragraph (which reopens it); one span from the first opening mark to
    # the last closing mark.
    q = by_text(quotes, "We have asked")
    assert q.text == (
        "We have asked the capital for help for three weeks and nobody has come,” said Mayor Ana Torres. "
        "“The water is still in the streets.\n\n“Families are sleeping in the school and we are running out of clean water."
    )
    assert [x.text for x in quotes if x.direct] == [q.text]
    assert q.speaker == "Ana Torres" or q.speaker == "Mayor Ana Torres"
    assert q.cue == "said"
    assert_offsets(record, q)


def test_paragraph_continuing_the_previous_speaker_with_no_cue(extract):
    record, quotes = quotes_of(extract, (
        "Farmers blocked the highway near Orlena on Monday.\n\n"
        "“The new tax will ruin small farms,” said Pedro Almeida, who leads the farmers' association.\n\n"
        "“We have no choice but to stay on the road until the minister meets us.”"
    ))
    # The uncued paragraph goes on with the same statement: one quote.
    q = by_text(quotes, "The new tax")
    assert q.text.endswith("association.\n\n“We have no choice but to stay on the road until the minister meets us.")
    assert [x.text for x in quotes if x.direct] == [q.text]
    assert q.speaker == "Pedro Almeida"
    assert q.cue == "said"
    assert_offsets(record, q)


def test_described_speaker(extract):
    record, quotes = quotes_of(extract, (
        "Shelling hit the market district of Kherson overnight.\n\n"
        "“Nobody came to help us for six hours,” said a shopkeeper from Kherson."
    ))
    q = by_text(quotes, "Nobody came")
    assert q.speaker == "a shopkeeper from Kherson"
    assert q.speaker_entity is None
    assert q.cue == "said"


def test_organisers_urged_supporters(extract):
    record, quotes = quotes_of(extract, (
        "A protest against the new media law is planned for the weekend.\n\n"
        "Organisers urged supporters to gather outside parliament on Friday evening."
    ))
    q = by_text(quotes, "supporters to gather")
    assert q.text == "supporters to gather outside parliament on Friday evening"
    assert q.direct is False
    assert q.speaker == "Organisers"
    assert q.cue == "urged"


def test_indirect_speech_with_that(extract):
    record, quotes = quotes_of(extract, (
        "The foreign minister, Maria Santos, met her counterpart in Geneva on Tuesday. "
        "Santos said that the talks had failed."
    ))
    q = by_text(quotes, "that the talks")
    assert q.text == "that the talks had failed"
    assert q.direct is False
    assert q.speaker == "Maria Santos"
    assert q.speaker_entity == record.entities[0].id
    assert q.cue == "said"


def test_pronoun_she_goes_to_the_nearest_person(extract):
    record, quotes = quotes_of(extract, (
        "The health minister, Clara Mendes, visited the hospital in Porto Alegre on Sunday.\n\n"
        "She said the hospital had run out of oxygen."
    ))
    q = by_text(quotes, "the hospital had run out")
    assert q.speaker == "Clara Mendes"
    assert q.speaker_span.text == "She"


def test_pronoun_they_goes_to_the_group(extract):
    record, quotes = quotes_of(extract, (
        "Hundreds of nurses walked out of public hospitals in Daressa on Monday.\n\n"
        "They said their wages had not been paid since January."
    ))
    q = by_text(quotes, "their wages")
    assert q.speaker == "nurses" or q.speaker == "Hundreds of nurses"
    assert q.speaker_span.text == "They"


@pytest.mark.parametrize("open_mark,close_mark", [("“", "”"), ('"', '"'), ("‘", "’"), ("'", "'"), ("''", "''")])
def test_quote_marks(extract, open_mark, close_mark):
    text = (
        "Police dispersed the rally in the city centre on Saturday.\n\n"
        f"{open_mark}We were peaceful and they attacked us,{close_mark} said Jonas Berg, one of the organisers."
    )
    record, quotes = quotes_of(extract, text)
    q = by_text(quotes, "We were peaceful")
    assert q.text == "We were peaceful and they attacked us"
    assert q.speaker == "Jonas Berg"
    assert q.cue == "said"
    assert_offsets(record, q)


def test_nested_marks_stay_inside_the_outer_quote(extract):
    record, quotes = quotes_of(extract, (
        "A witness described the arrest outside the court in Marlow.\n\n"
        "“The officer shouted ‘get on the ground’ and then he hit him,” said Sofia Reyes, who filmed the arrest."
    ))
    q = by_text(quotes, "The officer shouted")
    assert q.text == "The officer shouted ‘get on the ground’ and then he hit him"
    assert q.speaker == "Sofia Reyes"
    assert not any(x.text == "get on the ground" for x in quotes)


def test_missing_opening_mark(extract):
    record, quotes = quotes_of(extract, (
        "The strike at the Norvik steel plant entered its second week.\n\n"
        "The management has not made a single offer,” said Ivan Petrov, the union's chief negotiator."
    ))
    q = by_text(quotes, "The management")
    assert q.text == "The management has not made a single offer"
    assert q.speaker == "Ivan Petrov"
    assert q.cue == "said"


def test_partial_quote_inside_reported_speech(extract):
    record, quotes = quotes_of(extract, (
        "The United Nations human rights chief, Laila Haddad, spoke about the crackdown in Geneva. "
        "Haddad voiced her \"deep concern\" over the mass arrests."
    ))
    q = by_text(quotes, "deep concern")
    assert q.text == "deep concern"
    assert q.direct is True
    assert q.speaker == "Laila Haddad"
    assert q.cue == "voiced"


def test_via_according_to_a_state_news_agency(extract):
    record, quotes = quotes_of(extract, (
        "North Korea fired a missile into the sea on Sunday. "
        "Kim Jong Un said the test was a success, according to the state news agency KCNA."
    ))
    q = by_text(quotes, "the test was a success")
    assert q.speaker == "Kim Jong Un"
    assert q.cue == "said"
    assert q.via == "the state news agency KCNA"


def test_via_a_telegram_channel(extract):
    record, quotes = quotes_of(extract, (
        "The opposition called for a general strike.\n\n"
        "Organisers urged supporters on the Free Valdoria Telegram channel to stay at home on Monday."
    ))
    q = by_text(quotes, "supporters")
    assert q.speaker == "Organisers"
    assert q.cue == "urged"
    assert q.via == "the Free Valdoria Telegram channel"


def test_via_a_video_posted_by(extract):
    record, quotes = quotes_of(extract, (
        "Fighting continued around the port city on Thursday.\n\n"
        "In a video posted by the Azov regiment, the commander said the city would not fall."
    ))
    q = by_text(quotes, "the city would not fall")
    assert q.speaker == "the commander"
    assert q.via == "a video posted by the Azov regiment"


def test_according_to_alone_names_the_speaker(extract):
    record, quotes = quotes_of(extract, (
        "According to the interior ministry, 40 people were detained in the capital overnight."
    ))
    q = by_text(quotes, "40 people")
    assert q.speaker == "the interior ministry"
    assert q.cue == "According to"
    assert q.via is None


def test_scare_quotes_and_titles_are_not_quotes(extract):
    record, quotes = quotes_of(extract, (
        "The minister appeared on \"Morning Politics\" to defend the so-called \"reform\" of the courts."
    ))
    assert [q.text for q in quotes if q.direct] == []


def test_plans_and_noun_cues_are_reported_speech(extract):
    record, quotes = quotes_of(extract, (
        "The governor of Esmera presented her budget on Monday.\n\n"
        "Governor Lena Ortiz wants to double the number of rural clinics by 2027. "
        "The opposition rejected Ortiz's claim that the plan would cost nothing."
    ))
    plan = by_text(quotes, "to double")
    assert plan.text == "to double the number of rural clinics by 2027"
    assert plan.direct is False
    assert plan.speaker == "Lena Ortiz"
    assert plan.cue == "wants"
    claim = by_text(quotes, "that the plan")
    assert claim.text == "that the plan would cost nothing"
    assert claim.speaker == "Lena Ortiz"
    assert claim.cue == "claim"


def test_headline_with_the_speaker_and_a_colon(extract):
    record, quotes = quotes_of(extract, (
        "Maria Lopez: The Port Strike Will Go On Until the Contracts Are Signed\n\n"
        "Dock workers in Port Esmer stayed out for a third day on Tuesday."
    ))
    q = by_text(quotes, "The Port Strike")
    assert q.text == "The Port Strike Will Go On Until the Contracts Are Signed"
    assert q.direct is False
    assert q.speaker == "Maria Lopez"


def test_closing_mark_that_opens_a_paragraph_and_a_byline(extract):
    record, quotes = quotes_of(extract, (
        "Readers told us what the debate meant to them.\n\n"
        "”The candidates talked for two hours and said nothing about rents.” ― Carla Mendes"
    ))
    q = by_text(quotes, "The candidates talked")
    assert q.text == "The candidates talked for two hours and said nothing about rents."
    assert q.direct is True
    assert q.speaker == "Carla Mendes"


def test_reported_speech_around_a_partial_quote(extract):
    record, quotes = quotes_of(extract, (
        "Students occupied the university library in Marlow for a second night.\n\n"
        "The education minister, Tomas Weber, called the students “paid agitators” in a radio interview."
    ))
    partial = by_text(quotes, "paid agitators")
    assert partial.direct is True
    assert partial.speaker == "Tomas Weber"
    around = by_text(quotes, "the students")
    assert around.direct is False
    assert around.text.startswith("the students “paid agitators")
    assert around.speaker == "Tomas Weber"
    assert around.cue == "called"
