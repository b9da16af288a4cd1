"""Event records as a Parquet file with typed, nested columns, written by DuckDB (no other dependency)."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import duckdb

from sitrep.errors import StoreError

_ACTOR = "STRUCT(name VARCHAR, id VARCHAR, type VARCHAR, country VARCHAR, text VARCHAR)"
# The contract record, field by field: reading the file back gives the same records.
PARQUET_COLUMNS: dict[str, str] = {
    "event_id": "VARCHAR",
    "document_id": "VARCHAR",
    "event_type": "VARCHAR",
    "sub_event_type": "VARCHAR",
    "plover_type": "VARCHAR",
    "plover_mode": "VARCHAR",
    "actor1": _ACTOR,
    "actor2": _ACTOR,
    "assoc_actor1": f"{_ACTOR}[]",
    "assoc_actor2": f"{_ACTOR}[]",
    "location": "STRUCT(name VARCHAR, geonameid BIGINT, latitude DOUBLE, longitude DOUBLE, country_code VARCHAR, "
                "admin1 VARCHAR, feature_code VARCHAR, text VARCHAR)",
    "geo_precision": "INTEGER",
    "date_start": "DATE",
    "date_end": "DATE",
    "time_precision": "INTEGER",
    "fatalities": "INTEGER",
    "certainty": "VARCHAR",
    "attribution": "VARCHAR",
    "evidence": 'STRUCT(sentence VARCHAR, start INTEGER, "end" INTEGER)',
    "trigger": 'STRUCT(text VARCHAR, start INTEGER, "end" INTEGER)',
    "summary": "VARCHAR",
    "document": "STRUCT(title VARCHAR, url VARCHAR, publisher VARCHAR, published VARCHAR)",
}


def _columns_sql() -> str:
    return "{" + ", ".join(f"'{name}': '{kind}'" for name, kind in PARQUET_COLUMNS.items()) + "}"


def write_parquet(records: Iterable[dict[str, Any]], path: str | Path) -> int:
    """Write the records to a Parquet file (zstd) at `path`; return how many were written."""
    with tempfile.TemporaryDirectory(prefix="sitrep-parquet-") as folder:
        lines = Path(folder) / "events.jsonl"
        count = 0
        with lines.open("w", encoding="utf-8") as stream:
            for record in records:
                stream.write(json.dumps({name: record.get(name) for name in PARQUET_COLUMNS}) + "\n")
                count += 1
        con = duckdb.connect(":memory:")
        try:
            source = (f"read_json('{_quoted(lines)}', format = 'newline_delimited', "
                      f"columns = {_columns_sql()})")
            if count == 0:
                source = f"(SELECT * FROM {source} LIMIT 0)"
            con.execute(f"COPY (SELECT * FROM {source}) TO '{_quoted(Path(path))}' "
                        "(FORMAT parquet, COMPRESSION zstd)")
        except duckdb.Error as exc:
            raise StoreError(f"cannot write Parquet to {path} ({exc})") from exc
        finally:
            con.close()
    return count


def parquet_bytes(records: Iterable[dict[str, Any]]) -> bytes:
    """The Parquet file of the records, in memory (for HTTP responses and streams)."""
    with tempfile.TemporaryDirectory(prefix="sitrep-parquet-") as folder:
        target = Path(folder) / "events.parquet"
        write_parquet(records, target)
        return target.read_bytes()


def read_parquet(path: str | Path) -> list[dict[str, Any]]:
    """Records of a Parquet file written by `write_parquet`, dates as ISO strings; its inverse."""
    con = duckdb.connect(":memory:")
    try:
        cursor = con.execute(f"SELECT * FROM read_parquet('{_quoted(Path(path))}')")
        names = [column[0] for column in cursor.description or ()]
        rows = cursor.fetchall()
    except duckdb.Error as exc:
        raise StoreError(f"cannot read Parquet file {path} ({exc})") from exc
    finally:
        con.close()
    return [{name: _plain(value) for name, value in zip(names, row, strict=True)} for row in rows]


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _plain(inner) for key, inner in value.items()}
    if isinstance(value, list):
        return [_plain(inner) for inner in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _quoted(path: Path) -> str:
    # A path is spliced into SQL (COPY takes no parameters): double any single quote.
    return str(path).replace("'", "''")
