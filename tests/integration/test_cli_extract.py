"""`sitrep extract` on the bundled examples and on standard input, field by field against the contract."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from conftest import Completed, Pending, run_sitrep_in, start_sitrep_in
from sitrep.events.ontology import BY_NAME, EVENT_TYPES, PLOVER_TYPES
from sitrep.model import CERTAINTIES, Document
from sitrep.read import read_documents

EVENT_FIELDS = (
    "event_id", "document_id", "event_type", "sub_event_type", "plover_type", "plover_mode", "actor1",
    "actor2", "assoc_actor1", "assoc_actor2", "location", "geo_precision", "date_start", "date_end",
    "time_precision", "fatalities", "certainty", "attribution", "evidence", "summary", "document",
)  # fmt: skip
ACTOR_FIELDS = ("name", "id", "type", "country", "text")
ACTOR_TYPES = frozenset({
    "State forces", "Rebel group", "Political militia", "Identity militia", "Rioters", "Protesters",
    "Civilians", "External/Other forces",
})  # fmt: skip
LOCATION_FIELDS = (
    "name", "geonameid", "latitude", "longitude", "country_code", "admin1", "feature_code", "text",
)  # fmt: skip
EVIDENCE_FIELDS = ("sentence", "start", "end")
DOCUMENT_FIELDS = ("title", "url", "publisher", "published")
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
COUNTRY_CODE = re.compile(r"^[A-Z]{2}$")

# Written for these tests: an air strike on a named town, dated relative to the publication day.
STRIKE_REPORT = {
    "id": "stdin-strike",
    "title": "Jets strike Ariha",
    "published": "2024-10-16",
    "text": "Russian warplanes struck the town of Ariha in Idlib province on Monday, killing five people, "
            "residents said.",
}  # fmt: skip
SECOND_REPORT = {
    "id": "stdin-shelling",
    "published": "2024-10-16",
    "text": "Syrian government forces shelled the town of Sarmin on Tuesday, local officials said.",
}


@pytest.fixture(scope="module")
def example_documents(examples_dir: Path) -> dict[str, Document]:
    """The examples read back the way the command reads them, so offsets can be checked."""
    documents = [d for d in read_documents([str(examples_dir)]) if isinstance(d, Document)]
    assert len(documents) == 8
    return {d.id: d for d in documents}


@pytest.fixture(scope="module", autouse=True)
def started(tmp_path_factory: pytest.TempPathFactory, examples_dir: Path) -> Iterator[dict[str, Pending]]:
    """Every run of this module, started at once so that they load the model side by side."""
    start = start_sitrep_in(tmp_path_factory.mktemp("extract"))
    stdin = json.dumps(STRIKE_REPORT) + "\n\n" + json.dumps(SECOND_REPORT) + "\n"
    runs = {
        "again": start("extract", examples_dir),
        "stdin": start("extract", stdin=stdin),
        "dash": start("extract", "-", "--published", "2023-03-03", stdin=json.dumps(STRIKE_REPORT) + "\n"),
    }
    yield runs
    for run in runs.values():
        run.close()


@pytest.fixture(scope="module")
def second_extract(started: dict[str, Pending]) -> Completed:
    return started["again"].result()


@pytest.fixture(scope="module")
def from_stdin(started: dict[str, Pending]) -> Completed:
    return started["stdin"].result()


@pytest.fixture(scope="module")
def from_dash_with_date(started: dict[str, Pending]) -> Completed:
    return started["dash"].result()


def assert_actor(actor: Any, where: str, text: str) -> None:
    assert isinstance(actor, dict), where
    assert set(ACTOR_FIELDS) <= set(actor), (where, actor)
    assert isinstance(actor["name"], str) and actor["name"], (where, actor)
    assert isinstance(actor["id"], str) and actor["id"], (where, actor)
    assert actor["type"] is None or actor["type"] in ACTOR_TYPES, (where, actor)
    assert actor["country"] is None or COUNTRY_CODE.match(actor["country"]), (where, actor)
    # "as written": the words must be in the document.
    assert isinstance(actor["text"], str) and actor["text"] in text, (where, actor)


def assert_contract_record(record: dict[str, Any], text: str) -> None:
    """Every field of one `extract` record against CONTRACT.md; `text` is its document's text."""
    where = f"{record.get('document_id')} {record.get('event_id')}"
    missing = [name for name in EVENT_FIELDS if name not in record]
    assert not missing, (where, missing)

    assert isinstance(record["event_id"], str) and record["event_id"], where
    event_type, sub_event_type = record["event_type"], record["sub_event_type"]
    assert (event_type is None) == (sub_event_type is None), where
    if event_type is not None:
        assert event_type in EVENT_TYPES, where
        assert sub_event_type in BY_NAME, where
        assert BY_NAME[sub_event_type].event_type == event_type, where
    assert record["plover_type"] in PLOVER_TYPES, where
    assert record["plover_mode"] is None or isinstance(record["plover_mode"], str), where

    for key in ("actor1", "actor2"):
        if record[key] is not None:
            assert_actor(record[key], f"{where} {key}", text)
    for key in ("assoc_actor1", "assoc_actor2"):
        assert isinstance(record[key], list), where
        for actor in record[key]:
            assert_actor(actor, f"{where} {key}", text)

    location = record["location"]
    if location is not None:
        assert set(LOCATION_FIELDS) <= set(location), (where, location)
        assert isinstance(location["text"], str) and location["text"] in text, (where, location)
        if location["latitude"] is not None:
            assert -90 <= location["latitude"] <= 90 and -180 <= location["longitude"] <= 180, where
            assert COUNTRY_CODE.match(location["country_code"] or ""), (where, location)
    assert record["geo_precision"] in (None, 1, 2, 3), where
    if record["location"] is not None:
        assert record["geo_precision"] in (1, 2, 3), where

    if record["date_start"] is None:
        assert record["date_end"] is None and record["time_precision"] is None, where
    else:
        assert ISO_DAY.match(record["date_start"]) and ISO_DAY.match(record["date_end"]), where
        assert date.fromisoformat(record["date_start"]) <= date.fromisoformat(record["date_end"]), where
        assert record["time_precision"] in (1, 2, 3), where

    fatalities = record["fatalities"]
    assert fatalities is None or (type(fatalities) is int and fatalities >= 0), where
    assert record["certainty"] in CERTAINTIES, where
    assert record["attribution"] is None or (isinstance(record["attribution"], str) and record["attribution"])

    evidence = record["evidence"]
    assert set(EVIDENCE_FIELDS) <= set(evidence), where
    assert type(evidence["start"]) is int and type(evidence["end"]) is int, where
    assert 0 <= evidence["start"] < evidence["end"] <= len(text), (where, evidence)
    assert text[evidence["start"] : evidence["end"]] == evidence["sentence"], (where, evidence)

    assert isinstance(record["summary"], str) and record["summary"].strip(), where
    assert set(DOCUMENT_FIELDS) <= set(record["document"]), where


