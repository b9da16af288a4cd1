"""The HTTP API (FastAPI) and the dashboard it serves: `create_app` for tests, `serve` for `sitrep serve`."""

from sitrep.api.app import create_app
from sitrep.api.server import serve

__all__ = ["create_app", "serve"]
