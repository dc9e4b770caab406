"""Request checks the routes do not make themselves.

Integers in the path or the query beyond 64 bits (``/api/events/99999999999999999999``,
``?offset=9223372036854775808``) pass FastAPI's ``int`` validation but not
the database driver (SQLite raises OverflowError, a 500). No stored id or
sensible offset is that large, so such a request is refused with 400 before
it reaches a route.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, unquote

from fastapi.responses import JSONResponse

_INTEGER = re.compile(r"^\s*[+-]?\d{19,}\s*$")  # 19+ digits: past 2**63 - 1 (or close to it)
_MAX = 2**63 - 1


def _too_big(value: str) -> bool:
    return bool(_INTEGER.match(value)) and not -_MAX - 1 <= int(value) <= _MAX


class IntegerRange:
    """ASGI middleware: 400 for path segments or query values that are integers outside 64 bits."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http":
            query = scope.get("query_string", b"").decode("latin-1")
            values = [v for _, v in parse_qsl(query, keep_blank_values=True)]
            values += [unquote(part) for part in scope.get("path", "").split("/")]
            bad = next((v for v in values if _too_big(v)), None)
            if bad is not None:
                response = JSONResponse({"error": {"code": "bad_request",
                                                   "message": f"The number {bad.strip()[:40]} is out of range."}},
                                        status_code=400)
                return await response(scope, receive, send)
        return await self.app(scope, receive, send)
