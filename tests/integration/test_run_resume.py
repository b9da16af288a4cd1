"""An ingest killed with SIGKILL half-way resumes on rerun: every document stored once, the database whole."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from sitrep.run.synthetic import synthetic_object
from sitrep.store import open_for_reading

COUNT = 90
# Ingests a .jsonl through the reader and the runner, printing one line per document handled.
INGEST = textwrap.dedent(
    """
    import sys
    from sitrep.config import load_settings
    from sitrep.model import Rejection
    from sitrep.read import read_documents
    from sitrep.run.ingest import ingest

    rejections = []
    def documents():
        for item in read_documents([sys.argv[1]]):
            if isinstance(item, Rejection):
                rejections.append(item)
            else:
                yield item
    counts = ingest(documents(), rejections, load_settings(), sys.argv[2], progress=lambda n: print("done", flush=True))
    print("counts", counts["stored"], counts["unchanged"], flush=True)
    """
)


def _ingest(source: Path, db: Path) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SITREP_")}
    return subprocess.Popen([sys.executable, "-c", INGEST, str(source), str(db)], stdout=subprocess.PIPE,
                            text=True, env=env)  # fmt: skip


def test_a_killed_ingest_reruns_to_every_document_stored_once(tmp_path: Path) -> None:
    source = tmp_path / "reports.jsonl"
    source.write_text("".join(json.dumps(synthetic_object(i)) + "\n" for i in range(COUNT)), encoding="utf-8")
    db = tmp_path / "resume.duckdb"

    first = _ingest(source, db)
    assert first.stdout is not None
    for _ in range(10):
        assert first.stdout.readline().strip() == "done"
    os.kill(first.pid, signal.SIGKILL)
    first.wait(timeout=30)
    assert first.returncode == -signal.SIGKILL

    con = open_for_reading(db)
    try:
        stored_before = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    finally:
        con.close()
    assert 10 <= stored_before < COUNT

    second = _ingest(source, db)
    out, _ = second.communicate(timeout=180)
    assert second.returncode == 0
    stored, unchanged = map(int, out.strip().splitlines()[-1].split()[1:])
    assert (stored, unchanged) == (COUNT - stored_before, stored_before)  # the rerun only did what was left

    con = open_for_reading(db)
    try:
        ids = [row[0] for row in con.execute("SELECT id FROM documents").fetchall()]
        assert sorted(ids) == sorted(f"synthetic-{i}" for i in range(COUNT))  # each once
        orphans = con.execute(
            "SELECT (SELECT count(*) FROM events WHERE document_id NOT IN (SELECT id FROM documents)),"
            " (SELECT count(*) FROM event_actors WHERE event_id NOT IN (SELECT event_id FROM events)),"
            " (SELECT count(*) FROM place_mentions WHERE document_id NOT IN (SELECT id FROM documents))"
        ).fetchone()
        assert orphans == (0, 0, 0)
        documents_with_events = con.execute("SELECT count(DISTINCT document_id) FROM events").fetchone()[0]
        assert documents_with_events > COUNT // 2
        runs = con.execute("SELECT count(*), count(finished_at) FROM runs").fetchone()
        assert runs == (2, 1)  # the killed run stays recorded as unfinished
    finally:
        con.close()
