"""One event per happening: sentences that report the same event are merged, keeping every evidence span.

Two reports are the same happening when type and status agree, modes and
parties do not contradict each other, and they are close in the article
(the same actor named again may be further away). A rally and a
counter-rally have different actors and stay apart.
"""

from __future__ import annotations

import bisect
from functools import lru_cache
from typing import Optional

from tidings.record import Party

from .draft import Draft

_WINDOW = 2  # sentences between two reports of one happening, when the actor is not named in both
_STOP = {"the", "a", "an", "of", "from", "and"}


def _words(p: Party) -> frozenset[str]:
    return _name_words(p.name)


@lru_cache(maxsize=4096)
def _name_words(name: str) -> frozenset[str]:
    return frozenset(w for w in name.lower().replace("-", " ").split() if w not in _STOP)


# Words too general to tell two happenings apart.
_GENERIC = {"people", "persons", "person", "others", "civilians", "residents", "men", "women"}


def _parties_agree(a: Optional[Party], b: Optional[Party]) -> bool:
    if a is None or b is None:
        return True
    if _words(a) <= _GENERIC or _words(b) <= _GENERIC:
        return True
    if a.entity and b.entity:
        return a.entity == b.entity
    wa, wb = _words(a), _words(b)
    return bool(wa) and bool(wb) and (wa <= wb or wb <= wa)


def _same(m: Draft, d: Draft, sent_index: dict[int, int]) -> bool:
    if m.type != d.type or m.status != d.status:
        return False
    if m.mode and d.mode and m.mode != d.mode:
        return False
    if not (_parties_agree(m.actor, d.actor) and _parties_agree(m.target, d.target)):
        return False
    for cat, c in d.counts.items():
        if cat in m.counts and (m.counts[cat].value, m.counts[cat].min, m.counts[cat].max) != (c.value, c.min, c.max):
            # a second figure for the same category is usually another happening in the same sentence
            if sent_index[m.sentences[-1].start] == sent_index[d.sent.start]:
                return False
    gap = sent_index[d.sent.start] - sent_index[m.sentences[-1].start]
    named_both = m.actor is not None and d.actor is not None
    if (m.actor and d.target and _parties_agree(m.actor, d.target) and not _words(d.target) <= _GENERIC) or (
        d.actor and m.target and _parties_agree(d.actor, m.target) and not _words(m.target) <= _GENERIC
    ):
        return False  # "militants who attacked the shrine were killed": the attackers are the victims of another act
    if m.trigger.sent.start == d.sent.start:
        # In one sentence, only a restatement ("fired on the crowd, killing three") merges.
        return d.trigger in m.trigger.subtree or m.trigger in d.trigger.subtree or d.trigger.head == m.trigger.head
    return gap <= _WINDOW or named_both


def _absorb(m: Draft, d: Draft, seen: set[int]) -> None:
    m.mode = m.mode or d.mode
    m.actor = m.actor or d.actor
    if m.target is None or (d.target is not None and _words(m.target) <= _GENERIC):
        m.target = d.target
    m.organizer = m.organizer or d.organizer
    m.according_to = m.according_to or d.according_to
    m.context = m.context or d.context
    for cat, c in d.counts.items():
        m.counts.setdefault(cat, c)
    sent = d.sent
    if sent.start not in seen:
        seen.add(sent.start)
        m.sentences.append(sent)


# How many earlier events with a named actor a report may be compared with
# beyond the sentence window: "the same actor named again" is a recent event
# in practice, and the cap keeps a long article linear.
_FAR = 64


class _Bucket:
    """Merged events of one (type, status): only these can absorb a report of that type and status."""

    __slots__ = ("recent", "named")

    def __init__(self) -> None:
        self.recent: dict[int, Draft] = {}  # position in the output -> event, last reported within the window
        self.named: list[tuple[int, Draft]] = []  # events with an actor, in output order

    def candidates(self, d: Draft, cur: int, sent_index: dict[int, int]) -> list[tuple[int, Draft]]:
        for pos in [p for p, m in self.recent.items() if sent_index[m.sentences[-1].start] < cur - _WINDOW]:
            del self.recent[pos]
        found = dict(self.recent)
        if d.actor is not None:
            found.update(self.named[-_FAR:])
        return sorted(found.items(), reverse=True)


def merge(drafts: list[Draft], sent_index: dict[int, int]) -> list[Draft]:
    """Compares each report only with the events it could join: same type and status,
    reported within the window or (when both name an actor) among the last _FAR named
    ones; the latest such event wins, as when every earlier event was compared."""
    out: list[Draft] = []
    buckets: dict[tuple[str, str], _Bucket] = {}
    seen: dict[int, set[int]] = {}  # position in the output -> sentence starts already in its evidence
    for d in drafts:
        d.sentences = d.sentences or [d.sent]
        cur = sent_index[d.sent.start]
        bucket = buckets.setdefault((d.type, d.status), _Bucket())
        for pos, m in bucket.candidates(d, cur, sent_index):
            if _same(m, d, sent_index):
                had_actor = m.actor is not None
                _absorb(m, d, seen[pos])
                bucket.recent[pos] = m
                if not had_actor and m.actor is not None:
                    bisect.insort(bucket.named, (pos, m), key=lambda pm: pm[0])
                break
        else:
            pos = len(out)
            out.append(d)
            seen[pos] = {s.start for s in d.sentences}
            bucket.recent[pos] = d
            if d.actor is not None:
                bucket.named.append((pos, d))
    return out
