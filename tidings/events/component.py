"""PLOVER-coded events with actors, counts and status (spaCy factory ``tidings_events``).

Sets ``doc._.tidings_events`` to a list of ``tidings.record.Event``; ``date``
and ``place`` are left for ``tidings_event_anchors``. The steps, each in its
own module: detect (lexicon + parse) -> fold (content of threats and
demands) -> status -> actors -> counts -> merge -> ontology exports.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from tidings.nlp.component import guarded
from tidings.record import Counts, Event, Evidence

from . import actors, counts, detect, fold, intent, merge, ontology, sources, status
from .draft import Draft

# How many sentences back an orphan count ("The death toll rose to 12.") may reach for its event.
_COUNT_REACH = 2


def events(doc: Doc) -> list[Event]:
    drafts = detect.find(doc)
    if not drafts:
        return []
    drafts = fold.fold(drafts)
    for d in drafts:
        d.status = "claimed" if d.inner_of is not None else status.decide(d)
        intent.recode(d)
        if d.type == "REJECT" and d.lex.type != "REJECT":
            d.status = "occurred"  # "will not accept refugees": the refusal is the event
        actors.assign(doc, d)
        d.according_to = sources.according_to(d)
        if d.status in ("claimed", "denied"):
            d.claim = sources.claim_for(doc, d)
        d.context = ontology.context(d)
    for n, d in enumerate(drafts):
        actors.resolve(doc, drafts, n)
        if d.actor is None and d.inner_of is not None and d.inner_of.type == "ACCUSE":
            d.actor = d.inner_of.target  # "accused the army of killing villagers": the accused is the alleged doer
    _count(doc, drafts)
    sent_index = {s.start: n for n, s in enumerate(doc.sents)}
    merged = merge.merge(drafts, sent_index)
    # Kept for main_event(): how high each event's trigger sits in its parse.
    doc.user_data["tidings:event_heads"] = {f"V{n}": detect.depth(d.head) for n, d in enumerate(merged, 1)}
    return [_event(n, d) for n, d in enumerate(merged, 1)]


def _count(doc: Doc, drafts: list[Draft]) -> None:
    by_sent: dict[int, list[Draft]] = {}
    for d in drafts:
        by_sent.setdefault(d.sent.start, []).append(d)
    recent: list[Draft] = []
    sents = list(doc.sents)
    for n, sent in enumerate(sents):
        here = by_sent.get(sent.start, [])
        if here or recent:
            for cat, count, _gov in counts.attach(here, sent):
                # A figure with no event in its sentence belongs to the last event it can count.
                types = counts._EVENT_FOR[cat]
                for d in reversed(recent):
                    if d.type in types and cat not in d.counts and d.sent.start >= sents[max(0, n - _COUNT_REACH)].start:
                        d.counts[cat] = count
                        break
        recent.extend(here)


def _event(n: int, d: Draft) -> Event:
    first = d.sentences[0]
    return Event(
        id=f"V{n}",
        type=d.type,
        mode=d.mode,
        context=d.context,
        actor=d.actor,
        target=d.target,
        organizer=d.organizer,
        counts=Counts(**d.counts),
        status=d.status,
        claim=d.claim,
        according_to=d.according_to,
        sentence=first.text,
        start=first.start_char,
        end=first.end_char,
        evidence=[Evidence(sentence=s.text, start=s.start_char, end=s.end_char) for s in d.sentences],
        acled=ontology.acled(d),
        cameo=ontology.cameo(d),
    )


class TidingsEvents:
    def __init__(self, nlp: Language, name: str):
        self.name = name

    @guarded("tidings_events")
    def __call__(self, doc: Doc) -> Doc:
        doc._.tidings_events = events(doc)
        return doc


@Language.factory("tidings_events")
def make_tidings_events(nlp: Language, name: str) -> TidingsEvents:
    return TidingsEvents(nlp, name)


def main_event(doc: Doc):
    """The event a one-sentence report is about: the one whose trigger is highest in the parse."""
    evs = doc._.tidings_events
    if not evs:
        return None
    drafts = doc.user_data.get("tidings:event_heads", {})
    return min(evs, key=lambda e: (drafts.get(e.id, 99), e.start))
