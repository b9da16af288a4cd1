"""Importing GeoNames dump files: streaming, malformed lines, idempotence, admin names, merging."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

import pytest
from gazetteer_dump_builders import ADMIN1, ADMIN2, SMALL_COUNTRY, geoname_line, write_text, write_zip

from sitrep.errors import GazetteerError
from sitrep.model import Place
from sitrep.places.geonames_dump import LineProblem, dump_kind, dump_members, iter_fields, parse_geoname
from sitrep.places.imported import imported_entries, merge_entries
from sitrep.places.importer import import_files, is_imported_gazetteer, read_meta
from sitrep.places.sources import Entry


def _table_rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    with sqlite3.connect(path) as connection:
        tables = ("places", "admin_codes", "countries", "alternate_names")
        return {t: connection.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in tables}


def test_dump_kind_follows_geonames_file_names() -> None:
    assert dump_kind("admin1CodesASCII.txt") == "admin1"
    assert dump_kind("admin2Codes.txt") == "admin2"
    assert dump_kind("countryInfo.txt") == "countries"
    assert dump_kind("alternateNamesV2.txt") == "alternate_names"
    assert dump_kind("SY.txt") == "geonames"
    assert dump_kind("cities500.txt") == "geonames"
    assert dump_kind("readme.txt") == "ignored"


def test_parse_geoname_rejects_wrong_column_count_and_bad_coordinates() -> None:
    row = parse_geoname(SMALL_COUNTRY[1].split("\t"))
    assert (row.geonameid, row.feature_code, row.population) == (1002, "PPLA", 25000)
    with pytest.raises(ValueError, match="19"):
        parse_geoname(["1", "x"])
    with pytest.raises(ValueError, match="out of range"):
        parse_geoname(geoname_line(9, "Nowhere", 95.0, 10.0).split("\t"))


def test_iter_fields_streams_zip_members_and_reports_undecodable_lines(tmp_path: Path) -> None:
    archive = write_zip(tmp_path / "SY.zip", "SY.txt", SMALL_COUNTRY)
    with zipfile.ZipFile(archive, "a") as handle:
        handle.writestr("XX.txt", b"\xff\xfe broken\n" + SMALL_COUNTRY[0].encode() + b"\n")
    members = {m.member: m for m in dump_members(archive)}
    assert set(members) == {"SY.txt", "readme.txt", "XX.txt"}
    problems: list[LineProblem] = []
    seen: list[int] = []
    rows = list(iter_fields(members["XX.txt"], problems, seen.append))
    assert [number for number, _ in rows] == [2]
    assert [str(p) for p in problems] == ["SY.zip!XX.txt:1: not UTF-8 text"]
    assert sum(seen) == members["XX.txt"].size


def test_import_fills_admin_names_and_keeps_feature_codes(tmp_path: Path) -> None:
    country = write_text(tmp_path / "SY.txt", SMALL_COUNTRY)
    admin1 = write_text(tmp_path / "admin1CodesASCII.txt", ADMIN1)
    admin2 = write_text(tmp_path / "admin2Codes.txt", ADMIN2)
    target = tmp_path / "gazetteer.sqlite"
    progress: list[int] = []
    report = import_files([str(country), str(admin1), str(admin2)], target, progress.append)
    assert report.ok and is_imported_gazetteer(target)
    assert report.rows == {"geonames": 4, "admin1": 1, "admin2": 1}
    assert report.filtered == 1  # the wadi (class H) is not kept
    assert sum(progress) == sum(p.stat().st_size for p in (country, admin1, admin2))
    entries = {e.place.geonameid: e for e in imported_entries(target)}
    village = entries[1001]
    assert village.place.admin1 == "Jim Governorate" and village.place.admin2 == "District Kha"
    assert "Karyat Alif" in village.names and "قرية" not in village.names
    province = entries[1003].place
    assert (province.feature_class, province.feature_code) == ("A", "ADM1")
    assert "Jim" in entries[1003].names
    assert entries[1005].place.feature_code == "AIRB"
    assert read_meta(target)["files"] == ["SY.txt", "admin1CodesASCII.txt", "admin2Codes.txt"]


def test_malformed_lines_are_reported_with_file_and_line_and_skipped(tmp_path: Path) -> None:
    lines = [SMALL_COUNTRY[0], "1002\tonly three\tcolumns", SMALL_COUNTRY[1].replace("35.60000", "north")]
    country = write_text(tmp_path / "SY.txt", [*lines, SMALL_COUNTRY[2]])
    report = import_files([str(country)], tmp_path / "g.sqlite")
    assert report.rows == {"geonames": 2}
    assert [(p.source, p.line) for p in report.skipped_lines] == [("SY.txt", 2), ("SY.txt", 3)]
    assert "19" in report.skipped_lines[0].reason and not report.ok


def test_importing_twice_gives_the_same_gazetteer(tmp_path: Path) -> None:
    country = write_zip(tmp_path / "SY.zip", "SY.txt", SMALL_COUNTRY)
    admin1 = write_text(tmp_path / "admin1CodesASCII.txt", ADMIN1)
    target = tmp_path / "g.sqlite"
    import_files([str(country), str(admin1)], target)
    first = _table_rows(target)
    import_files([str(admin1), str(country)], target)
    assert _table_rows(target) == first
    assert len(first["places"]) == 4


def test_a_broken_file_is_listed_and_the_others_still_imported(tmp_path: Path) -> None:
    broken = tmp_path / "UA.zip"
    broken.write_bytes(b"PK\x03\x04 truncated download")
    good = write_text(tmp_path / "SY.txt", SMALL_COUNTRY)
    report = import_files([str(broken), str(tmp_path / "missing.txt"), str(good)], tmp_path / "g.sqlite")
    assert report.rows == {"geonames": 4}
    assert len(report.failed_files) == 2 and "UA.zip" in report.failed_files[0]


def test_alternate_names_keep_english_and_unlabelled_latin_names(tmp_path: Path) -> None:
    country = write_text(tmp_path / "SY.txt", SMALL_COUNTRY)
    alternate = write_zip(
        tmp_path / "alternateNamesV2.zip",
        "alternateNamesV2.txt",
        [
            "1\t1001\ten\tAlif Village\t1\t\t\t\t\t",
            "2\t1001\t\tQaryet Elif\t\t\t\t\t\t",
            "3\t1001\tfr\tVillage d'Alif\t\t\t\t\t\t",
            "4\t1001\ten\tOld Alif\t\t\t\t1\t\t",
            "5\t1001\tlink\thttps://example.org/alif\t\t\t\t\t\t",
            "6\t9999\ten\tElsewhere\t\t\t\t\t\t",
            "7\tnot-a-number\ten\tBroken\t\t\t\t\t\t",
        ],
    )
    report = import_files([str(country), str(alternate)], tmp_path / "g.sqlite")
    assert report.rows["alternate_names"] == 3
    assert [(p.line, p.source) for p in report.skipped_lines] == [
        (7, "alternateNamesV2.zip!alternateNamesV2.txt")
    ]
    names = {e.place.geonameid: e.names for e in imported_entries(tmp_path / "g.sqlite")}
    assert "Alif Village" in names[1001] and "Qaryet Elif" in names[1001]
    assert "Village d'Alif" not in names[1001] and "Old Alif" not in names[1001]


def test_country_filter_keeps_only_the_named_countries(tmp_path: Path) -> None:
    rows = [*SMALL_COUNTRY, geoname_line(2001, "Selo", 48.0, 37.0, country="UA")]
    country = write_text(tmp_path / "allCountries.txt", rows)
    report = import_files([str(country)], tmp_path / "g.sqlite", countries=["ua"])
    assert report.rows == {"geonames": 1}


def _place(geonameid: int, name: str, code: str = "PPL", admin1_code: str | None = "10") -> Place:
    feature_class = "A" if code.startswith("ADM") else "P"
    return Place(geonameid, name, 35.0, 36.0, "SY", feature_class, code, admin1_code=admin1_code)


def test_merge_replaces_same_ids_and_derived_provinces_and_keeps_their_names() -> None:
    default = [
        Entry(_place(1001, "Qaryat Alif"), ("Qaryat Alif", "Alif")),
        Entry(_place(-5, "Jim", "ADM1"), ("Jim", "Jim Province")),
        Entry(_place(7, "Untouched"), ("Untouched",)),
    ]
    imported = [
        Entry(_place(1001, "Qaryat Alif (imported)"), ("Qaryat Alif (imported)",)),
        Entry(_place(1003, "Muhafazat Jim", "ADM1"), ("Muhafazat Jim", "Jim")),
    ]
    merged = {e.place.geonameid: e for e in merge_entries(default, imported)}
    assert set(merged) == {1001, 1003, 7}
    assert merged[1001].place.name == "Qaryat Alif (imported)" and "Alif" in merged[1001].names
    assert "Jim Province" in merged[1003].names


def test_reading_something_else_raises_gazetteer_error(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match="no such file"):
        dump_members(tmp_path / "absent.zip")
