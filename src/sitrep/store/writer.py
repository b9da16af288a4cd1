"""The one writer of a sitrep database: documents with their events, actors and places, runs and rejections.

Each document is written in one transaction, so an interrupted ingest leaves whole documents or none,
and running it again completes it. Writing the same output again changes nothing.
"""

from __future__ import annotations

import contextlib
import json
import logging
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb

from sitrep.actors import load_knowledge_base
from sitrep.errors import StoreError
from sitrep.fuse.compatible import ActorRelations, relations_from_kb
from sitrep.model import ActorMention, Document, Event, Place, PlaceMention, Rejection, stable_id
from sitrep.store.fusion import refresh_clusters
from sitrep.store.schema import connect, create_schema

log = logging.getLogger(__name__)

# ON CONFLICT clauses for the shared tables. Conflicting values for a shared row (same actor id or
# geonameid seen with different attributes) are settled by keeping the smallest tuple, so the final
# table does not depend on the order of writes.
_UPSERT_ACTOR = """
    ON CONFLICT (id) DO UPDATE SET name = excluded.name, type = excluded.type, country = excluded.country
    WHERE (excluded.name, excluded.type, coalesce(excluded.country, ''))
        < (actors.name, actors.type, coalesce(actors.country, ''))
"""
_UPSERT_PLACE = """
    ON CONFLICT (geonameid) DO UPDATE SET name = excluded.name, lat = excluded.lat, lon = excluded.lon,
        country_code = excluded.country_code, admin1 = excluded.admin1, feature_code = excluded.feature_code
    WHERE (excluded.name, excluded.lat, excluded.lon, coalesce(excluded.country_code, ''),
           coalesce(excluded.admin1, ''), coalesce(excluded.feature_code, ''))
        < (places.name, places.lat, places.lon, coalesce(places.country_code, ''),
           coalesce(places.admin1, ''), coalesce(places.feature_code, ''))
"""


def _insert_rows(con: duckdb.DuckDBPyConnection, table: str, rows: Sequence[tuple[Any, ...]],
                 on_conflict: str = "") -> None:
    """Insert rows with one multi-row statement: DuckDB pays its per-statement cost once, not per row."""
    if not rows:
        return
    placeholders = "(" + ", ".join(["?"] * len(rows[0])) + ")"
    con.execute(f"INSERT INTO {table} VALUES " + ", ".join([placeholders] * len(rows)) + on_conflict,
                [value for row in rows for value in row])


def _utc_now() -> datetime:
    # DuckDB TIMESTAMP has no zone: every stored time is UTC.
    return datetime.now(UTC).replace(tzinfo=None)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=False, default=str)


def document_revision(document: Document, events: Sequence[Event], mentions: Sequence[PlaceMention]) -> str:
    """A fingerprint of a document and everything derived from it, independent of list order."""
    payload = {
        "document": [document.id, document.content_hash, document.title, document.url, document.publisher,
                     document.published.isoformat() if document.published else None, document.author,
                     document.origin],
        "events": sorted(_json(event.to_record()) for event in events),
        "mentions": sorted(_json(_mention_row(document.id, m)) for m in mentions),
    }
    return stable_id(_json(payload), length=32)


def _mention_row(document_id: str, mention: PlaceMention) -> tuple[Any, ...]:
    geonameid = mention.place.geonameid if mention.place else None
    return (document_id, mention.start, mention.end, mention.text, geonameid, mention.score)


def _place_row(place: Place) -> tuple[Any, ...]:
    return (place.geonameid, place.name, place.latitude, place.longitude, place.country_code, place.admin1,
            place.feature_code)


def _event_row(event: Event) -> tuple[Any, ...]:
    record = event.to_record()
    location = record["location"] or {}
    actor1 = record["actor1"] or {}
    actor2 = record["actor2"] or {}
    return (
        record["event_id"], record["document_id"], record["event_type"], record["sub_event_type"],
        record["plover_type"], record["plover_mode"],
        actor1.get("id"), actor1.get("name"), actor1.get("type"),
        actor2.get("id"), actor2.get("name"), actor2.get("type"),
        location.get("name"), location.get("geonameid"), location.get("latitude"), location.get("longitude"),
        location.get("country_code"), location.get("admin1"), location.get("feature_code"),
        record["geo_precision"], record["date_start"], record["date_end"], record["time_precision"],
        record["fatalities"], record["certainty"], record["attribution"],
        event.evidence.start, event.evidence.end, record["summary"], _json(record),
    )


