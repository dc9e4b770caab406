"""Spot toponym candidates: spaCy's GPE/LOC/FAC entities plus gazetteer names it missed."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Doc, Span

from .gazetteer import Entry, Gazetteer, key
from .landmarks import is_landmark_name

_PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Names spaCy's small model sometimes labels PERSON or ORG: kept when the gazetteer knows them well.
_MISLABELLED = {"PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART"}
_MAX_NGRAM = 3
_COUNTY = re.compile(r"\b((?:Mc|Mac|O')?[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:\s(?:Mc)?[A-Z][a-z]+)?\s(?:County|Parish))\b")
_COMPASS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "northern",
            "southern", "eastern", "western", "central", "north-east", "north-west", "south-east", "south-west",
            "northeastern", "northwestern", "southeastern", "southwestern", "upstate", "downstate", "rural"}
# 'east London', 'south Chicago': a town this big has parts that news names by direction.
_PART_OF_TOWN = 500_000
# A facility's name is read as a town's only when some town of that name is this big.
_FACILITY_TOWN = 50_000
_JOINERS = {"and", "of", "the", "de", "del", "la", "el", "&"}
_TRIM = re.compile(r"(?:'s|\u2019s|')$")


@dataclass
class Mention:
    span: Span
    text: str
    start: int
    end: int
    label: str
    entries: list[Entry]
    container: Optional[int] = None  # index of the mention after "City, ..."
    # Found by name only (inside an organisation's name, or a proper noun spaCy did not call a place):
    # kept only when the article's other places back it up.
    weak: bool = False
    contains: list[int] = field(default_factory=list)
    # A town named inside a longer name ('Athens Regional Park', 'Fargo City'): ``text`` is the
    # town's name, ``full`` the whole name, ``landmark`` whether the whole is a place in the town.
    full: Optional[str] = None
    landmark: bool = False


def _trimmed(span: Span) -> Optional[Span]:
    doc = span.doc
    start, end = span.start, span.end
    while start < end and doc[start].lower_ in ("the", "'s"):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].lower_ in ("'s", "\u2019s")):
        end -= 1
    return doc[start:end] if end > start else None


def find(doc: Doc, gaz: Gazetteer) -> tuple[list[Mention], list[tuple[Span, str]]]:
    """(place mentions in text order, demonym mentions as (span, country code))."""
    mentions: list[Mention] = []
    demonyms: list[tuple[Span, str]] = []
    taken: set[int] = set()
    _counties(doc, gaz, mentions, taken)
    _long_names(doc, gaz, mentions, taken)
    for ent in doc.ents:
        if any(i in taken for i in range(ent.start, ent.end)):
            continue
        if ent.label_ in _PLACE_LABELS or ent.label_ in _MISLABELLED:
            if ent.label_ == "NORP" or (ent.label_ not in _PLACE_LABELS and gaz.demonyms.get(key(ent.text))):
                code = gaz.demonyms.get(key(ent.text))
                if code:
                    demonyms.append((ent, code))
                    taken.update(range(ent.start, ent.end))
                continue
            for part in ([ent] if gaz.lookup(ent.text) else _parts(ent, gaz)):
                span = _trimmed(part)
                if span is None:
                    continue
                entries = _entries(gaz, _TRIM.sub("", span.text)) or _abbreviation(gaz, span.text)
                if ent.label_ in _MISLABELLED and not _well_known(entries):
                    if ent.label_ == "PERSON":
                        taken.update(range(ent.start, ent.end))
                    continue
                if ent.label_ == "FAC" and all(e.feature == "city" and e.population < _FACILITY_TOWN for e in entries):
                    # A building or street that shares its name with a small town elsewhere
                    # ('Broadway', Virginia): the model's reading as a facility wins.
                    entries = []
                inner = None if entries or ent.label_ not in _PLACE_LABELS else _embedded(gaz, span)
                if inner is not None:
                    (sub, entries, landmark) = inner
                    full = _TRIM.sub("", span.text)
                    mentions.append(Mention(span, sub.text, span.start_char, span.start_char + len(full), ent.label_, entries,
                                            full=full, landmark=landmark))
                    taken.update(range(span.start, span.end))
                    continue
                if ent.label_ == "FAC" and not entries and not is_landmark_name(span.text):
                    continue
                if not entries and gaz.demonyms.get(key(span.text)):
                    demonyms.append((span, gaz.demonyms[key(span.text)]))
                    continue
                mentions.append(Mention(span, _TRIM.sub("", span.text), span.start_char, span.start_char + len(_TRIM.sub("", span.text)), ent.label_, entries))
                taken.update(range(span.start, span.end))
        elif ent.label_ in ("DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "PERSON"):
            taken.update(range(ent.start, ent.end))
    _scan(doc, gaz, mentions, demonyms, taken)
    mentions.sort(key=lambda m: m.start)
    _link_containers(doc, gaz, mentions)
    return mentions, demonyms


def _parts(ent: Span, gaz: Optional[Gazetteer] = None) -> list[Span]:
    """'Alexandria, La.' is two places; so is 'Greece Italy' when a list lost its comma."""
    commas = [t.i for t in ent if t.text in (",", "&", "and", "/") and t.i > ent.start]
    if not commas:
        if gaz is not None and len(ent) > 1 and all(
                any(e.feature == "country" for e in gaz.lookup(t.text)) for t in ent):
            return [ent[i:i + 1] for i in range(len(ent))]
        return [ent]
    out, start = [], ent.start
    for i in commas:
        out.append(ent.doc[start:i])
        start = i + 1
    out.append(ent.doc[start:ent.end])
    return [p for p in out if len(p)]


def _counties(doc: Doc, gaz: Gazetteer, mentions, taken) -> None:
    """US counties and parishes, also inside organisations' names ('Rapides Parish Fire District')."""
    for m in _COUNTY.finditer(doc.text):
        if key(m[1]) not in gaz.counties:
            continue
        span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if span is None or any(i in taken for i in range(span.start, span.end)):
            continue
        mentions.append(Mention(span, m[1], m.start(1), m.end(1), "COUNTY", []))
        taken.update(range(span.start, span.end))


