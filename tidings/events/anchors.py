"""Give each event its date and place (runs after ``tidings_events``).

Date: the time expression governing the event's sentence, else the
article's dominant date, else the publication date (precision day, text
null). Place: the sentence's place that the event happened in (a locative
preposition on the event's clause beats a place naming an actor), else the
article's main location.
"""

from __future__ import annotations

from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span

from tidings.nlp.component import guarded
from tidings.nlp.extensions import published
from tidings.places.eventplace import choose, trigger_of
from tidings.record import Event, EventPlace, Place
from tidings.times.eventdate import event_date


def main_place(places: list[Place]) -> Optional[Place]:
    """The article's main location: its most named town, else state or province, else country."""
    for feature in ("city", "admin", "country"):
        ranked = [p for p in places if p.feature == feature and p.lat is not None]
        if ranked:
            return max(ranked, key=lambda p: (len(p.mentions), -p.mentions[0][0]))
    return None


def as_event_place(place: Optional[Place]) -> Optional[EventPlace]:
    if place is None:
        return None
    return EventPlace(name=place.name, lat=place.lat, lon=place.lon, country=place.country, geonameid=place.geonameid)


def anchor(doc: Doc, event: Event) -> Event:
    """Fill ``event.date`` and ``event.place`` in place (and return it)."""
    sent = _sentence(doc, event.start, event.end)
    if sent is None:
        return event
    trigger = trigger_of(sent)
    times = doc._.tidings_times
    places = doc._.tidings_places
    event.date = event_date(sent, times, published(doc), trigger)
    mentions = [(s, e, p) for p in places for s, e in p.mentions if p.lat is not None]
    place = None
    for ev in event.evidence or []:
        if place is None:
            other = _sentence(doc, ev.start, ev.end)
            if other is not None:
                place = choose(other, mentions, trigger if other == sent else None)
    place = place or choose(sent, mentions, trigger) or main_place(places)
    event.place = as_event_place(place)
    return event


def _sentence(doc: Doc, start: int, end: int) -> Optional[Span]:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    sent = span[0].sent
    return sent if sent.end >= span.end else doc[sent.start:span.end]


class TidingsEventAnchors:
    def __init__(self, nlp: Language, name: str):
        self.name = name

    @guarded("tidings_event_anchors")
    def __call__(self, doc: Doc) -> Doc:
        for event in doc._.tidings_events:
            anchor(doc, event)
        return doc


@Language.factory("tidings_event_anchors")
def make_tidings_event_anchors(nlp: Language, name: str) -> TidingsEventAnchors:
    return TidingsEventAnchors(nlp, name)
