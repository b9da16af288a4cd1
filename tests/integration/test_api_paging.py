"""Pages of /api/events on generated events: every page matches a plain sort of the matches, counted or not."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from sitrep.api import create_app
from sitrep.api.database import Database
from sitrep.config import Settings
from sitrep.store.writer import Store

EVENTS = 300
FIRST_DAY = date(2024, 1, 1)


def _day(i: int) -> date | None:
    # Every 17th event is undated; the rest fall on 40 days in an order unrelated to their ids. Event i is
    # corroborated by 1 + i % 4 publishers.
    return None if i % 17 == 0 else FIRST_DAY + timedelta(days=(i * 7) % 40)


def _span(i: int) -> int:
    return 3 if i % 5 == 0 else 0  # some events last several days


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("paging") / "paging.duckdb"
    with Store.open(db) as store:
        store.connection.execute(f"""
            INSERT INTO events SELECT
              printf('%04x', (i * 197) % {EVENTS}), 'doc-' || (i // 3),
              ['Battles', 'Protests', 'Riots'][1 + i % 3], NULL, 'ASSAULT', NULL,
              NULL, NULL, NULL, NULL, NULL, NULL,
              'Town ' || (i % 9), i % 9, 30 + (i % 9), 35 + (i % 7),
              ['SY', 'UA'][1 + i % 2], NULL, 'PPL', 1,
              CASE WHEN i % 17 = 0 THEN NULL ELSE DATE '{FIRST_DAY}' + CAST((i * 7) % 40 AS INTEGER) END,
              CASE WHEN i % 17 = 0 THEN NULL
                   ELSE DATE '{FIRST_DAY}' + CAST((i * 7) % 40 + CASE WHEN i % 5 = 0 THEN 3 ELSE 0 END AS INTEGER)
              END, 1, 0, ['asserted', 'claimed'][1 + i % 2], NULL, 0, 10, 'generated',
              json_object('event_id', printf('%04x', (i * 197) % {EVENTS}), 'n', i), 1 + i % 4, NULL
            FROM range({EVENTS}) t(i)""")
    return db


@pytest.fixture(scope="module")
def client(database: Path) -> TestClient:
    return TestClient(create_app(Settings(), database, api_key=""), raise_server_exceptions=False)


def _expected(**filters: Any) -> list[str]:
    """Event ids matching the filters, in the API's order (by start day, undated last, then id)."""
    rows = []
    for i in range(EVENTS):
        day = _day(i)
        country = "SY" if i % 2 == 0 else "UA"
        if "country" in filters and country != filters["country"]:
            continue
        if "since" in filters and (day is None or day + timedelta(days=_span(i)) < filters["since"]):
            continue
        if "until" in filters and (day is None or day > filters["until"]):
            continue
        if "certainty" in filters and ["asserted", "claimed"][i % 2] != filters["certainty"]:
            continue
        if "min_corroboration" in filters and 1 + i % 4 < filters["min_corroboration"]:
            continue
        rows.append((day is None, day or FIRST_DAY, f"{(i * 197) % EVENTS:04x}"))
    return [event_id for _, _, event_id in sorted(rows)]


def _page(client: TestClient, **params: Any) -> dict[str, Any]:
    response = client.get("/api/events", params=params)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/json"
    body: dict[str, Any] = response.json()
    return body


@pytest.mark.parametrize("filters", [
    {},
    {"country": "UA"},
    {"since": date(2024, 1, 10), "until": date(2024, 1, 20)},
    {"certainty": "claimed", "since": date(2024, 2, 5)},
    {"min_corroboration": 3},
    {"min_corroboration": 2, "country": "SY", "since": date(2024, 1, 15)},
])
@pytest.mark.parametrize("limit", [9, 100, 1000])
def test_pages_in_order_cover_every_match_once(client: TestClient, filters: dict[str, Any], limit: int) -> None:
    expected = _expected(**filters)
    for counted in (True, False):
        seen: list[str] = []
        offset: int | None = 0
        while offset is not None:
            body = _page(client, limit=limit, offset=offset, total=counted, **filters)
            assert body["total"] == (len(expected) if counted else None)
            assert body["offset"] == offset and body["limit"] == limit
            assert body["events"] or body["next_offset"] is None, "a page before the end holds events"
            seen += [event["event_id"] for event in body["events"]]
            offset = body["next_offset"]
        assert seen == expected


def test_records_come_back_as_stored(client: TestClient) -> None:
    body = _page(client, limit=2, offset=30)
    assert [set(event) for event in body["events"]] == [{"event_id", "n"}] * 2
    assert all(isinstance(event["n"], int) for event in body["events"])


def test_an_empty_page_still_says_whether_more_follow(client: TestClient) -> None:
    assert _page(client, limit=0)["next_offset"] == 0
    assert _page(client, limit=0, total=False)["next_offset"] == 0
    assert _page(client, limit=10, offset=EVENTS - 10, total=False)["next_offset"] is None
    beyond = _page(client, offset=EVENTS + 5)
    assert beyond["events"] == [] and beyond["next_offset"] is None and beyond["total"] == EVENTS


def test_remembered_counts_are_forgotten_when_the_writer_takes_the_file(database: Path) -> None:
    served = Database(database)
    computed: list[int] = []

    def count() -> int:
        computed.append(1)
        return len(computed)

    with served.read():
        assert served.remember("key", count) == 1
        assert served.remember("key", count) == 1
    with served.writing():
        pass
    with served.read():
        assert served.remember("key", count) == 2
    served.close()
