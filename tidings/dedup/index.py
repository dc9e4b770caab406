"""A streaming near-duplicate index: MinHash over word shingles, LSH for candidates.

Wire stories are re-posted with a new headline, a credit line, a trimmed
last paragraph or an update; their word 4-grams still overlap heavily, while
two outlets' own reports of one event share few. Candidates come from LSH
(sub-linear, so the index keeps up with a day's stream); the one with the
highest estimated Jaccard similarity above ``threshold`` is the match.

Each group of copies has one original: the copy published by the syndication
source the others name ("Via Reuters" -> the one from reuters.com), else
the earliest published, else the first seen. The group keeps the original
publisher's name.
"""

from __future__ import annotations

import os
import pickle
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Union
from urllib.parse import urlsplit

from datasketch import LeanMinHash, MinHash, MinHashLSH

_WORD = re.compile(r"\w+", re.UNICODE)
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def shingles(text: str, size: int = 4) -> set[bytes]:
    """Lower-cased word ``size``-grams of a text (the whole text when it is shorter)."""
    words = _WORD.findall(text.lower())
    if len(words) <= size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i:i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def signature(text: str, num_perm: int = 128, shingle_size: int = 4, min_words: int = 25) -> Optional[LeanMinHash]:
    """The MinHash of a text's word shingles; None for a text under ``min_words`` words,
    too short to tell a copy from a common phrase. Seeds are fixed: the same in every process."""
    sh = shingles(text, shingle_size)
    if len(sh) < min_words - shingle_size + 1:
        return None
    m = MinHash(num_perm=num_perm)
    m.update_batch(list(sh))
    return LeanMinHash(m)


def _key(name: Optional[str]) -> str:
    if not name:
        return ""
    name = name.lower().strip()
    name = re.sub(r"^(the|www)[\s.]+", "", name)
    return _NOT_ALNUM.sub("", name)


def _site(url: Optional[str]) -> Optional[str]:
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    parts = [p for p in host.split(".") if p not in ("www", "m", "amp")]
    # The registrable name, roughly: 'reuters' from www.reuters.com, 'bbc' from bbc.co.uk.
    core = [p for p in parts if p not in ("com", "org", "net", "co", "uk", "news", "int", "info", "gov", "edu")]
    return core[-1] if core else host or None


def _same(publisher: Optional[str], site: Optional[str]) -> bool:
    """Whether a publisher name is the site itself ('Reuters' and reuters, or a site name taken from the host)."""
    p, s = _key(publisher), _key(site)
    return bool(p and s) and (p == s or s in p or p in s)


@dataclass
class Member:
    id: str
    publisher: Optional[str]
    site: Optional[str]
    published: Optional[str]
    order: int
    similarity: float = 1.0
    added: float = 0.0  # time.time() when indexed


@dataclass
class Group:
    """Copies of one story; ``original`` is the id of the one the others link to."""

    original: str
    members: dict[str, Member] = field(default_factory=dict)
    source: Optional[str] = None  # the syndication source the copies name

    @property
    def publisher(self) -> Optional[str]:
        """The original publisher: the named syndication source, else the original's own."""
        if self.source:
            return self.source
        m = self.members[self.original]
        return m.publisher or m.site

    def copies(self) -> list[str]:
        return [i for i in self.members if i != self.original]


class DedupIndex:
    """``add(id, text, publisher, published)`` -> the original's id, or None for a new story.

    Pickle-able: ``save(path)`` / ``DedupIndex.load(path)`` keep it across runs.
    """

    def __init__(self, threshold: float = 0.5, num_perm: int = 128, shingle_size: int = 4, min_words: int = 25):
        self.threshold, self.num_perm, self.shingle_size, self.min_words = threshold, num_perm, shingle_size, min_words
        self.lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self.hashes: dict[str, LeanMinHash] = {}
        self.group_of: dict[str, Group] = {}
        self._order = 0

    def __len__(self) -> int:
        return len(self.hashes)

    def __contains__(self, id: str) -> bool:
        return id in self.hashes

    def minhash(self, text: str) -> Optional[LeanMinHash]:
        return signature(text, self.num_perm, self.shingle_size, self.min_words)

    def add(self, id: str, text: str, publisher: Optional[str] = None, published: Optional[str] = None, url: Optional[str] = None) -> Optional[str]:
        """Index an article; the id of the original it copies, or None when it is (now) an original.

        An article that arrives after its copies but turns out to be the
        original (earlier, or from the named syndication source) becomes the
        group's original, and None is returned for it.
        """
        id = str(id)
        if id in self.group_of:
            g = self.group_of[id]
            return None if g.original == id else g.original
        mh = self.minhash(text)
        self._order += 1
        member = Member(id, publisher, _site(url), published, self._order, added=time.time())
        match = self._best_match(mh) if mh is not None else None
        if mh is not None:
            self.lsh.insert(id, mh)
            self.hashes[id] = mh
        if match is None:
            self.group_of[id] = Group(original=id, members={id: member})
            return None
        other, sim = match
        member.similarity = sim
        group = self.group_of[other]
        group.members[id] = member
        self.group_of[id] = group
        self._elect(group)
        return None if group.original == id else group.original

    def _best_match(self, mh: LeanMinHash):
        best = None
        for cand in self.lsh.query(mh):
            sim = mh.jaccard(self.hashes[cand])
            if sim >= self.threshold and (best is None or sim > best[1]):
                best = (cand, sim)
        return best

    def _elect(self, group: Group) -> None:
        # A member naming another publisher than its own site is a copy
        # crediting that publisher: the group's syndication source.
        named = [m.publisher for m in group.members.values() if m.publisher and not _same(m.publisher, m.site)]
        if named and not group.source:
            group.source = named[0]
        source = _key(group.source)

        def rank(m: Member):
            from_source = bool(source) and _same(group.source, m.site)
            return (not from_source, m.published is None, m.published or "", m.order)

        group.original = min(group.members.values(), key=rank).id

    # -- reading ---------------------------------------------------------
    def original_of(self, id: str) -> Optional[str]:
        """The original's id for a known article (itself when it is the original)."""
        g = self.group_of.get(str(id))
        return g.original if g else None

    def group(self, id: str) -> Optional[Group]:
        return self.group_of.get(str(id))

    def prune(self, max_age_s: float) -> int:
        """Forget articles indexed more than ``max_age_s`` ago (copies come within days); how many.

        Keeps a long-running index (``tidings watch``) from growing without bound.
        """
        cutoff = time.time() - max_age_s
        old = [i for i, g in self.group_of.items() if g.members[i].added < cutoff]
        for i in old:
            group = self.group_of.pop(i)
            group.members.pop(i, None)
            if i in self.hashes:
                self.lsh.remove(i)
                del self.hashes[i]
            if group.original == i and group.members:
                self._elect(group)
        return len(old)

    # -- persistence -----------------------------------------------------
    def save(self, path: Union[str, Path]) -> None:
        path = Path(path)
        tmp = path.with_name(f".{path.name}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump(self, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)

    @classmethod
    def load(cls, path: Union[str, Path], **kwargs) -> "DedupIndex":
        """The index saved at ``path``, or a new one (with ``kwargs``) when there is none."""
        path = Path(path)
        if not path.exists():
            return cls(**kwargs)
        with path.open("rb") as fh:
            index = pickle.load(fh)
        if not isinstance(index, cls):
            raise TypeError(f"{path} does not hold a tidings dedup index")
        return index
