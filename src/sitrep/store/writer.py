"""The one writer of a sitrep database: documents with their events, actors and places, runs and rejections.

Documents are written in transactions of one or more whole documents, so an interrupted ingest leaves
whole documents or none, and running it again completes it. Writing the same output again changes nothing.
"""

from __future__ import annotations

import contextlib
import json
import logging
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
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
from sitrep.store.rows import insert_rows
from sitrep.store.schema import EVENT_ROW_COLUMNS, connect, create_schema

log = logging.getLogger(__name__)

# The events columns a row supplies, named: the others (corroboration, kept by fusion) take their defaults.
_EVENTS_INTO = "events (" + ", ".join(EVENT_ROW_COLUMNS) + ")"

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


def _utc_now() -> datetime:
    # DuckDB TIMESTAMP has no zone: every stored time is UTC.
    return datetime.now(UTC).replace(tzinfo=None)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=False, default=str)


def document_revision(document: Document, events: Sequence[Event], mentions: Sequence[PlaceMention]) -> str:
    """A fingerprint of a document and everything derived from it, independent of list order."""
    return _revision(document, [_json(event.to_record()) for event in events], mentions)


def _revision(document: Document, record_jsons: Sequence[str], mentions: Sequence[PlaceMention]) -> str:
    payload = {
        "document": [document.id, document.content_hash, document.title, document.url, document.publisher,
                     document.published.isoformat() if document.published else None, document.author,
                     document.origin],
        "events": sorted(record_jsons),
        "mentions": sorted(_json(_mention_row(document.id, m)) for m in mentions),
    }
    return stable_id(_json(payload), length=32)


# A document with the events and place mentions found in it, as `Store.write_documents` takes them.
DocumentRecords = tuple[Document, Sequence[Event], Sequence[PlaceMention]]


@dataclass(frozen=True, slots=True)
class _PreparedDocument:
    """A document checked and fingerprinted, with each event's JSON record encoded once."""

    document: Document
    events: Sequence[Event]
    mentions: Sequence[PlaceMention]
    records: tuple[dict[str, Any], ...]
    record_jsons: tuple[str, ...]
    revision: str

    @classmethod
    def of(cls, document: Document, events: Sequence[Event] = (),
           mentions: Sequence[PlaceMention] = ()) -> _PreparedDocument:
        strays = sorted({event.document_id for event in events} - {document.id})
        if strays:
            raise StoreError(f"events of document(s) {', '.join(strays)} passed with document {document.id}")
        records = tuple(event.to_record() for event in events)
        record_jsons = tuple(_json(record) for record in records)
        return cls(document, events, mentions, records, record_jsons, _revision(document, record_jsons, mentions))

    def document_row(self, run_id: str | None, now: datetime) -> tuple[Any, ...]:
        document = self.document
        return (document.id, document.content_hash, self.revision, document.title, document.url,
                document.publisher, document.published, document.author, document.origin, document.text, now,
                run_id)


def _unique_id_groups(items: Sequence[_PreparedDocument]) -> Iterator[list[_PreparedDocument]]:
    """Consecutive groups without a repeated document id: a repeat must see the rows written before it."""
    group: list[_PreparedDocument] = []
    seen: set[str] = set()
    for item in items:
        if item.document.id in seen:
            yield group
            group, seen = [], set()
        group.append(item)
        seen.add(item.document.id)
    if group:
        yield group


def _warn_kept_once(event_id: str, document_id: str, owner: str) -> None:
    log.warning("event %s of document %s is already stored under document %s; kept once",
                event_id, document_id, owner)


def _mention_row(document_id: str, mention: PlaceMention) -> tuple[Any, ...]:
    geonameid = mention.place.geonameid if mention.place else None
    return (document_id, mention.start, mention.end, mention.text, geonameid, mention.score)


def _place_row(place: Place) -> tuple[Any, ...]:
    return (place.geonameid, place.name, place.latitude, place.longitude, place.country_code, place.admin1,
            place.feature_code)


