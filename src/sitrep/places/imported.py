"""Reads an imported gazetteer file back as entries, and merges them over the default gazetteer's."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from sitrep.errors import GazetteerError
from sitrep.model import Place
from sitrep.places.sources import Entry, is_usable_name, strip_admin_suffix

PLACES_QUERY = """
SELECT p.geonameid, p.name, p.asciiname, p.alternatenames, p.latitude, p.longitude, p.feature_class,
       p.feature_code, p.country_code, p.admin1_code, p.population, a1.name, a2.name
FROM places AS p
LEFT JOIN admin_codes AS a1 ON a1.code = p.country_code || '.' || p.admin1_code
LEFT JOIN admin_codes AS a2 ON a2.code = p.country_code || '.' || p.admin1_code || '.' || p.admin2_code
ORDER BY p.geonameid
"""
ALTERNATE_NAMES_QUERY = """
SELECT n.geonameid, n.name FROM alternate_names AS n
WHERE n.geonameid IN (SELECT geonameid FROM places)
ORDER BY n.geonameid, n.preferred DESC, n.alternate_name_id
"""


def _open_read_only(path: Path) -> sqlite3.Connection:
    try:
        return sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise GazetteerError(f"{path}: cannot open the gazetteer file ({exc})") from exc


def imported_entries(path: Path, admin1_fallback: dict[tuple[str, str], str] | None = None) -> Iterator[Entry]:
    """Every place of an imported gazetteer file with its usable names.

    Admin1/admin2 names come from the imported admin code files; when those were not imported, admin1
    names come from `admin1_fallback` ((country, admin1 code) -> name, e.g. the default gazetteer's).
    """
    fallback = admin1_fallback or {}
    connection = _open_read_only(path)
    try:
        extra: dict[int, list[str]] = defaultdict(list)
        for geonameid, name in connection.execute(ALTERNATE_NAMES_QUERY):
            extra[geonameid].append(name)
        for row in connection.execute(PLACES_QUERY):
            (geonameid, name, asciiname, alternatenames, latitude, longitude, feature_class, feature_code,
             country, admin1_code, population, admin1_name, admin2_name) = row  # fmt: skip
            admin1_name = admin1_name or fallback.get((country or "", admin1_code or ""))
            place = Place(
                geonameid=geonameid,
                name=name,
                latitude=latitude,
                longitude=longitude,
                country_code=country,
                feature_class=feature_class or "",
                feature_code=feature_code or "",
                population=population or 0,
                admin1_code=admin1_code,
                admin1=admin1_name,
                admin2=admin2_name,
            )
            names = [name, asciiname or name]
            if feature_class == "A" and feature_code in ("ADM1", "ADM2", "ADM3"):
                names.append(strip_admin_suffix(name))  # "Idlib Governorate" is also "Idlib"
            names.extend(n for n in (alternatenames or "").split(",") if is_usable_name(n))
            names.extend(extra.pop(geonameid, ()))
            yield Entry(place, tuple(dict.fromkeys(n.strip() for n in names if n.strip())))
    except sqlite3.Error as exc:
        raise GazetteerError(f"{path}: not a gazetteer file sitrep can read ({exc})") from exc
    finally:
        connection.close()


def admin1_names(entries: Iterable[Entry]) -> dict[tuple[str, str], str]:
    """(country, admin1 code) -> admin1 name, from the ADM1 records of some entries."""
    return {
        (e.place.country_code, e.place.admin1_code): e.place.name
        for e in entries
        if e.place.feature_code == "ADM1" and e.place.country_code and e.place.admin1_code
    }


def merge_entries(default: Iterable[Entry], imported: Iterable[Entry]) -> list[Entry]:
    """The imported entries over the default ones.

    An imported place replaces the default place with the same GeoNames id, and an imported ADM1
    replaces the default's derived province of the same (country, admin1 code); the replaced
    record's names stay known as names of its replacement (curated aliases are not lost).
    """
    merged = {e.place.geonameid: e for e in imported}
    provinces: dict[tuple[str | None, str | None], int] = {
        (e.place.country_code, e.place.admin1_code): e.place.geonameid
        for e in merged.values()
        if e.place.feature_code == "ADM1" and e.place.country_code and e.place.admin1_code
    }
    kept: list[Entry] = []
    for entry in default:
        place = entry.place
        replacement = merged.get(place.geonameid)
        if replacement is None and place.geonameid < 0 and place.feature_code == "ADM1":
            province_id = provinces.get((place.country_code, place.admin1_code))
            replacement = merged.get(province_id) if province_id is not None else None
        if replacement is None:
            kept.append(entry)
            continue
        names = tuple(dict.fromkeys([*replacement.names, *entry.names]))
        merged[replacement.place.geonameid] = replace(replacement, names=names)
    return [*kept, *merged.values()]
