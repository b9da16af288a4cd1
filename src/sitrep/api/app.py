"""The FastAPI application: the JSON API under /api/ and the dashboard's static files at /."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from sitrep import __version__
from sitrep.api import ingest, routes
from sitrep.api.database import Database
from sitrep.api.errors import ERROR_SCHEMA, install_error_handlers
from sitrep.config import Settings

DEFAULT_QUERY_TIMEOUT = 10.0


def _section_value(settings: Settings, section: str, key: str, default: object) -> object:
    # [api] and [web] are optional sections: a Settings without them keeps the defaults.
    return getattr(getattr(settings, section, None), key, default)


def api_key_of(settings: Settings) -> str:
    """The key that turns on POST /api/documents: $SITREP_API_KEY, else [api] key; empty means off."""
    return os.environ.get("SITREP_API_KEY") or str(_section_value(settings, "api", "key", "") or "")


def web_directory() -> Path:
    """The dashboard's static files, shipped inside the package."""
    return Path(str(resources.files("sitrep").joinpath("web")))


def create_app(settings: Settings, db: str | Path, *, api_key: str | None = None,
               query_timeout: float | None = None) -> FastAPI:
    """The app serving database `db`. `api_key` (default: from settings and environment) enables ingest."""
    app = FastAPI(
        title="sitrep",
        version=__version__,
        description="Events extracted from news about armed conflict: sourced, geolocated, dated.",
        openapi_url="/api/openapi.json",
        docs_url="/api/docs",
        redoc_url=None,
        responses={status: {"description": "error", "content": {"application/json": {"schema": ERROR_SCHEMA}}}
                   for status in (400, 404, 422, 500, 503)},
    )
    timeout = query_timeout or float(_section_value(settings, "api", "query_timeout",  # type: ignore[arg-type]
                                                    DEFAULT_QUERY_TIMEOUT))
    app.state.database = Database(db, query_timeout=timeout)
    app.state.settings = settings
    app.state.api_key = api_key if api_key is not None else api_key_of(settings)
    app.state.tiles = str(_section_value(settings, "web", "tiles", "") or "")
    install_error_handlers(app)
    app.include_router(routes.router)
    app.include_router(ingest.router)
    app.mount("/", StaticFiles(directory=web_directory(), html=True), name="dashboard")
    return app
