"""Feeds: poll RSS/Atom feeds, fetch new articles politely, process and store them."""

from tidings.feeds.state import State
from tidings.feeds.watch import Watcher, read_feed_list

__all__ = ["State", "Watcher", "read_feed_list"]
