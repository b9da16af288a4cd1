"""Small GeoNames dump files, in the real formats, written by tests into a temporary folder."""

from __future__ import annotations

import zipfile
from pathlib import Path


def geoname_line(
    geonameid: int,
    name: str,
    latitude: float,
    longitude: float,
    feature: str = "P.PPL",
    country: str = "SY",
    admin1: str = "",
    admin2: str = "",
    alternatenames: str = "",
    population: int = 0,
) -> str:
    """One row of the 19-column `geoname` table."""
    feature_class, feature_code = feature.split(".")
    columns = [
        str(geonameid), name, name, alternatenames, f"{latitude:.5f}", f"{longitude:.5f}", feature_class,
        feature_code, country, "", admin1, admin2, "", "", str(population), "", "100", "Asia/Damascus",
        "2024-01-01",
    ]  # fmt: skip
    return "\t".join(columns)


SMALL_COUNTRY = [
    geoname_line(
        1001, "Qaryat Alif", 35.5, 36.5, admin1="10", admin2="1001A", alternatenames="Karyat Alif,قرية"
    ),
    geoname_line(1002, "Bayt Ba", 35.6, 36.6, feature="P.PPLA", admin1="10", population=25000),
    geoname_line(1003, "Muhafazat Jim", 35.7, 36.7, feature="A.ADM1", admin1="10"),
    geoname_line(1004, "Wadi Dal", 35.8, 36.8, feature="H.WAD", admin1="10"),
    geoname_line(1005, "Matar Ha", 35.9, 36.9, feature="S.AIRB", admin1="10"),
]
ADMIN1 = ["SY.10\tJim Governorate\tJim Governorate\t1003"]
ADMIN2 = ["SY.10.1001A\tDistrict Kha\tDistrict Kha\t2001"]


def write_text(path: Path, lines: list[str]) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def write_zip(path: Path, member: str, lines: list[str]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(member, "".join(line + "\n" for line in lines))
        archive.writestr("readme.txt", "not places\n")
    return path
