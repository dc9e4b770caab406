"""Which language an article is in (py3langid, offline)."""

from __future__ import annotations

import functools

import pycountry


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
