"""Near-duplicate copies in the store: LSH over MinHash bands kept in an indexed table.

A syndicated copy ("Via Reuters"), a re-post under a new headline or an
updated version of a story is stored as an article row linked to the first
stored copy (``articles.duplicate_of``, with the ``similarity``), and with
no entities, quotes, places or events of its own, so that counts by day,
country and type count the story once while its reach stays visible.

Each article's MinHash signature (128 permutations over word 4-grams, as
in :mod:`tidings.dedup`) is cut into 32 bands of 4 rows; each band is hashed
to a 64-bit integer and stored in ``article_bands``. Articles that share a
band with a new one are its candidates (an article pair with similarity
0.7 shares a band with probability 0.9998); a candidate is confirmed by the
exact Jaccard similarity of the two texts' 4-gram sets (at least 0.7) and
by their places (a copy names no place its original does not, or the
reverse). The table lives in the database, so the index survives restarts
and is shared by every process that writes to the store.
"""

from __future__ import annotations

import hashlib
from typing import Iterable, Optional

from tidings.dedup.index import shingles, signature

BANDS, ROWS = 32, 4
# Wire copies and re-posts score 0.75-1.0, an update that changes a figure over 0.9.
# Reports of different events written from one template ("Police in <town> arrested
# <n> ...") score 0.5-0.8: those that name other places are told apart by their places
# (see find_original); the bar keeps the rest apart. Linking a distinct report would hide
# its events, while a near-miss stays an article of its own, and cross-article clustering
# still puts its event with the original's.
THRESHOLD = 0.7
MIN_WORDS = 25          # shorter texts share too many phrases with unrelated ones
MAX_CANDIDATES = 20


def band_hashes(text: str) -> list[int]:
    """The text's 32 band hashes (signed 64-bit integers); empty for a text under 25 words."""
    sig = signature(text, BANDS * ROWS, min_words=MIN_WORDS)
    if sig is None:
        return []
    values = sig.hashvalues
    out = []
    for b in range(BANDS):
        digest = hashlib.blake2b(values[b * ROWS:(b + 1) * ROWS].tobytes(), digest_size=8,
                                 salt=b.to_bytes(2, "big")).digest()
        out.append(int.from_bytes(digest, "big", signed=True))
    return out


def jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def find_original(db, text: str, bands: list[int], places: Iterable[str] = ()) -> Optional[tuple[int, float]]:
    """(id of the stored original, similarity) for a copy of a stored article, else None.

    ``places`` are the new article's place names: a candidate whose original
    names other places (neither set holds the other) reports another event
    from the same template ("Police in Kisumu ..." / "Police in Nakuru ..."),
    however alike the wording, and is not an original of this one.
    """
    if not bands:
        return None
    marks = ", ".join("?" * len(bands))
    candidates = db.query(
        f"SELECT article_id, count(*) AS n FROM article_bands WHERE hash IN ({marks}) "
        f"GROUP BY article_id ORDER BY n DESC, article_id LIMIT {MAX_CANDIDATES}", bands)
    if not candidates:
        return None
    mine = shingles(text)
    names = {p.casefold() for p in places if p}
    best: Optional[tuple[int, float]] = None
    for row in candidates:
        other = db.one("SELECT id, text, duplicate_of FROM articles WHERE id = ?", [row["article_id"]])
        if other is None:
            continue
        sim = jaccard(mine, shingles(other["text"]))
        if sim < THRESHOLD or (best is not None and sim <= best[1]):
            continue
        root = other["duplicate_of"] or other["id"]
        if names:
            theirs = {r["name"].casefold() for r in db.query("SELECT name FROM places WHERE article_id = ?", [root])}
            if theirs and not (names <= theirs or theirs <= names):
                continue
        best = (root, round(sim, 4))
    return best


def band_rows(article_id: int, bands: list[int]) -> list[dict]:
    return [{"hash": h, "article_id": article_id} for h in bands]
