"""Grouping an article's mentions into entities.

People: "Daniel Ortega", "Mr Ortega", "Ortega" and "Ortega's" are one
entity. A full name joins a longer one it is part of ("Daniel Ortega" in
"José Daniel Ortega Saavedra") or that shares its first and last names
("Donald J. Trump"); a single name joins the person whose surname (failing
that, first name: "Xi", "Kim") it is, the nearest one mentioned before it
when several fit. "Jr."/"Sr." keep father and son apart.

Everything else: mentions with the same name, a country's names ("US",
"the United States", "America") and an acronym with its full name ("UN",
"United Nations"; "National Liberation Front (FSLN)") are one entity.

A non-person mention spelled like a person's name in the same article
("Trump" labelled ORG next to "Donald Trump") is taken as that person.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Doc

from tidings.nlp.entity_lexicon import GIVEN_NAME_PLACES, country_code, place_code
from tidings.nlp.entity_mentions import Mention, core_words

_ACRONYM_SKIP = frozenset({"of", "the", "and", "for", "on", "in", "de", "del", "la", "le", "des", "du", "&"})
_PLACE_LABELS = ("GPE", "LOC")
_GENERIC_ORG = frozenset({
    "university", "college", "party", "front", "group", "corporation", "corp", "inc", "co", "company",
    "bank", "agency", "council", "movement", "army", "institute", "foundation", "association",
    "union", "network", "media", "airlines", "airways", "motors", "holdings", "ltd", "plc", "llc",
    "brigade", "brigades", "militia", "alliance", "coalition", "federation", "organisation", "organization",
})


@dataclass
class Cluster:
    mentions: list = field(default_factory=list)
    words: tuple = ()  # the longest name's words (people)

    @property
    def first(self) -> int:
        return self.mentions[0].start

    @property
    def label(self) -> str:
        if any(m.label == "PERSON" for m in self.mentions):
            return "PERSON"
        # The fullest names carry the most evidence ("Ministry of Defence" over "MoD").
        longest = max(len(m.words) for m in self.mentions)
        labels = Counter(m.label for m in self.mentions if len(m.words) == longest)
        top = max(labels.values())
        # Ties go to the first mention's label.
        return next(m.label for m in self.mentions if m.label in labels and labels[m.label] == top)

    @property
    def name(self) -> str:
        best = max(self.mentions, key=lambda m: (len(m.words), len(m.text), not m.text.isupper(), -m.start))
        return best.text

    @property
    def role(self) -> Optional[str]:
        return next((m.role for m in self.mentions if m.role), None)


def cluster_mentions(mentions: list[Mention], doc: Doc) -> list[Cluster]:
    """Clusters in order of first mention, each with its mentions in text order."""
    _unify_person_labels(mentions)
    people = [m for m in mentions if m.label == "PERSON"]
    others = [m for m in mentions if m.label != "PERSON"]
    clusters = _people(people) + _others(others, doc)
    for c in clusters:
        c.mentions.sort(key=lambda m: m.start)
    return sorted(clusters, key=lambda c: c.first)


def _unify_person_labels(mentions: list[Mention]) -> None:
    person_keys = set()
    for m in mentions:
        if m.label == "PERSON":
            person_keys.add(m.key)
            if len(m.words) > 1:
                person_keys.add(core_words(m.words)[-1])
    for m in mentions:
        if (m.label != "PERSON" and m.key in person_keys and not _is_acronym(m.text)
                and (m.key in GIVEN_NAME_PLACES or not place_code(m.key))):
            m.label = "PERSON"


def _compatible(words: tuple, longer: tuple) -> bool:
    """Whether full name ``words`` can name the same person as ``longer``."""
    n = len(words)
    if any(longer[i:i + n] == words for i in range(len(longer) - n + 1)):
        return True
    a, b = core_words(words), core_words(longer)
    if (a != words) != (b != longer):  # one has Jr./Sr., the other not
        return False
    if a[-1] != b[-1]:
        return False
    return a[0] == b[0] or (len(a[0]) == 1 and b[0].startswith(a[0])) or (len(b[0]) == 1 and a[0].startswith(b[0]))


def _people(people: list[Mention]) -> list[Cluster]:
    clusters: list[Cluster] = []
    by_key: dict[str, Cluster] = {}
    for words in sorted({m.words for m in people if len(m.words) > 1}, key=lambda w: (-len(w), w)):
        home = next((c for c in clusters if _compatible(words, c.words)), None)
        if home is None:
            home = Cluster(words=words)
            clusters.append(home)
        by_key[" ".join(words)] = home
    singles: dict[str, Cluster] = {}
    for m in sorted(people, key=lambda m: m.start):
        if len(m.words) > 1:
            by_key[" ".join(m.words)].mentions.append(m)
            continue
        word = m.words[0]
        fits = [c for c in clusters if c.words and core_words(c.words)[-1] == word]
        fits = fits or [c for c in clusters if c.words and c.words[0] == word]
        if not fits:
            if word not in singles:
                singles[word] = Cluster(words=())
            singles[word].mentions.append(m)
            continue
        fits[0 if len(fits) == 1 else _nearest(fits, m.start)].mentions.append(m)
    return [c for c in clusters if c.mentions] + list(singles.values())


def _nearest(fits: list[Cluster], start: int) -> int:
    """Index of the cluster mentioned last before ``start`` (else the first)."""
    best, best_pos = 0, -1
    for n, c in enumerate(fits):
        before = [m.start for m in c.mentions if m.start < start]
        if before and max(before) > best_pos:
            best, best_pos = n, max(before)
    return best


def _others(others: list[Mention], doc: Doc) -> list[Cluster]:
    parent: dict[str, str] = {}

    def find(k):
        while parent.setdefault(k, k) != k:
            k = parent[k]
        return k

    def union(a, b):
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[rb] = ra

    keyed = []
    for m in others:
        code = country_code(m.key) if m.label in _PLACE_LABELS else None
        key = f"country:{code}" if code else m.key
        keyed.append((key, m))
        find(key)
    # Acronyms: "UN" with "United Nations", and "Front (FSLN)" whatever the letters.
    initials = {}
    for key, m in keyed:
        words = [w for w in m.key.replace("-", " ").split() if w not in _ACRONYM_SKIP]
        if len(words) > 1:
            initials.setdefault("".join(w[0] for w in words), key)
    for n, (key, m) in enumerate(keyed):
        if _is_acronym(m.text, mixed=True):
            if m.key in initials:
                union(initials[m.key], key)
            prev = keyed[n - 1][1] if n else None
            if (prev is not None and prev.tok_end + 1 == m.tok_start and doc[prev.tok_end].text == "("
                    and m.tok_end < len(doc) and doc[m.tok_end].text == ")" and prev.key[0] == m.key[0]):
                union(keyed[n - 1][0], key)
    # "Hofstra" with "Hofstra University": a short name plus a generic word.
    multi = {}
    for key, m in keyed:
        if m.label == "ORG" and len(m.words) > 1 and all(w in _GENERIC_ORG for w in m.words[1:]):
            multi.setdefault(m.words[0], set()).add(key)
    for key, m in keyed:
        if m.label == "ORG" and len(m.words) == 1 and len(multi.get(m.words[0], ())) == 1:
            union(next(iter(multi[m.words[0]])), key)
    groups: dict[str, Cluster] = {}
    for key, m in keyed:
        groups.setdefault(find(key), Cluster()).mentions.append(m)
    return list(groups.values())


def _is_acronym(text: str, mixed: bool = False) -> bool:
    """"UN", "U.S.", "NATO"; with ``mixed`` also short mixed-case ones ("MoD", "DoJ")."""
    letters = text.replace(".", "")
    if not (2 <= len(letters) <= 8 and letters.isalpha()):
        return False
    if letters.isupper():
        return True
    return mixed and len(letters) <= 4 and letters[0].isupper() and sum(c.isupper() for c in letters) >= 2
