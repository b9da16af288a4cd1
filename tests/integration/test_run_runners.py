"""The process pool and a Dask LocalCluster store exactly what a single-process ingest stores."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest

from sitrep.config import load_settings
from sitrep.model import Document
from sitrep.read import read_documents
from sitrep.run.ingest import ingest
from sitrep.run.local import ingest_with_workers
from sitrep.run.synthetic import synthetic_documents

REPO_ROOT = Path(__file__).resolve().parents[2]
# Columns that say when or in which run a row was written: they differ between any two runs.
RUN_COLUMNS = {"ingested_at", "run_id", "at"}


def _documents() -> list[Document]:
    examples = [d for d in read_documents([str(REPO_ROOT / "examples")]) if isinstance(d, Document)]
    assert len(examples) >= 8
    return [*examples, *synthetic_documents(40)]


def database_content(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every table but `runs`, every column but the run stamps, rows sorted."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        tables = [row[0] for row in con.execute("SELECT table_name FROM information_schema.tables").fetchall()]
        content: dict[str, list[tuple[Any, ...]]] = {}
        for table in sorted(set(tables) - {"runs"}):
            columns = [row[0] for row in con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
                [table]).fetchall() if row[0] not in RUN_COLUMNS]  # fmt: skip
            quoted = ", ".join(f'"{c}"' for c in columns)
            rows = con.execute(f'SELECT {quoted} FROM "{table}"').fetchall()
            content[table] = sorted(rows, key=repr)
        return content
    finally:
        con.close()


@pytest.fixture(scope="module")
def documents() -> list[Document]:
    return _documents()


@pytest.fixture(scope="module")
def single_process_content(tmp_path_factory: pytest.TempPathFactory,
                           documents: list[Document]) -> dict[str, list[tuple[Any, ...]]]:  # fmt: skip
    path = tmp_path_factory.mktemp("single") / "single.duckdb"
    counts = ingest(documents, [], load_settings(), str(path))
    assert counts["stored"] == len(documents)
    content = database_content(path)
    assert len(content["events"]) > len(documents)  # the comparison has events, actors and places to compare
    assert content["actors"] and content["places"] and content["event_actors"]
    return content


@pytest.fixture(scope="module")
def dask_client() -> Iterator[Any]:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) \
            as cluster, distributed.Client(cluster) as client:  # fmt: skip
        yield client


def test_a_dask_local_cluster_stores_what_a_single_process_stores(
    tmp_path: Path, documents: list[Document], single_process_content: dict[str, list[tuple[Any, ...]]],
    dask_client: Any,
) -> None:
    from sitrep.run.cluster import ingest_on_cluster

    path = tmp_path / "dask.duckdb"
    counts = ingest_on_cluster(documents, [], load_settings(), str(path), dask_client, batch_size=8)
    assert counts["stored"] == len(documents)
    assert database_content(path) == single_process_content
    # both workers took part, each with its own loaded pipeline
    loaded = dask_client.run(lambda: len(__import__("sitrep.run.worker").run.worker._PIPELINES))
    assert sorted(loaded.values()) == [1, 1]


def test_two_local_workers_store_what_a_single_process_stores_and_a_rerun_changes_nothing(
    tmp_path: Path, documents: list[Document], single_process_content: dict[str, list[tuple[Any, ...]]],
) -> None:
    path = tmp_path / "pool.duckdb"
    settings = load_settings()
    counts = ingest_with_workers(documents, [], settings, str(path), workers=2, batch_size=8)
    assert counts["stored"] == len(documents)
    assert database_content(path) == single_process_content
    again = ingest_with_workers(documents, [], settings, str(path), workers=2, batch_size=8)
    assert again["stored"] == 0 and again["unchanged"] == len(documents)
    assert database_content(path) == single_process_content