_LONG_NAMES: dict[int, tuple[frozenset, int]] = {}


def _long_name_keys(gaz: Gazetteer) -> tuple[frozenset, int]:
    """Country and region names of several words ('Trinidad and Tobago', 'Baja California'), and the most words."""
    if id(gaz) not in _LONG_NAMES:
        names = frozenset(k for k, entries in gaz.names.items()
                          if " " in k and any(e.feature in ("country", "admin") for e in entries))
        _LONG_NAMES[id(gaz)] = (names, max((len(k.split()) for k in names), default=0))
    return _LONG_NAMES[id(gaz)]


def _long_names(doc: Doc, gaz: Gazetteer, mentions, taken) -> None:
    """Whole names of several words that the model cut in two ('Trinidad' and 'Tobago')."""
    names, longest = _long_name_keys(gaz)
    i, n = 0, len(doc)
    while i < n:
        if not doc[i].text[:1].isupper() or i in taken:
            i += 1
            continue
        for size in range(min(longest, 6, n - i), 1, -1):
            span = doc[i:i + size]
            words = span.text.split()
            if not words[-1][:1].isupper() or not all(w[:1].isupper() or w.lower() in _JOINERS for w in words):
                continue
            # Only where the model's entities split the name or left part of it out.
            if key(span.text) not in names or any(e.start <= span.start and span.end <= e.end for e in doc.ents):
                continue
            if any(j in taken for j in range(span.start, span.end)):
                continue
            entries = _entries(gaz, span.text)
            if entries:
                mentions.append(Mention(span, span.text, span.start_char, span.end_char, "GPE", entries))
                taken.update(range(span.start, span.end))
                i += size - 1
                break
        i += 1


def _entries(gaz: Gazetteer, text: str) -> list[Entry]:
    """Gazetteer senses of a name; a short acronym ('EU', 'AI') only names a country or state."""
    entries = gaz.lookup(text)
    if text.lower() in _COMPASS:
        # 'the West', 'the North': directions, not West, Texas.
        return []
    if not entries:
        # "Northeast Georgia", "southern Iraq": the part of a place is placed at the place.
        words = text.split()
        lead = 0
        while lead < len(words) - 1 and words[lead].lower() in _COMPASS:
            lead += 1
        if lead:
            # ... and 'north west London' at London: a part of a big town is placed at the town.
            rest = " ".join(words[lead:])
            entries = [e for e in gaz.lookup(rest) if e.feature in ("country", "admin") or e.population >= _PART_OF_TOWN]
    if text.isupper() and len(text.replace(".", "")) <= 4:
        entries = [e for e in entries if e.feature in ("country", "admin")]
    return entries


# Words around a town's name that leave it the town ('Fargo City', 'West Wichita', 'Historic Dublin').
_TOWN_WRAP = {"city", "township", "twp", "twp.", "area", "historic", "downtown", "greater", "metro", "old", "uptown", "midtown",
              "state", "of", "the"} | _COMPASS
# Names of streets and waters often carry a town's name and are not in it ('Memphis St.', 'Lake Vermont').
_NOT_IN_TOWN = re.compile(r"\b(?:street|st|avenue|ave|road|rd|boulevard|blvd|drive|dr|lane|highway|hwy|way|pike|route|river|lake|creek|bay|sea|ocean|falls|mountains?|mount|mt|islands?|canyon|trail)\.?$|^(?:lake|mount|mt\.?|river)\b", re.I)


