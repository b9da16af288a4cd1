"""Imports GeoNames dump files, streamed, into a SQLite gazetteer file that `[places] gazetteer` can name.

The file keeps one row per GeoNames id (and per admin code, country, alternate-name id), so importing
a file again replaces its rows with identical ones: imports are idempotent and can be repeated or
combined (allCountries.zip, then alternateNamesV2.zip, then a newer SY.zip) in any order.

Kept from the `geoname` files: every populated place (class P) and administrative division (class A),
and the few other kinds that conflict reports name as places (`EXTRA_FEATURE_CODES`: bases, airports,
border posts, refugee camps, power stations, dams, bridges, prisons, hospitals, regions, mountains).

Kept from alternateNamesV2: names in English (`en`, `en-*`) or of no stated language (GeoNames
leaves the language empty for most local romanisations, e.g. "Kafr Nabouda"), in Latin script, neither
colloquial nor historic. Other languages (Arabic script, Cyrillic, ...) cannot match English text,
and `abbr`, `link`, `post`, `iata`, ... are codes, not names.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sitrep.errors import GazetteerError
from sitrep.places.geonames_dump import (
    DumpMember,
    LineProblem,
    dump_members,
    iter_fields,
    parse_admin_code,
    parse_alternate_name,
    parse_country,
    parse_geoname,
)
from sitrep.places.sources import is_usable_name

SCHEMA_VERSION = "1"
SQLITE_MAGIC = b"SQLite format 3\x00"
KEPT_FEATURE_CLASSES = frozenset({"P", "A"})
EXTRA_FEATURE_CODES = frozenset(
    {
        "AIRB", "AIRF", "AIRP", "MILB", "INSM", "CMPRF", "PSTB", "CSTM", "PSN", "PS", "DAM", "BDG",
        "PRN", "HSP", "PRT", "RGN", "OILF", "MT", "MTS", "ISL", "PASS",
    }
)  # fmt: skip
BATCH_ROWS = 5_000
MAX_PROBLEMS = 1_000  # beyond this a file is not a dump at all; the count is still kept

SCHEMA = """
CREATE TABLE IF NOT EXISTS places (
    geonameid INTEGER PRIMARY KEY, name TEXT NOT NULL, asciiname TEXT, alternatenames TEXT,
    latitude REAL NOT NULL, longitude REAL NOT NULL, feature_class TEXT, feature_code TEXT,
    country_code TEXT, admin1_code TEXT, admin2_code TEXT, population INTEGER
);
CREATE TABLE IF NOT EXISTS admin_codes (
    code TEXT PRIMARY KEY, depth INTEGER, name TEXT NOT NULL, asciiname TEXT, geonameid INTEGER
);
CREATE TABLE IF NOT EXISTS countries (
    iso TEXT PRIMARY KEY, name TEXT NOT NULL, capital TEXT, population INTEGER, continent TEXT,
    geonameid INTEGER
);
CREATE TABLE IF NOT EXISTS alternate_names (
    alternate_name_id INTEGER PRIMARY KEY, geonameid INTEGER NOT NULL, language TEXT, name TEXT NOT NULL,
    preferred INTEGER, short INTEGER
);
CREATE INDEX IF NOT EXISTS alternate_names_by_place ON alternate_names (geonameid);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
"""


@dataclass(slots=True)
class ImportReport:
    """What an import did: rows stored per kind, lines skipped (file and line), files that failed."""

    target: Path
    files: list[str] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)
    filtered: int = 0  # geoname rows of feature kinds the gazetteer does not keep
    skipped_lines: list[LineProblem] = field(default_factory=list)
    skipped_count: int = 0
    failed_files: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.skipped_count and not self.failed_files


def default_target() -> Path:
    """Where an import goes unless told otherwise: the user data dir (`$XDG_DATA_HOME/sitrep`)."""
    base = os.environ.get("SITREP_DATA_DIR") or os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "sitrep" / "gazetteer.sqlite"


def is_imported_gazetteer(path: Path) -> bool:
    """Whether the file is a SQLite gazetteer written by `import_files`."""
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False


def connect(path: Path) -> sqlite3.Connection:
    """Opens (creating if needed) a gazetteer file with its schema."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(path)
        connection.executescript(SCHEMA)
        connection.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
        connection.commit()
    except (OSError, sqlite3.Error) as exc:
        raise GazetteerError(f"{path}: cannot open the gazetteer file ({exc})") from exc
    return connection