def _actor_roles(event: Event) -> Iterable[tuple[str, ActorMention]]:
    if event.actor1 is not None:
        yield "actor1", event.actor1
    if event.actor2 is not None:
        yield "actor2", event.actor2
    for mention in event.assoc_actor1:
        yield "assoc_actor1", mention
    for mention in event.assoc_actor2:
        yield "assoc_actor2", mention


class Store:
    """A writable sitrep database. Open it with `Store.open(path)`; only one may be open per file."""

    def __init__(self, connection: duckdb.DuckDBPyConnection, path: Path) -> None:
        self.connection = connection
        self.path = path
        self.run_id: str | None = None
        self._relations: ActorRelations | None = None

    @property
    def fusion_relations(self) -> ActorRelations:
        """Actor relations that clustering uses: the packaged knowledge base unless set."""
        if self._relations is None:
            self._relations = relations_from_kb(load_knowledge_base())
        return self._relations

    @fusion_relations.setter
    def fusion_relations(self, relations: ActorRelations) -> None:
        self._relations = relations

    def fuse(self) -> int:
        """Cluster every stored event not yet fused (a database written before fusion); returns clusters written."""
        with self._transaction("cannot fuse stored events") as con:
            return refresh_clusters(con, self.fusion_relations)

    @classmethod
    def open(cls, path: str | Path) -> Store:
        """Open (creating if needed) the database file and its schema."""
        file = Path(path)
        connection = connect(file)
        try:
            create_schema(connection)
        except StoreError:
            connection.close()
            raise
        return cls(connection, file)

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    # Runs -----------------------------------------------------------------------------------------

    def start_run(self, config: Mapping[str, Any] | None = None, run_id: str | None = None) -> str:
        """Record the start of an ingest with its effective configuration; later writes belong to it."""
        self.run_id = run_id or uuid.uuid4().hex
        self._execute_in_transaction(
            [("INSERT INTO runs VALUES (?, ?, NULL, ?, NULL)",
              [(self.run_id, _utc_now(), _json(dict(config or {})))])],
            f"cannot record run {self.run_id}",
        )
        return self.run_id

    def finish_run(self, run_id: str | None = None, counts: Mapping[str, int] | None = None) -> None:
        """Mark a run finished with its counts (documents, events, rejections, ...)."""
        run = run_id or self.run_id
        if run is None:
            raise StoreError("finish_run called before start_run")
        # Fusion is the last step of an ingest: an interrupted run leaves its events unclustered (never
        # half-clustered), and the next run, even one with nothing new to store, clusters them.
        self.fuse()
        self._execute_in_transaction(
            [("UPDATE runs SET finished_at = ?, counts = ? WHERE run_id = ?",
              [(_utc_now(), _json(dict(counts or {})), run)])],
            f"cannot record the end of run {run}",
        )
        if run == self.run_id:
            self.run_id = None

    # Rejections -----------------------------------------------------------------------------------

    def record_rejection(self, rejection: Rejection, run_id: str | None = None) -> None:
        """Store input that was skipped, with its reason; the same rejection in the same run is kept once."""
        run = run_id or self.run_id
        with self._transaction(f"cannot record rejection of {rejection.source}") as con:
            exists = con.execute(
                "SELECT count(*) FROM rejections WHERE source = ? AND line IS NOT DISTINCT FROM ? "
                "AND reason = ? AND run_id IS NOT DISTINCT FROM ?",
                [rejection.source, rejection.line, rejection.reason, run],
            ).fetchone()
            if not exists or exists[0] == 0:
                con.execute(
                    "INSERT INTO rejections VALUES (?, ?, ?, ?, ?)",
                    [rejection.source, rejection.line, rejection.reason, run, _utc_now()],
                )

    # Documents ------------------------------------------------------------------------------------

    def write_document(self, document: Document, events: Sequence[Event] = (),
                       place_mentions: Sequence[PlaceMention] = (), run_id: str | None = None) -> bool:
        """Store a document and all its records in one transaction; return False if it was already stored.

        The same document with the same derived records changes nothing; the same id with new content (or
        new records) replaces every row of that document. Actors and places are shared between documents
        and are never removed.
        """
        strays = sorted({event.document_id for event in events} - {document.id})
        if strays:
            raise StoreError(f"events of document(s) {', '.join(strays)} passed with document {document.id}")
        revision = document_revision(document, events, place_mentions)
        # Interrupts included: the document is either wholly stored or not at all.
        with self._transaction(f"cannot store document {document.id}") as con:
            row = con.execute("SELECT revision FROM documents WHERE id = ?", [document.id]).fetchone()
            if row is not None and row[0] == revision:
                return False
            if row is not None:
                self._delete_document_rows(document.id)
            self._insert_document(document, revision, run_id or self.run_id)
            self._insert_events(document.id, events)
            self._insert_places(events, place_mentions)
            _insert_rows(con, "place_mentions", [_mention_row(document.id, m) for m in place_mentions])
        return True

    def _insert_document(self, document: Document, revision: str, run_id: str | None) -> None:
        self.connection.execute(
            "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [document.id, document.content_hash, revision, document.title, document.url, document.publisher,
             document.published, document.author, document.origin, document.text, _utc_now(), run_id],
        )

    def _insert_events(self, document_id: str, events: Sequence[Event]) -> None:
        unique: dict[str, Event] = {}
        for event in events:
            unique.setdefault(event.event_id, event)
        if not unique:
            return
        taken = self.connection.execute(
            "SELECT event_id, document_id FROM events WHERE list_contains(?, event_id) AND document_id <> ?",
            [list(unique), document_id],
        ).fetchall()
        for event_id, owner in taken:
            # Ids come from content: the same id under another document is the same event, kept once.
            log.warning("event %s of document %s is already stored under document %s; kept once",
                        event_id, document_id, owner)
            del unique[event_id]
        if not unique:
            return
        _insert_rows(self.connection, "events", [_event_row(event) for event in unique.values()])
        actor_rows: dict[str, tuple[Any, ...]] = {}
        links: list[tuple[Any, ...]] = []
        for event in unique.values():
            for role, mention in _actor_roles(event):
                actor = mention.actor
                candidate = (actor.id, actor.name, actor.type, actor.country)
                actor_rows[actor.id] = min(actor_rows.get(actor.id, candidate), candidate, key=_sort_key)
                links.append((event.event_id, actor.id, role, mention.text, mention.start, mention.end))
        _insert_rows(self.connection, "actors", sorted(actor_rows.values(), key=_sort_key), _UPSERT_ACTOR)
        _insert_rows(self.connection, "event_actors", links)

    def _insert_places(self, events: Sequence[Event], mentions: Sequence[PlaceMention]) -> None:
        rows: dict[int, tuple[Any, ...]] = {}
        located = [event.location for event in events if event.location is not None]
        for mention in [*located, *mentions]:
            if mention.place is not None:
                candidate = _place_row(mention.place)
                rows[candidate[0]] = min(rows.get(candidate[0], candidate), candidate, key=_sort_key)
        _insert_rows(self.connection, "places", sorted(rows.values(), key=_sort_key), _UPSERT_PLACE)

    def _delete_document_rows(self, document_id: str) -> None:
        con = self.connection
        con.execute(
            "DELETE FROM event_actors WHERE event_id IN (SELECT event_id FROM events WHERE document_id = ?)",
            [document_id],
        )
        con.execute("DELETE FROM events WHERE document_id = ?", [document_id])
        con.execute("DELETE FROM place_mentions WHERE document_id = ?", [document_id])
        con.execute("DELETE FROM documents WHERE id = ?", [document_id])

    # Helpers --------------------------------------------------------------------------------------

    def _execute_in_transaction(self, statements: list[tuple[str, list[tuple[Any, ...]]]], what: str) -> None:
        with self._transaction(what) as con:
            for sql, rows in statements:
                for row in rows:
                    con.execute(sql, list(row))

    @contextlib.contextmanager
    def _transaction(self, what: str) -> Iterator[duckdb.DuckDBPyConnection]:
        """One transaction: committed when the block ends, rolled back on any exception (interrupts too);
        DuckDB's errors come out as a StoreError starting with `what`."""
        self.connection.begin()
        try:
            yield self.connection
            self.connection.commit()
        except BaseException as exc:
            self._rollback()
            if isinstance(exc, duckdb.Error):
                raise StoreError(f"{what} ({exc})") from exc
            raise

    def _rollback(self) -> None:
        # DuckDB may already have aborted the transaction on error, leaving nothing to roll back.
        with contextlib.suppress(duckdb.Error):
            self.connection.rollback()


def _sort_key(row: tuple[Any, ...]) -> tuple[Any, ...]:
    # Same order as the SQL conflict rule: None sorts as the empty string.
    return tuple("" if value is None else value for value in row)
