"""Executors for the same pipeline: local processes and Dask.

Every executor hands batches of raw articles to :func:`run_batch`, which calls
``Pipeline.process`` on the process's one loaded pipeline; only the way the
batches travel differs.
"""

from tidings.runners.batch import chunks, run_batch

__all__ = ["chunks", "run_batch"]
