"""The record: tidings' public contract.

One record per article. Every span (entity mention, quote, claim, time, event
evidence) is a pair of character offsets into ``article.text``, the cleaned
text; the text itself is stored once. Field names are a public contract: add
fields, never rename or remove them. ``tidings schema`` prints the JSON Schema
generated from these models.
"""

from __future__ import annotations

import json
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"

# PLOVER's 16 event types (https://github.com/openeventdata/PLOVER).
PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
    "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION",
    "MOBILIZE", "COERCE", "ASSAULT",
)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Removed(_Model):
    """A line taken out of the body by the cleaner, and why."""

    text: str
    reason: str = Field(description="e.g. cross-link, syndication, subscribe, share, newsletter, boilerplate")


class Article(_Model):
    title: Optional[str] = None
    text: str = Field(description="The cleaned body text; every offset in the record points into it.")
    published: Optional[str] = Field(None, description="ISO 8601 date or datetime of publication, if known.")
    publisher: Optional[str] = Field(None, description="The original publisher, e.g. from a syndication line ('Via Reuters').")
    url: Optional[str] = None
    language: Optional[str] = Field(None, description="ISO 639-1 code of the detected language.")
    removed: list[Removed] = Field(default_factory=list)


class Entity(_Model):
    id: str = Field(description="Unique within the record, e.g. 'E1'.")
    name: str = Field(description="The longest form the article uses, honorifics and possessives stripped.")
    type: str = Field(description="spaCy entity label: PERSON, ORG, GPE, NORP, LOC, FAC, ...")
    mentions: list[tuple[int, int]] = Field(description="[start, end) character offsets into article.text.")
    role: Optional[str] = Field(None, description="A role the text gives the entity ('Nicaraguan ambassador to Spain').")


class Span(_Model):
    text: str
    start: int
    end: int


class Quote(_Model):
    id: str = Field(description="Unique within the record, e.g. 'Q1'.")
    text: str
    start: int
    end: int
    direct: bool = Field(description="True for a quotation in quote marks, False for reported (indirect) speech.")
    speaker: Optional[str] = Field(None, description="As written, resolved to the entity's full name when the article names it.")
    speaker_entity: Optional[str] = Field(None, description="Entity id of the speaker, or null.")
    cue: Optional[str] = Field(None, description="The reporting verb or phrase: said, urged, told, according to ...")
    via: Optional[str] = Field(None, description="The channel or outlet that relayed it, e.g. 'the state news agency KCNA'.")
    speaker_span: Optional[Span] = Field(None, description="The words the speaker was read from (a name, a description or a pronoun), for showing the evidence.")


class Claim(_Model):
    id: str = Field(description="Unique within the record, e.g. 'C1'.")
    text: str
    start: int
    end: int
    claimant: Optional[str] = None
    claimant_entity: Optional[str] = None
    status: Literal["asserted", "confirmed", "denied", "unconfirmed"]
    status_evidence: Optional[Span] = Field(None, description="The sentence that set the status.")
    quote: Optional[str] = Field(None, description="Id of the quote the claim was made in, if any.")


class Time(_Model):
    id: str = Field(description="Unique within the record, e.g. 'T1'.")
    text: str
    start: int
    end: int
    value: Optional[str] = Field(None, description="ISO 8601 value; null when it cannot be resolved (no publication date).")
    precision: Optional[Literal["hour", "day", "week", "month", "year"]] = None


class Place(_Model):
    id: str = Field(description="Unique within the record, e.g. 'P1'.")
    name: str
    mentions: list[tuple[int, int]]
    lat: Optional[float] = None
    lon: Optional[float] = None
    country: Optional[str] = Field(None, description="ISO 3166-1 alpha-2.")
    geonameid: Optional[int] = None
    feature: Optional[Literal["country", "admin", "city", "landmark"]] = None


class Party(_Model):
    name: str = Field(description="As written; group actors are kept as written ('security forces').")
    entity: Optional[str] = Field(None, description="Entity id, where the party is one of the article's entities.")


class Count(_Model):
    value: Optional[int] = None
    min: Optional[int] = None
    max: Optional[int] = None
    approximate: bool = False
    text: str = Field(description="The phrase the count was read from.")


class Counts(_Model):
    killed: Optional[Count] = None
    injured: Optional[Count] = None
    arrested: Optional[Count] = None
    participants: Optional[Count] = None


class EventDate(_Model):
    value: Optional[str] = None
    precision: Optional[str] = None
    text: Optional[str] = Field(None, description="The time expression; null when the publication date was used.")


class EventPlace(_Model):
    name: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    country: Optional[str] = None
    geonameid: Optional[int] = None


class Acled(_Model):
    event_type: Optional[str] = None
    sub_event_type: Optional[str] = None


class Evidence(_Model):
    sentence: str
    start: int
    end: int


class Event(_Model):
    id: str = Field(description="Unique within the record, e.g. 'V1'.")
    type: str = Field(description="One of PLOVER's 16 event types.")
    mode: Optional[str] = None
    context: Optional[str] = None
    actor: Optional[Party] = None
    target: Optional[Party] = None
    organizer: Optional[Party] = None
    counts: Counts = Field(default_factory=Counts)
    status: Literal["occurred", "ongoing", "planned", "claimed", "denied", "hypothetical"] = "occurred"
    claim: Optional[str] = Field(None, description="Id of the claim, when status is 'claimed' or 'denied'.")
    according_to: Optional[str] = None
    sentence: str = Field(description="The first evidence sentence.")
    start: int
    end: int
    evidence: list[Evidence] = Field(default_factory=list, description="Every sentence that reports this event.")
    date: Optional[EventDate] = None
    place: Optional[EventPlace] = None
    acled: Optional[Acled] = None
    cameo: Optional[str] = Field(None, description="CAMEO root code, two digits.")


class Provenance(_Model):
    """Which software made the record, so a result can be cited and reproduced."""

    schema_version: str = SCHEMA_VERSION
    tidings: str
    model: str = Field(description="spaCy pipeline name and version, e.g. 'en_core_web_sm 3.8.0'.")
    components: list[str] = Field(default_factory=list)


class Record(_Model):
    id: Optional[str] = None
    article: Article
    entities: list[Entity] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    times: list[Time] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    provenance: Optional[Provenance] = None

    def to_dict(self) -> dict:
        return self.model_dump(mode="json")

    def to_json(self, **kwargs) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, **kwargs)


class ErrorInfo(_Model):
    code: str = Field(description="Numbered error code, e.g. 'E003'.")
    message: str
    input: Optional[str] = Field(None, description="The file, line or id that failed.")


class ErrorRecord(_Model):
    """Written in place of a record when an article in a batch fails."""

    id: Optional[str] = None
    error: ErrorInfo

    def to_dict(self) -> dict:
        return self.model_dump(mode="json")


def json_schema() -> dict:
    """The JSON Schema of a record, as published by ``tidings schema``."""
    schema = Record.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://tidings.dev/schema/record-{SCHEMA_VERSION}.json"
    schema["title"] = "tidings record"
    return schema


def error_json_schema() -> dict:
    schema = ErrorRecord.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "tidings error record"
    return schema
