"""The curated places file, and loading an imported gazetteer merged over the default one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from gazetteer_dump_builders import ADMIN1, SMALL_COUNTRY, write_text

import sitrep.places.gazetteer as gazetteer_module
from sitrep.config import PlaceSettings
from sitrep.errors import GazetteerError
from sitrep.model import Place
from sitrep.places.commands import import_files, info
from sitrep.places.sources import Entry, add_curated_places, curated_places

# Rough bounding boxes (south, west, north, east) of the countries the curated file covers.
COUNTRY_BOXES = {
    "SY": (32.3, 35.6, 37.4, 42.4),
    "SD": (8.6, 21.8, 22.3, 38.7),
    "PS": (31.2, 34.2, 32.6, 35.6),
    "IL": (29.4, 34.2, 33.4, 35.9),
    "UA": (44.3, 22.1, 52.4, 40.3),
    "LB": (33.0, 35.0, 34.8, 36.7),
    "MM": (9.5, 92.1, 28.6, 101.2),
    "US": (18.0, -170.0, 72.0, -66.0),
    "RU": (41.0, 19.0, 82.0, 180.0),
    "GB": (49.8, -8.7, 60.9, 1.8),
    "FR": (41.3, -5.2, 51.1, 9.6),
    "CN": (18.0, 73.5, 53.6, 135.1),
    "VA": (41.89, 12.44, 41.91, 12.46),
    "EG": (22.0, 24.7, 31.7, 36.9),
    "CU": (19.8, -85.0, 23.3, -74.1),
    "DE": (47.2, 5.8, 55.1, 15.1),
    "TR": (35.8, 25.6, 42.2, 44.8),
    "AF": (29.3, 60.5, 38.5, 75.0),
    "QA": (24.4, 50.7, 26.2, 51.7),
    "DJ": (10.9, 41.7, 12.8, 43.5),
    "IO": (-7.5, 71.2, -5.2, 72.5),
}


def test_curated_places_have_sources_codes_and_plausible_coordinates() -> None:
    entries = curated_places()
    assert len(entries) >= 15
    names = {e.place.name for e in entries}
    assert {"Kafr Nabudah", "Hmeimim air base", "Zamzam camp", "Rafah crossing"} <= names
    for entry in entries:
        place = entry.place
        south, west, north, east = COUNTRY_BOXES[place.country_code or ""]
        assert south <= place.latitude <= north and west <= place.longitude <= east, place.name
        assert place.feature_class in "PSA" and place.feature_code.isupper()
    assert len({e.place.geonameid for e in entries}) == len(entries)


def test_a_curated_place_already_known_only_lends_its_names() -> None:
    town = Place(163476, "Tall Rif'at", 36.47, 37.09, "SY", "P", "PPLA3", 25000, "09", "Aleppo")
    camp = Place(-3, "Example camp", 36.0, 37.0, "SY", "S", "CMPRF")
    entries = add_curated_places(
        [Entry(town, ("Tall Rif'at",))],
        [Entry(town, ("Tal Rifaat", "Tell Rifaat")), Entry(camp, ("Example camp",))],
    )
    assert [e.place.geonameid for e in entries] == [163476, -3]
    assert entries[0].names == ("Tall Rif'at", "Tal Rifaat", "Tell Rifaat")
    assert entries[0].place.population == 25000


@pytest.fixture()
def tiny_default(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """A three-place default gazetteer, and a cache folder of the test's own."""
    default = [
        Entry(Place(1001, "Qaryat Alif", 35.5, 36.5, "SY", "P", "PPL"), ("Qaryat Alif", "Alif Town")),
        Entry(Place(-7, "Jim", 35.7, 36.7, "SY", "A", "ADM1", 0, "10", "Jim"), ("Jim",)),
        Entry(Place(163843, "Syria", 35.0, 38.0, "SY", "A", "PCLI"), ("Syria",)),
    ]
    monkeypatch.setattr(gazetteer_module, "default_entries", lambda min_population=500: list(default))
    monkeypatch.setattr(gazetteer_module, "demonyms", lambda: {"syrian": "SY"})
    monkeypatch.setenv("SITREP_CACHE_DIR", str(tmp_path / "cache"))
    gazetteer_module._load.cache_clear()
    yield
    gazetteer_module._load.cache_clear()


def test_an_imported_file_is_merged_over_the_default(tiny_default: None, tmp_path: Path) -> None:
    country = write_text(tmp_path / "SY.txt", SMALL_COUNTRY)
    admin1 = write_text(tmp_path / "admin1CodesASCII.txt", ADMIN1)
    target = tmp_path / "data" / "gazetteer.sqlite"
    report = import_files([str(country), str(admin1)], target, None)
    assert report.ok
    gazetteer = gazetteer_module.load_gazetteer(PlaceSettings(gazetteer=str(target)))
    assert len(gazetteer) == 5  # 4 imported (one replacing 1001, one the derived province) + Syria
    village = gazetteer.lookup("Alif Town")[0]
    assert village.admin1 == "Jim Governorate" and village.geonameid == 1001
    assert gazetteer.lookup("Jim")[0].geonameid == 1003
    assert gazetteer.country("SY") is not None
    assert list((tmp_path / "cache" / "sitrep").glob("gazetteer-*.pickle"))

    described = info(PlaceSettings(gazetteer=str(target)))
    assert described["places"] == 5 and described["file"] == str(target)
    assert described["by_feature_class"] == {"P": 2, "A": 2, "S": 1}
    assert described["by_country_top10"] == {"SY": 5}
    assert described["admin_divisions"]["admin1_codes"] == 1
    assert described["imported_files"] == ["SY.txt", "admin1CodesASCII.txt"]
    assert described["built"]


def test_a_gazetteer_setting_naming_an_unreadable_file_raises(tiny_default: None, tmp_path: Path) -> None:
    bogus = tmp_path / "not-a-gazetteer.txt"
    bogus.write_text("hello", encoding="utf-8")
    with pytest.raises(GazetteerError, match="not a gazetteer file"):
        gazetteer_module.load_gazetteer(PlaceSettings(gazetteer=str(bogus)))
