"""Looking entities up by name, and a gender hint for pronoun resolution.

Both read only ``doc._.tidings_entities`` (and the Doc's text), so they
work on any Doc the ``tidings_entities`` component has run on.
"""

from __future__ import annotations

from typing import Optional

import numpy
from spacy.tokens import Doc

from tidings.nlp.entity_lexicon import PRONOUNS, fold
from tidings.nlp.entity_mentions import is_title, core_words
from tidings.record import Entity

_INDEX = "tidings:entity_index"
_GENDER = "tidings:entity_gender"
PRONOUN_WINDOW = 40  # tokens after a mention in which a he/she may refer to it


def resolve_name(doc: Doc, text: str, near: Optional[int] = None) -> Optional[Entity]:
    """The article entity a name or pronoun-free noun phrase refers to, or None.

    ``text`` may carry a leading "the", titles and honorifics and a
    possessive: "Mr Ortega's", "President Ortega" and "Ortega" all give the
    Daniel Ortega entity; "the Kremlin" gives the Kremlin; "UN" gives the
    United Nations where the article spells it out. A bare surname or first
    name shared by several people ("Clinton") goes to the one mentioned last
    before character offset ``near`` when given, else to the one mentioned
    most often.

    A noun phrase that names no one is matched against the roles the article
    gave its entities: "the ambassador" or "the Nicaraguan ambassador" gives
    the entity whose role is "Nicaraguan ambassador to Spain" (same head
    noun, every word found in the role); ties are broken as for names.
    """
    words = [w for w in fold(text).removesuffix("'s").split() if w]
    while words and words[0] in _DETERMINERS:
        words.pop(0)
    phrase = list(words)
    while len(words) > 1 and is_title(words[0]):
        words.pop(0)
    if not words:
        return None
    hits = _index(doc).get(" ".join(words)) or _by_role(doc, phrase)
    if not hits:
        return None
    if len(hits) == 1:
        return hits[0]
    if near is not None:
        before = [(max((s for s, _ in e.mentions if s < near), default=-1), e) for e in hits]
        best = max(before, key=lambda pair: pair[0])
        if best[0] >= 0:
            return best[1]
    return max(hits, key=lambda e: len(e.mentions))


_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "his", "her", "its", "their"})
_ROLE_LINKS = frozenset({"to", "of", "for", "at", "in", "with", "from", "on"})


def _by_role(doc: Doc, phrase: list[str]) -> list[Entity]:
    if not phrase:
        return []
    found = []
    for ent in doc._.tidings_entities:
        if not ent.role:
            continue
        role = [w for w in fold(ent.role).replace("'s", " ").split() if w not in _DETERMINERS]
        head = next((role[i - 1] for i, w in enumerate(role) if w in _ROLE_LINKS and i), role[-1] if role else None)
        if phrase[-1] == head and set(phrase) <= set(role):
            found.append(ent)
    return found


def _index(doc: Doc) -> dict:
    """Folded name -> entities it may mean, rebuilt when the entity list changes."""
    entities = doc._.tidings_entities
    cached = doc.user_data.get(_INDEX)
    if cached is not None and cached[0] is entities and cached[1] == len(entities):
        return cached[2]
    text = doc.text
    exact: dict[str, list] = {}
    partial: dict[str, list] = {}
    for ent in entities:
        keys = {fold(ent.name)} | {fold(text[s:e]) for s, e in ent.mentions}
        for key in keys:
            _add(exact, key, ent)
            words = core_words(tuple(key.split()))
            if ent.type == "PERSON" and len(words) > 1:
                _add(partial, words[-1], ent)
                _add(partial, words[0], ent)
    index = dict(partial)
    index.update(exact)  # an exact name beats a surname or first-name guess
    doc.user_data[_INDEX] = (entities, len(entities), index)
    return index


def _add(table: dict, key: str, ent: Entity) -> None:
    bucket = table.setdefault(key, [])
    if ent not in bucket:
        bucket.append(ent)


def gender_hint(doc: Doc, entity: Entity) -> Optional[str]:
    """"male", "female" or None for a PERSON entity, from the article alone.

    A courtesy or gendered title (Mr, Mrs, Ms, Sir, King, Queen,
    spokeswoman ...) on any mention decides; otherwise the he/she pronouns
    that first follow its mentions (within a few sentences, before another
    person is named) are counted, and a clear majority decides. Offline
    and cheap: the component computes it once per article.
    """
    if entity.type != "PERSON":
        return None
    return doc.user_data.get(_GENDER, {}).get(entity.id)


def compute_genders(doc: Doc, people: dict[str, list[tuple[int, int]]], title_genders: dict[str, Optional[str]]) -> None:
    """Store each person's gender hint on the Doc: titles first, then pronouns.

    ``people`` maps a PERSON entity id to its mentions' token spans.
    """
    out = {eid: g for eid, g in title_genders.items() if g and eid in people}
    undecided = [eid for eid in people if eid not in out]
    if undecided:
        lowers = doc.to_array("LOWER")
        hashes = numpy.array([doc.vocab.strings.add(p) for p in PRONOUNS], dtype=lowers.dtype)
        pronoun_at = numpy.flatnonzero(numpy.isin(lowers, hashes))
        if len(pronoun_at):
            starts = sorted((s, eid) for eid, spans in people.items() for s, _ in spans)
            for eid in undecided:
                gender = _pronoun_vote(doc, eid, people[eid], pronoun_at, starts)
                if gender:
                    out[eid] = gender
    doc.user_data[_GENDER] = out


def _pronoun_vote(doc, eid, spans, pronoun_at, starts) -> Optional[str]:
    votes = {"male": 0, "female": 0}
    for _, end in spans:
        nxt = numpy.searchsorted(pronoun_at, end)
        if nxt >= len(pronoun_at) or pronoun_at[nxt] - end > PRONOUN_WINDOW:
            continue
        p = int(pronoun_at[nxt])
        # Another person named in between is the likelier antecedent.
        if any(end <= s < p and other != eid for s, other in starts):
            continue
        votes[PRONOUNS[doc[p].lower_]] += 1
    if votes["male"] > votes["female"]:
        return "male"
    if votes["female"] > votes["male"]:
        return "female"
    return None
