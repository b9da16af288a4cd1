"""`sitrep geoparse` run as a user runs it: offsets into the document text, and well-known places found."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest

from conftest import Completed, run_sitrep_in
from sitrep.model import Document
from sitrep.read import read_documents

MENTION_FIELDS = ("document_id", "text", "start", "end", "name", "geonameid", "latitude", "longitude",
                  "country_code", "feature_code", "score")  # fmt: skip

# Written for these tests: three Syrian places, one city, one city with a hyphenated name, one province.
FRONT_LINE_REPORT = (
    "Front lines shift in the north\n"
    "\n"
    "Heavy fighting was reported on the edge of Aleppo on Monday. Government reinforcements moved east "
    "towards Deir ez-Zor, while drones struck several villages in Idlib province overnight.\n"
)
# name as written -> (latitude, longitude) of the place a reader means, within a generous radius.
EXPECTED_PLACES = {
    "Aleppo": (36.20, 37.16),
    "Deir ez-Zor": (35.34, 40.14),
    "Idlib": (35.80, 36.60),
}
NEAR_KM = 80.0


@pytest.fixture(scope="module")
def report_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("geoparse-input") / "front-line.txt"
    path.write_text(FRONT_LINE_REPORT, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def geoparsed(tmp_path_factory: pytest.TempPathFactory, report_file: Path, examples_dir: Path) -> Completed:
    """One run over our own report and every bundled example (text, HTML and JSON Lines)."""
    return run_sitrep_in(tmp_path_factory.mktemp("geoparse"))("geoparse", report_file, examples_dir)


@pytest.fixture(scope="module")
def documents(report_file: Path, examples_dir: Path) -> dict[str, Document]:
    read = [d for d in read_documents([str(report_file), str(examples_dir)]) if isinstance(d, Document)]
    return {d.id: d for d in read}


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _mentions_of(result: Completed, document_id: str) -> list[dict[str, Any]]:
    return [m for m in result.records() if m["document_id"] == document_id]


def test_geoparse_succeeds_without_a_traceback(geoparsed: Completed) -> None:
    assert geoparsed.returncode == 0, geoparsed.describe()
    assert "Traceback" not in geoparsed.stderr


def test_every_mention_has_the_contract_fields_and_exact_offsets(
    geoparsed: Completed, documents: dict[str, Document]
) -> None:
    mentions = geoparsed.records()
    assert {m["document_id"] for m in mentions} == set(documents), "every document names some place"
    for mention in mentions:
        missing = [name for name in MENTION_FIELDS if name not in mention]
        assert not missing, (mention, missing)
        text = documents[mention["document_id"]].text
        start, end = mention["start"], mention["end"]
        assert type(start) is int and type(end) is int and 0 <= start < end <= len(text), mention
        assert text[start:end] == mention["text"], mention
        if mention["latitude"] is None:
            assert mention["longitude"] is None, mention
        else:
            assert -90 <= mention["latitude"] <= 90 and -180 <= mention["longitude"] <= 180, mention
            assert isinstance(mention["name"], str) and mention["name"], mention


def test_mentions_of_one_document_do_not_overlap(
    geoparsed: Completed, documents: dict[str, Document]
) -> None:
    for document_id in documents:
        spans = sorted((m["start"], m["end"]) for m in _mentions_of(geoparsed, document_id))
        for (_, previous_end), (start, _) in zip(spans, spans[1:], strict=False):
            assert previous_end <= start, (document_id, spans)


def test_known_syrian_places_resolve_to_where_they_are(geoparsed: Completed, report_file: Path) -> None:
    mentions = _mentions_of(geoparsed, str(report_file))
    for written, expected in EXPECTED_PLACES.items():
        found = [m for m in mentions if m["text"].startswith(written)]
        assert len(found) == 1, (written, mentions)
        [mention] = found
        assert FRONT_LINE_REPORT[mention["start"] : mention["end"]] == mention["text"]
        assert mention["country_code"] == "SY", mention
        assert mention["latitude"] is not None, mention
        distance = _km((mention["latitude"], mention["longitude"]), expected)
        assert distance < NEAR_KM, (mention, round(distance))


def test_a_province_resolves_to_the_province_not_the_city(geoparsed: Completed, report_file: Path) -> None:
    [idlib] = [m for m in _mentions_of(geoparsed, str(report_file)) if m["text"].startswith("Idlib")]
    assert idlib["feature_code"] == "ADM1", idlib
    assert idlib["text"] in ("Idlib province", "Idlib")
    for city in ("Aleppo", "Deir ez-Zor"):
        [mention] = [m for m in _mentions_of(geoparsed, str(report_file)) if m["text"] == city]
        assert str(mention["feature_code"]).startswith("PPL"), mention