def _embedded(gaz: Gazetteer, span: Span):
    """A place named at the head of a longer name the gazetteer lacks: (sub-span, its entries,
    whether the whole is a landmark in it). 'Athens Regional Park' and 'Columbus East' are in
    Athens and Columbus, 'Fargo City' and 'West Wichita' are the towns, 'State of Illinois' is
    Illinois. The name comes first (after 'West', 'Historic', 'State of'); a one-word town must be
    well known ('Farmers Service Centre' is not in Farmers, Kentucky); a state or country must be
    all there is ('Tennessee Colony' is a town). Streets, waters and counties are left alone."""
    words = [t for t in span if not t.is_punct]
    if len(words) < 2 or _NOT_IN_TOWN.search(span.text.strip()) or any(t.lower_ in ("county", "parish") for t in span):
        return None
    lead = 0
    while lead < len(span) - 1 and span[lead].lower_ in _TOWN_WRAP:
        lead += 1
    for size in range(min(_MAX_NGRAM, len(span) - lead), 0, -1):
        sub = span[lead:lead + size]
        if sub.end == span.end and lead == 0 or not sub[-1].text[:1].isupper():
            continue
        entries = [e for e in _entries(gaz, _TRIM.sub("", sub.text)) if e.feature in ("country", "admin", "city")]
        if not entries:
            continue
        rest = [t.lower_ for t in span if (t.i < sub.start or t.i >= sub.end) and not t.is_punct]
        wrapped = all(w in _TOWN_WRAP for w in rest)
        towns = [e for e in entries if e.feature == "city"]
        if not towns:
            return (sub, entries, False) if wrapped else None
        if size == 1 and not wrapped and not _well_known(towns):
            return None
        return sub, towns, not wrapped
    return None


def _abbreviation(gaz: Gazetteer, text: str) -> list[Entry]:
    entry = (gaz.abbreviations.get(key(text)) or gaz.abbreviations.get(key(text) + ".")) if "." in text else None
    return [entry] if entry is not None else []


def _well_known(entries: list[Entry]) -> bool:
    return any(e.feature in ("country", "admin") or e.population >= 100_000 for e in entries)


def _scan(doc: Doc, gaz: Gazetteer, mentions, demonyms, taken) -> None:
    """Gazetteer names among proper nouns that no entity covers (one pass)."""
    i, n = 0, len(doc)
    while i < n:
        tok = doc[i]
        # A place name is capitalised: 'landmark' tagged PROPN is still the common noun.
        if i in taken or not tok.text[:1].isupper() or not (tok.pos_ == "PROPN" or tok.is_title) or tok.is_sent_start and tok.pos_ != "PROPN":
            i += 1
            continue
        for size in range(min(_MAX_NGRAM, n - i), 0, -1):
            span = doc[i:i + size]
            if any(j in taken for j in range(i, i + size)) or not all(t.pos_ == "PROPN" or t.text in ("of", "-") for t in span):
                continue
            k = key(span.text)
            code = gaz.demonyms.get(k)
            if code:
                demonyms.append((span, code))
                break
            entries = _entries(gaz, span.text)
            if entries:
                weak = not (_well_known(entries) or (size > 1 and entries[0].population >= 5000))
                mentions.append(Mention(span, span.text, span.start_char, span.end_char, "GAZ", entries, weak=weak))
                taken.update(range(i, i + size))
                i += size - 1
                break
        i += 1


def _link_containers(doc: Doc, gaz: Gazetteer, mentions: list[Mention]) -> None:
    """'Paris, Texas' and 'Alexandria, La.': the second names the first one's container."""
    by_start = {m.span.start: idx for idx, m in enumerate(mentions)}
    extra = []
    for idx, m in enumerate(mentions):
        j = m.span.end
        if j + 1 >= len(doc) or doc[j].text != ",":
            continue
        nxt = by_start.get(j + 1)
        if nxt is None:
            # A state abbreviation: 'Alexandria, La.'
            for size in (2, 1):
                span = doc[j + 1:j + 1 + size]
                entry = gaz.abbreviations.get(key(span.text)) or (gaz.abbreviations.get(key(span.text + ".")) if doc[span.end - 1].is_upper else None)
                if entry is not None and (size == 2 or span.text.endswith(".") or span.text.isupper()):
                    extra.append((idx, Mention(span, span.text, span.start_char, span.end_char, "ABBR", [entry])))
                    break
            continue
        m.container = nxt
    for idx, mention in extra:
        mentions.append(mention)
    if extra:
        mentions.sort(key=lambda m: m.start)
        by_start = {m.span.start: k for k, m in enumerate(mentions)}
        for m in mentions:
            j = m.span.end
            if j + 1 < len(doc) and doc[j].text == "," and (j + 1) in by_start and m.label != "ABBR":
                m.container = by_start[j + 1]