# --- the bundled examples -------------------------------------------------------------------------------


def test_extract_on_the_examples_succeeds_without_a_traceback(extracted_examples: Completed) -> None:
    assert extracted_examples.returncode == 0, extracted_examples.describe()
    assert "Traceback" not in extracted_examples.stderr
    assert extracted_examples.stdout.endswith("\n")


def test_every_line_is_a_json_event_with_every_contract_field(
    extracted_examples: Completed, example_documents: dict[str, Document]
) -> None:
    lines = extracted_examples.stdout.splitlines()
    assert len(lines) >= 8, extracted_examples.describe()
    for line in lines:
        record = json.loads(line)
        assert record["document_id"] in example_documents, record["document_id"]
        assert_contract_record(record, example_documents[record["document_id"]].text)


def test_every_example_yields_events_with_its_own_document_details(
    extracted_examples: Completed, example_documents: dict[str, Document]
) -> None:
    records = extracted_examples.records()
    # Each example reports at least one violent event; none may come back empty.
    assert {r["document_id"] for r in records} == set(example_documents)
    for record in records:
        document = example_documents[record["document_id"]]
        published = document.published.isoformat() if document.published else None
        assert record["document"]["published"] == published, record["event_id"]
        assert record["document"]["title"] == document.title, record["event_id"]


