"""The one unit of work every executor runs: a batch through ``Pipeline.process``."""

from __future__ import annotations

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
