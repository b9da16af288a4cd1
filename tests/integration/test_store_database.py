"""The store on a real DuckDB file shared between processes: locking, and an ingest killed half-way."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from sitrep.errors import StoreError
from sitrep.store import Store, open_for_reading, query_events, table_counts

BUILDERS = Path(__file__).resolve().parents[1] / "unit"

# Writes 200 documents of 1-4 events each, printing each id once its transaction has committed.
WRITER = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, sys.argv[2])
    from datetime import date
    from sitrep.store import Store
    from store_builders import make_document, make_event, mentions_of

    with Store.open(sys.argv[1]) as store:
        store.start_run({"test": True})
        for i in range(200):
            document = make_document(f"doc-{i}", f"Report {i}: army and front clashed near Riverton.")
            events = [make_event(document, k, day=date(2024, 1, 1 + k)) for k in range(1 + i % 4)]
            store.write_document(document, events, mentions_of(document))
            print(document.id, flush=True)
        store.finish_run(counts={"documents": 200})
    """
)

HOLDER = textwrap.dedent(
    """
    import sys
    from sitrep.store import Store
    store = Store.open(sys.argv[1])
    print("open", flush=True)
    sys.stdin.read()
    store.close()
    """
)


def _expected_events(document_id: str) -> int:
    return 1 + int(document_id.split("-")[1]) % 4


def _assert_consistent(path: Path) -> int:
    """Every stored document has all its events and actor links; return how many documents are stored."""
    con = open_for_reading(path)
    try:
        per_document = dict(con.execute("SELECT document_id, count(*) FROM events GROUP BY 1").fetchall())
        documents = [row[0] for row in con.execute("SELECT id FROM documents").fetchall()]
        assert set(per_document) == set(documents)
        for document_id in documents:
            assert per_document[document_id] == _expected_events(document_id)
        links = con.execute("SELECT count(*) FROM event_actors").fetchone()[0]
        assert links == 3 * sum(per_document.values())
        mentions = con.execute("SELECT count(*) FROM place_mentions").fetchone()[0]
        assert mentions == 2 * len(documents)
        return len(documents)
    finally:
        con.close()


def test_an_ingest_killed_half_way_leaves_whole_documents_and_a_rerun_completes(tmp_path: Path) -> None:
    path = tmp_path / "killed.duckdb"
    process = subprocess.Popen([sys.executable, "-c", WRITER, str(path), str(BUILDERS)],
                               stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    for _ in range(20):
        assert process.stdout.readline().startswith("doc-")
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL

    stored = _assert_consistent(path)
    assert 20 <= stored < 200

    rerun = subprocess.run([sys.executable, "-c", WRITER, str(path), str(BUILDERS)],
                           capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    assert _assert_consistent(path) == 200
    con = open_for_reading(path)
    try:
        runs = con.execute("SELECT count(*), count(finished_at) FROM runs").fetchone()
        assert runs == (2, 1)  # the killed run stays unfinished
        assert len(query_events(con)) == sum(_expected_events(f"doc-{i}") for i in range(200))
    finally:
        con.close()


def test_a_database_held_by_another_process_gives_a_clear_store_error(tmp_path: Path) -> None:
    path = tmp_path / "held.duckdb"
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        with pytest.raises(StoreError, match="in use by another sitrep process"):
            Store.open(path)
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)
    with Store.open(path) as store:  # free again once the other process is done
        assert table_counts(store.connection)["schema_version"] == 1
