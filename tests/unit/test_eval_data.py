"""Reading the evaluation files: data directory choice, formats, offset repair; written here by hand."""

from __future__ import annotations

from pathlib import Path

import pytest
from eval_builders import SENTENCE, write_data

from sitrep.errors import ConfigError
from sitrep.eval.data import (
    DATA_ENV,
    data_available,
    load_case,
    load_case_labels,
    load_locations,
    load_plover,
    resolve_data_dir,
)


def test_data_directory_from_argument_environment_or_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(DATA_ENV, raising=False)
    assert resolve_data_dir() == Path("..") / "shared" / "eval"
    monkeypatch.setenv(DATA_ENV, str(tmp_path))
    assert resolve_data_dir() == tmp_path
    assert resolve_data_dir(tmp_path / "other") == tmp_path / "other"
    assert not data_available()
    write_data(tmp_path)
    assert data_available()


def test_missing_file_is_a_config_error_naming_the_variable(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=DATA_ENV):
        load_case(tmp_path)


def test_case_snippets_and_labels(tmp_path: Path) -> None:
    root = write_data(tmp_path)
    snippets = load_case(root)
    assert [(s.id, s.label) for s in snippets] == [("1", "ARMED_CLASH"), ("2", "DIPLO")]
    assert snippets[1].text == 'Envoys met in the capital to discuss "the plan" again'
    assert load_case(root, limit=1) == snippets[:1]
    assert load_case_labels(root) == ("ARMED_CLASH", "AIR_STRIKE", "DIPLO")


def test_location_sentences_repair_token_offsets(tmp_path: Path) -> None:
    sentences = load_locations(write_data(tmp_path))
    assert len(sentences) == 3  # the sentence with two event words has no single answer
    first, repaired, unlocated = sentences
    assert SENTENCE[slice(*first.locations[0])] == "Riverton"
    assert repaired.locations == first.locations
    assert unlocated.locations == () and unlocated.verb == (8, 16)


def test_plover_records_skip_documentation_and_read_empty_targets(tmp_path: Path) -> None:
    records = load_plover(write_data(tmp_path))
    assert [r.id for r in records] == ["P1"]
    assert records[0].targets == () and records[0].sources[0].code == "XLD"
    assert records[0].published is not None and records[0].published.year == 2001