def keeps_feature(feature_class: str, feature_code: str) -> bool:
    """Whether a GeoNames feature belongs in a conflict gazetteer (see the module docstring)."""
    return feature_class in KEPT_FEATURE_CLASSES or feature_code in EXTRA_FEATURE_CODES


def keeps_alternate_name(language: str, name: str, colloquial: bool, historic: bool) -> bool:
    """English or language-less Latin-script names that are neither colloquial nor historic."""
    english = language in ("", "en") or language.startswith("en-")
    return english and not colloquial and not historic and is_usable_name(name)


class _Importer:
    """Streams one dump member's rows into the open connection, in batches."""

    def __init__(
        self,
        connection: sqlite3.Connection,
        report: ImportReport,
        progress: Callable[[int], None] | None,
        countries: frozenset[str] | None,
    ) -> None:
        self.connection = connection
        self.report = report
        self.progress = progress
        self.countries = countries

    def _problem(self, problem: LineProblem) -> None:
        self.report.skipped_count += 1
        if len(self.report.skipped_lines) < MAX_PROBLEMS:
            self.report.skipped_lines.append(problem)

    def _rows(self, member: DumpMember, parse: Callable[[list[str]], Any]) -> Iterator[Any]:
        problems: list[LineProblem] = []
        for number, fields in iter_fields(member, problems, self.progress):
            for problem in problems:
                self._problem(problem)
            problems.clear()
            try:
                yield parse(fields)
            except ValueError as exc:
                self._problem(LineProblem(member.source, number, str(exc)))
        for problem in problems:
            self._problem(problem)

    def _insert(self, sql: str, rows: Iterator[tuple[Any, ...]]) -> int:
        count = 0
        batch: list[tuple[Any, ...]] = []
        for row in rows:
            batch.append(row)
            if len(batch) >= BATCH_ROWS:
                self.connection.executemany(sql, batch)
                count += len(batch)
                batch.clear()
        self.connection.executemany(sql, batch)
        return count + len(batch)

    def _geonames(self, member: DumpMember) -> Iterator[tuple[Any, ...]]:
        for row in self._rows(member, parse_geoname):
            if not keeps_feature(row.feature_class, row.feature_code) or (
                self.countries is not None and row.country_code not in self.countries
            ):
                self.report.filtered += 1
                continue
            yield (
                row.geonameid, row.name, row.asciiname, row.alternatenames, row.latitude, row.longitude,
                row.feature_class, row.feature_code, row.country_code or None, row.admin1_code or None,
                row.admin2_code or None, row.population,
            )  # fmt: skip

    def _admin(self, member: DumpMember, depth: int) -> Iterator[tuple[Any, ...]]:
        for row in self._rows(member, lambda fields: parse_admin_code(fields, depth)):
            yield (row.code, depth, row.name, row.asciiname, row.geonameid)

    def _countries(self, member: DumpMember) -> Iterator[tuple[Any, ...]]:
        for row in self._rows(member, parse_country):
            yield (row.iso, row.name, row.capital, row.population, row.continent, row.geonameid)

    def _alternate_names(self, member: DumpMember) -> Iterator[tuple[Any, ...]]:
        for row in self._rows(member, parse_alternate_name):
            if keeps_alternate_name(row.language, row.name, row.colloquial, row.historic):
                yield (row.alternate_name_id, row.geonameid, row.language, row.name, row.preferred, row.short)
            else:
                self.report.filtered += 1

    def run(self, member: DumpMember) -> int:
        """Rows stored from the member, in one transaction: a file that fails midway leaves no trace."""
        kind = member.kind
        if kind == "geonames":
            sql = "INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"
            rows = self._geonames(member)
        elif kind in ("admin1", "admin2"):
            sql = "INSERT OR REPLACE INTO admin_codes VALUES (?,?,?,?,?)"
            rows = self._admin(member, 1 if kind == "admin1" else 2)
        elif kind == "countries":
            sql = "INSERT OR REPLACE INTO countries VALUES (?,?,?,?,?,?)"
            rows = self._countries(member)
        elif kind == "alternate_names":
            sql = "INSERT OR REPLACE INTO alternate_names VALUES (?,?,?,?,?,?)"
            rows = self._alternate_names(member)
        else:
            return 0
        try:
            with self.connection:
                count = self._insert(sql, rows)
        except sqlite3.Error as exc:
            raise GazetteerError(f"{self.report.target}: cannot write the gazetteer file ({exc})") from exc
        self.report.rows[kind] = self.report.rows.get(kind, 0) + count
        return count


