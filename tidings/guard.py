"""Limits on one article: its size before any work, its time during it.

Scraped pages are sometimes hostile (HTML bombs, pathological text) and code
has bugs; one article must not hang a batch or a server. The pipeline
refuses inputs over ``Config.max_input_bytes`` (E017) and runs each step
under ``deadline(Config.time_budget_s)``; an article that runs out of time
becomes an E013 error record in its place and the batch goes on.

HTML tags too long to parse in reasonable time are cut first (``defuse``).

``deadline`` raises ``Timeout`` inside the guarded block once the budget is
spent, and again every ``REPEAT_S`` until the block is left, so a library
that swallows the first one cannot keep running for ever:

- in the main thread through SIGALRM (``setitimer``): the CLI, the local
  runner's worker processes and the tests;
- in any other thread (the API ingests in a worker thread, Dask runs tasks
  in threads) through an asynchronous exception that a timer thread sets.

Either way the exception arrives between two Python bytecodes: a single C
call that never returns (a regex of the standard ``re`` module backtracking
for ever) is only stopped when it returns. The size limits keep such calls
short; that residual risk is written up in docs/reliability.md.
"""

from __future__ import annotations

import ctypes
import dataclasses
import re
import signal
import threading
import time
from contextlib import contextmanager
from typing import Iterator, Optional

from tidings.errors import TidingsError
from tidings.record import ErrorInfo, ErrorRecord

# After the first Timeout, raise again this often until the block is left.
REPEAT_S = 0.5


class Timeout(BaseException):
    """The time budget ran out.

    A BaseException, like KeyboardInterrupt, so that the ``except Exception``
    of a component's guard or of a library does not swallow it.
    """


@contextmanager
def deadline(seconds: Optional[float]) -> Iterator[None]:
    """Raise Timeout in this thread if the block runs longer than ``seconds``.

    ``None`` or a value <= 0 means no limit. Deadlines nest: an inner one
    restores the outer one when it ends.
    """
    if not seconds or seconds <= 0:
        yield
        return
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        with _alarm(seconds):
            yield
    else:
        with _async_exception(seconds):
            yield


def _on_alarm(signum, frame):
    raise Timeout()


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    started = time.monotonic()
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    old_delay, old_interval = signal.setitimer(signal.ITIMER_REAL, seconds, REPEAT_S)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if old_delay:
            # An outer deadline (ours or the caller's) keeps running.
            left = max(old_delay - (time.monotonic() - started), 0.001)
            signal.setitimer(signal.ITIMER_REAL, left, old_interval)


def _set_async_exc(ident: int, exc) -> None:
    # None is passed as NULL, which clears a pending exception.
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(ident), None if exc is None else ctypes.py_object(exc))


@contextmanager
def _async_exception(seconds: float) -> Iterator[None]:
    ident = threading.get_ident()
    lock = threading.Lock()
    state = {"active": True, "fired": False}
    stop = threading.Event()

    def watchdog():
        if stop.wait(seconds):
            return
        while True:
            with lock:
                if not state["active"]:
                    return
                state["fired"] = True
                _set_async_exc(ident, Timeout)
            if stop.wait(REPEAT_S):
                return

    timer = threading.Thread(target=watchdog, name="tidings-deadline", daemon=True)
    timer.start()
    try:
        yield
    finally:
        with lock:
            state["active"] = False
            if state["fired"]:
                # A Timeout set but not yet delivered must not go off
                # outside the block, in code that does not expect it.
                _set_async_exc(ident, None)
        stop.set()


# libxml2 (under lxml and trafilatura) checks each attribute of a tag against
# the others: quadratic, in C, where no deadline can stop it. 20,000 attributes
# took 6 s, 200,000 would take about 10 minutes. No readable text lives inside
# a tag, so tags longer than this are cut to their name before parsing (an
# inline base64 image is the usual legitimate one; it is not text either).
MAX_TAG_CHARS = 20_000
_TAG_NAME = re.compile(r"/?[A-Za-z][A-Za-z0-9:-]*")


def defuse(raw):
    """The raw article, with HTML tags longer than MAX_TAG_CHARS cut to ``<name>``."""
    html = raw.html
    if html is None or len(html) <= MAX_TAG_CHARS:
        return raw
    parts = html.split(">")  # linear, unlike a regex over unclosed '<' runs
    changed = False
    for i, part in enumerate(parts):
        if len(part) > MAX_TAG_CHARS:
            lt = part.rfind("<")
            if lt >= 0 and len(part) - lt > MAX_TAG_CHARS:
                name = _TAG_NAME.match(part, lt + 1)
                parts[i] = part[: lt + 1] + (name.group(0) if name else "")
                changed = True
    return dataclasses.replace(raw, html=">".join(parts)) if changed else raw


def too_large(raw, limit: int) -> Optional[TidingsError]:
    """E017 when a raw article's text or HTML is over ``limit`` bytes (UTF-8)."""
    body = raw.html if raw.html is not None else raw.text
    if not body or not limit or len(body) * 4 <= limit:
        return None
    # Characters are 1-4 bytes: encode only when the length leaves it open.
    size = len(body) if len(body) > limit else len(body.encode("utf-8", "surrogatepass"))
    if size <= limit:
        return None
    return TidingsError("E017", raw.source, size=size, limit=limit)


def timeout_record(id, source: str, seconds: float) -> ErrorRecord:
    exc = TidingsError("E013", source, seconds=f"{seconds:g}")
    return ErrorRecord(id=id, error=ErrorInfo(**exc.to_info()))
