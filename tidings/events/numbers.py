"""Reading a count phrase ("at least three", "8,000 or 10,000", "tens of thousands") into a Count.

The grammar is documented in docs/events.md. Ranges stay ranges: a vague
quantity gives ``min``/``max``, a hedged one ("nearly 5,000") gives
``value`` with ``approximate``; a bound ("at least three") gives only the bound.
"""

from __future__ import annotations

import math
import re
from typing import Optional

from tidings.record import Count

# Beyond this a "count" of people is not one (the world has ~8 billion people).
MAX_COUNT = 10**10

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1000, "lakh": 100_000, "million": 1_000_000, "crore": 10_000_000, "billion": 1_000_000_000}

# Vague quantities: (min, max). "hundreds" is 100-999 as the issue asks;
# the others follow the same reading (the smallest and largest number the
# word can name).
VAGUE = {
    "dozens": (24, 99), "scores": (40, 99), "hundreds": (100, 999), "thousands": (1000, 9999),
    "tens of thousands": (10_000, 99_999), "hundreds of thousands": (100_000, 999_999),
    "millions": (1_000_000, 9_999_999), "several dozen": (36, 99), "several hundred": (300, 999),
    "several thousand": (3000, 9999), "a few dozen": (24, 60), "a few hundred": (200, 500),
    "a few thousand": (2000, 5000), "dozens of thousands": (24_000, 99_999),
}
_NUMWORD = "(?:" + "|".join(sorted([*_UNITS, *_TENS], key=len, reverse=True)) + r")(?:-(?:one|two|three|four|five|six|seven|eight|nine))?"
_SCALE = "(?:" + "|".join(_SCALES) + ")s?"
_DIGITS = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?"
_CORE = rf"(?:(?:{_DIGITS})(?:\s+{_SCALE})*|(?:{_NUMWORD})(?:\s+(?:and\s+)?(?:{_NUMWORD}|{_SCALE}))*|(?:a|an|half\s+a)\s+(?:{_SCALE})(?:\s+{_SCALE})*|a\s+dozen|a\s+score)"
_VAGUE = "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in sorted(VAGUE, key=len, reverse=True))
_LOWER = r"at\s+least|no\s+fewer\s+than|no\s+less\s+than|upwards\s+of|a\s+minimum\s+of"
_ABOVE = r"more\s+than|well\s+over|just\s+over|over|in\s+excess\s+of"
_UPPER = r"up\s+to|as\s+many\s+as|no\s+more\s+than|at\s+most"
_BELOW = r"fewer\s+than|less\s+than|under|just\s+under"
_APPROX = r"nearly|almost|about|around|approximately|roughly|some|an\s+estimated|estimated|close\s+to|around\s+about|an\s+approximate"
_PREFIX = rf"(?P<prefix>{_LOWER}|{_ABOVE}|{_UPPER}|{_BELOW}|{_APPROX})\s+"

COUNT_RE = re.compile(
    rf"\b(?:{_PREFIX})?(?:between\s+(?P<lo>{_CORE})\s+and\s+(?P<hi>{_CORE})"
    rf"|(?P<a>{_CORE})\s+(?:or|to)\s+(?P<b>{_CORE})|(?P<a2>{_DIGITS})\s*[-–]\s*(?P<b2>{_DIGITS})(?![\d,])"
    rf"|(?P<vague>{_VAGUE})|(?P<one>{_CORE}))\b",
    re.IGNORECASE,
)


def number(text: str) -> Optional[int]:
    """The integer a number phrase names: '1.5 million', 'twenty-three', '8,000', 'a dozen'."""
    t = " ".join(text.lower().replace(",", "").split())
    if t in ("a dozen",):
        return 12
    if t in ("a score",):
        return 20
    total, current = 0.0, 0.0
    for word in re.split(r"[\s-]+", t):
        if word in ("and", ""):
            continue
        if word in ("a", "an"):
            current = current or 1
        elif word == "half":
            current = 0.5
        elif re.fullmatch(r"\d+(?:\.\d+)?", word):
            current += float(word)
        elif word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word.rstrip("s") in _SCALES:
            scale = _SCALES[word.rstrip("s")]
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = 0
        else:
            return None
    value = total + current
    if not math.isfinite(value) or value > MAX_COUNT:
        return None  # not a count of people (a serial number, a fuzzed digit string); int(inf) would raise
    return int(round(value)) if value else (0 if t in ("0", "zero") else None)


def parse(text: str) -> Optional[Count]:
    """A Count for a whole count phrase, or None if it is not one."""
    m = COUNT_RE.fullmatch(" ".join(text.split()))
    return from_match(m) if m else None


def from_match(m: re.Match) -> Optional[Count]:
    prefix = " ".join((m.group("prefix") or "").lower().split())
    text = m.group(0)
    if m.group("lo") or m.group("a") or m.group("a2"):
        lo = number(m.group("lo") or m.group("a") or m.group("a2"))
        hi = number(m.group("hi") or m.group("b") or m.group("b2"))
        if lo is None or hi is None or lo >= hi:
            return None
        return Count(min=lo, max=hi, approximate=True, text=text)
    if m.group("vague"):
        lo, hi = VAGUE[" ".join(m.group("vague").lower().split())]
        return Count(min=lo, max=hi, approximate=True, text=text)
    n = number(m.group("one"))
    if n is None:
        return None
    approx = m.group("one").lower().startswith(("a dozen", "a score", "half"))
    if not prefix:
        return Count(value=n, approximate=approx, text=text)
    if re.fullmatch(_LOWER, prefix):
        return Count(min=n, text=text)
    if re.fullmatch(_ABOVE, prefix):
        return Count(min=n + 1, text=text)
    if re.fullmatch(_UPPER, prefix):
        return Count(max=n, text=text)
    if re.fullmatch(_BELOW, prefix):
        return Count(max=max(n - 1, 0), text=text)
    return Count(value=n, approximate=True, text=text)
