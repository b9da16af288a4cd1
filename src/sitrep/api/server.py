"""`sitrep serve`: run the API and the dashboard with uvicorn."""

from __future__ import annotations

import sys
from pathlib import Path

from sitrep.api.app import create_app
from sitrep.config import Settings
from sitrep.errors import StoreError


def serve(settings: Settings, db: str | Path | None = None, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve database `db` (default: [store] db) until interrupted."""
    import uvicorn

    path = Path(db or settings.store.db)
    if not path.exists():
        raise StoreError(f"{path}: no database here; run `sitrep ingest` first or pass --db")
    app = create_app(settings, path)
    print(f"sitrep: serving {path} at http://{host}:{port}/ (API under /api/, Ctrl-C stops)", file=sys.stderr)
    uvicorn.run(app, host=host, port=port, log_level="warning")
