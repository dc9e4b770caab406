"""The REST endpoints: thin calls into the store's queries."""

from __future__ import annotations

import asyncio
import json
import threading
from typing import Any, Literal, Optional

from fastapi import APIRouter, Body, Depends, Query, Request, Response

from tidings.api.app import ApiError, require_read, require_write
from tidings.store import EventFilter, Store
from tidings.store import filters as filters_

router = APIRouter(prefix="/api")
read = [Depends(require_read)]


def store_of(request: Request) -> Store:
    return request.app.state.store


def _json(data) -> Response:
    # Query results are plain JSON already: skip a validation pass that costs
    # more than the query on a big page or a long per-day series.
    return Response(json.dumps(data, ensure_ascii=False, separators=(",", ":")), media_type="application/json")


def event_filter(
    type: Optional[str] = Query(None, description="PLOVER type(s), comma-separated: PROTEST,COERCE"),
    mode: Optional[str] = Query(None, description="Event mode(s), comma-separated"),
    country: Optional[str] = Query(None, description="ISO 3166-1 alpha-2 code(s), comma-separated"),
    status: Optional[str] = Query(None, description="occurred, ongoing, planned, claimed, denied, hypothetical"),
    lat: Optional[float] = Query(None, description="Centre of a radius search"),
    lon: Optional[float] = Query(None),
    km: Optional[float] = Query(None, gt=0, le=20000, description="Radius around lat/lon in kilometres"),
    date_from: Optional[str] = Query(None, description="First day, YYYY-MM-DD (inclusive)"),
    date_to: Optional[str] = Query(None, description="Last day, YYYY-MM-DD (inclusive)"),
    actor: Optional[str] = Query(None, description="Text in the actor or target name (any case)"),
    q: Optional[str] = Query(None, description="Words in the reporting article (full-text search)"),
    article: Optional[int] = Query(None, description="Only events from this article id"),
    sort: str = Query("-date", description="date, type, country, id, killed, arrested, participants; - for descending"),
    limit: int = Query(100, description="Page size, 1-1000"),
    offset: int = Query(0, description="Rows to skip"),
) -> EventFilter:
    f = EventFilter(type=type, mode=mode, country=country, status=status, lat=lat, lon=lon, km=km,
                    date_from=date_from, date_to=date_to, actor=actor, q=q, article=article,
                    sort=sort, limit=limit, offset=offset)
    problem = filters_.check(f)
    if problem:
        raise ApiError(400, problem)
    return f


def _page(limit: int, offset: int) -> None:
    if not 1 <= limit <= filters_.MAX_LIMIT or offset < 0:
        raise ApiError(400, f"limit must be between 1 and {filters_.MAX_LIMIT} and offset not negative")


@router.get("/events", dependencies=read, summary="Events, filtered, sorted and paged")
def events(request: Request, f: EventFilter = Depends(event_filter),
           exact_total: bool = Query(False, description="Count every match (total is capped at 5,000 otherwise)")) -> Response:
    return _json(store_of(request).events(f, exact_total=exact_total))


@router.get("/events/{event_id}", dependencies=read, summary="One event with its evidence and sources")
def event(request: Request, event_id: int) -> Response:
    found = store_of(request).event(event_id)
    if found is None:
        raise ApiError(404, f"No event with id {event_id}.")
    return _json(found)


@router.get("/articles", dependencies=read, summary="Articles, newest first; q searches their text")
def articles(request: Request, q: Optional[str] = None, sort: Literal["-published", "published", "-id", "id"] = "-published",
             limit: int = 50, offset: int = 0) -> Response:
    _page(limit, offset)
    return _json(store_of(request).articles(q=q, limit=limit, offset=offset, sort=sort))


@router.get("/articles/{article_id}", dependencies=read,
            summary="One article: the full record with cleaned text and every span")
def article(request: Request, article_id: int) -> Response:
    found = store_of(request).article(article_id)
    if found is None:
        raise ApiError(404, f"No article with id {article_id}.")
    return _json(found)


