"""Events from articles written for these tests: types, modes, actors, counts, status, merging, exports."""

from __future__ import annotations

import pytest

CRACKDOWN = (
    "Security forces launched a sweeping crackdown on opposition supporters in the northern city of Varana "
    "on Tuesday, rights groups said. Police detained at least 140 people, including two journalists, according "
    "to the Varana Bar Association. Officers fired live ammunition at a crowd outside the governor's office, "
    "killing at least three people and wounding dozens, witnesses said. The authorities also shut down the "
    "internet across the province on Tuesday evening. The interior ministry said the situation was calm."
)

RALLIES = (
    "Thousands of supporters of President Alma Dovran rallied in central Kestrel on Saturday. A few streets away, "
    "some 2,000 opposition activists held a counter-rally, chanting slogans against the government. Police kept "
    "the two groups apart and no clashes were reported."
)

APPEAL_AND_STRIKES = (
    "The government of Belmora appealed to the United Nations for emergency food aid after floods destroyed the "
    "harvest. Miners from the state coal company went on strike on Monday, and dockworkers in two ports joined "
    "the strike on Wednesday."
)


@pytest.fixture(scope="module")
def extract():
    """A pipeline with only the events stage, so these tests do not depend on the other stages' progress."""
    from tidings.config import Config
    from tidings.pipeline import Pipeline

    pipe = Pipeline(Config.from_env(components=("tidings_events",)))
    return pipe.extract


def by_type(record, type_):
    return [e for e in record.events if e.type == type_]


def test_crackdown_gives_separate_coerce_and_assault_events(extract):
    record = extract(CRACKDOWN)
    coerce = by_type(record, "COERCE")
    assault = by_type(record, "ASSAULT")
    assert len(assault) == 1
    shooting = assault[0]
    assert shooting.mode == "firearms"
    assert shooting.actor.name == "Officers"
    assert shooting.target.name == "crowd"
    assert (shooting.counts.killed.min, shooting.counts.killed.text) == (3, "at least three")
    assert (shooting.counts.injured.min, shooting.counts.injured.max) == (24, 99)
    assert shooting.according_to == "witnesses"
    assert shooting.acled.event_type == "Protests" and shooting.acled.sub_event_type == "Excessive force against protesters"
    assert shooting.cameo == "19"

    modes = {e.mode for e in coerce}
    assert {"arrest", "censor"} <= modes
    arrest = next(e for e in coerce if e.mode == "arrest")
    assert arrest.actor.name == "Police"
    assert arrest.counts.arrested.min == 140 and arrest.counts.arrested.text == "at least 140"
    assert arrest.counts.killed is None
    assert arrest.according_to == "Varana Bar Association"
    assert arrest.acled.sub_event_type == "Arrests"
    shutdown = next(e for e in coerce if e.mode == "censor")
    assert shutdown.actor.name == "authorities"
    assert shutdown.counts.arrested is None and shutdown.counts.killed is None
    crackdown = next(e for e in coerce if e.mode in (None, "arrest") and e.actor and e.actor.name == "Security forces")
    assert crackdown.target.name == "opposition supporters"
    # "said the situation was calm" is a statement, not an event
    assert not any("calm" in e.sentence for e in record.events)
    for e in record.events:
        assert record.article.text[e.start:e.end] == e.sentence
        assert e.date is None and e.place is None


def test_rally_and_counter_rally_are_two_events(extract):
    record = extract(RALLIES)
    protests = by_type(record, "PROTEST")
    assert len(protests) == 2
    first, second = protests
    assert first.actor.name == "supporters of President Alma Dovran"
    assert (first.counts.participants.min, first.counts.participants.max) == (1000, 9999)
    assert second.actor.name == "opposition activists"
    assert second.counts.participants.value == 2000 and second.counts.participants.approximate
    assert first.mode == second.mode == "demo"
    assert first.acled.sub_event_type == "Peaceful protest"
    assert not by_type(record, "ASSAULT")  # "no clashes were reported"


