"""One corroboration everywhere: the events rows, `event_corroboration`, /api/events/{id} and `sitrep events`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from api_database import REPO_ROOT
from fastapi.testclient import TestClient

from sitrep.api import create_app
from sitrep.cli import main
from sitrep.config import Settings
from sitrep.model import Document
from sitrep.read import read_documents
from sitrep.run.ingest import ingest
from sitrep.store import open_for_reading
from sitrep.store.queries import EventQuery, event_corroboration, search_events


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Darfur examples, ingested in two runs so the second run's fusion rewrites clusters of the first."""
    examples = REPO_ROOT / "examples"
    db = tmp_path_factory.mktemp("corroboration") / "sitrep.duckdb"
    for paths in ([examples / "darfur-red-sea-herald-2025-05-14.txt"],
                  [examples / "darfur-sahel-post-2025-05-13.txt", examples / "wires-2024-2025.jsonl"]):
        documents = [item for item in read_documents([str(p) for p in paths]) if isinstance(item, Document)]
        ingest(documents, [], Settings(), str(db))
    return db


def test_rows_queries_api_and_fused_output_agree(database: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["events", "--db", str(database), "--format", "jsonl"]) == 0
    fused = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    of_mention = {mention["event_id"]: record["corroboration"] for record in fused for mention in record["mentions"]}
    assert max(of_mention.values()) >= 2, "the Darfur examples tell one happening from several publishers"
    con = open_for_reading(database)
    try:
        rows = dict(con.execute("SELECT event_id, corroboration FROM events").fetchall())
        assert set(of_mention) == set(rows), "every stored event is a mention of one fused event"
        assert rows == of_mention
        assert all(event_corroboration(con, event_id) == count for event_id, count in rows.items())
        corroborated = {r["event_id"] for r in search_events(con, EventQuery(min_corroboration=2))}
    finally:
        con.close()
    assert corroborated == {event_id for event_id, count in rows.items() if count >= 2}
    client = TestClient(create_app(Settings(), database, api_key=""))
    for event_id, count in rows.items():
        assert client.get(f"/api/events/{event_id}").json()["corroboration"] == count