def _event_row(event: Event, record: Mapping[str, Any], record_json: str) -> tuple[Any, ...]:
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
        event.evidence.start, event.evidence.end, record["summary"], record_json,
        sorted({m.actor.id for m in (*event.assoc_actor1, *event.assoc_actor2)}) or None,
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
        # The rows of the shared tables (actors, places) by id, read on first write and kept in step with
        # each write (forgotten when a transaction fails): a batch then sends only the rows that change a
        # table (most actors and places come back document after document), and new ids with a plain
        # insert, which costs DuckDB half an upsert.
        self._shared: dict[str, dict[Any, tuple[Any, ...]]] = {}

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
        return self.write_documents([(document, events, place_mentions)], run_id)[0]

    def write_documents(self, items: Sequence[DocumentRecords], run_id: str | None = None) -> list[bool]:
        """Store several documents, in order, in one transaction; for each, whether it was stored.

        The database ends up exactly as `write_document` called for each in turn leaves it, for a fraction
        of the cost: each table gets one statement per batch instead of one per document, and one commit
        covers the batch. Interrupted or failed, the transaction leaves none of the batch stored.
        """
        prepared = [_PreparedDocument.of(*item) for item in items]
        if not prepared:
            return []
        ids = [item.document.id for item in prepared]
        what = f"cannot store document {ids[0]}" if len(ids) == 1 else f"cannot store documents {ids[0]} to {ids[-1]}"
        results: list[bool] = []
        # Interrupts included: the batch is either wholly stored or not at all.
        try:
            with self._transaction(what):
                for group in _unique_id_groups(prepared):
                    results.extend(self._write_group(group, run_id or self.run_id))
        except BaseException:
            self._shared.clear()  # it may hold rows the rollback undid: read again on the next write
            raise
        return results

    def _write_group(self, group: list[_PreparedDocument], run_id: str | None) -> list[bool]:
        """Write documents with distinct ids: skip those stored with the same revision, replace the others."""
        con = self.connection
        placeholders = ", ".join(["?"] * len(group))
        stored = dict(con.execute(f"SELECT id, revision FROM documents WHERE id IN ({placeholders})",
                                  [item.document.id for item in group]).fetchall())
        fresh = [item for item in group if stored.get(item.document.id) != item.revision]
        replaced = [item.document.id for item in fresh if item.document.id in stored]
        if replaced:
            self._delete_documents_rows(replaced)
        if fresh:
            now = _utc_now()
            insert_rows(con, "documents", [item.document_row(run_id, now) for item in fresh])
            self._insert_events(fresh)
            self._insert_places(fresh)
            insert_rows(con, "place_mentions",
                         [_mention_row(item.document.id, m) for item in fresh for m in item.mentions])
        written = {id(item) for item in fresh}
        return [id(item) in written for item in group]

    def _insert_events(self, fresh: list[_PreparedDocument]) -> None:
        # Ids come from content: the same id under another document is the same event, kept once (the
        # first document to bring it keeps it, as when the documents are written one by one).
        owner: dict[str, str] = {}
        unique: dict[str, tuple[Event, Mapping[str, Any], str]] = {}
        for item in fresh:
            for event, record, record_json in zip(item.events, item.records, item.record_jsons, strict=True):
                first = owner.setdefault(event.event_id, event.document_id)
                if first != event.document_id:
                    _warn_kept_once(event.event_id, event.document_id, first)
                elif event.event_id not in unique:
                    unique[event.event_id] = (event, record, record_json)
        if not unique:
            return
        placeholders = ", ".join(["?"] * len(unique))
        taken = self.connection.execute(
            f"SELECT event_id, document_id FROM events WHERE event_id IN ({placeholders})", list(unique)
        ).fetchall()
        for event_id, stored_owner in taken:
            event, *_ = unique.pop(event_id)
            _warn_kept_once(event_id, event.document_id, stored_owner)
        if not unique:
            return
        insert_rows(self.connection, _EVENTS_INTO, [_event_row(*found) for found in unique.values()])
        actor_rows: dict[str, tuple[Any, ...]] = {}
        links: list[tuple[Any, ...]] = []
        for event, *_ in unique.values():
            for role, mention in _actor_roles(event):
                actor = mention.actor
                candidate = (actor.id, actor.name, actor.type, actor.country)
                actor_rows[actor.id] = min(actor_rows.get(actor.id, candidate), candidate, key=_sort_key)
                links.append((event.event_id, actor.id, role, mention.text, mention.start, mention.end))
        self._write_shared("actors", actor_rows, _UPSERT_ACTOR)
        insert_rows(self.connection, "event_actors", links)

    def _insert_places(self, fresh: list[_PreparedDocument]) -> None:
        rows: dict[int, tuple[Any, ...]] = {}
        for item in fresh:
            located = [event.location for event in item.events if event.location is not None]
            for mention in [*located, *item.mentions]:
                if mention.place is not None:
                    candidate = _place_row(mention.place)
                    rows[candidate[0]] = min(rows.get(candidate[0], candidate), candidate, key=_sort_key)
        self._write_shared("places", rows, _UPSERT_PLACE)

    def _write_shared(self, table: str, rows: Mapping[Any, tuple[Any, ...]], upsert: str) -> None:
        """Write the rows (by id, first column) that change `table`: new ids are inserted; a row of a stored
        id replaces the stored one only if smaller (the upsert's rule, so the table never depends on the
        order of writes); any other row would change nothing and is not sent."""
        stored = self._stored_shared(table)
        new = sorted((row for key, row in rows.items() if key not in stored), key=_sort_key)
        smaller = sorted((row for key, row in rows.items()
                          if key in stored and _sort_key(row) < _sort_key(stored[key])), key=_sort_key)
        insert_rows(self.connection, table, new)
        insert_rows(self.connection, table, smaller, upsert)
        stored.update((row[0], row) for row in [*new, *smaller])

    def _stored_shared(self, table: str) -> dict[Any, tuple[Any, ...]]:
        if table not in self._shared:
            rows = self.connection.execute(f"SELECT * FROM {table}").fetchall()
            self._shared[table] = {row[0]: tuple(row) for row in rows}
        return self._shared[table]

    def _delete_documents_rows(self, document_ids: list[str]) -> None:
        con = self.connection
        con.execute("DELETE FROM event_actors WHERE event_id IN "
                    "(SELECT event_id FROM events WHERE list_contains(?, document_id))", [document_ids])
        con.execute("DELETE FROM events WHERE list_contains(?, document_id)", [document_ids])
        con.execute("DELETE FROM place_mentions WHERE list_contains(?, document_id)", [document_ids])
        con.execute("DELETE FROM documents WHERE list_contains(?, id)", [document_ids])

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