def test_appeal_for_outside_help_is_request(extract):
    record = extract(APPEAL_AND_STRIKES)
    (request,) = by_type(record, "REQUEST")
    assert request.mode == "assist"
    assert request.actor.name == "government of Belmora"
    assert request.target.name == "United Nations"
    assert request.cameo == "10"
    assert request.acled is None
    assert not by_type(record, "AID")  # the aid asked for has not been given


def test_strike_wave_is_protest_strike(extract):
    record = extract(APPEAL_AND_STRIKES)
    strikes = [e for e in by_type(record, "PROTEST") if e.mode == "strike"]
    assert [s.actor.name for s in strikes] == ["Miners from the state coal company", "dockworkers"]
    assert all(s.acled.event_type == "Protests" and s.cameo == "14" for s in strikes)


def test_group_actor_kept_as_written_and_linked_through_its_head(extract):
    record = extract("Miners from the state coal company went on strike on Monday.")
    (strike,) = record.events
    assert strike.actor.name == "Miners from the state coal company"
    assert strike.actor.entity is None


def test_merges_reports_of_one_happening(extract):
    text = ("Soldiers opened fire on a funeral procession in Dunmore on Sunday. Witnesses said the soldiers fired "
            "without warning. Hospital staff said at least seven people were killed.")
    record = extract(text)
    (assault,) = by_type(record, "ASSAULT")
    assert len(assault.evidence) == 3
    assert [ev.start for ev in assault.evidence] == sorted(ev.start for ev in assault.evidence)
    assert assault.counts.killed.min == 7
    assert assault.evidence[0].sentence == assault.sentence


def test_organizer_named_apart_from_participants(extract):
    record = extract("The Federation of Dock Workers called a general strike for Monday.")
    (strike,) = by_type(record, "PROTEST")
    assert strike.organizer.name == "Federation of Dock Workers"
    assert strike.status == "planned"


def test_threat_demand_accusation_support_agreement_aid(extract):
    cases = {
        "The army threatened to arrest the strike leaders in Tolmar.": ("THREATEN", "arrest"),
        "Students demanded the release of the detained activists.": ("REQUEST", "yield"),
        "The opposition accused the police of torturing detainees.": ("ACCUSE", "allege"),
        "The teachers' union expressed solidarity with the striking nurses.": ("SUPPORT", None),
        "The two rebel factions agreed to a ceasefire in the eastern province.": ("AGREE", None),
        "Norway pledged 20 million dollars in humanitarian aid to Belmora.": ("AID", None),
    }
    for text, (type_, mode) in cases.items():
        record = extract(text)
        assert record.events, text
        main = record.events[0]
        assert (main.type, main.mode) == (type_, mode), (text, [e.model_dump(exclude_none=True) for e in record.events])


def test_accusation_keeps_the_alleged_event_as_claimed(extract):
    record = extract("The opposition accused the police of torturing detainees.")
    torture = next(e for e in record.events if e.type == "ASSAULT")
    assert torture.mode == "torture" and torture.status == "claimed"


def test_long_article_merges_in_linear_time(extract):
    # 2,000 sentences: merging used to compare every report with every earlier event
    # (25 s for 1,000 sentences, past the 30 s per-article budget at 2,000).
    text = " ".join(
        f"Protesters from district {i} marched in Lakeport on Tuesday. Police arrested {i % 50 + 2} people in sector {i}."
        for i in range(1000)
    )
    record = extract(text)
    arrests = by_type(record, "COERCE")
    protests = by_type(record, "PROTEST")
    assert len(arrests) == 1 and len(arrests[0].evidence) == 1000  # one actor named throughout: one campaign
    assert arrests[0].counts.arrested.value == 2
    assert 990 <= len(protests) <= 1000  # each district's march is its own event
    assert sum(len(e.evidence) for e in record.events) == 2000  # every sentence is evidence exactly once


