"""The FastAPI application of `sitrep serve`: the JSON API under ``/api`` and the page at ``/``.

Every view the page uses is a JSON endpoint anyone can call (Datasette's rule: the page is one
client of the API). Reading is open; the one writing endpoint (``POST /api/documents``) exists
only when a token was given, and then wants it as a bearer token. Errors are JSON
``{"error": {"code", "message"}}`` with the status that fits — never a traceback.

    app = create_app("sitrep.db", token=None)       # uvicorn.run(app, host="127.0.0.1")
"""

from __future__ import annotations

import csv
import io
import json
import logging
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Annotated

from fastapi import Depends, FastAPI, Path as PathParam, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, JSONResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import SitrepError, StoreError, UsageError
from ..model import MODALITIES
from ..store.export import ACLED_COLUMNS, acled_row, geojson_feature
from ..store.formats import spreadsheet_safe
from .catalog import DEFAULT_PAGE, MAX_PAGE, BBox, Catalog, Filters
from .evidence import compact_point, event_detail
from .guard import Guard, Limits, token_matches
from .writer import DocumentWriter

__all__ = ["create_app", "guarded", "STATIC"]

STATIC = Path(__file__).with_name("static")
log = logging.getLogger("sitrep.web")

# SitrepError codes that mean "no such thing" rather than "bad request"
_NOT_FOUND = {"E305", "E307"}
_FILTER_PARAMS = {"type", "actor", "country", "since", "until", "modality", "q", "bbox"}


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def _error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)


def _known_params(*names: str):
    """A dependency refusing query parameters the endpoint does not have (a typo such as
    ``cuntry=Syria`` would otherwise list every event, as if the filter had matched)."""
    allowed = set(names)

    def check(request: Request) -> None:
        unknown = sorted(set(request.query_params) - allowed)
        if unknown:
            raise ApiError(400, "E251", f"unknown parameter(s) {', '.join(unknown)}; this "
                           f"endpoint takes: {', '.join(sorted(allowed)) or 'none'}")
    return Depends(check)


def _filters(type: Annotated[str | None, Query(description="ACLED event type or sub-event "
                                                "type, or PLOVER type (any case)")] = None,
             actor: Annotated[str | None, Query(description="part of an actor's name")] = None,
             country: Annotated[str | None, Query(description="country name or ISO3")] = None,
             since: Annotated[date | None, Query(description="YYYY-MM-DD, inclusive")] = None,
             until: Annotated[date | None, Query(description="YYYY-MM-DD, inclusive")] = None,
             modality: Annotated[str, Query(description=f"{', '.join(MODALITIES)} or all")]
             = "asserted",
             q: Annotated[str | None, Query(max_length=500, description="words that must all "
                                            "occur in the evidence (any case)")] = None,
             bbox: Annotated[str | None, Query(description="west,south,east,north in degrees")]
             = None) -> Filters:
    filters = Filters(event_type=type or None, actor=actor or None, country=country or None,
                      since=since, until=until,
                      modality=None if modality == "all" else modality,
                      q=q or None, bbox=BBox.parse(bbox) if bbox else None)
    filters.query()  # validate now: an unknown type or modality is a 400, not an empty list
    return filters


FiltersDep = Annotated[Filters, Depends(_filters)]


