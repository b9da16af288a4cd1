"""The DuckDB schema: table definitions, the schema version, and opening a database file safely."""

from __future__ import annotations

from pathlib import Path

import duckdb

from sitrep.errors import StoreError

# 2: `events.corroboration`, the event's fused cluster's corroboration, kept by the fusion refresh.
# 3: `events.assoc_actor_ids`, the ids of the actors associated with either side (ACLED's assoc_actor_1/2).
SCHEMA_VERSION = 3

# Every table a store holds, in the order they are created (and the order counts are reported).
TABLES: tuple[str, ...] = (
    "schema_version",
    "runs",
    "documents",
    "events",
    "actors",
    "event_actors",
    "places",
    "place_mentions",
    "rejections",
    "clusters",
    "cluster_members",
)

# The columns of an events row the writer supplies, in table order; the rest have defaults and are kept by
# the fusion refresh (`corroboration`: how many independent publishers report the event's fused cluster, 1
# while the event is in no cluster), so a corroboration filter is a plain column predicate in the scan.
EVENT_ROW_COLUMNS: tuple[str, ...] = (
    "event_id", "document_id", "event_type", "sub_event_type", "plover_type", "plover_mode",
    "actor1_id", "actor1_name", "actor1_type", "actor2_id", "actor2_name", "actor2_type",
    "location_name", "geonameid", "latitude", "longitude", "country_code", "admin1", "feature_code",
    "geo_precision", "date_start", "date_end", "time_precision", "fatalities", "certainty", "attribution",
    "evidence_start", "evidence_end", "summary", "record", "assoc_actor_ids",
)

_EVENTS_DOCUMENT_INDEX = "CREATE INDEX IF NOT EXISTS events_document ON events (document_id)"

# `documents.revision` fingerprints a document together with everything derived from it, so that writing
# the same output again can be recognised and skipped without touching a row.
DDL: tuple[str, ...] = (
    """
    CREATE TABLE IF NOT EXISTS schema_version (
        version INTEGER NOT NULL
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS runs (
        run_id VARCHAR PRIMARY KEY,
        started_at TIMESTAMP NOT NULL,
        finished_at TIMESTAMP,
        config JSON,
        counts JSON
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS documents (
        id VARCHAR PRIMARY KEY,
        content_hash VARCHAR NOT NULL,
        revision VARCHAR NOT NULL,
        title VARCHAR,
        url VARCHAR,
        publisher VARCHAR,
        published DATE,
        author VARCHAR,
        origin VARCHAR,
        text VARCHAR NOT NULL,
        ingested_at TIMESTAMP NOT NULL,
        run_id VARCHAR
    )
    """,
    "CREATE INDEX IF NOT EXISTS documents_content_hash ON documents (content_hash)",
    """
    CREATE TABLE IF NOT EXISTS events (
        event_id VARCHAR PRIMARY KEY,
        document_id VARCHAR NOT NULL,
        event_type VARCHAR,
        sub_event_type VARCHAR,
        plover_type VARCHAR NOT NULL,
        plover_mode VARCHAR,
        actor1_id VARCHAR,
        actor1_name VARCHAR,
        actor1_type VARCHAR,
        actor2_id VARCHAR,
        actor2_name VARCHAR,
        actor2_type VARCHAR,
        location_name VARCHAR,
        geonameid BIGINT,
        latitude DOUBLE,
        longitude DOUBLE,
        country_code VARCHAR,
        admin1 VARCHAR,
        feature_code VARCHAR,
        geo_precision INTEGER,
        date_start DATE,
        date_end DATE,
        time_precision INTEGER,
        fatalities INTEGER,
        certainty VARCHAR NOT NULL,
        attribution VARCHAR,
        evidence_start INTEGER NOT NULL,
        evidence_end INTEGER NOT NULL,
        summary VARCHAR,
        record JSON NOT NULL,
        corroboration INTEGER NOT NULL DEFAULT 1,
        assoc_actor_ids VARCHAR[]
    )
    """,
    _EVENTS_DOCUMENT_INDEX,
    """
    CREATE TABLE IF NOT EXISTS actors (
        id VARCHAR PRIMARY KEY,
        name VARCHAR NOT NULL,
        type VARCHAR NOT NULL,
        country VARCHAR
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS event_actors (
        event_id VARCHAR NOT NULL,
        actor_id VARCHAR NOT NULL,
        role VARCHAR NOT NULL,
        text VARCHAR,
        start INTEGER,
        "end" INTEGER
    )
    """,
    "CREATE INDEX IF NOT EXISTS event_actors_event ON event_actors (event_id)",
    """
    CREATE TABLE IF NOT EXISTS places (
        geonameid BIGINT PRIMARY KEY,
        name VARCHAR NOT NULL,
        lat DOUBLE NOT NULL,
        lon DOUBLE NOT NULL,
        country_code VARCHAR,
        admin1 VARCHAR,
        feature_code VARCHAR
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS place_mentions (
        document_id VARCHAR NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text VARCHAR NOT NULL,
        geonameid BIGINT,
        score DOUBLE
    )
    """,
    "CREATE INDEX IF NOT EXISTS place_mentions_document ON place_mentions (document_id)",
    """
    CREATE TABLE IF NOT EXISTS rejections (
        source VARCHAR NOT NULL,
        line INTEGER,
        reason VARCHAR NOT NULL,
        run_id VARCHAR,
        "at" TIMESTAMP NOT NULL
    )
    """,
    # Fused events (sitrep.fuse): one row per cluster with its fused record, and the mention -> cluster map.
    # Both are maintained by the writer in the same transaction as the document that changed them.
    """
    CREATE TABLE IF NOT EXISTS clusters (
        cluster_id VARCHAR PRIMARY KEY,
        component_id VARCHAR NOT NULL,
        event_type VARCHAR,
        sub_event_type VARCHAR,
        country_code VARCHAR,
        date_start DATE,
        date_end DATE,
        mentions INTEGER NOT NULL,
        corroboration INTEGER NOT NULL,
        record JSON NOT NULL
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS cluster_members (
        event_id VARCHAR PRIMARY KEY,
        cluster_id VARCHAR NOT NULL,
        component_id VARCHAR NOT NULL
    )
    """,
    "CREATE INDEX IF NOT EXISTS cluster_members_component ON cluster_members (component_id)",
)


