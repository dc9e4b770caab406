"""Request checks the routes do not make themselves.

Two kinds of path or query value pass FastAPI's validation but not the
database driver, and used to give a 500:

- integers beyond 64 bits (``/api/events/99999999999999999999``,
  ``?offset=9223372036854775808``): SQLite raises OverflowError;
- NUL characters (``?type=%00``): PostgreSQL text cannot hold them.

No stored id, offset or filter value can be either, so such a request is
refused with 400 before it reaches a route.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, unquote

from fastapi.responses import JSONResponse

_INTEGER = re.compile(r"^\s*[+-]?\d{19,}\s*$")  # 19+ digits: past 2**63 - 1 (or close to it)
_MAX = 2**63 - 1


def problem(value: str) -> str | None:
    if "\x00" in value:
        return "A value contains a NUL character."
    if _INTEGER.match(value) and not -_MAX - 1 <= int(value) <= _MAX:
        return f"The number {value.strip()[:40]} is out of range."
    return None


class RequestChecks:
    """ASGI middleware: 400 for path segments or query values no route can use (see above)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http":
            query = scope.get("query_string", b"").decode("latin-1")
            values = [v for pair in parse_qsl(query, keep_blank_values=True) for v in pair]
            values += [unquote(part) for part in scope.get("path", "").split("/")]
            message = next((m for v in values if (m := problem(v))), None)
            if message is not None:
                response = JSONResponse({"error": {"code": "bad_request", "message": message}}, status_code=400)
                return await response(scope, receive, send)
        return await self.app(scope, receive, send)
