"""Progress for long work: a tqdm bar on a terminal, plain log lines otherwise."""

from __future__ import annotations

import sys
import time
from typing import Optional


class Progress:
    """``update(**counts)`` after each item; ``close()`` at the end."""

    def __init__(self, desc: str, total: Optional[int] = None, stream=None, every_s: float = 10.0,
                 every_n: int = 500):
        self.stream = stream or sys.stderr
        self.desc, self.total = desc, total
        self.n = 0
        self.every_s, self.every_n = every_s, every_n
        self.started = self._last = time.monotonic()
        self.bar = None
        if getattr(self.stream, "isatty", lambda: False)():
            from tqdm import tqdm

            self.bar = tqdm(total=total, desc=desc, unit="item", file=self.stream, dynamic_ncols=True)

    def update(self, **postfix) -> None:
        self.n += 1
        if self.bar is not None:
            self.bar.update(1)
            if postfix:
                self.bar.set_postfix(postfix, refresh=False)
            return
        now = time.monotonic()
        if self.n % self.every_n == 0 or now - self._last >= self.every_s:
            self._last = now
            self._log(postfix)

    def _log(self, postfix: dict) -> None:
        of = f"/{self.total}" if self.total else ""
        rate = self.n / max(1e-9, time.monotonic() - self.started)
        extra = "".join(f", {k} {v}" for k, v in postfix.items())
        print(f"tidings: {self.desc}: {self.n}{of} ({rate:.1f}/s{extra})", file=self.stream, flush=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
