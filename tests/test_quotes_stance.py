"""Indirect attributions beyond reporting verbs: stances, judgements, passives,
noun cues and source phrases (issue 3, indirect recall).

Every sentence here is fictional, written for these tests.
"""

from __future__ import annotations

import pytest


def reported(extract, text):
    record = extract(text, published="2024-03-02")
    return record, [q for q in record.quotes if not q.direct]


def only(quotes, text):
    found = [q for q in quotes if q.text == text]
    assert found, f"no indirect quote {text!r} in {[q.text for q in quotes]}"
    return found[0]


@pytest.mark.parametrize("sentence, content, cue, speaker", [
    # A that/whether clause is the proposition of any attitude predicate.
    ("Farmers in Velden are afraid that the new dam will flood their fields.",
     "that the new dam will flood their fields", "afraid", "Farmers in Velden"),
    # A stance adjective with what the stance is about.
    ("The mayor, Ines Caro, has been critical of the port authority.", "the port authority", "critical", "Ines Caro"),
    ("The ministry is unwilling to reopen the talks.", "to reopen the talks", "unwilling", "The ministry"),
])
def test_stance_predicates(extract, sentence, content, cue, speaker):
    record, quotes = reported(extract, sentence)
    q = only(quotes, content)
    assert q.cue == cue
    assert q.speaker == speaker
    assert record.article.text[q.start:q.end] == q.text


def test_a_held_view_is_not_a_claim(extract):
    record, _ = reported(extract, "Farmers in Velden are afraid that the new dam will flood their fields.")
    assert record.claims == []


def test_an_imperative_holds_no_view(extract):
    _, quotes = reported(extract, "Imagine that the bridge in Velden closed for a year.")
    assert quotes == []


def test_a_clause_of_consequence_is_no_attitude(extract):
    _, quotes = reported(extract, "The new locks will make sure that the barges can pass at night.")
    assert quotes == []


@pytest.mark.parametrize("sentence, content, cue, speaker", [
    # A stance toward a person or a policy: the object, one word or more.
    ("Senator Alma Ruiz criticized Molina.", "Molina", "criticized", "Alma Ruiz"),
    ("Opposition leader Tomas Berg backed the strike.", "the strike", "backed", "Tomas Berg"),
    # A judgement that classes something as something.
    ("Berg sees the deal as a trap for small farmers.", "the deal as a trap for small farmers", "sees", "Berg"),
])
def test_stance_toward_an_object(extract, sentence, content, cue, speaker):
    _, quotes = reported(extract, sentence)
    q = only(quotes, content)
    assert q.cue == cue
    assert q.speaker == speaker


def test_seeing_without_a_judgement_is_not_reported(extract):
    _, quotes = reported(extract, "Berg saw a rise in prices last year.")
    assert quotes == []


def test_coordinated_infinitives_stay_in_the_plan(extract):
    _, quotes = reported(extract, "The mayor wants to close the depot, sell the land and build houses.")
    q = only(quotes, "to close the depot, sell the land and build houses")
    assert q.speaker == "The mayor"


def test_passive_report_subject_is_the_content_not_the_speaker(extract):
    _, quotes = reported(extract, "The former minister Paul Dunn has been accused of taking bribes.")
    q = only(quotes, "The former minister Paul Dunn has been accused of taking bribes")
    assert q.cue == "accused"
    assert q.speaker is None


@pytest.mark.parametrize("sentence, content, cue, speaker", [
    ("The union's decision to strike surprised the ministers.", "to strike", "decision", "The union's"),
    ("Critics of the pipeline gathered outside the ministry on Monday.", "the pipeline", "Critics", "Critics of the pipeline"),
])
def test_noun_cues_with_what_they_state(extract, sentence, content, cue, speaker):
    _, quotes = reported(extract, sentence)
    q = only(quotes, content)
    assert q.cue == cue
    assert q.speaker == speaker


def test_remarks_on_a_day_are_not_remarks_about_it(extract):
    _, quotes = reported(extract, "Ruiz made remarks on Saturday.")
    assert quotes == []


def test_a_sentence_opened_by_its_source(extract):
    _, quotes = reported(extract, "In the survey, the governing party lost four points.")
    q = only(quotes, "the governing party lost four points")
    assert q.speaker == "the survey"


def test_according_to_leaves_the_phrase_out_of_the_content(extract):
    _, quotes = reported(extract, "Water shortages will worsen, according to the regional water board.")
    q = only(quotes, "Water shortages will worsen")
    assert q.cue == "according to"
    assert q.speaker == "the regional water board"


def test_hoped_is_read_as_hope(extract):
    # The pinned model lemmatises "hoped" as "hop".
    _, quotes = reported(extract, "The minister hoped the strike would end soon.")
    q = only(quotes, "the strike would end soon")
    assert q.cue == "hoped"
    assert q.speaker == "The minister"


def test_declining_to_comment_is_a_stated_position(extract):
    record, quotes = reported(extract, "The embassy declined to comment.")
    q = only(quotes, "to comment")
    assert q.speaker == "The embassy"
    assert record.claims == []


def test_said_with_a_clause_parsed_as_adverbial(extract):
    _, quotes = reported(extract, "Tomas Berg said he would not accept the offer if it were repeated.")
    q = only(quotes, "he would not accept the offer if it were repeated")
    assert q.speaker == "Tomas Berg"


def test_an_impression_is_reported_with_whom_it_seems_to(extract):
    _, quotes = reported(extract, "The outline of the plan seems clear to the unions.")
    q = only(quotes, "The outline of the plan seems clear to the unions")
    assert q.speaker == "the unions"


def test_an_impression_with_no_holder_names_no_speaker(extract):
    _, quotes = reported(extract, "The convoy seems to be heading to the coast.")
    q = only(quotes, "The convoy seems to be heading to the coast")
    assert q.speaker is None


@pytest.mark.parametrize("sentence, content", [
    ("The mayor called on the council to resign.", "the council to resign"),
    ("The union called for drivers to stay home on Friday.", "drivers to stay home on Friday"),
])
def test_a_call_on_someone_keeps_what_they_are_asked_to_do(extract, sentence, content):
    _, quotes = reported(extract, sentence)
    only(quotes, content)


def test_noting_an_object_reports_it(extract):
    _, quotes = reported(extract, "The auditor noted the missing invoices.")
    q = only(quotes, "the missing invoices")
    assert q.speaker == "The auditor"


def test_a_negated_position_is_reported_but_not_claimed(extract):
    record, quotes = reported(extract, "The minister Ana Costa did not mention the strike.")
    q = only(quotes, "the strike")
    assert q.speaker == "Ana Costa"
    assert record.claims == []


def test_a_negated_confirmation_still_leaves_the_claim_unconfirmed(extract):
    record = extract(
        "Rebels said on Monday that they had seized the airport at Kessa.\n\n"
        "The army would not confirm that the airport had fallen.",
        published="2024-03-02",
    )
    assert [c.status for c in record.claims] == ["unconfirmed"]
