"""What a server is told at start: the database, tokens and limits."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Optional


@dataclass(frozen=True)
class Settings:
    db: str = "tidings.db"
    # Writes (POST /api/ingest) need this bearer token; without one they are off.
    token: Optional[str] = None
    # When set, every read endpoint needs this token (or the write token).
    read_token: Optional[str] = None
    # Request bodies larger than this are refused with 413.
    max_body_bytes: int = 5_000_000
    # Origins allowed to call the API from other sites; none by default.
    cors_origins: tuple[str, ...] = field(default_factory=tuple)

    @classmethod
    def from_env(cls, **overrides) -> "Settings":
        env = {
            "token": os.environ.get("TIDINGS_TOKEN"),
            "read_token": os.environ.get("TIDINGS_READ_TOKEN"),
        }
        values = {k: v for k, v in env.items() if v}
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)
