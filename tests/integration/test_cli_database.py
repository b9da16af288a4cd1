"""Database files sitrep cannot use, passed to --db: one clear error line, exit 1 or 2, the file untouched."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import Completed, run_sitrep_in

# Written for these tests: a report that would be stored if the database were usable.
REPORT = "By Staff Reporter, October 16, 2024\n\nGovernment forces shelled the town of Saraqib on Tuesday.\n"


def _random_bytes(path: Path) -> None:
    # A fixed pattern rather than os.urandom: the same bytes on every run.
    path.write_bytes(bytes((i * 7919 + 13) % 256 for i in range(64 * 1024)))


def _text_file(path: Path) -> None:
    path.write_text("id,name\n1,not a database\n", encoding="utf-8")


def _duckdb_header_then_garbage(path: Path) -> None:
    # Looks like DuckDB at first glance (magic bytes at offset 8), then nothing usable.
    path.write_bytes(b"\x00" * 8 + b"DUCK" + b"\xff" * 20_000)


def _not_sitrep(path: Path) -> None:
    import duckdb

    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE birds (name VARCHAR)")
    con.close()


def _truncated_sitrep_database(path: Path) -> None:
    from sitrep.store import Store

    Store.open(path).close()
    with path.open("r+b") as stream:
        stream.truncate(path.stat().st_size // 3)


CORRUPTIONS: dict[str, Callable[[Path], None]] = {
    "random bytes": _random_bytes,
    "a text file": _text_file,
    "a DuckDB header then garbage": _duckdb_header_then_garbage,
    "a DuckDB file that sitrep did not create": _not_sitrep,
    "a truncated sitrep database": _truncated_sitrep_database,
}


def assert_one_clear_error(result: Completed, db_name: str) -> None:
    assert result.returncode in (1, 2), result.describe()
    assert "Traceback" not in result.stderr, result.describe()
    lines = result.stderr_lines()
    assert len(lines) == 1, result.stderr
    assert db_name in lines[0] and "error" in lines[0].lower(), lines[0]
    assert result.stdout == ""


@pytest.mark.parametrize("corruption", list(CORRUPTIONS))
def test_events_on_an_unusable_database_gives_one_error_line(tmp_path: Path, corruption: str) -> None:
    db = tmp_path / "broken.duckdb"
    CORRUPTIONS[corruption](db)
    before = db.read_bytes()
    result = run_sitrep_in(tmp_path)("events", "--db", db.name)
    assert_one_clear_error(result, db.name)
    assert db.read_bytes() == before, "reading must not change the file"


@pytest.mark.parametrize("corruption", ["random bytes", "a text file"])
def test_ingest_into_a_corrupt_database_refuses_and_leaves_the_file_alone(
    tmp_path: Path, corruption: str
) -> None:
    db = tmp_path / "broken.duckdb"
    CORRUPTIONS[corruption](db)
    before = db.read_bytes()
    (tmp_path / "report.txt").write_text(REPORT, encoding="utf-8")
    result = run_sitrep_in(tmp_path)("ingest", "report.txt", "--db", db.name)
    assert_one_clear_error(result, db.name)
    assert db.read_bytes() == before, "a file that is not our database must not be overwritten"
    assert sorted(os.listdir(tmp_path)) == ["broken.duckdb", "report.txt"], "no stray files left behind"


def test_events_on_a_missing_database_says_to_ingest_first(tmp_path: Path) -> None:
    result = run_sitrep_in(tmp_path)("events", "--db", "nowhere.duckdb")
    assert_one_clear_error(result, "nowhere.duckdb")
    assert not (tmp_path / "nowhere.duckdb").exists(), "a query must not create a database"