@pytest.fixture(scope="module")
def full():
    """The whole pipeline: entities and claims from their own stages."""
    from tidings.pipeline import get_pipeline

    return lambda text: get_pipeline().extract(text, published="2024-05-02")


def _entity(record, name):
    return next(e.id for e in record.entities if e.name == name)


def test_target_linked_to_entity(full):
    record = full("Kenyan police arrested opposition leader Raila Odinga in Nairobi on Tuesday, his party said.")
    ev = next(e for e in record.events if e.type == "COERCE")
    assert ev.target.name == "opposition leader Raila Odinga"
    assert ev.target.entity == _entity(record, "Raila Odinga")
    assert ev.actor.name == "Kenyan police" and ev.actor.entity is None  # a group, not the nationality


def test_actor_and_target_linked_to_entities(full):
    record = full("Somalia's government appealed to the United Nations for emergency food aid after the floods. "
                  "Amnesty International accused the army of killing 40 villagers in Baidoa.")
    request = next(e for e in record.events if e.type == "REQUEST")
    assert request.target.name == "United Nations" and request.target.entity == _entity(record, "United Nations")
    accuse = next(e for e in record.events if e.type == "ACCUSE")
    assert accuse.actor.entity == _entity(record, "Amnesty International")


def test_denied_and_claimed_events_link_to_claims(full):
    record = full("The Interior Ministry denied that police had shot three protesters in Mombasa. "
                  "Opposition leader Raila Odinga claimed that soldiers had killed five villagers near Garissa.")
    denied = next(e for e in record.events if e.status == "denied")
    claimed = next(e for e in record.events if e.status == "claimed")
    c_denied = next(c for c in record.claims if c.id == denied.claim)
    c_claimed = next(c for c in record.claims if c.id == claimed.claim)
    assert c_denied.status == "denied" and c_denied.text == "that police had shot three protesters in Mombasa"
    assert c_claimed.text == "that soldiers had killed five villagers near Garissa"
    assert c_claimed.claimant_entity == _entity(record, "Raila Odinga")
    assert (denied.type, denied.actor.name, claimed.type, claimed.actor.name) == ("ASSAULT", "police", "ASSAULT", "soldiers")


def test_pronoun_they_is_the_group_of_the_sentence_before(full):
    record = full("Thousands of teachers gathered outside parliament in Nairobi on Monday. "
                  "They marched to the Ministry of Education demanding higher pay.")
    protest = next(e for e in record.events if e.type == "PROTEST")
    assert protest.actor.name == "teachers"


def test_pronoun_they_is_the_previous_events_actor(full):
    record = full("Riot police fired tear gas at students outside the university in Kestrel on Monday. "
                  "They later arrested 25 of them, the student union said.")
    arrest = next(e for e in record.events if e.type == "COERCE")
    assert arrest.actor.name == "Riot police"
    assert arrest.counts.arrested.value == 25


def test_pronoun_he_is_the_person_named_before(full):
    record = full("Interior Minister Halima Bashir visited the border town of Dira on Monday. "
                  "He ordered the arrest of the district commissioner the next day.")
    arrest = next(e for e in record.events if e.type == "COERCE")
    assert arrest.actor.entity == _entity(record, "Halima Bashir")
    assert arrest.actor.name == "Halima Bashir"


def test_pronoun_without_antecedent_stays_unnamed(full):
    record = full("They arrested the editor of the Daily Star in Lakeport on Friday, the newspaper said.")
    arrest = next(e for e in record.events if e.type == "COERCE")
    assert arrest.actor is None


def test_accused_party_is_the_actor_of_the_claimed_event(full):
    record = full("Amnesty International accused the army of torturing detainees in Baidoa.")
    torture = next(e for e in record.events if e.type == "ASSAULT")
    assert (torture.mode, torture.status, torture.actor.name, torture.target.name) == ("torture", "claimed", "army", "detainees")
