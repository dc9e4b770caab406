"""The one unit of work every executor runs: a batch through ``Pipeline.process``."""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import itertools
from typing import Iterable, Iterator, Optional

from tidings.config import Config
from tidings.pipeline import Result, get_pipeline


def run_batch(config: Optional[Config], items: list) -> list[Result]:
    """Records (or error records) for a batch of raw articles, in order.

    The pipeline is loaded once per process (``get_pipeline`` caches it by
    config), so a worker pays for the model on its first batch only.
    """
    return list(get_pipeline(config).process(items))


def chunks(items: Iterable, size: int) -> Iterator[list]:
    """Lists of up to ``size`` items, read lazily: the input is never held whole."""
    it = iter(items)
    while True:
        chunk = list(itertools.islice(it, size))
        if not chunk:
            return
        yield chunk


@functools.lru_cache(maxsize=1)
def _malloc_trim():
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return None  # not glibc (macOS, musl, Windows): nothing to do


def release_memory() -> None:
    """Give the heap pages freed by the last batch back to the operating system.

    A long-running worker allocates and frees a parsed batch's worth of
    objects again and again; glibc keeps the freed pages, and their
    fragmentation makes the resident size creep up over millions of
    articles. ``malloc_trim(0)`` returns them (about a millisecond per
    batch). Dask workers get the same effect from the MALLOC_TRIM_THRESHOLD_
    that Dask sets for them. A no-op where the C library is not glibc.
    """
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
