"""Streaming readers for the GeoNames dump files (plain or zipped), line by line, with line-level problems."""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from sitrep.errors import GazetteerError

# What each dump file holds, by its name as GeoNames publishes it. Any other `.txt` is taken as rows in
# the 19-column `geoname` format (allCountries.txt, XX.txt, cities500.txt, ...).
KIND_BY_NAME: dict[str, str] = {
    "admin1codesascii.txt": "admin1",
    "admin1codes.txt": "admin1",
    "admin2codes.txt": "admin2",
    "countryinfo.txt": "countries",
    "alternatenamesv2.txt": "alternate_names",
    "alternatenames.txt": "alternate_names",
}
# Files that ship inside the zips or next to them and carry no places.
IGNORED_NAMES = frozenset(
    {"readme.txt", "iso-languagecodes.txt", "hierarchy.txt", "timezones.txt", "userTags.txt".lower()}
)
GEONAME_COLUMNS = 19
PROGRESS_EVERY_BYTES = 1 << 20


@dataclass(frozen=True, slots=True)
class LineProblem:
    """A line that could not be read: which file, which line (1-based), and why."""

    source: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.source}:{self.line}: {self.reason}"


@dataclass(frozen=True, slots=True)
class GeonameRow:
    """One row of the `geoname` table, with the columns sitrep uses."""

    geonameid: int
    name: str
    asciiname: str
    alternatenames: str  # comma-separated, as in the dump
    latitude: float
    longitude: float
    feature_class: str
    feature_code: str
    country_code: str
    admin1_code: str
    admin2_code: str
    population: int


@dataclass(frozen=True, slots=True)
class AdminCode:
    """A row of admin1CodesASCII.txt or admin2Codes.txt: "SY.13" (or "SY.13.1234") and its names."""

    code: str
    name: str
    asciiname: str
    geonameid: int | None


@dataclass(frozen=True, slots=True)
class CountryRow:
    """The columns of countryInfo.txt that sitrep uses."""

    iso: str
    name: str
    capital: str
    population: int
    continent: str
    geonameid: int | None


@dataclass(frozen=True, slots=True)
class AlternateName:
    """A row of alternateNamesV2.txt (or the older 8-column alternateNames.txt)."""

    alternate_name_id: int
    geonameid: int
    language: str
    name: str
    preferred: bool
    short: bool
    colloquial: bool
    historic: bool


def dump_kind(file_name: str) -> str:
    """ "geonames", "admin1", "admin2", "countries", "alternate_names", or "ignored" for a member's name."""
    base = Path(file_name).name.lower()
    if base in KIND_BY_NAME:
        return KIND_BY_NAME[base]
    if base in IGNORED_NAMES or base.startswith("featurecodes") or not base.endswith(".txt"):
        return "ignored"
    return "geonames"


@dataclass(frozen=True, slots=True)
class DumpMember:
    """A readable text file of a dump: a plain file, or one member of a zip."""

    path: Path
    member: str | None  # the name inside the zip, None for a plain file
    size: int  # uncompressed bytes

    @property
    def source(self) -> str:
        return f"{self.path.name}!{self.member}" if self.member else self.path.name

    @property
    def kind(self) -> str:
        return dump_kind(self.member or self.path.name)

    @contextmanager
    def open(self) -> Iterator[IO[bytes]]:
        """A binary stream of the text; zip members are decompressed as they are read."""
        if self.member is None:
            with self.path.open("rb") as handle:
                yield handle
        else:
            with zipfile.ZipFile(self.path) as archive, archive.open(self.member) as handle:
                yield handle


def dump_members(path: Path) -> list[DumpMember]:
    """The text files a path holds: itself, or the `.txt` members of a zip archive."""
    if not path.is_file():
        raise GazetteerError(f"{path}: no such file")
    if zipfile.is_zipfile(path):
        try:
            with zipfile.ZipFile(path) as archive:
                infos = [i for i in archive.infolist() if not i.is_dir() and i.filename.lower().endswith(".txt")]
        except (OSError, zipfile.BadZipFile) as exc:
            raise GazetteerError(f"{path}: not a readable zip archive ({exc})") from exc
        return [DumpMember(path, info.filename, info.file_size) for info in infos]
    if path.suffix.lower() == ".zip":
        raise GazetteerError(f"{path}: not a valid zip archive (an interrupted download?); fetch it again")
    return [DumpMember(path, None, path.stat().st_size)]


