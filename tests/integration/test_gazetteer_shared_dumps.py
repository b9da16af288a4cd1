"""Importing real GeoNames dump files; curated coordinates checked against them (skipped without them)."""

from __future__ import annotations

import math
import os
import re
from importlib import resources
from pathlib import Path

import pytest

from sitrep.places.geonames_dump import DumpMember, iter_fields, parse_geoname
from sitrep.places.imported import imported_entries
from sitrep.places.importer import import_files
from sitrep.places.sources import curated_places

# A folder of GeoNames dump files laid out as country/XX.txt, cities15000.zip, admin1CodesASCII.txt, ...
BESIDE = Path(__file__).resolve().parents[2].parent / "shared" / "geonames"
SHARED = Path(os.environ.get("SITREP_GEONAMES_DIR") or BESIDE)
pytestmark = pytest.mark.skipif(
    not (SHARED / "country" / "SY.txt").is_file(),
    reason="set SITREP_GEONAMES_DIR to a folder of GeoNames dump files (country/SY.txt, cities15000.zip)",
)


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def test_import_of_a_country_file_zip_and_admin_codes(tmp_path: Path) -> None:
    paths = [SHARED / "country" / "SY.txt", SHARED / "cities15000.zip", SHARED / "admin1CodesASCII.txt"]
    paths.append(SHARED / "countryInfo.txt")
    target = tmp_path / "gazetteer.sqlite"
    received: list[int] = []
    report = import_files([str(p) for p in paths], target, received.append)
    assert report.ok, report.skipped_lines[:5]
    assert (
        report.rows["geonames"] > 40_000 and report.rows["admin1"] > 3_000 and report.rows["countries"] > 240
    )
    assert sum(received) > (SHARED / "country" / "SY.txt").stat().st_size
    entries = {e.place.geonameid: e for e in imported_entries(target)}
    village = entries[168660].place  # Kafr Nabudah, a village the default gazetteer lacks
    assert (village.country_code, village.feature_code, village.admin1) == ("SY", "PPL", "Hama")
    assert entries[170063].place.feature_code == "PPLA"  # Aleppo, from cities15000.zip


def test_curated_coordinates_agree_with_geonames_within_5_km() -> None:
    sources = _curated_sources()
    wanted = {}
    for entry in curated_places():
        found = re.match(r"GeoNames (\d+)", sources[entry.place.name])
        if found:
            wanted[int(found.group(1))] = entry.place
    assert len(wanted) >= 10
    checked = 0
    for country in ("SY", "SD", "PS", "IL", "UA"):
        path = SHARED / "country" / f"{country}.txt"
        member = DumpMember(path, None, path.stat().st_size)
        for _, fields in iter_fields(member, []):
            if int(fields[0]) in wanted:
                row = parse_geoname(fields)
                place = wanted[row.geonameid]
                assert _km(place.latitude, place.longitude, row.latitude, row.longitude) < 5.0, place.name
                checked += 1
    assert checked >= 10


def _curated_sources() -> dict[str, str]:
    """Curated place name -> its `source` column."""
    text = resources.files("sitrep.places").joinpath("curated.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return {columns[0]: columns[-1] for columns in rows[1:]}
