"""One options object with packaged defaults.

Every setting can be given in Python (``Config(model="en_core_web_trf")``),
on the command line (``--model``) or in the environment (``TIDINGS_MODEL``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace

# tidings' spaCy components, in pipeline order. Each later stage may read
# what the earlier ones set (quotes read entities, events read all of them).
DEFAULT_COMPONENTS = (
    "tidings_entities",
    "tidings_quotes",
    "tidings_claims",
    "tidings_times",
    "tidings_places",
    "tidings_events",
    "tidings_event_anchors",
)


@dataclass(frozen=True)
class Config:
    # The spaCy pipeline to load: a package name or a path.
    model: str = "en_core_web_sm"
    components: tuple[str, ...] = DEFAULT_COMPONENTS
    # Documents per nlp.pipe batch.
    batch_size: int = 32
    # ... and at most this many characters per batch, so the memory a batch
    # needs does not depend on how many long articles it happens to hold
    # (a longer article is parsed on its own).
    max_batch_chars: int = 100_000
    # Articles whose detected language is not in this set are refused.
    languages: tuple[str, ...] = ("en",)
    # Refuse to guess a language on less text than this: short English
    # snippets are often misdetected.
    language_min_chars: int = 200
    # Inputs larger than this are refused (bytes).
    max_input_bytes: int = 50_000_000
    # The cleaned text handed to spaCy is cut at this many characters.
    max_text_chars: int = 1_000_000
    # Seconds one article may take (cleaning, then spaCy) before it becomes
    # an E013 error record; 0 turns the limit off. See tidings/guard.py.
    time_budget_s: float = 30.0
    # Keep tables and lists found in HTML bodies.
    html_include_tables: bool = False
    # A table of where news sources are based (``tidings homes`` writes one):
    # a local paper's 'Rochester' is then its own Rochester. Empty: none.
    source_homes: str = ""

    @classmethod
    def from_env(cls, **overrides) -> "Config":
        values = {}
        for f in fields(cls):
            env = os.environ.get(f"TIDINGS_{f.name.upper()}")
            if env is None:
                continue
            if f.type in ("int", int):
                values[f.name] = int(env)
            elif f.type in ("float", float):
                values[f.name] = float(env)
            elif f.type in ("bool", bool):
                values[f.name] = env.lower() in ("1", "true", "yes")
            elif "tuple" in str(f.type):
                values[f.name] = tuple(x.strip() for x in env.split(",") if x.strip())
            else:
                values[f.name] = env
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    def with_(self, **changes) -> "Config":
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