def create_app(db: str | Path, *, token: str | None = None,
               config: str | Path | None = None) -> FastAPI:
    """The application over the store at ``db`` (which must exist). ``token``: enables
    ``POST /api/documents`` for requests bearing it; ``config``: the pipeline configuration
    that endpoint analyses with."""
    catalog = Catalog(db)
    writer = DocumentWriter(db, config) if token else None
    app = FastAPI(title="sitrep", version="1", docs_url=None, redoc_url=None,
                  description="Events coded from news about armed conflict, with the evidence "
                              "and the reason for every field. Read-only unless started with "
                              "--token.")
    app.state.catalog = catalog

    # -- errors: JSON with a code, never a traceback -----------------------------------------------
    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError):
        return _error(exc.status, exc.code, exc.message)

    @app.exception_handler(SitrepError)
    async def sitrep_error(request: Request, exc: SitrepError):
        message = str(exc).removeprefix(f"[{exc.code}] ")
        if exc.code in _NOT_FOUND:
            return _error(404, exc.code, message)
        if isinstance(exc, UsageError):
            return _error(400, exc.code, message)
        log.error("store error: %s", exc)
        return _error(503 if isinstance(exc, StoreError) else 500, exc.code, message)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError):
        problems = "; ".join(f"{'.'.join(str(p) for p in error['loc'][1:]) or 'body'}: "
                             f"{error['msg']}" for error in exc.errors())
        return _error(400, "E250", f"bad parameter(s): {problems}")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        return _error(exc.status_code, f"H{exc.status_code}", str(exc.detail))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception):
        log.exception("unexpected error on %s", request.url.path)
        return _error(500, "E259", f"internal error ({type(exc).__name__}); see the server log")

    # -- the page and its assets ------------------------------------------------------------------
    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    try:
        from swagger_ui_bundle import swagger_ui_path
        app.mount("/docs-assets", StaticFiles(directory=swagger_ui_path), name="docs-assets")
    except ModuleNotFoundError:
        swagger_ui_path = None

    @app.get("/docs", include_in_schema=False)
    def docs():
        if swagger_ui_path is None:
            return _error(404, "E260", "the interactive docs need swagger-ui-bundle-v2; the "
                                       "schema itself is at /openapi.json")
        return get_swagger_ui_html(openapi_url="/openapi.json", title="sitrep API",
                                   swagger_js_url="/docs-assets/swagger-ui-bundle.js",
                                   swagger_css_url="/docs-assets/swagger-ui.css",
                                   swagger_favicon_url="/static/favicon.svg")

    # -- reading ----------------------------------------------------------------------------------
    @app.get("/api", summary="What this API offers", dependencies=[_known_params()])
    def index(request: Request) -> dict:
        return {"title": "sitrep", "writable": writer is not None, "docs": "/docs",
                "endpoints": {route.path: route.summary for route in app.routes
                              if getattr(route, "include_in_schema", False)
                              and route.path.startswith("/api")}}

    @app.get("/api/events", summary="Events matching the filters, a page at a time, in a "
                                    "stable order (event date, then id)",
             dependencies=[_known_params(*_FILTER_PARAMS, "limit", "offset")])
    def events(filters: FiltersDep, request: Request,
               limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = DEFAULT_PAGE,
               offset: Annotated[int, Query(ge=0)] = 0) -> dict:
        total, page = catalog.page(filters, offset, limit)
        following = None
        if offset + limit < total:
            following = str(request.url.include_query_params(offset=offset + limit))
        return {"total": total, "offset": offset, "limit": limit, "next": following,
                "events": [stored.to_record() for stored in page]}

    @app.get("/api/events.geojson", summary="The matching events as a GeoJSON FeatureCollection",
             dependencies=[_known_params(*_FILTER_PARAMS)])
    def events_geojson(filters: FiltersDep) -> StreamingResponse:
        found = catalog.all(filters)

        def features() -> Iterator[str]:
            yield '{"type": "FeatureCollection", "features": [\n'
            for number, stored in enumerate(found):
                yield (",\n" if number else "") + json.dumps(geojson_feature(stored),
                                                             ensure_ascii=False)
            yield "\n]}\n"
        return StreamingResponse(features(), media_type="application/geo+json")

    @app.get("/api/events.csv", summary="The matching events with an ACLED type, in ACLED's "
                                        "columns (formula-like cells neutralised)",
             dependencies=[_known_params(*_FILTER_PARAMS)])
    def events_csv(filters: FiltersDep) -> StreamingResponse:
        found = [stored for stored in catalog.all(filters) if stored.event.event_type]

        def rows() -> Iterator[str]:
            buffer = io.StringIO()
            writer_ = csv.writer(buffer, lineterminator="\n")
            writer_.writerow(ACLED_COLUMNS)
            for stored in found:
                row = acled_row(stored)
                writer_.writerow([spreadsheet_safe(row[column]) for column in ACLED_COLUMNS])
                yield buffer.getvalue()
                buffer.seek(0)
                buffer.truncate()
            yield buffer.getvalue()
        return StreamingResponse(rows(), media_type="text/csv; charset=utf-8",
                                 headers={"content-disposition": "attachment; "
                                                                 "filename=events.csv"})

    @app.get("/api/points", summary="Every matching event as [id, date, lat, lon, type, label, "
                                    "modality]: what the map and the timeline draw",
             dependencies=[_known_params(*_FILTER_PARAMS)])
    def points(filters: FiltersDep) -> dict:
        rows = [compact_point(stored) for stored in catalog.all(filters)]
        return {"columns": ["id", "date", "lat", "lon", "type", "label", "modality"],
                "total": len(rows), "located": sum(1 for row in rows if row[2] is not None),
                "rows": rows}

    @app.get("/api/events/{event_id}", summary="One event (a unique id prefix will do): its "
                                               "evidence marked in its source text, every "
                                               "source, and the reason for every field",
             dependencies=[_known_params()])
    def event(event_id: Annotated[str, PathParam(max_length=64)]) -> dict:
        stored = catalog.event(event_id)
        report = catalog.store().get_report(stored.report_id)
        return event_detail(stored, report)

    @app.get("/api/stats", summary="Counts of reports, events by type and country, rejections",
             dependencies=[_known_params("modality")])
    def stats(modality: str = "asserted") -> dict:
        if modality != "all" and modality not in MODALITIES:
            raise ApiError(400, "E201", f"unknown modality {modality!r}; one of: "
                                        f"{', '.join(MODALITIES)} (or all)")
        return catalog.store().stats(None if modality == "all" else modality).to_dict()

    @app.get("/api/rejections", summary="The inputs that were not analysed, and why",
             dependencies=[_known_params("code", "limit", "offset")])
    def rejections(code: str | None = None,
                   limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = DEFAULT_PAGE,
                   offset: Annotated[int, Query(ge=0)] = 0) -> dict:
        found = list(catalog.store().rejections(code))
        return {"total": len(found), "offset": offset, "limit": limit,
                "rejections": [rejection.to_dict() for rejection in found[offset:offset + limit]]}

    # -- writing (only with a token) --------------------------------------------------------------
    @app.post("/api/documents", summary="Analyse one document and store it (needs the "
                                        "server's --token as a bearer token)", status_code=201,
              dependencies=[_known_params()])
    async def add_document(request: Request) -> JSONResponse:
        if writer is None:
            return _error(403, "E254", "this server is read-only; start it with --token to "
                                       "accept documents")
        if not token_matches(request.headers.get("authorization"), token):
            return JSONResponse({"error": {"code": "E254", "message": "a valid bearer token "
                                 "is needed to write"}}, status_code=401,
                                headers={"www-authenticate": "Bearer"})
        try:
            record = json.loads(await request.body())
        except (ValueError, UnicodeDecodeError) as exc:
            raise ApiError(400, "E250", f"the body is not JSON: {exc}") from None
        summary = await writer.add(record)
        status = 201 if summary["stored"] else 200
        if summary["rejections"]:
            status = 422
        return JSONResponse(summary, status_code=status)

    return app


def guarded(app: FastAPI, limits: Limits | None = None) -> Guard:
    """``app`` behind the request limits and security headers (what `sitrep serve` runs)."""
    return Guard(app, limits or Limits())

