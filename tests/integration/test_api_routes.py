"""The HTTP API on a real database: filters, pages, event details, documents, errors, limits and ingest."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from api_database import REPO_ROOT, build_database
from fastapi.testclient import TestClient

from sitrep.api import create_app
from sitrep.api.errors import ApiError
from sitrep.config import Settings
from sitrep.model import Document
from sitrep.read import read_documents
from sitrep.run.ingest import ingest
from sitrep.store.queries import _run


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_database(tmp_path_factory)


@pytest.fixture(scope="module")
def client(database: Path) -> TestClient:
    return TestClient(create_app(Settings(), database, api_key=""), raise_server_exceptions=False)


def _events(client: TestClient, **params: Any) -> dict[str, Any]:
    response = client.get("/api/events", params=params)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def _assert_error(response: Any, status: int, code: str | None = None) -> None:
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["status"] == status and error["message"]
    if code:
        assert error["code"] == code


def test_dashboard_openapi_and_events_answer(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "leaflet" in page.text
    schema = client.get("/api/openapi.json").json()
    assert "/api/events" in schema["paths"] and "/api/events/{event_id}" in schema["paths"]
    body = _events(client)
    assert body["total"] >= 5 and len(body["events"]) == min(body["total"], 100)
    assert {"event_id", "evidence", "location", "certainty"} <= set(body["events"][0])


def test_pages_follow_each_other_without_overlap(client: TestClient) -> None:
    total = _events(client)["total"]
    first = _events(client, limit=3)
    second = _events(client, limit=3, offset=3)
    assert first["next_offset"] == 3
    ids = [e["event_id"] for e in first["events"] + second["events"]]
    assert len(set(ids)) == len(ids) == min(6, total)


def test_filters_narrow_the_events(client: TestClient) -> None:
    everything = _events(client, limit=1000)["events"]
    syria = _events(client, country="SY", limit=1000)["events"]
    assert syria and all(e["location"]["country_code"] == "SY" for e in syria)
    # A box around north-western Syria holds Idlib's events and nothing outside it.
    boxed = _events(client, bbox="35.5,35.0,37.5,37.0", limit=1000)["events"]
    assert boxed and all(35.5 <= e["location"]["longitude"] <= 37.5 for e in boxed)
    assert len(boxed) < len(everything)
    claimed = _events(client, certainty=["claimed", "denied"], limit=1000)["events"]
    assert all(e["certainty"] in ("claimed", "denied") for e in claimed)
    actor = next(e["actor1"] for e in everything if e["actor1"])
    by_actor = _events(client, actor=actor["name"].upper(), limit=1000)["events"]
    assert by_actor and all(actor["id"] in {(e["actor1"] or {}).get("id"), (e["actor2"] or {}).get("id")}
                            | {a["id"] for a in e["assoc_actor1"] + e["assoc_actor2"]} for e in by_actor)
    dated = sorted(e["date_start"] for e in everything if e["date_start"])
    late = _events(client, since=dated[-1], limit=1000)["events"]
    assert late and all((e["date_end"] or e["date_start"]) >= dated[-1] for e in late)


@pytest.fixture(scope="module")
def fused_client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    """A database of the Darfur examples, ingested for real: fusion finds one happening three publishers tell."""
    examples = REPO_ROOT / "examples"
    paths = [examples / "darfur-red-sea-herald-2025-05-14.txt", examples / "darfur-sahel-post-2025-05-13.txt",
             examples / "wires-2024-2025.jsonl"]
    db = tmp_path_factory.mktemp("fused") / "sitrep.duckdb"
    documents = [item for item in read_documents([str(p) for p in paths]) if isinstance(item, Document)]
    ingest(documents, [], Settings(), str(db))
    return TestClient(create_app(Settings(), db, api_key=""), raise_server_exceptions=False)


def _cluster_corroboration(client: TestClient) -> dict[str, int]:
    """Each stored event's fused corroboration, read from the cluster tables (1 when in no cluster)."""
    with client.app.state.database.read() as con:  # type: ignore[attr-defined]
        rows = _run(con, "SELECT e.event_id, coalesce(c.corroboration, 1) FROM events e LEFT JOIN cluster_members m "
                         "USING (event_id) LEFT JOIN clusters c USING (cluster_id)", [])
    return {event_id: int(corroboration) for event_id, corroboration in rows}


def test_min_corroboration_keeps_events_whose_fused_cluster_enough_publishers_report(
        fused_client: TestClient) -> None:
    corroboration = _cluster_corroboration(fused_client)
    corroborated = _events(fused_client, min_corroboration=2, limit=1000)
    assert corroborated["events"], "the Darfur examples tell one happening from three publishers"
    assert sorted(e["event_id"] for e in corroborated["events"]) == sorted(
        event_id for event_id, count in corroboration.items() if count >= 2)
    assert corroborated["total"] == len(corroborated["events"]) < len(corroboration)
    top = max(corroboration.values())
    assert len(_events(fused_client, min_corroboration=top, limit=1000)["events"]) >= 1
    assert _events(fused_client, min_corroboration=top + 1, limit=1000)["total"] == 0
    assert _events(fused_client, min_corroboration=1, limit=1000)["total"] == len(corroboration)
    detail = fused_client.get(f"/api/events/{corroborated['events'][0]['event_id']}").json()
    assert detail["corroboration"] == top >= 2
    assert len({m["document_id"] for m in detail["mentions"]}) == len(detail["sources"]) >= 2


