"""Exports to the vocabularies users already have: ACLED event/sub-event types and CAMEO root codes.

The CAMEO roots are tidings' own reading of which CAMEO root each PLOVER
type and mode falls under (the published CAMEO->PLOVER crosswalk maps the
other way and is only read by the evaluation).
"""

from __future__ import annotations

import re
from typing import Optional

from tidings.record import Acled

from .draft import Draft

CAMEO_ROOT = {
    "AGREE": "03", "CONSULT": "04", "SUPPORT": "05", "COOPERATE": "06", "AID": "07",
    "CONCEDE": "08", "RETREAT": "08", "REQUEST": "10", "ACCUSE": "11", "REJECT": "12",
    "THREATEN": "13", "PROTEST": "14", "MOBILIZE": "15", "SANCTION": "16", "COERCE": "17",
    "ASSAULT": "18",
}
# Modes whose CAMEO root differs from the type's.
CAMEO_MODE = {
    ("ACCUSE", "investigate"): "09",
    ("ASSAULT", "firearms"): "19", ("ASSAULT", "heavy-weapons"): "19", ("ASSAULT", "aerial"): "19",
    ("ASSAULT", "drone"): "19", ("ASSAULT", "massacre"): "20", ("ASSAULT", "cleansing"): "20",
    ("ASSAULT", "unconventional"): "20", ("ASSAULT", None): "19",
    ("COERCE", "seize"): "17",
}

_STATE = re.compile(r"\b(police|policem[ae]n|officers?|security|forces?|troops?|soldiers?|army|military|guards?|gendarm\w*|riot|authorities|government|regime|state|paramilitar\w*|militia|commandos?|cops?)\b", re.I)
_ARMED = re.compile(r"\b(troops?|soldiers?|army|military|forces?|rebels?|militants?|insurgents?|fighters?|militia\w*|gunmen|guerrillas?|jihadists?|separatists?|brigades?|battalions?)\b", re.I)
_PROTESTERS = re.compile(r"\b(protesters?|protestors?|demonstrators?|marchers?|crowds?|rallies|rally|strikers?|students?|activists?|mobs?|rioters?|supporters?)\b", re.I)
_MOB = re.compile(r"\b(mobs?|vigilantes?|villagers|residents|rioters)\b", re.I)

# ASSAULT modes that ACLED codes as explosions/remote violence.
_REMOTE = {
    "aerial": "Air/drone strike", "drone": "Air/drone strike", "heavy-weapons": "Shelling/artillery/missile attack",
    "explosives": "Remote explosive/landmine/IED", "grenade": "Grenade", "suicide-attack": "Suicide bomb",
    "unconventional": "Chemical weapon",
}


def cameo(d: Draft) -> Optional[str]:
    return CAMEO_MODE.get((d.type, d.mode)) or CAMEO_ROOT.get(d.type)


def _name(party) -> str:
    return party.name if party is not None else ""


def acled(d: Draft) -> Optional[Acled]:
    """ACLED's event and sub-event type, or None for events ACLED does not code (talks, statements)."""
    t, mode = d.type, d.mode
    actor, target = _name(d.actor), _name(d.target)
    if t == "PROTEST":
        if mode == "riot":
            sub = "Mob violence" if _MOB.search(actor) and not _PROTESTERS.search(actor.replace("rioters", "")) else "Violent demonstration"
            return Acled(event_type="Riots", sub_event_type=sub)
        return Acled(event_type="Protests", sub_event_type="Peaceful protest")
    if t == "ASSAULT":
        if mode in _REMOTE:
            return Acled(event_type="Explosions/Remote violence", sub_event_type=_REMOTE[mode])
        against_protest = bool(_PROTESTERS.search(target)) and (not actor or _STATE.search(actor))
        if against_protest:
            if mode == "crowd-control" and "killed" not in d.counts:
                return Acled(event_type="Protests", sub_event_type="Protest with intervention")
            return Acled(event_type="Protests", sub_event_type="Excessive force against protesters")
        if mode == "destroy":
            return Acled(event_type="Strategic developments", sub_event_type="Looting/property destruction")
        if mode == "abduct":
            return Acled(event_type="Violence against civilians", sub_event_type="Abduction/forced disappearance")
        if mode == "sexual":
            return Acled(event_type="Violence against civilians", sub_event_type="Sexual violence")
        if mode == "crowd-control":
            return Acled(event_type="Protests", sub_event_type="Protest with intervention")
        if _MOB.search(actor):
            return Acled(event_type="Riots", sub_event_type="Mob violence")
        lemma = d.trigger.lemma_.lower()
        if lemma in ("clash", "fight", "fighting", "battle", "skirmish", "gunbattle", "firefight") or (
            _ARMED.search(actor) and _ARMED.search(target)
        ):
            return Acled(event_type="Battles", sub_event_type="Armed clash")
        return Acled(event_type="Violence against civilians", sub_event_type="Attack")
    if t == "COERCE":
        if mode == "arrest":
            return Acled(event_type="Strategic developments", sub_event_type="Arrests")
        if mode == "seize" and d.lex.weapons:
            return Acled(event_type="Strategic developments", sub_event_type="Disrupted weapons use")
        if mode == "seize" and d.trigger.lemma_.lower() in ("occupy", "capture"):
            sub = "Government regains territory" if _STATE.search(actor) else "Non-state actor overtakes territory"
            return Acled(event_type="Battles", sub_event_type=sub)
        return Acled(event_type="Strategic developments", sub_event_type="Other")
    if t == "AGREE":
        return Acled(event_type="Strategic developments", sub_event_type="Agreement")
    if t == "RETREAT" and mode == "withdraw":
        return Acled(event_type="Strategic developments", sub_event_type="Non-violent transfer of territory")
    if t == "RETREAT" and mode in ("disarm", "ceasefire"):
        return Acled(event_type="Strategic developments", sub_event_type="Change to group/activity")
    if t == "MOBILIZE":
        return Acled(event_type="Strategic developments", sub_event_type="Other")
    return None


_CONTEXTS = (
    ("election", re.compile(r"\b(election|elections|electoral|vote|voting|ballots?|polls?|candidates?|campaign(?:ing)?)\b", re.I)),
    ("pro_democracy", re.compile(r"\b(pro-democracy|democracy|democratic reforms?|free and fair)\b", re.I)),
    ("economic", re.compile(r"\b(wages?|pay|pensions?|prices?|fuel|subsid(?:y|ies)|taxes|tax|salar(?:y|ies)|jobs|unemployment|inflation|economic|trade|tariffs?)\b", re.I)),
    ("labor", re.compile(r"\b(union|unions|workers|miners|labou?r)\b", re.I)),
    ("rights", re.compile(r"\b(rights|freedom of|free speech|censorship)\b", re.I)),
    ("military", re.compile(r"\b(troops|army|military|soldiers|ceasefire|missiles?)\b", re.I)),
    ("refugees", re.compile(r"\b(refugees?|asylum|migrants?)\b", re.I)),
)


def context(d: Draft) -> Optional[str]:
    """The setting the sentence gives the event, where it names one; repression for state force on protest."""
    text = d.sent.text
    if d.type in ("COERCE", "ASSAULT") and _STATE.search(_name(d.actor)) and (
        _PROTESTERS.search(_name(d.target)) or d.mode in ("arrest", "censor", "curfew", "ban", "crowd-control")
    ):
        return "repression"
    for name, rx in _CONTEXTS:
        if rx.search(text):
            return name
    return None
