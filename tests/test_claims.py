"""Claims: claimant, status and the sentence that set it (issue 3).

Every article here is fictional, written for these tests.
"""

from __future__ import annotations


def claims_of(extract, text):
    record = extract(text, published="2024-05-11")
    return record, record.claims


def test_asserted_claim_links_its_quote_and_claimant(extract):
    record, claims = claims_of(extract, (
        "Clashes broke out near the central market in Sarvan on Saturday.\n\n"
        "Witnesses said soldiers fired on the crowd near the market."
    ))
    assert len(claims) == 1
    c = claims[0]
    assert c.id == "C1"
    assert c.text == "soldiers fired on the crowd near the market"
    assert c.claimant == "Witnesses"
    assert c.status == "asserted"
    assert c.status_evidence is None
    quote = next(q for q in record.quotes if q.id == c.quote)
    assert (quote.start, quote.end) == (c.start, c.end)
    assert record.article.text[c.start:c.end] == c.text


def test_a_later_denial_updates_the_claim(extract):
    record, claims = claims_of(extract, (
        "Witnesses said soldiers fired on the crowd near the central market.\n\n"
        "The army denied that its soldiers had fired on the crowd."
    ))
    assert len(claims) == 1
    c = claims[0]
    assert c.claimant == "Witnesses"
    assert c.status == "denied"
    assert c.status_evidence.text == "The army denied that its soldiers had fired on the crowd."
    text = record.article.text
    assert text[c.status_evidence.start:c.status_evidence.end] == c.status_evidence.text


def test_confirmed_by_another_party(extract):
    record, claims = claims_of(extract, (
        "The state news agency KCNA said the missile had landed in the sea east of the peninsula.\n\n"
        "The defence ministry in Tokyo confirmed the report on Sunday."
    ))
    assert len(claims) == 1
    c = claims[0]
    assert c.text == "the missile had landed in the sea east of the peninsula"
    assert c.claimant == "The state news agency KCNA" or c.claimant == "KCNA"
    assert c.status == "confirmed"
    assert c.status_evidence.text == "The defence ministry in Tokyo confirmed the report on Sunday."


def test_would_not_confirm(extract):
    record, claims = claims_of(extract, (
        "Opposition leaders said 40 people had been detained in the capital overnight.\n\n"
        "The interior ministry would not confirm the figure."
    ))
    assert [(c.text, c.status) for c in claims] == [("40 people had been detained in the capital overnight", "unconfirmed")]
    assert claims[0].status_evidence.text == "The interior ministry would not confirm the figure."


def test_could_not_be_independently_verified(extract):
    record, claims = claims_of(extract, (
        "The rebels claimed that they had shot down two army helicopters, according to a statement on their Telegram channel. "
        "The claim could not be independently verified."
    ))
    assert len(claims) == 1
    c = claims[0]
    assert c.text == "that they had shot down two army helicopters"
    assert c.claimant == "The rebels"
    assert c.status == "unconfirmed"
    assert c.status_evidence.text == "The claim could not be independently verified."
    quote = record.quotes[0]
    assert quote.via == "a statement on their Telegram channel"


def test_declined_to_comment_on(extract):
    record, claims = claims_of(extract, (
        "A government spokesman said the president was in good health and would return to work on Monday.\n\n"
        "The presidential palace declined to comment on the president's health."
    ))
    assert len(claims) == 1
    assert claims[0].claimant == "A government spokesman"
    assert claims[0].status == "unconfirmed"
    assert claims[0].status_evidence.text == "The presidential palace declined to comment on the president's health."


def test_the_latest_status_wins(extract):
    record, claims = claims_of(extract, (
        "Local activists said three protesters were killed when police opened fire in Belmora.\n\n"
        "The police would not confirm the deaths on Tuesday.\n\n"
        "On Wednesday the regional hospital confirmed that three protesters had been killed."
    ))
    assert len(claims) == 1
    c = claims[0]
    assert c.claimant == "Local activists"
    assert c.status == "confirmed"
    assert c.status_evidence.text == "On Wednesday the regional hospital confirmed that three protesters had been killed."


def test_status_goes_to_the_claim_it_is_about(extract):
    record, claims = claims_of(extract, (
        "The mayor said the bridge would reopen in June.\n\n"
        "Union leaders said 200 workers had been laid off at the port.\n\n"
        "The city council denied that the bridge would reopen before the autumn."
    ))
    by_text = {c.text: c for c in claims}
    assert len(claims) == 2
    assert by_text["the bridge would reopen in June"].status == "denied"
    assert by_text["200 workers had been laid off at the port"].status == "asserted"


def test_a_denial_of_nothing_said_before_is_its_own_claim(extract):
    record, claims = claims_of(extract, (
        "The army denied that its soldiers had fired on protesters in Sarvan."
    ))
    assert len(claims) == 1
    assert claims[0].text == "that its soldiers had fired on protesters in Sarvan"
    assert claims[0].status == "denied"
    assert claims[0].claimant is None


def test_a_status_sentence_with_no_earlier_claim_makes_none(extract):
    record, claims = claims_of(extract, (
        "Heavy rain flooded the lower town of Arvik on Friday.\n\n"
        "The regional government declined to comment."
    ))
    assert claims == []


def test_requests_are_quotes_not_claims(extract):
    record, claims = claims_of(extract, (
        "Organisers urged supporters to gather outside parliament on Friday evening."
    ))
    assert [q.cue for q in record.quotes] == ["urged"]
    assert claims == []


def test_claimant_entity_is_the_speakers_entity(extract):
    record, claims = claims_of(extract, (
        "The opposition leader, Maria Santos, spoke in Geneva on Tuesday. "
        "Santos said that 40 journalists had been jailed since the election."
    ))
    c = claims[0]
    assert c.claimant == "Maria Santos"
    ent = next(e for e in record.entities if e.id == c.claimant_entity)
    assert ent.name == "Maria Santos"
