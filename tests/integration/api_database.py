"""A sitrep database for the API tests, built once per session from the founding article (or the examples)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.config import Settings
from sitrep.model import Document
from sitrep.read import read_documents
from sitrep.run.ingest import ingest

REPO_ROOT = Path(__file__).resolve().parents[2]
FOUNDING_ARTICLES = REPO_ROOT.parent / "shared" / "articles"
EXAMPLE_SOURCES = [REPO_ROOT / "examples" / "syria-levant-wire-2024-10-15.txt",
                   REPO_ROOT / "examples" / "syria-northwest-monitor-2024-10-15.html"]


def sources() -> list[Path]:
    """The founding article with two example reports that share events (so corroboration is tested)."""
    articles = sorted(FOUNDING_ARTICLES.glob("*.txt")) if FOUNDING_ARTICLES.is_dir() else []
    return [*articles, *EXAMPLE_SOURCES]


def build_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The database file, built on first use in the session's temporary folder and reused after."""
    db = tmp_path_factory.getbasetemp() / "api-database" / "sitrep.duckdb"
    if not db.exists():
        db.parent.mkdir(parents=True, exist_ok=True)
        documents = [item for item in read_documents([str(p) for p in sources()]) if isinstance(item, Document)]
        ingest(documents, [], Settings(), str(db))
    return db
