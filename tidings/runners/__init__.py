"""Executors for the same pipeline: local processes and Dask.

Every executor hands batches of raw articles to ``tidings.runners.batch.run_batch``,
which calls ``Pipeline.process`` on the process's one loaded pipeline; only
the way the batches travel differs. Nothing is imported here, so that
``tidings.runners.metrics`` can be mounted by the API without loading spaCy.
"""
