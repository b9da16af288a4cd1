"""The geoparsing scorer on hand-built gold toponyms and predictions."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from sitrep.errors import ConfigError
from sitrep.eval.geo import (
    GeoArticle,
    GoldToponym,
    format_geo_report,
    great_circle_km,
    normalise_corpus,
    parse_gwn,
    parse_lgl,
    score_geoparse,
)
from sitrep.model import Place, PlaceMention

HERE = Place(1, "Hereville", 10.0, 10.0, "AA", "P", "PPL", 5000)
NEARBY = Place(2, "Nearby", 10.5, 10.0, "AA", "P", "PPL", 5000)  # about 56 km north
FARAWAY = Place(3, "Faraway", 40.0, 10.0, "BB", "P", "PPL", 5000)


def gold(start: int, end: int, geonameid: int, place: Place) -> GoldToponym:
    return GoldToponym(start, end, "x" * (end - start), geonameid, place.latitude, place.longitude)


def mention(start: int, end: int, place: Place | None) -> PlaceMention:
    return PlaceMention(start, end, "x" * (end - start), place)


def test_scores_exact_near_wrong_and_missed_toponyms() -> None:
    article = GeoArticle(
        "a",
        "x" * 100,
        (gold(0, 5, 1, HERE), gold(10, 15, 1, HERE), gold(20, 25, 1, HERE), gold(30, 35, 1, HERE)),
    )
    predicted = [
        mention(0, 5, HERE),  # exact
        mention(12, 18, NEARBY),  # overlaps, 56 km off
        mention(20, 25, FARAWAY),  # overlaps, far
        mention(50, 55, HERE),  # overlaps no gold toponym
    ]
    report = score_geoparse([article], [predicted])
    assert (report["gold_toponyms"], report["found"], report["missed"]) == (4, 3, 1)
    assert report["over_found"] == {"exact_match": round(1 / 3, 4), "acc_at_161": round(2 / 3, 4)}
    assert report["over_all"] == {"exact_match": 0.25, "acc_at_161": 0.5}
    assert report["precision"] == 0.75
    assert report["median_error_km"] == pytest.approx(great_circle_km(10, 10, 10.5, 10), abs=0.1)
    assert "over found toponyms" in format_geo_report(report)


def test_unresolved_predictions_do_not_count_as_found() -> None:
    article = GeoArticle("a", "x" * 20, (gold(0, 5, 1, HERE),))
    report = score_geoparse([article], [[mention(0, 5, None)]])
    assert report["found"] == 0 and report["over_all"]["acc_at_161"] == 0.0
    assert report["over_found"]["acc_at_161"] is None


def test_the_same_geonames_id_is_zero_km_off_wherever_the_gazetteer_puts_it() -> None:
    article = GeoArticle("a", "x" * 20, (gold(0, 5, 3, HERE),))
    report = score_geoparse([article], [[mention(0, 5, FARAWAY)]])
    assert report["over_found"]["acc_at_161"] == 1.0 and report["mean_error_km"] == 0.0


def test_readers_keep_only_toponyms_with_a_geonames_id() -> None:
    gwn = ET.fromstring(
        "<articles><article file='7'><text>In Hereville and on Main Street.</text><toponyms>"
        "<toponym><extractedName>Hereville</extractedName><type>Literal</type><start>3</start><end>12</end>"
        "<geonamesID>1</geonamesID><latitude>10</latitude><longitude>10</longitude></toponym>"
        "<toponym><extractedName>Main Street</extractedName><type>Literal</type><start>20</start>"
        "<end>31</end><geonamesID/><latitude>10</latitude><longitude>10</longitude></toponym>"
        "</toponyms></article></articles>"
    )
    (article,) = parse_gwn(gwn)
    assert article.id == "7" and [(t.text, t.geonameid, t.kind) for t in article.toponyms] == [
        ("Hereville", 1, "Literal")
    ]
    lgl = ET.fromstring(
        "<articles><article docid='9'><text>Hereville news</text><toponyms><toponym><start>0</start>"
        "<end>9</end><phrase>Hereville</phrase><gaztag geonameid='1'><lat>10</lat><lon>10.5</lon></gaztag>"
        "</toponym><toponym><start>0</start><end>4</end><phrase>Here</phrase></toponym></toponyms>"
        "</article></articles>"
    )
    (article,) = parse_lgl(lgl, limit=1)
    assert [(t.start, t.end, t.longitude) for t in article.toponyms] == [(0, 9, 10.5)]


def test_corpus_names() -> None:
    assert normalise_corpus("GeoWebNews") == "gwn" and normalise_corpus("LGL") == "lgl"
    with pytest.raises(ConfigError):
        normalise_corpus("wiki")
