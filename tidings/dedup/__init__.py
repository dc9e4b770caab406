"""Near-duplicate articles: syndicated copies, re-posts and updated versions, linked to one original."""

from tidings.dedup.index import DedupIndex, Group, shingles

__all__ = ["DedupIndex", "Group", "shingles"]
