"""The FastAPI application: API, dashboard and the guards around both."""

from __future__ import annotations

import hmac
import logging
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from tidings import __version__
from tidings.api.settings import Settings
from tidings.store import Store

log = logging.getLogger("tidings.api")

STATIC = Path(__file__).resolve().parent.parent / "web" / "static"

# Only same-origin scripts, styles and data: no inline script, no CDN.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
       "frame-ancestors 'none'; form-action 'self'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"geolocation=(), camera=(), microphone=()"),
]

CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
         413: "payload_too_large", 415: "unsupported_media_type", 422: "invalid", 500: "internal", 503: "unavailable"}


class ApiError(Exception):
    def __init__(self, status: int, message: str, code: str | None = None):
        self.status, self.message, self.code = status, message, code or CODES.get(status, "error")


def error_body(code: str, message: str) -> dict:
    return {"error": {"code": code, "message": message}}


class Guard:
    """ASGI middleware: security headers on every response, and a body size limit."""

    def __init__(self, app, max_body: int):
        self.app, self.max_body = app, max_body

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.max_body:
            return await self._too_large(send)
        seen = 0

        async def limited_receive():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    raise ApiError(413, f"The request body is larger than {self.max_body} bytes.")
            return message

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                headers = [h for h in message.get("headers", []) if h[0].lower() not in dict(SECURITY_HEADERS)]
                message["headers"] = headers + SECURITY_HEADERS
            await send(message)

        try:
            await self.app(scope, limited_receive, send_with_headers)
        except ApiError as exc:
            if exc.status != 413:
                raise
            await self._too_large(send_with_headers)

    async def _too_large(self, send):
        response = JSONResponse(error_body("payload_too_large", f"The request body is larger than {self.max_body} bytes."),
                                status_code=413)
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(k.encode(), v.encode()) for k, v in response.headers.items()] + SECURITY_HEADERS})
        await send({"type": "http.response.body", "body": response.body})


def _bearer(request: Request) -> str | None:
    auth = request.headers.get("authorization", "")
    return auth[7:].strip() if auth.lower().startswith("bearer ") else None


def _same(a: str | None, b: str | None) -> bool:
    return bool(a) and bool(b) and hmac.compare_digest(a.encode(), b.encode())


def require_read(request: Request) -> None:
    settings: Settings = request.app.state.settings
    if not settings.read_token:
        return
    given = _bearer(request)
    if given is None:
        raise ApiError(401, "This server's data needs a token: send 'Authorization: Bearer TOKEN'.")
    if not (_same(given, settings.read_token) or _same(given, settings.token)):
        raise ApiError(403, "The token is not valid for reading.")


def require_write(request: Request) -> None:
    settings: Settings = request.app.state.settings
    if not settings.token:
        raise ApiError(403, "Writing is off on this server: start it with --token to allow ingest over HTTP.")
    given = _bearer(request)
    if given is None:
        raise ApiError(401, "Writing needs a token: send 'Authorization: Bearer TOKEN'.")
    if not _same(given, settings.token):
        raise ApiError(403, "The token is not valid for writing.")


def create_app(settings: Settings | None = None, store: Store | None = None) -> FastAPI:
    settings = settings or Settings.from_env()
    app = FastAPI(
        title="tidings",
        version=__version__,
        description="Events, articles, quotes and claims extracted by tidings, with the sentences they came from.",
        # The interactive docs pages load scripts from a CDN: off (the spec stays).
        docs_url=None, redoc_url=None, openapi_url="/api/openapi.json",
    )
    app.state.settings = settings
    app.state.store = store or Store.open(settings.db)

    @app.exception_handler(ApiError)
    async def _api_error(request, exc: ApiError):
        headers = {"www-authenticate": "Bearer"} if exc.status == 401 else None
        return JSONResponse(error_body(exc.code, exc.message), status_code=exc.status, headers=headers)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request, exc: StarletteHTTPException):
        message = exc.detail if isinstance(exc.detail, str) else "Request failed."
        if exc.status_code == 404 and message == "Not Found":
            message = f"Nothing at {request.url.path}."
        return JSONResponse(error_body(CODES.get(exc.status_code, "error"), message), status_code=exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request, exc: RequestValidationError):
        parts = []
        for err in exc.errors()[:5]:
            where = ".".join(str(x) for x in err.get("loc", ()) if x not in ("query", "body", "path"))
            parts.append(f"{where}: {err.get('msg')}" if where else str(err.get("msg")))
        return JSONResponse(error_body("invalid", "; ".join(parts) or "Invalid request."), status_code=422)

    @app.exception_handler(Exception)
    async def _internal(request, exc: Exception):
        log.exception("internal error on %s", request.url.path)
        return JSONResponse(error_body("internal", f"Internal error ({type(exc).__name__})."), status_code=500)

    from tidings.api import routes

    app.include_router(routes.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    # Prometheus text format, for the monitoring a deployment already has.
    from tidings.runners.metrics import metrics_app

    app.mount("/metrics", metrics_app())

    @app.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
    def index():
        return FileResponse(STATIC / "index.html", headers={"cache-control": "no-cache"})

    if settings.cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(CORSMiddleware, allow_origins=list(settings.cors_origins), allow_methods=["GET", "POST"],
                           allow_headers=["authorization", "content-type"])
    from tidings.api.security import RequestChecks

    app.add_middleware(RequestChecks)
    app.add_middleware(Guard, max_body=settings.max_body_bytes)
    return app