def test_the_examples_cover_acled_categories_and_several_certainties(extracted_examples: Completed) -> None:
    records = extracted_examples.records()
    sub_event_types = {r["sub_event_type"] for r in records}
    # The examples describe air strikes and shelling in so many words.
    assert {"Air/drone strike", "Shelling/artillery/missile attack"} <= sub_event_types
    # They also contain a denial and unconfirmed reports, written to exercise certainty coding.
    certainties = {r["certainty"] for r in records}
    assert "denied" in certainties and "unconfirmed" in certainties, certainties
    assert any(r["location"] and r["location"]["latitude"] is not None for r in records)


def test_event_ids_are_unique_and_stable_across_runs(
    extracted_examples: Completed, second_extract: Completed
) -> None:
    first, second = extracted_examples.records(), second_extract.records()
    ids = [r["event_id"] for r in first]
    assert len(set(ids)) == len(ids), "event ids must be unique within a run"
    assert [r["event_id"] for r in second] == ids
    assert second == first, "the same documents must give the same records"


def test_day_precision_means_a_single_day(extracted_examples: Completed) -> None:
    for record in extracted_examples.records():
        if record["time_precision"] == 1:
            assert record["date_start"] == record["date_end"], (record["event_id"], record["evidence"])


# --- standard input and --published ---------------------------------------------------------------------


def test_extract_without_a_path_reads_json_lines_from_stdin(from_stdin: Completed) -> None:
    assert from_stdin.returncode == 0, from_stdin.describe()
    assert "Traceback" not in from_stdin.stderr
    records = from_stdin.records()
    assert {r["document_id"] for r in records} == {"stdin-strike", "stdin-shelling"}
    texts = {STRIKE_REPORT["id"]: STRIKE_REPORT["text"], SECOND_REPORT["id"]: SECOND_REPORT["text"]}
    for record in records:
        assert_contract_record(record, texts[record["document_id"]])
    strikes = [r for r in records if r["sub_event_type"] == "Air/drone strike"]
    assert strikes, from_stdin.stdout
    for strike in strikes:
        assert strike["document_id"] == "stdin-strike"
        assert strike["document"] == {"title": "Jets strike Ariha", "url": None, "publisher": None,
                                      "published": "2024-10-16"}  # fmt: skip
        # 16 October 2024 was a Wednesday: "on Monday" is the 14th.
        assert (strike["date_start"], strike["date_end"], strike["time_precision"]) == ("2024-10-14",
                                                                                        "2024-10-14", 1)
        assert strike["fatalities"] == 5
        assert strike["actor1"] is not None and strike["actor1"]["country"] == "RU"
    shelling = [r for r in records if r["document_id"] == "stdin-shelling"]
    assert shelling and all(r["document"]["title"] is None for r in shelling)


def test_a_town_named_with_its_province_is_placed_in_that_country(from_stdin: Completed) -> None:
    strikes = [r for r in from_stdin.records() if r["sub_event_type"] == "Air/drone strike"]
    assert strikes
    for strike in strikes:
        location = strike["location"]
        assert location is not None and location["country_code"] == "SY", location


def test_dash_reads_stdin_and_published_overrides_the_documents_date(
    from_stdin: Completed, from_dash_with_date: Completed
) -> None:
    assert from_dash_with_date.returncode == 0, from_dash_with_date.describe()
    records = from_dash_with_date.records()
    assert records and {r["document_id"] for r in records} == {"stdin-strike"}
    for record in records:
        assert_contract_record(record, STRIKE_REPORT["text"])
        assert record["document"]["published"] == "2023-03-03"
    strikes = [r for r in records if r["sub_event_type"] == "Air/drone strike"]
    # 3 March 2023 was a Friday: "on Monday" is 27 February.
    assert strikes and all(r["date_start"] == r["date_end"] == "2023-02-27" for r in strikes)
    # Without the option the document's own date (16 October 2024) applied.
    originals = [r for r in from_stdin.records() if r["sub_event_type"] == "Air/drone strike"]
    assert originals and all(r["date_start"] == "2024-10-14" for r in originals)


def test_a_bad_published_option_is_a_usage_error(tmp_path: Path) -> None:
    result = run_sitrep_in(tmp_path)("extract", "-", "--published", "14/10/2024", stdin="")
    assert result.returncode == 2, result.describe()
    assert "Traceback" not in result.stderr and "--published" in result.stderr
    assert result.stdout == ""
