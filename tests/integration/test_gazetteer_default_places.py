"""The default gazetteer's divisions, countries and front-line towns, with their GeoNames ids."""

from __future__ import annotations

from sitrep.places import load_gazetteer


def _first(name: str, feature_code: str, country: str) -> int | None:
    for place in load_gazetteer().lookup(name):
        if place.feature_code == feature_code and place.country_code == country:
            return place.geonameid
    return None


def test_provinces_and_counties_have_their_geonames_ids() -> None:
    assert _first("Tennessee", "ADM1", "US") == 4662168
    assert _first("Idlib Governorate", "ADM1", "SY") == 169387
    assert _first("Kharkiv Oblast", "ADM1", "UA") == 706482
    assert _first("North Darfur", "ADM1", "SD") == 408666
    assert _first("NSW", "ADM1", "AU") == _first("New South Wales", "ADM1", "AU") == 2155400
    counties = {p.geonameid for p in load_gazetteer().lookup("Davidson County") if p.feature_code == "ADM2"}
    assert {4617305, 4463056} <= counties


def test_towns_know_their_province_and_county() -> None:
    nashville = load_gazetteer().get(4644585)
    assert nashville is not None
    assert (nashville.admin1, nashville.admin2) == ("Tennessee", "Davidson County")
    aleppo = load_gazetteer().get(170063)
    assert aleppo is not None and aleppo.feature_code == "PPLA" and aleppo.admin1 == "Aleppo"


def test_front_line_towns_without_a_population_figure_are_known() -> None:
    assert _first("Sarmin", "PPL", "SY") == 164782
    assert _first("Maarat al-Numan", "PPL", "SY") == 167611
    assert _first("Ariha", "PPL", "SY") == 172994
    assert _first("Al-Khuwei", "PPL", "SD") == 372447


def test_countries_keep_their_geonames_ids() -> None:
    gazetteer = load_gazetteer()
    assert [gazetteer.country(iso).geonameid for iso in ("US", "SY", "SD")] == [6252001, 163843, 366755]  # type: ignore[union-attr]
