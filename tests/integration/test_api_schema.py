"""Property-based requests from the OpenAPI description (schemathesis): no request makes the server fail."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from api_database import build_database
from hypothesis import HealthCheck, given, settings

from sitrep.api import create_app
from sitrep.config import Settings

schemathesis = pytest.importorskip("schemathesis")


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> object:
    database: Path = build_database(tmp_path_factory)
    return create_app(Settings(), database, api_key="")


def test_no_request_gets_a_server_error(app: object) -> None:
    schema = schemathesis.openapi.from_asgi("/api/openapi.json", app)
    checked = []
    for result in schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy())
        @settings(max_examples=4, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def check(case: Any) -> None:
            response = case.call()
            assert response.status_code < 500 or response.status_code in (501, 503), response.text
            if response.status_code >= 400:
                assert set(response.json()["error"]) == {"status", "code", "message"}

        check()
        checked.append(operation.label)
    assert any("/api/events" in label for label in checked)