def test_corroborated_pages_of_one_follow_the_order_of_the_whole_list(fused_client: TestClient) -> None:
    whole = [e["event_id"] for e in _events(fused_client, min_corroboration=2, limit=1000)["events"]]
    pages = [_events(fused_client, min_corroboration=2, limit=1, offset=offset, total="false")
             for offset in range(len(whole) + 1)]
    assert [e["event_id"] for page in pages for e in page["events"]] == whole
    assert pages[-2]["next_offset"] is None and pages[0]["next_offset"] == 1


def test_an_event_no_one_else_reports_has_corroboration_one(fused_client: TestClient) -> None:
    alone = next(event_id for event_id, count in _cluster_corroboration(fused_client).items() if count == 1)
    detail = fused_client.get(f"/api/events/{alone}").json()
    assert detail["corroboration"] == 1 and detail["event"]["event_id"] == alone


def test_event_detail_gives_mentions_sources_and_evidence_offsets(client: TestClient) -> None:
    event = _events(client, limit=1)["events"][0]
    detail = client.get(f"/api/events/{event['event_id']}").json()
    assert detail["event"] == event
    document = client.get(f"/api/documents/{event['document_id']}").json()
    text = document["document"]["text"]
    for evidence in detail["evidence"]:
        if evidence["document_id"] == event["document_id"]:
            assert text[evidence["start"]:evidence["end"]] == evidence["sentence"]
    assert any(span["event_id"] == event["event_id"] for span in document["spans"])


def test_places_and_actors_list_what_events_mention(client: TestClient) -> None:
    places = client.get("/api/places").json()["places"]
    actors = client.get("/api/actors").json()["actors"]
    assert places and places[0]["events"] >= places[-1]["events"] >= 0
    assert actors and actors[0]["events"] >= 1


@pytest.mark.parametrize("path, status", [
    ("/api/events?limit=1001", 422),
    ("/api/events?since=yesterday", 422),
    ("/api/events?bbox=1,2,3", 422),
    ("/api/events?format=xml", 422),
    ("/api/events/0000000000000000", 404),
    ("/api/documents/no-such-document", 404),
    ("/api/no-such-route", 404),
])
def test_every_failure_has_the_one_error_shape(client: TestClient, path: str, status: int) -> None:
    _assert_error(client.get(path), status)


def test_fusion_routes_answer_or_say_they_are_missing(client: TestClient) -> None:
    features = client.get("/api/meta").json()["features"]
    response = client.get("/api/control", params={"as_of": "2024-12-07"})
    if features["control"]:
        assert response.status_code == 200 and isinstance(response.json(), list)
    else:
        _assert_error(response, 501, "not_implemented")


def test_a_missing_database_is_503_not_a_crash(tmp_path: Path) -> None:
    client = TestClient(create_app(Settings(), tmp_path / "none.duckdb"), raise_server_exceptions=False)
    _assert_error(client.get("/api/events"), 503, "no_database")


def test_a_slow_query_is_interrupted(database: Path) -> None:
    app = create_app(Settings(), database, query_timeout=0.05)
    # A cross join large enough to outlast the limit many times over.
    with pytest.raises(ApiError) as caught, app.state.database.read() as con:
        _run(con, "SELECT count(*) FROM range(100000000) a, range(1000) b WHERE a.range + b.range = -1", [])
    assert caught.value.status == 503 and caught.value.code == "query_timeout"
    # The connection was closed and the lock released: the next request is answered.
    assert TestClient(app).get("/api/meta").status_code == 200


def test_ingest_is_off_without_a_key_and_needs_the_right_key(database: Path, tmp_path: Path) -> None:
    document = {"id": "api-doc-1", "published": "2024-03-05",
                "text": "Army troops clashed with rebels in Homs on Monday, killing four fighters."}
    off = TestClient(create_app(Settings(), database, api_key=""), raise_server_exceptions=False)
    _assert_error(off.post("/api/documents", json=document), 403, "ingest_disabled")
    db = tmp_path / "ingest.duckdb"
    on = TestClient(create_app(Settings(), db, api_key="s3cret"), raise_server_exceptions=False)
    _assert_error(on.post("/api/documents", json=document, headers={"X-API-Key": "wrong"}), 401, "unauthorized")
    response = on.post("/api/documents", json=document, headers={"Authorization": "Bearer s3cret"})
    assert response.status_code == 201, response.text
    assert response.json()["counts"]["stored"] == 1
    stored = on.get("/api/documents/api-doc-1").json()
    assert stored["document"]["text"] == document["text"] and stored["spans"]