def iter_fields(
    member: DumpMember,
    problems: list[LineProblem],
    progress: Callable[[int], None] | None = None,
) -> Iterator[tuple[int, list[str]]]:
    """(line number, tab-separated fields) for each data line; comments ("#") and blank lines are skipped.

    Lines that are not UTF-8 are added to `problems` and skipped. `progress` receives the bytes read
    since its last call, about every megabyte and at the end.
    """
    pending = 0
    try:
        with member.open() as stream:
            for number, raw in enumerate(stream, start=1):
                pending += len(raw)
                if progress is not None and pending >= PROGRESS_EVERY_BYTES:
                    progress(pending)
                    pending = 0
                try:
                    line = raw.decode("utf-8").rstrip("\r\n")
                except UnicodeDecodeError:
                    problems.append(LineProblem(member.source, number, "not UTF-8 text"))
                    continue
                if not line.strip() or line.startswith("#"):
                    continue
                yield number, line.split("\t")
    except (OSError, zipfile.BadZipFile, EOFError, zlib.error) as exc:
        raise GazetteerError(f"{member.source}: cannot read ({exc}); the file may be truncated") from exc
    if progress is not None and pending:
        progress(pending)


def _int_or_zero(text: str) -> int:
    return int(text) if text.strip() else 0


def parse_geoname(fields: list[str]) -> GeonameRow:
    """A `geoname` row; ValueError says what is wrong with it."""
    if len(fields) != GEONAME_COLUMNS:
        raise ValueError(f"expected {GEONAME_COLUMNS} tab-separated columns, found {len(fields)}")
    latitude, longitude = float(fields[4]), float(fields[5])
    if not (-90.0 <= latitude <= 90.0 and -180.0 <= longitude <= 180.0):
        raise ValueError(f"coordinates out of range: {latitude}, {longitude}")
    if not fields[1].strip():
        raise ValueError("empty name")
    return GeonameRow(
        geonameid=int(fields[0]),
        name=fields[1].strip(),
        asciiname=fields[2].strip(),
        alternatenames=fields[3],
        latitude=latitude,
        longitude=longitude,
        feature_class=fields[6].strip(),
        feature_code=fields[7].strip(),
        country_code=fields[8].strip().upper(),
        admin1_code=fields[10].strip(),
        admin2_code=fields[11].strip(),
        population=_int_or_zero(fields[14]),
    )


def parse_admin_code(fields: list[str], depth: int) -> AdminCode:
    """A row of admin1CodesASCII.txt (depth 1) or admin2Codes.txt (depth 2)."""
    if len(fields) != 4:
        raise ValueError(f"expected 4 tab-separated columns, found {len(fields)}")
    code = fields[0].strip()
    if code.count(".") != depth or not fields[1].strip():
        raise ValueError(f"not an admin{depth} code row: {code!r}")
    return AdminCode(code, fields[1].strip(), fields[2].strip(), int(fields[3]) if fields[3].strip() else None)


def parse_country(fields: list[str]) -> CountryRow:
    """A row of countryInfo.txt."""
    if len(fields) < 17:
        raise ValueError(f"expected at least 17 tab-separated columns, found {len(fields)}")
    iso = fields[0].strip().upper()
    if len(iso) != 2 or not fields[4].strip():
        raise ValueError(f"not a country row: {fields[0]!r}")
    return CountryRow(
        iso=iso,
        name=fields[4].strip(),
        capital=fields[5].strip(),
        population=_int_or_zero(fields[7]),
        continent=fields[8].strip(),
        geonameid=int(fields[16]) if fields[16].strip() else None,
    )


def parse_alternate_name(fields: list[str]) -> AlternateName:
    """A row of alternateNamesV2.txt (10 columns) or alternateNames.txt (8 columns)."""
    if len(fields) not in (8, 10):
        raise ValueError(f"expected 10 (or 8) tab-separated columns, found {len(fields)}")
    if not fields[3].strip():
        raise ValueError("empty alternate name")
    return AlternateName(
        alternate_name_id=int(fields[0]),
        geonameid=int(fields[1]),
        language=fields[2].strip(),
        name=fields[3].strip(),
        preferred=fields[4] == "1",
        short=fields[5] == "1",
        colloquial=fields[6] == "1",
        historic=fields[7] == "1",
    )