def connect(path: str | Path, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open a DuckDB file, turning every way that can fail into a StoreError a user can act on."""
    file = Path(path)
    if read_only and not file.exists():
        raise StoreError(f"{file}: no database here; run `sitrep ingest` first or pass --db")
    if file.is_dir():
        raise StoreError(f"{file}: is a directory, not a database file")
    if not file.parent.exists():
        raise StoreError(f"{file}: folder {file.parent} does not exist")
    try:
        con = duckdb.connect(str(file), read_only=read_only)
    except duckdb.IOException as exc:
        message = str(exc)
        if "not a valid DuckDB database" in message:
            raise StoreError(f"{file}: not a DuckDB database; choose another file with --db") from exc
        if "lock" in message.lower():
            raise StoreError(
                f"{file}: database is in use by another sitrep process; wait for it to finish"
            ) from exc
        raise StoreError(f"{file}: cannot open database ({message})") from exc
    except duckdb.Error as exc:
        raise StoreError(f"{file}: cannot open database ({exc})") from exc
    # Otherwise DuckDB resolves an unknown table name to a Python variable of that name in the caller.
    con.execute("SET python_enable_replacements = false")
    return con


def _column_exists(con: duckdb.DuckDBPyConnection, table: str, column: str) -> bool:
    row = con.execute("SELECT count(*) FROM information_schema.columns WHERE table_name = ? AND column_name = ?",
                      [table, column]).fetchone()
    return bool(row and row[0])


def _add_event_corroboration(con: duckdb.DuckDBPyConnection) -> None:
    """Upgrade a version 1 database: the events' corroboration column, filled from the stored clusters."""
    if not _column_exists(con, "events", "corroboration"):
        # DuckDB refuses to add a NOT NULL column to a table another index depends on: drop it meanwhile.
        con.execute("DROP INDEX IF EXISTS events_document")
        con.execute("ALTER TABLE events ADD COLUMN corroboration INTEGER NOT NULL DEFAULT 1")
        con.execute(_EVENTS_DOCUMENT_INDEX)
    con.execute("UPDATE events SET corroboration = c.corroboration FROM cluster_members m "
                "JOIN clusters c USING (cluster_id) WHERE m.event_id = events.event_id "
                "AND events.corroboration <> c.corroboration")


def _add_assoc_actor_ids(con: duckdb.DuckDBPyConnection) -> None:
    """Upgrade a version 1 or 2 database: the events' associated actor ids, filled from `event_actors`."""
    if not _column_exists(con, "events", "assoc_actor_ids"):
        con.execute("ALTER TABLE events ADD COLUMN assoc_actor_ids VARCHAR[]")
    con.execute("UPDATE events SET assoc_actor_ids = a.ids FROM (SELECT event_id, list(DISTINCT actor_id) AS ids "
                "FROM event_actors WHERE role IN ('assoc_actor1', 'assoc_actor2') GROUP BY event_id) a "
                "WHERE a.event_id = events.event_id")


def create_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create missing tables, upgrade an older sitrep's database and record the schema version; refuse a
    database from a newer sitrep."""
    con.begin()
    try:
        for statement in DDL:
            con.execute(statement)
        row = con.execute("SELECT max(version) FROM schema_version").fetchone()
        stored = row[0] if row else None
        if stored is None:
            con.execute("INSERT INTO schema_version VALUES (?)", [SCHEMA_VERSION])
        elif stored < SCHEMA_VERSION:
            if stored < 2:
                _add_event_corroboration(con)
            _add_assoc_actor_ids(con)
            con.execute("UPDATE schema_version SET version = ?", [SCHEMA_VERSION])
        con.commit()
    except duckdb.Error as exc:
        con.rollback()
        raise StoreError(f"cannot create the database schema ({exc})") from exc
    if stored is not None and stored > SCHEMA_VERSION:
        raise StoreError(
            f"database schema version {stored} is newer than this sitrep understands ({SCHEMA_VERSION}); "
            "upgrade sitrep"
        )


def schema_version(con: duckdb.DuckDBPyConnection) -> int | None:
    """The schema version stored in the database, or None for a database sitrep did not create."""
    tables = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
    ).fetchone()
    if not tables or tables[0] == 0:
        return None
    row = con.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0]) if row and row[0] is not None else None


def open_for_reading(path: str | Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection to a database sitrep created, for queries, the API and exports."""
    con = connect(path, read_only=True)
    version = schema_version(con)
    if version is None:
        con.close()
        raise StoreError(f"{path}: not a sitrep database (no schema version); ingest into a new file")
    if version > SCHEMA_VERSION:
        con.close()
        raise StoreError(
            f"{path}: database schema version {version} is newer than this sitrep understands "
            f"({SCHEMA_VERSION}); upgrade sitrep"
        )
    if version < SCHEMA_VERSION:
        con.close()
        # Reading never writes: the writer upgrades the file when it opens it.
        raise StoreError(
            f"{path}: database written by an older sitrep (schema version {version}); upgrade it once with "
            f"`sitrep ingest --db {path}` (an empty directory as input will do), then read it again"
        )
    return con
