"""Event status: occurred, ongoing, planned, claimed, denied, hypothetical; negation gives no event."""

from __future__ import annotations

import pytest

ARTICLE = (
    "Opposition parties will march on parliament on Friday to demand early elections, organisers said. "
    "A second rally by the teachers' union is due to begin at noon on Saturday in Freedom Square. "
    "Organisers hope 20,000 people will join it. "
    "The rebel command claimed that government troops had shelled the village of Orrin overnight. "
    "The defence ministry denied that soldiers fired on civilians in Orrin. "
    "Police did not arrest anyone at the vigil. "
    "The governor said the situation in the province was calm."
)


@pytest.fixture(scope="module")
def extract():
    """A pipeline with only the events stage, so these tests do not depend on the other stages' progress."""
    from tidings.config import Config
    from tidings.pipeline import Pipeline

    pipe = Pipeline(Config.from_env(components=("tidings_events",)))
    return pipe.extract


@pytest.fixture(scope="module")
def record(extract):
    return extract(ARTICLE)


def test_planned_march(record):
    march = record.events[0]
    assert (march.type, march.mode, march.status) == ("PROTEST", "demo", "planned")
    assert march.actor.name == "Opposition parties"
    assert march.according_to == "organisers"
    # the demand is why they march, not a second event
    assert not [e for e in record.events if e.type == "REQUEST"]


def test_due_to_begin_is_planned_and_organisers_hope_gives_its_turnout(record):
    rally = next(e for e in record.events if e.actor and e.actor.name == "teachers' union")
    assert rally.status == "planned"
    assert rally.counts.participants.value == 20000
    assert "due to begin at noon" in rally.sentence


def test_claimed_and_denied(record):
    shelling = next(e for e in record.events if e.mode == "heavy-weapons")
    assert shelling.status == "claimed"
    assert shelling.actor.name == "government troops"
    assert shelling.according_to == "rebel command"
    firing = next(e for e in record.events if e.mode == "firearms")
    assert firing.status == "denied"
    assert firing.target.name == "civilians"
    assert firing.according_to == "defence ministry"


def test_negation_and_statements_give_no_event(record):
    assert not [e for e in record.events if e.type == "COERCE"]
    assert not [e for e in record.events if "calm" in e.sentence]
    assert len(record.events) == 4


@pytest.mark.parametrize("text,status", [
    ("Police arrested twelve students in Ostra on Monday.", "occurred"),
    ("Nurses are striking for a third day outside the ministry.", "ongoing"),
    ("The strike entered its third week on Monday.", "ongoing"),
    ("Workers plan to strike next week over unpaid wages.", "planned"),
    ("Farmers will march on the capital on Friday.", "planned"),
    ("Troops could attack the town if talks fail.", "hypothetical"),
    ("Soldiers allegedly beat the prisoners at the camp.", "claimed"),
    ("The ministry denied reports that police had beaten detainees.", "denied"),
])
def test_status(extract, text, status):
    record = extract(text)
    assert record.events, text
    assert record.events[0].status == status, [e.model_dump(exclude_none=True) for e in record.events]


def test_did_not_attack_gives_no_event(extract):
    assert extract("The rebels did not attack the convoy near Selva.").events == []
    assert extract("No one was killed in the incident at the border post.").events == []


def test_threatened_is_threaten_not_the_threatened_act(extract):
    (ev,) = extract("The interior minister threatened to ban the opposition party.").events
    assert (ev.type, ev.mode, ev.status) == ("THREATEN", "ban", "occurred")


def test_refused_cooperation_is_reject(extract):
    (ev,) = extract("Syria says it will not accept any more refugees from Iraq.").events
    assert (ev.type, ev.status, ev.according_to) == ("REJECT", "occurred", "Syria")


def test_promised_aid_is_planned_aid(extract):
    (ev,) = extract("The United Nations will provide food aid to refugees in Liberia.").events
    assert (ev.type, ev.status) == ("AID", "planned")
    assert ev.actor.name == "United Nations" and ev.target.name == "refugees"


def test_announced_coercion_is_a_threat(extract):
    (ev,) = extract("The government will extend the curfew in Abidjan.").events
    assert (ev.type, ev.status, ev.cameo) == ("THREATEN", "occurred", "13")
