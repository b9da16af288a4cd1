"""Ranking and resolution on hand-built places, without the default gazetteer or a model."""

from __future__ import annotations

from sitrep.model import Place, PlaceMention
from sitrep.places import geoparse_records
from sitrep.places.finder import Toponym
from sitrep.places.gazetteer import Gazetteer, prior_score
from sitrep.places.resolve import distance_km, resolve
from sitrep.places.sources import Entry, strip_admin_suffix


def town(gid: int, name: str, lat: float, lon: float, cc: str, pop: int, code: str = "PPL") -> Place:
    return Place(gid, name, lat, lon, cc, "P", code, pop)


TRIPOLI_LY = town(1, "Tripoli", 32.89, 13.19, "LY", 1_150_000, "PPLC")
TRIPOLI_LB = town(2, "Tripoli", 34.44, 35.85, "LB", 229_000, "PPLA")
BEIRUT = town(3, "Beirut", 33.89, 35.50, "LB", 1_900_000, "PPLC")
LEBANON = Place(4, "Lebanon", 33.83, 35.83, "LB", "A", "PCLI", 6_000_000)
IDLIB_TOWN = Place(5, "Idlib", 35.93, 36.63, "SY", "P", "PPLA", 128_840, admin1="Idlib")
IDLIB_PROVINCE = Place(-6, "Idlib", 35.8, 36.6, "SY", "A", "ADM1", 442_917, admin1="Idlib")


def gazetteer() -> Gazetteer:
    entries = [
        Entry(TRIPOLI_LY, ("Tripoli", "Tarabulus")),
        Entry(TRIPOLI_LB, ("Tripoli", "Trablous")),
        Entry(BEIRUT, ("Beirut", "Bayrut")),
        Entry(LEBANON, ("Lebanon",)),
        Entry(IDLIB_TOWN, ("Idlib", "Edleb")),
        Entry(IDLIB_PROVINCE, ("Idlib",)),
    ]
    return Gazetteer(entries, {"lebanese": "LB"})


def topo(g: Gazetteer, name: str, start: int, **flags: object) -> Toponym:
    t = Toponym(start, start + len(name), name, g.candidates(name), ner_label="GPE")
    for key, value in flags.items():
        setattr(t, key, value)
    return t


def test_lookup_prefers_bigger_capital_without_context() -> None:
    g = gazetteer()
    assert [p.geonameid for p in g.lookup("Tripoli")] == [1, 2]
    assert g.lookup("Edleb")[0] == IDLIB_TOWN
    assert g.get(3) == BEIRUT and g.get(999) is None
    assert g.country("lb") == LEBANON


def test_province_word_selects_the_admin1_division() -> None:
    assert gazetteer().lookup("Idlib province") == [IDLIB_PROVINCE]


def test_exact_main_name_outranks_transliteration_variant() -> None:
    assert prior_score(TRIPOLI_LB, 1.0) > prior_score(TRIPOLI_LB, 0.75) > prior_score(TRIPOLI_LB, 0.2)


def test_country_focus_and_proximity_pick_the_lebanese_tripoli() -> None:
    g = gazetteer()
    mentions = resolve([topo(g, "Lebanon", 0), topo(g, "Beirut", 20), topo(g, "Tripoli", 40)])
    assert [m.place.geonameid if m.place else None for m in mentions] == [4, 3, 2]
    assert [m.geo_precision for m in mentions] == [3, 1, 1]


def test_bare_province_name_means_its_seat_and_near_sets_precision_two() -> None:
    g = gazetteer()
    [bare, near] = resolve([topo(g, "Idlib", 0), topo(g, "Idlib", 30, near=True)])
    assert bare.place == IDLIB_TOWN and bare.geo_precision == 1
    assert near.place == IDLIB_TOWN and near.geo_precision == 2


def test_country_adjectives_steer_focus_without_becoming_places() -> None:
    g = gazetteer()
    hint = Toponym(0, 8, "Lebanese", [(LEBANON, 1.0)], hint=True)
    mentions = resolve([hint, topo(g, "Tripoli", 20)])
    assert [m.place.geonameid if m.place else None for m in mentions] == [2]
    assert g.demonym_country("Lebanese") == LEBANON and g.demonym_country("Martian") is None


def test_metonymic_toponyms_are_left_out() -> None:
    g = gazetteer()
    assert resolve([topo(g, "Beirut", 0, metonymic=True)]) == []


def test_unknown_ner_place_is_kept_unresolved() -> None:
    [mention] = resolve([Toponym(0, 9, "Atlantis", [], ner_label="GPE")])
    assert mention.place is None and mention.score == 0.0


def test_distance_km_is_great_circle() -> None:
    assert 60 < distance_km(BEIRUT, TRIPOLI_LB) < 80
    assert distance_km(BEIRUT, BEIRUT) == 0.0


def test_geoparse_records_carry_offsets_and_nulls_for_unresolved() -> None:
    records = geoparse_records(
        "doc-1",
        [PlaceMention(5, 11, "Beirut", BEIRUT, 0.9, 1), PlaceMention(20, 28, "Atlantis", None)],
    )
    assert records[0] == {
        "document_id": "doc-1",
        "text": "Beirut",
        "start": 5,
        "end": 11,
        "name": "Beirut",
        "geonameid": 3,
        "latitude": 33.89,
        "longitude": 35.50,
        "country_code": "LB",
        "feature_code": "PPLC",
        "score": 0.9,
    }
    assert records[1]["latitude"] is None and records[1]["geonameid"] is None


def test_strip_admin_suffix() -> None:
    assert strip_admin_suffix("Sanaa Governorate") == "Sanaa"
    assert strip_admin_suffix("Muhafazat Hadramaout") == "Hadramaout"
    assert strip_admin_suffix("Kharkivs’ka Oblast’") == "Kharkivs'ka"
    assert strip_admin_suffix("Homs") == "Homs"