@router.get("/quotes", dependencies=read, summary="Quotes; speaker matches any part of the name")
def quotes(request: Request, speaker: Optional[str] = None, q: Optional[str] = None, article: Optional[int] = None,
           limit: int = 50, offset: int = 0) -> Response:
    _page(limit, offset)
    return _json(store_of(request).quotes(speaker=speaker, q=q, article=article, limit=limit, offset=offset))


@router.get("/claims", dependencies=read, summary="Claims by status: asserted, confirmed, denied, unconfirmed")
def claims(request: Request, status: Optional[str] = None, claimant: Optional[str] = None,
           article: Optional[int] = None, limit: int = 50, offset: int = 0) -> Response:
    _page(limit, offset)
    return _json(store_of(request).claims(status=status, claimant=claimant, article=article, limit=limit, offset=offset))


@router.get("/entities", dependencies=read, summary="Entities across articles, most reported first")
def entities(request: Request, name: Optional[str] = None, type: Optional[str] = None,
             limit: int = 50, offset: int = 0) -> Response:
    _page(limit, offset)
    return _json(store_of(request).entities(name=name, type=type, limit=limit, offset=offset))


@router.get("/stats/events-per-day", dependencies=read, summary="Events per day, split by type, mode, status or country")
def events_per_day(request: Request, by: Literal["type", "mode", "status", "country"] = "type",
                   f: EventFilter = Depends(event_filter)) -> Response:
    return Response(store_of(request).events_per_day_json(f, by=by), media_type="application/json")


@router.get("/stats/countries", dependencies=read, summary="Events and casualty sums per country")
def countries(request: Request, f: EventFilter = Depends(event_filter)) -> Response:
    return _json(store_of(request).countries(f))


@router.get("/summary", dependencies=read, summary="Table sizes, the types, countries and date range present")
def summary(request: Request) -> Response:
    return _json(store_of(request).summary())


@router.get("/failures", dependencies=read, summary="Inputs that could not be processed")
def failures(request: Request, limit: int = 100, offset: int = 0) -> Response:
    _page(limit, offset)
    return _json(store_of(request).failures(limit=limit, offset=offset))


@router.get("/geo/countries", summary="Simplified country outlines (GeoJSON) for the dashboard map")
def outlines() -> Any:
    from fastapi.responses import Response

    from tidings.web import outlines as outlines_

    return Response(outlines_.geojson_bytes(), media_type="application/geo+json",
                    headers={"cache-control": "public, max-age=86400"})


_ingest_lock = threading.Lock()


@router.post("/ingest", dependencies=[Depends(require_write)], status_code=200,
             summary="Process and store article(s): one JSON object or a list, each with text or html")
async def ingest(request: Request, body: Any = Body(..., examples=[{"text": "...", "url": "https://...", "published": "2024-06-26"}])) -> dict:
    items = body if isinstance(body, list) else [body]
    if not items or len(items) > 1000:
        raise ApiError(400, "Send between 1 and 1000 articles.")
    # spaCy work off the event loop, one batch at a time.
    return await asyncio.to_thread(_ingest, store_of(request), items)


def _ingest(store: Store, items: list) -> dict:
    from tidings.ingest.jsonl import from_dict
    from tidings.errors import TidingsError
    from tidings.record import ErrorInfo, ErrorRecord
    from tidings.store.ingest import ingest as ingest_

    raws = []
    for n, item in enumerate(items, 1):
        try:
            raws.append(from_dict(item, f"request item {n}"))
        except TidingsError as exc:
            raws.append(ErrorRecord(id=None, error=ErrorInfo(**exc.to_info())))
    results: list[dict] = []
    with _ingest_lock:
        summary = ingest_(store, raws, on_item=lambda status, source: results.append({"input": source, "status": status}))
    return {"stored": summary.stored, "copies": summary.copies, "duplicates": summary.duplicates, "failed": summary.failed,
            "errors": summary.errors, "items": results}