def total_bytes(paths: Collection[str | Path]) -> int:
    """The uncompressed size of everything `import_files` would read: a total for a progress bar."""
    total = 0
    for path in paths:
        try:
            total += sum(m.size for m in dump_members(Path(path)) if m.kind != "ignored")
        except (GazetteerError, OSError):
            continue
    return total


def import_files(
    paths: Collection[str | Path],
    target: Path | None = None,
    progress: Callable[[int], None] | None = None,
    *,
    countries: Collection[str] | None = None,
) -> ImportReport:
    """Streams GeoNames dump files (plain `.txt` or `.zip`) into the gazetteer file `target`.

    `progress` receives the number of (uncompressed) bytes read since its last call. Malformed lines
    are skipped and listed in the report with file and line; a file that cannot be read at all is
    listed in `failed_files` and the others are still imported. `countries` (ISO2 codes) keeps only
    those countries' places, e.g. from allCountries.zip.
    """
    started = time.perf_counter()
    target = target or default_target()
    report = ImportReport(target=target)
    connection = connect(target)
    wanted = frozenset(c.upper() for c in countries) if countries else None
    importer = _Importer(connection, report, progress, wanted)
    try:
        for path in paths:
            try:
                members = dump_members(Path(path))
                for member in members:
                    if member.kind != "ignored":
                        importer.run(member)
                        report.files.append(member.source)
            except GazetteerError as exc:
                report.failed_files.append(str(exc))
        _record_import(connection, report.files)
    finally:
        connection.close()
    report.seconds = time.perf_counter() - started
    return report


def _record_import(connection: sqlite3.Connection, files: list[str]) -> None:
    row = connection.execute("SELECT value FROM meta WHERE key = 'files'").fetchone()
    known = set(json.loads(row[0])) if row else set()
    now = datetime.now(UTC).isoformat(timespec="seconds")
    with connection:
        connection.execute("INSERT OR REPLACE INTO meta VALUES ('files', ?)", (json.dumps(sorted(known | set(files))),))
        connection.execute("INSERT OR REPLACE INTO meta VALUES ('built', ?)", (now,))


def read_meta(path: Path) -> dict[str, Any]:
    """The import's bookkeeping: `files` imported, `built` (ISO time of the last import), `schema`."""
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = dict(connection.execute("SELECT key, value FROM meta").fetchall())
        finally:
            connection.close()
    except sqlite3.Error as exc:
        raise GazetteerError(f"{path}: not a gazetteer file sitrep can read ({exc})") from exc
    meta: dict[str, Any] = dict(rows)
    meta["files"] = json.loads(rows.get("files", "[]"))
    return meta
