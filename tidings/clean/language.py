"""Which language an article is in (py3langid, offline), and which script it is written in."""

from __future__ import annotations

import functools
import re
import unicodedata

import pycountry

# Letters of the Latin script (ASCII, Latin-1, Latin Extended A/B, Extended Additional).
_LATIN = re.compile(r"[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]")
_LETTER = re.compile(r"[^\W\d_]")


@functools.lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str, sample: int = 3000) -> tuple[str, float]:
    """(ISO 639-1 code, probability) for the first ``sample`` characters."""
    lang, prob = _identifier().classify(text[:sample])
    return lang, float(prob)


def name(code: str) -> str:
    lang = pycountry.languages.get(alpha_2=code)
    return f"{lang.name} ({code})" if lang else code


def letters(text: str) -> int:
    return len(_LETTER.findall(text))


def latin_share(text: str) -> float:
    """The share of letters in Latin script (1.0 for text with no letters)."""
    n = letters(text)
    return len(_LATIN.findall(text)) / n if n else 1.0


def script(text: str) -> str:
    """The name of the most common non-Latin script, e.g. 'Cyrillic', 'Arabic', 'CJK'."""
    counts: dict[str, int] = {}
    for ch in _LETTER.findall(text):
        if _LATIN.match(ch):
            continue
        word = unicodedata.name(ch, "UNKNOWN").split()[0]
        counts[word] = counts.get(word, 0) + 1
    if not counts:
        return "Latin"
    top = max(counts, key=counts.get)
    return top if top in ("CJK",) else top.capitalize()
